import { codeEnum, labelLookup, type CodeOf } from './code-table';

/**
 * Roles of invited participants (PML Art. 20; domain §4.6, §5). These people help but are not
 * registered 人民调解员, so they never sign as mediators; the role says why they were present.
 */
export const version = 1;

export const rows = [
  { code: 'JUDICIAL_OFFICE', label: '司法所' },
  { code: 'VILLAGE_COMMITTEES', label: '村（嘎查）两委' },
  { code: 'GRID_WORKER', label: '网格员' },
  { code: 'POLICE_ASSISTANT', label: '警务助理' },
  { code: 'COMMUNITY_POLICE', label: '社区民警' },
  { code: 'HERDER_REPRESENTATIVE', label: '牧民代表' },
  { code: 'HOUSEHOLD_HEAD', label: '十户长/联户长' },
  { code: 'RESPECTED_ELDER', label: '乡贤/五老' },
  { code: 'LEGAL_LIAISON', label: '法律明白人' },
  { code: 'RELATIVE', label: '亲属' },
  { code: 'NEIGHBOUR', label: '邻里' },
  { code: 'EXPERT', label: '专家' },
  { code: 'OTHER', label: '其他' },
] as const satisfies readonly { readonly code: string; readonly label: string }[];

export const codeSchema = codeEnum(rows, '参与人身份');
export type Code = CodeOf<typeof rows>;

export const labelOf = labelLookup(rows);

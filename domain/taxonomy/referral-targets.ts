import { z } from 'zod';
import { codeEnum, labelLookup, leafCodesOf, type CodeOf } from './code-table';

/**
 * Where a case can be handed over (referral.to, domain §4.5 and §4.2). ADMIN and ARBITRATION are
 * grouping rows: a referral names the actual department, because feedback is chased per body.
 */
export const version = 1;

export const rows = [
  { code: 'POLICE', label: '派出所/公安机关' },
  { code: 'COURT', label: '人民法院' },
  { code: 'JUDICIAL_OFFICE', label: '司法所' },
  { code: 'TOWNSHIP_CENTRE', label: '乡镇（苏木）综治中心' },
  { code: 'COUNTY_CENTRE', label: '县矛调中心/综治中心' },
  { code: 'PETITION_OFFICE', label: '信访部门' },
  { code: 'SUPERIOR_COMMITTEE', label: '上级人民调解委员会' },
  { code: 'ADMIN', label: '行政主管部门' },
  { code: 'ADMIN_NATURAL_RESOURCES', parent: 'ADMIN', label: '自然资源部门' },
  { code: 'ADMIN_HR_LABOUR', parent: 'ADMIN', label: '人社/劳动监察部门' },
  { code: 'ADMIN_HOUSING', parent: 'ADMIN', label: '住建部门' },
  { code: 'ADMIN_MARKET', parent: 'ADMIN', label: '市场监管部门' },
  { code: 'ADMIN_HEALTH', parent: 'ADMIN', label: '卫健部门' },
  { code: 'ADMIN_OTHER', parent: 'ADMIN', label: '其他行政主管部门' },
  { code: 'ARBITRATION', label: '仲裁机构' },
  { code: 'ARBITRATION_LABOUR', parent: 'ARBITRATION', label: '劳动人事争议仲裁委员会' },
  { code: 'ARBITRATION_RURAL_LAND', parent: 'ARBITRATION', label: '农村土地承包仲裁委员会' },
  { code: 'OTHER', label: '其他' },
] as const satisfies readonly {
  readonly code: string;
  readonly label: string;
  readonly parent?: string;
}[];

export const codeSchema = codeEnum(rows, '移交单位');
export type Code = CodeOf<typeof rows>;

export const selectableCodeSchema = z.enum(leafCodesOf(rows), { error: '请选择具体的移交单位' });
export type SelectableCode = z.infer<typeof selectableCodeSchema>;

export const labelOf = labelLookup(rows);

import { codeEnum, codesOf, labelLookup, type CodeOf } from './code-table';

/**
 * Mediating organisation type (不同主体, domain §3.4). Pastoral counties (Inner Mongolia) print
 * 嘎查/苏木 wording on their forms, so each row carries both labels and a committee setting picks
 * one. Stationed rooms and personal studios report under their parent committee's type.
 */
export const version = 1;

export const rows = [
  { code: 'VILLAGE', label: '村调委会', pastoralLabel: '嘎查村调委会' },
  { code: 'RESIDENTS', label: '居（社区）调委会', pastoralLabel: '社区（居）调委会' },
  { code: 'TOWNSHIP', label: '乡镇调委会', pastoralLabel: '苏木乡镇调委会' },
  { code: 'STREET', label: '街道调委会', pastoralLabel: '城市街道调委会' },
  { code: 'ENTERPRISE', label: '企事业单位调委会', pastoralLabel: '企事业单位调委会' },
  // The spec lists two generic wordings for this row; the template wording is the label.
  {
    code: 'SECTOR',
    label: '社会团体和其他组织调委会',
    alternativeLabel: '行业性专业性调委会',
    pastoralLabel: '专业性行业性调委会',
  },
] as const satisfies readonly {
  readonly code: string;
  readonly label: string;
  readonly pastoralLabel: string;
  readonly alternativeLabel?: string;
}[];

export const codeSchema = codeEnum(rows, '调解组织类型');
export type Code = CodeOf<typeof rows>;

export const labelOf = labelLookup(rows);

/** Plain code list for callers that build their own enum (e.g. room settings). */
export const ORGANISATION_TYPE_CODES = codesOf(rows);

export type LabelStyle = 'GENERIC' | 'PASTORAL';

export function styledLabelOf(code: Code, style: LabelStyle): string {
  const row = rows.find((r) => r.code === code);
  if (row === undefined) return code;
  switch (style) {
    case 'GENERIC':
      return row.label;
    case 'PASTORAL':
      return row.pastoralLabel;
    default: {
      const unreachable: never = style;
      return unreachable;
    }
  }
}

import { codeEnum, labelLookup, type CodeOf } from './code-table';

/**
 * Routes the parties were told about when mediation could not help (advised_routes, domain §4.2,
 * §5). Kept coarse on purpose: the county counts them, the detail goes into a free-text note.
 */
export const version = 1;

export const rows = [
  { code: 'LITIGATION', label: '诉讼' },
  { code: 'ARBITRATION', label: '仲裁' },
  { code: 'ADMINISTRATIVE', label: '行政处理' },
  { code: 'PETITION', label: '信访' },
  { code: 'OTHER', label: '其他' },
] as const satisfies readonly { readonly code: string; readonly label: string }[];

export const codeSchema = codeEnum(rows, '告知的解决途径');
export type Code = CodeOf<typeof rows>;

export const labelOf = labelLookup(rows);

import { codeEnum, labelLookup, type CodeOf } from './code-table';

/**
 * How a court sent a case to the room (domain §3.3 `ENTRUSTED_COURT`, §4.11): 委派调解 before a
 * suit is filed, 委托调解 after the court has accepted it. Both run on the court's 30 days.
 */
export const version = 1;

export const rows = [
  { code: 'DELEGATED', label: '委派调解（诉前）' },
  { code: 'ENTRUSTED', label: '委托调解（诉中）' },
] as const;

export const codeSchema = codeEnum(rows, '委派方式');
export type Code = CodeOf<typeof rows>;
export const labelOf = labelLookup(rows);

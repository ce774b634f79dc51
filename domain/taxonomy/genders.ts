import { codeEnum, labelLookup, type CodeOf } from './code-table';

/**
 * Gender as printed on the forms (性别). Only the two values the ID number can encode (§6.1:
 * 17th digit odd = male), because the form cross-checks gender against it.
 */
export const version = 1;

export const rows = [
  { code: 'MALE', label: '男' },
  { code: 'FEMALE', label: '女' },
] as const satisfies readonly { readonly code: string; readonly label: string }[];

export const codeSchema = codeEnum(rows, '性别');
export type Code = CodeOf<typeof rows>;

export const labelOf = labelLookup(rows);

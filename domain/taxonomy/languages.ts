import { codeEnum, labelLookup, type CodeOf } from './code-table';

/**
 * Languages for a party's preferred language and a session's interpretation (domain §4.10).
 * Codes are ISO 639-1 where one exists, so exports need no mapping.
 */
export const version = 1;

export const rows = [
  { code: 'zh', label: '汉语' },
  { code: 'bo', label: '藏语' },
  { code: 'mn', label: '蒙古语' },
  { code: 'ug', label: '维吾尔语' },
  { code: 'kk', label: '哈萨克语' },
  { code: 'other', label: '其他' },
] as const satisfies readonly { readonly code: string; readonly label: string }[];

export const codeSchema = codeEnum(rows, '语言');
export type Code = CodeOf<typeof rows>;

export const labelOf = labelLookup(rows);

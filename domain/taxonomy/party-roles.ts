import { codeEnum, labelLookup, type CodeOf } from './code-table';

/**
 * A party's procedural role and legal kind (domain §5, Party). Both print on the forms' party
 * block; the kind also decides which identity fields apply (a 法人 has a credit code, no gender).
 */
export const version = 1;

export const rows = [
  { code: 'APPLICANT', label: '申请人' },
  { code: 'RESPONDENT', label: '被申请人' },
  { code: 'THIRD_PARTY', label: '第三人' },
] as const satisfies readonly { readonly code: string; readonly label: string }[];

export const codeSchema = codeEnum(rows, '当事人地位');
export type Code = CodeOf<typeof rows>;

export const labelOf = labelLookup(rows);

export const kindVersion = 1;

export const kindRows = [
  { code: 'NATURAL', label: '自然人' },
  { code: 'LEGAL', label: '法人' },
  { code: 'OTHER_ORG', label: '非法人组织' },
] as const satisfies readonly { readonly code: string; readonly label: string }[];

export const kindCodeSchema = codeEnum(kindRows, '当事人类型');
export type KindCode = CodeOf<typeof kindRows>;

export const kindLabelOf = labelLookup(kindRows);

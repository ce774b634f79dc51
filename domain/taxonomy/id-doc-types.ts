import { z } from 'zod';
import { singleLine } from '../text-input';
import { codeEnum, labelLookup, type CodeOf } from './code-table';

/**
 * Identity document types (id_doc_type, domain §6.1). `holder` says who can hold it, so the
 * party form offers the credit code only to organisations. NONE exists because elderly herders
 * often carry no document to a mediation; the form then needs a reason instead of a number.
 */
export const version = 1;

export const rows = [
  { code: 'RESIDENT_ID', label: '居民身份证', holder: 'PERSON' },
  { code: 'TEMPORARY_RESIDENT_ID', label: '临时居民身份证', holder: 'PERSON' },
  { code: 'HOUSEHOLD_REGISTER', label: '户口簿', holder: 'PERSON' },
  { code: 'HMT_RESIDENCE_PERMIT', label: '港澳台居民居住证', holder: 'PERSON' },
  { code: 'HK_MACAO_TRAVEL_PERMIT', label: '港澳居民来往内地通行证', holder: 'PERSON' },
  { code: 'TAIWAN_TRAVEL_PERMIT', label: '台湾居民来往大陆通行证', holder: 'PERSON' },
  { code: 'FOREIGNER_PERMANENT_RESIDENCE', label: '外国人永久居留身份证', holder: 'PERSON' },
  { code: 'PASSPORT', label: '护照', holder: 'PERSON' },
  { code: 'MILITARY_ID', label: '军人证件', holder: 'PERSON' },
  { code: 'UNIFIED_SOCIAL_CREDIT_CODE', label: '统一社会信用代码', holder: 'ORGANISATION' },
  { code: 'OTHER', label: '其他', holder: 'ANY' },
  { code: 'NONE', label: '无', holder: 'ANY' },
] as const satisfies readonly {
  readonly code: string;
  readonly label: string;
  readonly holder: 'PERSON' | 'ORGANISATION' | 'ANY';
}[];

export const codeSchema = codeEnum(rows, '证件类型');
export type Code = CodeOf<typeof rows>;

export const labelOf = labelLookup(rows);

type NumberedCode = Exclude<Code, 'NONE' | 'OTHER'>;
const numberedCodes = rows
  .map((r) => r.code)
  .filter((c): c is NumberedCode => c !== 'NONE' && c !== 'OTHER');

/**
 * A party's document. Only the shape is checked here; number formats (ID check digit, credit
 * code) belong to their own validators and are applied by the party form.
 */
export const documentSchema = z.discriminatedUnion(
  'type',
  [
    z.object({
      type: z.enum(numberedCodes),
      number: singleLine({ label: '证件号码', min: 1, max: 40, strict: true }),
    }),
    z.object({
      type: z.literal('OTHER'),
      name: singleLine({ label: '证件名称', min: 1, max: 40 }),
      number: singleLine({ label: '证件号码', min: 1, max: 40, strict: true }),
    }),
    z.object({
      type: z.literal('NONE'),
      reason: singleLine({ label: '无证件的原因', min: 1, max: 200 }),
    }),
  ],
  { error: '请选择证件类型' },
);
export type Document = z.infer<typeof documentSchema>;

import { z } from 'zod';
import { booleanField, expectedVersionField, rowIdField } from '../cases/input-fields';
import { periodField } from '../statistics/period';
import { optionalSingleLine, singleLine } from '../text-input';
import { subsidyRulesSchema } from './subsidy-rules';

/** A rule file is small; 256 KB is far above any county's table and keeps a wrong file cheap. */
export const MAX_RULES_FILE_BYTES = 256 * 1024;

export const SHIPPED_EXAMPLE_FILES = [
  'subsidy-example-difficulty.v1.json',
  'subsidy-example-committee-level.v1.json',
] as const;

/** subsidy.importRules: a file the county handed out, or one of the shipped examples. */
export const importRulesSchema = z.discriminatedUnion(
  'source',
  [
    z.strictObject({
      source: z.literal('FILE'),
      fileName: singleLine({ label: '文件名', min: 1, max: 255 }),
      /** The file's bytes as base64, like every file the renderer hands over; decoded as UTF-8. */
      dataBase64: z
        .string({ error: '文件内容必须是 base64 文字' })
        .min(1, { error: '规则文件是空的' })
        .max(Math.ceil(MAX_RULES_FILE_BYTES / 3) * 4 + 4, {
          error: '规则文件过大（最多 256 KB），请确认选对了文件',
        })
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: '文件内容不是有效的 base64 编码' }),
    }),
    z.strictObject({
      source: z.literal('EXAMPLE'),
      fileName: z.enum(SHIPPED_EXAMPLE_FILES, { error: '没有这个示例规则' }),
    }),
  ],
  { error: '导入方式无效' },
);
export type ImportRulesValues = z.output<typeof importRulesSchema>;

/** subsidy.saveRules: a rule edited in 设置 (stored as a new row, never over the old one). */
export const saveRulesSchema = z.strictObject({ rules: subsidyRulesSchema });

export const rulesRowSchema = z.strictObject({ rowId: rowIdField('补贴规则') });

export const activateRulesSchema = z.strictObject({
  rowId: rowIdField('补贴规则').nullable(),
  expectedVersion: expectedVersionField,
});

export const caseSubsidySchema = z.strictObject({ caseId: rowIdField('案件') });

/** subsidy.confirmTier: the mediator's decision; a reason when it differs from the suggestion. */
export const confirmTierSchema = z.strictObject({
  caseId: rowIdField('案件'),
  tierCode: z
    .string({ error: '请选择补贴档次' })
    .regex(/^[A-Z][A-Z0-9_]{0,19}$/, { error: '补贴档次无效' }),
  reason: optionalSingleLine({ label: '调整理由', max: 200 }),
});
export type ConfirmTierValues = z.output<typeof confirmTierSchema>;

/** subsidy.saveCaseFacts: what a reviewer checks that the ledger cannot derive. */
export const caseSubsidyFactsSchema = z.strictObject({
  caseId: rowIdField('案件'),
  expectedVersion: expectedVersionField,
  inCountyRegister: z.boolean({ error: '是否已登记县级台账必须选择' }).nullable(),
  countyRegisterRef: optionalSingleLine({ label: '县级台账编号', max: 60 }),
  crossArea: z.boolean({ error: '是否跨地区必须选择是或否' }),
  oralAttendanceProven: z.boolean({ error: '口头调解是否已证明到场必须选择是或否' }),
  reason: optionalSingleLine({ label: '修改理由', max: 200 }),
});
export type CaseSubsidyFactsValues = z.output<typeof caseSubsidyFactsSchema>;

export const claimPackSchema = z.strictObject({
  mediatorId: rowIdField('调解员'),
  period: periodField,
});

/** subsidy.claimPacks: every mediator's pack for a period (a county clerk's round of a room). */
export const claimPacksSchema = z.strictObject({ period: periodField });

/** subsidy.printClaimSheet: the pack as the 申报表, frozen in the period print register. */
export const claimSheetSchema = claimPackSchema.extend({
  allowMissingGlyphs: booleanField('是否允许缺字打印').default(false),
});

/** subsidy.printRecognition: one case's 调解案件认定表, frozen in the case's print register. */
export const recognitionSchema = z.strictObject({
  caseId: rowIdField('案件'),
  allowMissingGlyphs: booleanField('是否允许缺字打印').default(false),
});

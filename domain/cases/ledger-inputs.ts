import { mediatorProfileSchema } from './mediator-profile';
import { z } from 'zod';
import { MAX_RECORD_GRACE_DAYS } from './record-dates';
import { caseStateSchema } from '../case-lifecycle';
import { optionalSingleLine } from '../text-input';
import * as caseSources from '../taxonomy/case-sources';
import * as disputeCategories from '../taxonomy/dispute-categories';
import * as ethnicGroups from '../taxonomy/ethnic-groups';
import * as languages from '../taxonomy/languages';
import * as riskLevels from '../taxonomy/risk-levels';
import { personNameField } from '../validation/zod-fields';
import {
  booleanField,
  expectedVersionField,
  optionalIsoDateField,
  rowIdField,
  uniqueList,
} from './input-fields';

/** Rows per ledger page: what fits a laptop screen without scrolling the page itself. */
export const LEDGER_PAGE_SIZE = 50;

export const LEDGER_SORTS = ['ACCEPTED_DATE', 'INTAKE_DATE', 'DUE_DATE', 'CASE_NUMBER'] as const;
export type LedgerSort = (typeof LEDGER_SORTS)[number];

/**
 * Cases a court sent (委派/委托调解, issue 15): all of them, one way of sending, or those past
 * the court's deadline (30 days, +30 with consent) with no result for the court yet.
 */
export const COURT_CASE_FILTERS = ['ANY', 'DELEGATED', 'ENTRUSTED', 'OVERDUE'] as const;
export type CourtCaseFilter = (typeof COURT_CASE_FILTERS)[number];

/** cases.search: one box of text plus the ledger's filters. Every filter is optional. */
export const ledgerQuerySchema = z
  .strictObject({
    /** Case number, party name, pinyin initials (wf → 王芳), phone, ID number or any text. */
    text: optionalSingleLine({ label: '搜索内容', max: 100 }),
    statuses: uniqueList(caseStateSchema, '案件状态', 20).default([]),
    category: disputeCategories.codeSchema.nullish().transform((v) => v ?? null),
    subtype: disputeCategories.subtypeCodeSchema.nullish().transform((v) => v ?? null),
    /** ENTRUSTED matches every entrusting body under it. */
    source: caseSources.codeSchema.nullish().transform((v) => v ?? null),
    riskLevels: uniqueList(riskLevels.codeSchema, '风险等级', 4).default([]),
    mediatorId: rowIdField('调解员')
      .nullish()
      .transform((v) => v ?? null),
    acceptedFrom: optionalIsoDateField('受理日期（起）'),
    acceptedTo: optionalIsoDateField('受理日期（止）'),
    overdueOnly: booleanField('只看超期').default(false),
    /**
     * 全部案件（只读）: a 调解员 asks for the whole room's cases, not only their own. Honoured only
     * while the committee's setting 调解员可查看本调委会全部案件（只读） is on; other roles see the
     * room anyway.
     */
    allCases: booleanField('全部案件（只读）').default(false),
    courtCases: z
      .enum(COURT_CASE_FILTERS, { error: '法院委派案件的筛选条件不正确' })
      .nullish()
      .transform((v) => v ?? null),
    sort: z.enum(LEDGER_SORTS, { error: '排序方式不正确' }).default('ACCEPTED_DATE'),
    direction: z.enum(['ASC', 'DESC'], { error: '排序方向不正确' }).default('DESC'),
    /** Count every match (the first answer stops counting at 1,000 to stay fast). */
    exactTotal: booleanField('精确总数').default(false),
    page: z
      .number({ error: '页码无效' })
      .int({ error: '页码无效' })
      .min(1, { error: '页码无效' })
      .max(100_000, { error: '页码无效' })
      .default(1),
  })
  .refine(
    (v) => v.acceptedFrom === null || v.acceptedTo === null || v.acceptedFrom <= v.acceptedTo,
    { error: '受理日期的起始日不能晚于截止日', path: ['acceptedTo'] },
  );
export type LedgerQueryInput = z.input<typeof ledgerQuerySchema>;
export type LedgerQuery = z.output<typeof ledgerQuerySchema>;

/** cases.findDuplicateParties: what the intake form knows about each party so far. */
export const duplicateProbeSchema = z.strictObject({
  parties: z
    .array(
      z.strictObject({
        idNumber: optionalSingleLine({ label: '证件号码', max: 40, strict: true }),
        name: optionalSingleLine({ label: '姓名', max: 100, strict: true }),
        phone: optionalSingleLine({ label: '联系电话', max: 40, strict: true }),
      }),
      { error: '当事人格式不正确' },
    )
    .max(200, { error: '当事人最多 200 名' }),
  /** The case being edited, so its own parties are not reported as duplicates. */
  excludeCaseId: rowIdField('案件')
    .nullish()
    .transform((v) => v ?? null),
});
export type DuplicateProbe = z.output<typeof duplicateProbeSchema>;

/** mediators.save: the room's list of mediators (§5 User, kept as settings for now). */
export const mediatorInputSchema = z.strictObject({
  /** Null or absent to add a new mediator. */
  id: rowIdField('调解员')
    .nullish()
    .transform((v) => v ?? null),
  expectedVersion: expectedVersionField,
  name: personNameField,
  /** Only registered 人民调解员 may host sessions and sign (PML 13, §6.9 ERROR). */
  isPeopleMediator: booleanField('是否人民调解员'),
  languages: uniqueList(languages.codeSchema, '工作语言', 6).default(['zh']),
  active: booleanField('是否在岗').default(true),
  /** Absent: the stored profile is kept (older screens save without it). */
  profile: mediatorProfileSchema.optional(),
});
export type MediatorValues = z.output<typeof mediatorInputSchema>;

const dueDays = z
  .number({ error: '办理期限必须是天数' })
  .int({ error: '办理期限必须是整数天' })
  .min(1, { error: '办理期限至少 1 天' })
  .max(365, { error: '办理期限最多 365 天' });

/** caseSettings.save: per-risk due days (§4.3) and the ethnic extension codes (§6.3). */
export const caseSettingsInputSchema = z.strictObject({
  expectedVersion: expectedVersionField,
  dueDays: z.strictObject({ LOW: dueDays, MEDIUM: dueDays, HIGH: dueDays, CRITICAL: dueDays }),
  ethnicExtensions: ethnicGroups.extensionsSchema,
  /** Days a session or investigation may precede the acceptance date (late entry). */
  recordGraceDays: z
    .number({ error: '补录宽限必须是天数' })
    .int({ error: '补录宽限必须是整数天' })
    .min(0, { error: '补录宽限不能为负数' })
    .max(MAX_RECORD_GRACE_DAYS, { error: `补录宽限最多 ${MAX_RECORD_GRACE_DAYS} 天` })
    .optional(),
});
export type CaseSettingsValues = z.output<typeof caseSettingsInputSchema>;

/** codeTables.get: the tables a picker needs; empty list means all. */
export const codeTablesQuerySchema = z.strictObject({
  names: z
    // Table names are identifiers: ASCII letters, digits, dashes and underscores only.
    .array(
      z
        .string({ error: '代码表名称无效' })
        .regex(/^[A-Za-z0-9_-]{1,40}$/u, { error: '代码表名称无效' }),
      {
        error: '代码表名称无效',
      },
    )
    .max(30, { error: '代码表最多 30 个' })
    .default([]),
});

export const dashboardQuerySchema = z.strictObject({
  /** Overrides "today" (Asia/Shanghai) for the report; absent means today. */
  today: optionalIsoDateField('日期'),
});

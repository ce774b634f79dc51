import { z } from 'zod';
import {
  booleanField,
  isoDateField,
  optionalIsoDateField,
  rowIdField,
} from '../cases/input-fields';
import { multiLine, optionalMultiLine, optionalSingleLine, singleLine } from '../text-input';
import {
  CONFIRMATION_DECISIONS,
  NEXT_STEPS,
  PERFORMANCE_STATUSES,
  SATISFACTION_LEVELS,
  VISIT_MODES,
  VISIT_RISKS,
} from './followup-codes';

/** What the 回访 screens send (domain §2.11, §1.2, §4.3). Ledger checks live in the services. */

const choice = <T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z.enum(values, {
    error: (iss) =>
      iss.input === undefined || iss.input === null ? `请选择${label}` : `${label}不在可选范围内`,
  });

const versionField = z
  .number({ error: '版本号必须是数字' })
  .int({ error: '版本号无效' })
  .min(0, { error: '版本号无效' });

export const visitSchema = z
  .strictObject({
    visitDate: isoDateField('回访日期'),
    mode: choice(VISIT_MODES, '回访方式'),
    visitedPartyIds: z
      .array(rowIdField('被回访当事人'), { error: '被回访当事人格式不正确' })
      .min(1, { error: '请至少选择一名被回访的当事人' })
      .max(20, { error: '被回访当事人最多 20 人' })
      .refine((l) => new Set(l).size === l.length, { error: '被回访当事人有重复' }),
    findings: multiLine({ label: '回访情况', min: 1, max: 5000 }),
    performance: choice(PERFORMANCE_STATUSES, '履行情况'),
    satisfaction: choice(SATISFACTION_LEVELS, '满意程度'),
    risk: choice(VISIT_RISKS, '隐患情况'),
    visitorId: rowIdField('回访人'),
    nextStep: choice(NEXT_STEPS, '后续处理'),
    nextVisitDate: optionalIsoDateField('下次回访日期'),
    nextStepNote: optionalMultiLine({ label: '后续处理说明', max: 1000 }),
  })
  .superRefine((v, ctx) => {
    const unsettled = v.performance === 'PARTLY' || v.performance === 'NOT_PERFORMED';
    if (unsettled && v.nextStep === 'NONE') {
      ctx.addIssue({
        code: 'custom',
        path: ['nextStep'],
        message: '协议未完全履行，请选择后续处理：再次回访、重新调解或告知司法途径',
      });
    }
    if (v.nextStep === 'NEXT_VISIT' && v.nextVisitDate === null) {
      ctx.addIssue({ code: 'custom', path: ['nextVisitDate'], message: '请填写下次回访日期' });
    }
    if (v.nextVisitDate !== null && v.nextVisitDate <= v.visitDate) {
      ctx.addIssue({
        code: 'custom',
        path: ['nextVisitDate'],
        message: '下次回访日期应晚于本次回访日期',
      });
    }
  });
export type VisitValues = z.output<typeof visitSchema>;
export type VisitInput = z.input<typeof visitSchema>;

export const recordVisitSchema = z.strictObject({
  caseId: rowIdField('案件'),
  /** The scheduled visit this record fulfils; null records an unscheduled visit. */
  followUpId: rowIdField('回访安排').nullable(),
  /** The scheduled visit's version (0 for an unscheduled visit). */
  expectedVersion: versionField,
  visit: visitSchema,
});

export const scheduleVisitSchema = z.strictObject({
  caseId: rowIdField('案件'),
  dueDate: isoDateField('计划回访日期'),
  note: singleLine({ label: '回访事由', min: 1, max: 200 }),
});

export const cancelVisitSchema = z.strictObject({
  followUpId: rowIdField('回访安排'),
  expectedVersion: versionField,
  reason: singleLine({ label: '取消原因', min: 1, max: 200 }),
});

export const FOLLOWUP_BUCKETS = ['OVERDUE', 'TODAY', 'WEEK', 'UPCOMING', 'DONE'] as const;
export type FollowUpBucket = (typeof FOLLOWUP_BUCKETS)[number];

export const followUpListSchema = z.strictObject({
  bucket: choice(FOLLOWUP_BUCKETS, '回访分类'),
  visitorId: rowIdField('回访人')
    .nullish()
    .transform((v) => v ?? null),
  /** Case number or title fragment. */
  text: optionalSingleLine({ label: '查询文字', max: 60 }),
  offset: z.number({ error: '分页参数无效' }).int().min(0).max(1_000_000).default(0),
  limit: z.number({ error: '分页参数无效' }).int().min(1).max(200).default(50),
});
export type FollowUpListQuery = z.output<typeof followUpListSchema>;

const dayCount = (label: string, max: number) =>
  z
    .number({ error: `${label}必须是数字` })
    .int({ error: `${label}必须是整数` })
    .min(0, { error: `${label}不能为负数` })
    .max(max, { error: `${label}最多 ${max} 天` });

export const followUpSettingsSchema = z.strictObject({
  afterDueDays: dayCount('分期（履行期限）到期后回访天数', 90),
  afterAgreementDays: dayCount('协议达成后回访天数', 180),
  notifyHour: z
    .number({ error: '提醒时间必须是数字' })
    .int({ error: '提醒时间必须是整点' })
    .min(0, { error: '提醒时间应在 0–23 点之间' })
    .max(23, { error: '提醒时间应在 0–23 点之间' }),
  /** The desktop notification of due and overdue visits (Electron only). */
  notifyEnabled: booleanField('桌面提醒'),
  expectedVersion: versionField,
});
export type FollowUpSettingsValues = z.output<typeof followUpSettingsSchema>;

export const confirmationSchema = z
  .strictObject({
    caseId: rowIdField('案件'),
    agreementId: rowIdField('调解协议'),
    /** 0 for the first record of this agreement. */
    expectedVersion: versionField,
    appliedDate: isoDateField('申请日期'),
    court: singleLine({ label: '受理法院', min: 2, max: 80 }),
    courtCaseNumber: optionalSingleLine({ label: '法院案号', max: 60 }),
    decision: choice(CONFIRMATION_DECISIONS, '法院决定'),
    decisionDate: optionalIsoDateField('决定日期'),
    enforcementAppliedDate: optionalIsoDateField('申请强制执行日期'),
    note: optionalMultiLine({ label: '备注', max: 1000 }),
  })
  .superRefine((v, ctx) => {
    if (v.decision !== 'PENDING' && v.decisionDate === null) {
      ctx.addIssue({ code: 'custom', path: ['decisionDate'], message: '请填写法院作出决定的日期' });
    }
    if (v.decisionDate !== null && v.decisionDate < v.appliedDate) {
      ctx.addIssue({ code: 'custom', path: ['decisionDate'], message: '决定日期不能早于申请日期' });
    }
    if (v.enforcementAppliedDate !== null && v.decision !== 'VALID') {
      ctx.addIssue({
        code: 'custom',
        path: ['enforcementAppliedDate'],
        message: '只有法院裁定调解协议有效后，才能申请强制执行',
      });
    }
    if (
      v.enforcementAppliedDate !== null &&
      v.decisionDate !== null &&
      v.enforcementAppliedDate < v.decisionDate
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['enforcementAppliedDate'],
        message: '申请强制执行日期不能早于法院决定日期',
      });
    }
  });
export type ConfirmationValues = z.output<typeof confirmationSchema>;

export const extendDueSchema = z.strictObject({
  caseId: rowIdField('案件'),
  expectedVersion: versionField,
  newDueDate: isoDateField('延长后的期限'),
  consentDate: isoDateField('当事人同意日期'),
  /** Every party of the case must consent (provincial rule, §1.2). */
  consentPartyIds: z
    .array(rowIdField('同意延期的当事人'), { error: '同意延期的当事人格式不正确' })
    .min(2, { error: '延长调解期限须经双方当事人同意，请选择同意的当事人' })
    .max(50)
    .refine((l) => new Set(l).size === l.length, { error: '同意延期的当事人有重复' }),
  reason: multiLine({ label: '延期原因', min: 1, max: 1000 }),
});
export type ExtendDueValues = z.output<typeof extendDueSchema>;

export const weekSchema = z.strictObject({
  /** Any day of the week to show; the week starts on Monday. */
  day: isoDateField('日期'),
});

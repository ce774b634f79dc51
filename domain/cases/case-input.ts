import { z } from 'zod';
import { multiLine, optionalMultiLine, optionalSingleLine, singleLine } from '../text-input';
import * as caseSources from '../taxonomy/case-sources';
import * as courtKinds from '../taxonomy/court-kinds';
import * as warningLevels from '../taxonomy/warning-levels';
import * as disputeCategories from '../taxonomy/dispute-categories';
import * as preventionFlags from '../taxonomy/prevention-flags';
import * as riskFactors from '../taxonomy/risk-factors';
import * as riskLevels from '../taxonomy/risk-levels';
import { chinaToday } from '../validation/calendar-date';
import { caseFactIssues } from './court-deadline';
import {
  booleanField,
  isoDateField,
  optionalFenField,
  optionalIsoDateField,
  rowIdField,
  uniqueList,
} from './input-fields';
import { partyInputSchema } from './party-input';
import { refineParties } from './party-rules';

/** 当事人申请事项 1、2、3、 */
const requestsList = z
  .array(singleLine({ label: '申请事项', min: 1, max: 500 }), { error: '申请事项格式不正确' })
  .max(20, { error: '申请事项最多 20 项' });
const preventionFlagList = z
  .array(preventionFlags.flagSchema, { error: '预防情况格式不正确' })
  .max(10, { error: '预防情况最多 10 项' });

/** 涉及人数: entered, not derived (§3.7), so a village-wide dispute with two parties says 300. */
const personsInvolvedField = z
  .number({ error: '涉及人数必须是整数' })
  .int({ error: '涉及人数必须是整数' })
  .min(1, { error: '涉及人数至少为 1' })
  .max(1_000_000, { error: '涉及人数过大' })
  .nullish()
  .transform((v) => v ?? null);

/**
 * What the 综治 centre asks of every case (domain §4.11) and the court's side of a case it
 * sent (委派/委托调解). All optional at intake except the court's name, kind and day for a case
 * whose source is the court (`caseFactIssues`).
 */
const caseFactShape = {
  occurredOn: optionalIsoDateField('纠纷发生日期'),
  occurredPlace: optionalSingleLine({ label: '纠纷发生地点', max: 100 }),
  personsInvolved: personsInvolvedField,
  warningLevel: warningLevels.codeSchema.nullish().transform((v) => v ?? null),
  responsibleLeader: optionalSingleLine({ label: '包案领导', max: 60 }),
  courtKind: courtKinds.codeSchema.nullish().transform((v) => v ?? null),
  courtName: optionalSingleLine({ label: '委派法院', max: 60 }),
  courtReference: optionalSingleLine({ label: '法院案号', max: 60 }),
  courtReceivedOn: optionalIsoDateField('收到委派日期'),
};

/** Fields of a case a mediator types at intake and may correct later (§2.4, §2.5, §5 Case). */
const caseFieldShape = {
  /** 卷名; printed on the volume cover. Defaults to "<first applicant>与<first respondent>…纠纷". */
  title: optionalSingleLine({ label: '案件名称', max: 100 }),
  source: caseSources.selectableCodeSchema,
  category: disputeCategories.codeSchema,
  subtype: disputeCategories.subtypeCodeSchema.nullish().transform((s) => s ?? null),
  summary: multiLine({ label: '纠纷简要情况', min: 1, max: 5000 }),
  requests: requestsList.default([]),
  riskLevel: riskLevels.codeSchema.default('LOW'),
  riskFactors: riskFactors.selectionSchema.default([]),
  preventionFlags: preventionFlagList.default([]),
  isDifficult: booleanField('是否疑难复杂纠纷').default(false),
  amountClaimedFen: optionalFenField('争议金额'),
  /** Mediators in charge of the case (the ledger's 调解员 filter). */
  mediatorIds: uniqueList(rowIdField('调解员'), '承办调解员', 10).default([]),
  remarks: optionalMultiLine({ label: '备注', max: 2000 }),
  ...caseFactShape,
};

const subtypeMatches = (v: {
  category: disputeCategories.Code;
  subtype: disputeCategories.SubtypeCode | null;
}) => v.subtype === null || disputeCategories.parentOf(v.subtype) === v.category;

/** cases.create: intake (登记) with every party at once. */
export const caseIntakeSchema = z
  .strictObject({
    intakeDate: isoDateField('登记日期'),
    ...caseFieldShape,
    parties: z
      .array(partyInputSchema, { error: '当事人格式不正确' })
      .min(1, { error: '请至少登记一名当事人' })
      .max(200, { error: '当事人最多 200 名' }),
  })
  .superRefine((v, ctx) => {
    if (v.intakeDate > chinaToday()) {
      ctx.addIssue({ code: 'custom', path: ['intakeDate'], message: '登记日期不能晚于今天' });
    }
    if (!subtypeMatches(v)) {
      ctx.addIssue({ code: 'custom', path: ['subtype'], message: '纠纷细类与纠纷类型不匹配' });
    }
    for (const issue of caseFactIssues(v, chinaToday(), true)) {
      ctx.addIssue({ code: 'custom', path: [...issue.path], message: issue.message });
    }
    refineParties(v.parties, v.intakeDate, ctx, ['parties']);
  });
export type CaseIntakeInput = z.input<typeof caseIntakeSchema>;
export type CaseIntakeValues = z.output<typeof caseIntakeSchema>;

/**
 * cases.update: a patch; absent keys keep their value. Category and subtype travel together.
 * The lists are the bare schemas, not intake's defaulted ones: an optional wrapped around a
 * default still fills it in, and a patch without `requests` then emptied the stored requests.
 */
export const caseChangesSchema = z
  .strictObject({
    title: caseFieldShape.title.optional(),
    source: caseFieldShape.source.optional(),
    category: caseFieldShape.category.optional(),
    subtype: disputeCategories.subtypeCodeSchema.nullable().optional(),
    summary: caseFieldShape.summary.optional(),
    requests: requestsList.optional(),
    riskLevel: riskLevels.codeSchema.optional(),
    riskFactors: riskFactors.selectionSchema.optional(),
    preventionFlags: preventionFlagList.optional(),
    isDifficult: booleanField('是否疑难复杂纠纷').optional(),
    amountClaimedFen: caseFieldShape.amountClaimedFen.optional(),
    mediatorIds: uniqueList(rowIdField('调解员'), '承办调解员', 10).optional(),
    remarks: caseFieldShape.remarks.optional(),
    /** 登记日期 and 受理日期 corrected after saving; checked against the records by the service. */
    intakeDate: isoDateField('登记日期').optional(),
    acceptedDate: isoDateField('受理日期').optional(),
    occurredOn: caseFactShape.occurredOn.optional(),
    occurredPlace: caseFactShape.occurredPlace.optional(),
    personsInvolved: caseFactShape.personsInvolved.optional(),
    warningLevel: caseFactShape.warningLevel.optional(),
    responsibleLeader: caseFactShape.responsibleLeader.optional(),
    courtKind: caseFactShape.courtKind.optional(),
    courtName: caseFactShape.courtName.optional(),
    courtReference: caseFactShape.courtReference.optional(),
    courtReceivedOn: caseFactShape.courtReceivedOn.optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.category === undefined) !== (v.subtype === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['subtype'],
        message: '修改纠纷类型时，请同时选择纠纷细类（没有细类可不选）',
      });
    } else if (
      v.category !== undefined &&
      !subtypeMatches({ category: v.category, subtype: v.subtype ?? null })
    ) {
      ctx.addIssue({ code: 'custom', path: ['subtype'], message: '纠纷细类与纠纷类型不匹配' });
    }
  });
export type CaseChanges = z.output<typeof caseChangesSchema>;

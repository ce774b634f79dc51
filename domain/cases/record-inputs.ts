import { z } from 'zod';
import { multiLine, optionalMultiLine, optionalSingleLine, singleLine } from '../text-input';
import * as genders from '../taxonomy/genders';
import * as languages from '../taxonomy/languages';
import * as participantRoles from '../taxonomy/participant-roles';
import { personNameField } from '../validation/zod-fields';
import { sessionSpanIssue } from './record-dates';
import {
  booleanField,
  isoDateField,
  localDateTimeField,
  rowIdField,
  uniqueList,
} from './input-fields';

/**
 * Records made while a case is worked: invited participants (PML 20), session records (§2.8),
 * investigation records (§2.7) and referral feedback (§4.5). Checks that need the case (which
 * parties exist, their languages, the state) are made by the service inside its transaction.
 */

/** 参加人 named on a record: a person and why they were there. */
export const namedParticipantSchema = z.strictObject({
  name: personNameField,
  role: participantRoles.codeSchema,
  /** 单位或身份说明, e.g. 某某村党支部书记. */
  affiliation: optionalSingleLine({ label: '单位或身份', max: 100 }),
});
export type NamedParticipant = z.output<typeof namedParticipantSchema>;

/** participants.add: someone invited to help mediate (PML 20), with the parties' consent. */
export const invitedParticipantSchema = z
  .strictObject({
    name: personNameField,
    role: participantRoles.codeSchema,
    affiliation: optionalSingleLine({ label: '单位或身份', max: 100 }),
    consentGiven: booleanField('当事人是否同意'),
    /** How and when the parties agreed (PML 20 requires their consent). */
    consentNote: optionalSingleLine({ label: '同意情况说明', max: 200 }),
  })
  .refine((v) => v.consentGiven, {
    error: '邀请参与调解须经当事人同意（《人民调解法》第二十条），请先征得当事人同意',
    path: ['consentGiven'],
  });
export type InvitedParticipantValues = z.output<typeof invitedParticipantSchema>;

export const SESSION_RESULTS = [
  'SETTLED_WRITTEN',
  'SETTLED_ORAL',
  'CONTINUE',
  'TERMINATED_FAILED',
  'TERMINATED_REFUSED',
] as const;
export type SessionResult = (typeof SESSION_RESULTS)[number];
export const SESSION_RESULT_LABELS: Readonly<Record<SessionResult, string>> = {
  SETTLED_WRITTEN: '调解成功（书面协议）',
  SETTLED_ORAL: '调解成功（口头协议）',
  CONTINUE: '继续调解',
  TERMINATED_FAILED: '终止调解（调解不成）',
  TERMINATED_REFUSED: '终止调解（当事人拒绝）',
};

export const RECORD_MODES = ['FULL', 'SIMPLE'] as const;
export type RecordMode = (typeof RECORD_MODES)[number];
export const RECORD_MODE_LABELS: Readonly<Record<RecordMode, string>> = {
  FULL: '全程笔录',
  SIMPLE: '简易记录',
};

export const interpreterSchema = z.strictObject({
  name: personNameField,
  language: languages.codeSchema.refine((l) => l !== 'zh', {
    error: '翻译语言不能是汉语，请选择当事人使用的语言',
  }),
});

/** sessions.add / sessions.update: one 人民调解记录 (§2.8). The session number is assigned. */
export const sessionInputSchema = z
  .strictObject({
    startAt: localDateTimeField('开始时间'),
    endAt: localDateTimeField('结束时间'),
    place: singleLine({ label: '地点', min: 1, max: 100 }),
    /** 事由; defaults to the case title when left empty. */
    subject: optionalSingleLine({ label: '事由', max: 200 }),
    partyIdsPresent: uniqueList(rowIdField('到场当事人'), '到场当事人', 200).refine(
      (l) => l.length > 0,
      { error: '请选择到场的当事人' },
    ),
    mediatorIds: uniqueList(rowIdField('调解员'), '调解员', 10).refine((l) => l.length > 0, {
      error: '请选择主持调解的人民调解员',
    }),
    recorder: singleLine({ label: '记录人', min: 1, max: 40 }),
    participants: z
      .array(namedParticipantSchema, { error: '参加人格式不正确' })
      .max(50, { error: '参加人最多 50 名' })
      .default([]),
    /** Required when any party present prefers a language other than Chinese (§2.8, §4.10). */
    interpreter: interpreterSchema.nullish().transform((i) => i ?? null),
    isPublic: booleanField('是否公开调解').default(false),
    recordMode: z.enum(RECORD_MODES, { error: '请选择记录方式' }),
    content: multiLine({ label: '调解记录', min: 1, max: 20000 }),
    result: z.enum(SESSION_RESULTS, { error: '请选择调解结果' }),
    readBackConfirmed: booleanField('是否经当事人校阅或宣读'),
  })
  .superRefine((v, ctx) => {
    const issue = sessionSpanIssue(v.startAt, v.endAt);
    if (issue) ctx.addIssue({ code: 'custom', path: ['endAt'], message: issue });
  });
export type SessionInput = z.input<typeof sessionInputSchema>;
export type SessionValues = z.output<typeof sessionInputSchema>;

/**
 * A 被调查人 (§2.7 list(person)): who was asked, and enough about them that a court reading the
 * record knows who spoke — gender, age, unit or address, and how they stand to the dispute.
 */
export const investigatedPersonSchema = z.strictObject({
  name: personNameField,
  gender: genders.codeSchema.nullish().transform((v) => v ?? null),
  age: z
    .number({ error: '年龄必须是整数' })
    .int({ error: '年龄必须是整数' })
    .min(0, { error: '年龄不能小于 0' })
    .max(120, { error: '年龄不能大于 120' })
    .nullish()
    .transform((v) => v ?? null),
  address: optionalSingleLine({ label: '单位或住址', max: 100 }),
  /** e.g. 申请人邻居, 村民委员会主任, 事故目击者. */
  relation: optionalSingleLine({ label: '与本案关系', max: 60 }),
});
export type InvestigatedPerson = z.output<typeof investigatedPersonSchema>;

/** `男，45岁，某村村民，系申请人邻居`: what the record prints after the name. */
export function investigatedPersonDetail(p: InvestigatedPerson): string {
  const parts: string[] = [];
  if (p.gender !== null) parts.push(genders.labelOf(p.gender));
  if (p.age !== null) parts.push(`${p.age}岁`);
  if (p.address !== null) parts.push(p.address);
  if (p.relation !== null) parts.push(p.relation.startsWith('系') ? p.relation : `系${p.relation}`);
  return parts.join('，');
}

/** investigations.add / investigations.update: one 人民调解调查记录 (§2.7). */
export const investigationInputSchema = z.strictObject({
  at: localDateTimeField('调查时间'),
  place: singleLine({ label: '调查地点', min: 1, max: 100 }),
  investigatedPersons: z
    .array(investigatedPersonSchema, { error: '被调查人格式不正确' })
    .min(1, { error: '请填写被调查人' })
    .max(20, { error: '被调查人最多 20 名' }),
  participants: z
    .array(namedParticipantSchema, { error: '参加人格式不正确' })
    .max(20, { error: '参加人最多 20 名' })
    .default([]),
  investigatorIds: uniqueList(rowIdField('调查人'), '调查人', 10).refine((l) => l.length > 0, {
    error: '请选择调查人',
  }),
  recorder: singleLine({ label: '记录人', min: 1, max: 40 }),
  content: multiLine({ label: '调查记录', min: 1, max: 20000 }),
});
export type InvestigationValues = z.output<typeof investigationInputSchema>;

/** referrals.feedback: what the receiving body answered (§4.5). */
export const referralFeedbackSchema = z.strictObject({
  receiver: optionalSingleLine({ label: '接收人', max: 40 }),
  feedback: multiLine({ label: '反馈情况', min: 1, max: 2000 }),
  feedbackDate: isoDateField('反馈日期'),
});
export type ReferralFeedbackValues = z.output<typeof referralFeedbackSchema>;

export const voidReasonSchema = multiLine({ label: '作废原因', min: 2, max: 500 });
export const optionalNoteSchema = optionalMultiLine({ label: '说明', max: 500 });

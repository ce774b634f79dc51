import { z } from 'zod';
import { booleanField, localDateTimeField, rowIdField } from '../cases/input-fields';
import { multiLine, optionalMultiLine, singleLine } from '../text-input';

/**
 * What the mediator types when printing the two papers the ledger cannot fill alone (issue 15):
 * the 调解通知书 (to whom, when, where, what to bring) and the 重大纠纷信息报告 (police
 * attendance, measures taken, next steps). Everything else on the closing and refusal papers
 * comes from the ledger.
 */
export const mediationNoticeDetailsSchema = z.strictObject({
  kind: z.literal('MEDIATION_NOTICE'),
  partyId: rowIdField('被通知的当事人'),
  sessionAt: localDateTimeField('调解时间'),
  place: singleLine({ label: '调解地点', min: 1, max: 100 }),
  bring: multiLine({ label: '需携带的材料', min: 1, max: 1_000 }),
});

export const majorDisputeDetailsSchema = z.strictObject({
  kind: z.literal('MAJOR_DISPUTE_REPORT'),
  policeAttended: booleanField('公安机关是否到场'),
  police: optionalMultiLine({ label: '公安到场情况', max: 1_000 }),
  measures: multiLine({ label: '已采取的措施', min: 1, max: 2_000 }),
  nextSteps: multiLine({ label: '下一步工作', min: 1, max: 2_000 }),
});

export const closingPaperDetailsSchema = z.discriminatedUnion(
  'kind',
  [mediationNoticeDetailsSchema, majorDisputeDetailsSchema],
  { error: '文书补充信息的格式不正确' },
);

export type MediationNoticeDetails = z.infer<typeof mediationNoticeDetailsSchema>;
export type MajorDisputeDetails = z.infer<typeof majorDisputeDetailsSchema>;
export type ClosingPaperDetails = z.infer<typeof closingPaperDetailsSchema>;

import { z } from 'zod';
import { expectedVersionField, isoDateField, rowIdField } from './cases/input-fields';
import { chinaToday } from './validation/calendar-date';
import * as disputeCategories from './taxonomy/dispute-categories';
import * as preventionFlags from './taxonomy/prevention-flags';
import { multiLine, optionalMultiLine, optionalSingleLine, singleLine } from './text-input';

/**
 * 矛盾纠纷排查 (domain §4.4): a screening round and the issues it found. Each issue either stays
 * open, becomes a case (source 主动调解, linked here) or is defused without a case (预防纠纷,
 * optionally one of the four prevention indicators with the persons involved, §3.5/§3.7).
 */
export const SCREENING_PARTICIPANT_ROLES = [
  'GRID_WORKER',
  'VILLAGE_COMMITTEE',
  'POLICE',
  'HERDER_REP',
  'MEDIATOR',
  'OTHER',
] as const;
export type ScreeningParticipantRole = (typeof SCREENING_PARTICIPANT_ROLES)[number];
export const SCREENING_PARTICIPANT_ROLE_LABELS: Readonly<Record<ScreeningParticipantRole, string>> =
  {
    GRID_WORKER: '网格员',
    VILLAGE_COMMITTEE: '村（嘎查）两委',
    POLICE: '民警',
    HERDER_REP: '牧民代表',
    MEDIATOR: '人民调解员',
    OTHER: '其他人员',
  };

export const ISSUE_DISPOSITIONS = ['OPEN', 'CASE', 'PREVENTED'] as const;
export type IssueDisposition = (typeof ISSUE_DISPOSITIONS)[number];
export const ISSUE_DISPOSITION_LABELS: Readonly<Record<IssueDisposition, string>> = {
  OPEN: '待处理',
  CASE: '已立案调解',
  PREVENTED: '已化解（预防纠纷）',
};

const participantSchema = z.strictObject({
  role: z.enum(SCREENING_PARTICIPANT_ROLES, { error: '请选择参加人员的身份' }),
  name: singleLine({ label: '参加人员姓名', min: 1, max: 40 }),
});

export const screeningIssueSchema = z
  .strictObject({
    description: multiLine({ label: '发现的问题', min: 1, max: 500 }),
    category: disputeCategories.codeSchema,
    disposition: z.enum(ISSUE_DISPOSITIONS, { error: '请选择处理结果' }),
    caseId: rowIdField('案件')
      .nullish()
      .transform((v) => v ?? null),
    prevention: z
      .strictObject({
        code: preventionFlags.codeSchema,
        persons: z
          .number({ error: '请填写涉及人数' })
          .int({ error: '涉及人数必须是整数' })
          .min(1, { error: '涉及人数至少为 1' })
          .max(100_000, { error: '涉及人数过大' }),
      })
      .nullish()
      .transform((v) => v ?? null),
  })
  .superRefine((v, ctx) => {
    if (v.disposition === 'CASE' && v.caseId === null) {
      ctx.addIssue({ code: 'custom', path: ['caseId'], message: '已立案的问题须选择对应案件' });
    }
    if (v.disposition !== 'CASE' && v.caseId !== null) {
      ctx.addIssue({ code: 'custom', path: ['caseId'], message: '只有已立案的问题才关联案件' });
    }
    if (v.disposition !== 'PREVENTED' && v.prevention !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['prevention'],
        message: '只有已化解的问题才计入预防指标',
      });
    }
  });
export type ScreeningIssueValues = z.output<typeof screeningIssueSchema>;

export const screeningRoundSchema = z.strictObject({
  roundDate: isoDateField('排查日期').refine((d) => d <= chinaToday(), {
    error: '排查日期不能晚于今天',
  }),
  area: singleLine({ label: '排查区域', min: 1, max: 60 }),
  grid: optionalSingleLine({ label: '网格', max: 40 }),
  participants: z
    .array(participantSchema, { error: '参加人员格式不正确' })
    .min(1, { error: '请至少填写一名参加人员' })
    .max(30, { error: '参加人员最多 30 人' }),
  householdsVisited: z
    .number({ error: '请填写走访户数' })
    .int({ error: '走访户数必须是整数' })
    .min(0, { error: '走访户数不能为负数' })
    .max(100_000, { error: '走访户数过大' }),
  note: optionalMultiLine({ label: '备注', max: 2_000 }),
  issues: z
    .array(screeningIssueSchema, { error: '发现的问题格式不正确' })
    .max(100, { error: '一次排查最多记录 100 个问题' }),
});
export type ScreeningRoundValues = z.output<typeof screeningRoundSchema>;

export const screeningSaveSchema = z.strictObject({
  roundId: rowIdField('排查记录')
    .nullish()
    .transform((v) => v ?? null),
  expectedVersion: expectedVersionField,
  round: screeningRoundSchema,
});

export interface ScreeningIssue extends ScreeningIssueValues {
  readonly id: number;
  readonly caseNumber: string | null;
}

export interface ScreeningRound extends Omit<ScreeningRoundValues, 'issues'> {
  readonly id: number;
  readonly version: number;
  readonly issues: readonly ScreeningIssue[];
}

export interface ScreeningRoundSummary {
  readonly id: number;
  readonly roundDate: string;
  readonly area: string;
  readonly grid: string | null;
  readonly householdsVisited: number;
  readonly participantCount: number;
  readonly issuesFound: number;
  readonly becameCases: number;
  readonly prevented: number;
}

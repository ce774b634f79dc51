import { z } from 'zod';
import type { CaseAction } from './case-lifecycle';
import { multiLine, optionalMultiLine, singleLine } from './text-input';
import { parseIsoDate } from './validation/calendar-date';
import * as advisedRoutes from './taxonomy/advised-routes';
import * as referralTargets from './taxonomy/referral-targets';

/**
 * What each lifecycle action must carry. These are checked in the main process before the
 * transition is applied, so every message is one a mediator can act on, including for a field
 * the form forgot to send. Outcome dates are part of the input because the county counts cases
 * by outcome date (§3.7) and, for terminations and referrals, no other document holds it.
 */

const isMissing = (input: unknown) => input === undefined || input === null;

/** Wraps a text helper so that an absent field says 请填写… rather than a type error. */
function requiredText<S extends z.ZodType<unknown, string>>(label: string, schema: S) {
  return z
    .string({ error: (iss) => (isMissing(iss.input) ? `请填写${label}` : `${label}必须是文字`) })
    .pipe(schema);
}

function isoDate(label: string) {
  return z
    .string({ error: (iss) => (isMissing(iss.input) ? `请填写${label}` : `${label}格式不正确`) })
    .refine((s) => parseIsoDate(s) !== null, {
      error: `${label}不是有效日期（格式为 YYYY-MM-DD）`,
    });
}

function actionObject<const A extends CaseAction, S extends z.ZodRawShape>(action: A, shape: S) {
  return z.strictObject(
    { action: z.literal(action), ...shape },
    {
      error: (iss) =>
        iss.code === 'unrecognized_keys'
          ? `提交的内容含有无法识别的字段：${iss.keys.join('、')}`
          : '提交的内容格式不正确',
    },
  );
}

const note = (label: string) => requiredText(label, multiLine({ label, min: 1, max: 1000 }));

const advisedRouteSchema = z.enum(advisedRoutes.codeSchema.options, {
  error: (iss) => (isMissing(iss.input) ? '请选择告知的解决途径' : '告知的解决途径不在可选范围内'),
});

const accept = actionObject('ACCEPT', { acceptedDate: isoDate('受理日期') });

const reject = actionObject('REJECT', {
  reason: note('不予受理的理由'),
  advisedRoute: advisedRouteSchema,
  // Free text names the actual body ("向格尔木市人民法院起诉"); required only for OTHER.
  advisedRouteNote: singleLine({ label: '途径说明', max: 200 }).optional(),
}).refine((v) => v.advisedRoute !== 'OTHER' || (v.advisedRouteNote ?? '') !== '', {
  error: '选择“其他”途径时，请填写途径说明',
  path: ['advisedRouteNote'],
});

const startInvestigation = actionObject('START_INVESTIGATION', {});
const startMediation = actionObject('START_MEDIATION', {});
// The agreement itself (signatures, seal date, effectiveness) is checked by the agreement
// service before it asks for these transitions; repeating its id here would add nothing.
const settleWritten = actionObject('SETTLE_WRITTEN', {});
const settleOral = actionObject('SETTLE_ORAL', {});

const terminateFailed = actionObject('TERMINATE_FAILED', {
  terminatedDate: isoDate('终止日期'),
  advisedRoutes: z
    .array(advisedRouteSchema, {
      error: (iss) =>
        isMissing(iss.input) ? '请选择告知当事人的解决途径' : '告知的解决途径格式不正确',
    })
    .min(1, { error: '请至少选择一种告知当事人的解决途径' })
    .refine((list) => new Set(list).size === list.length, { error: '解决途径有重复' }),
  note: note('终止说明'),
});

const terminateRefused = actionObject('TERMINATE_REFUSED', {
  terminatedDate: isoDate('终止日期'),
  // 'ALL' when every party refused or asked to stop together (PML 17, 23).
  refusedBy: z.union(
    [
      z.literal('ALL'),
      z
        .number()
        .int({ error: '拒绝调解的当事人选择不正确' })
        .positive({ error: '拒绝调解的当事人选择不正确' }),
    ],
    {
      error: (iss) =>
        isMissing(iss.input) ? '请选择拒绝调解的当事人' : '拒绝调解的当事人选择不正确',
    },
  ),
  note: note('终止说明'),
});

const refer = actionObject('REFER', {
  target: z.enum(referralTargets.selectableCodeSchema.options, {
    error: (iss) => (isMissing(iss.input) ? '请选择移交单位' : '请选择具体的移交单位'),
  }),
  referredDate: isoDate('移交日期'),
  reason: note('移交原因'),
});

const returnFromReferral = actionObject('RETURN_FROM_REFERRAL', {
  returnedDate: isoDate('退回日期'),
  note: note('退回情况'),
});

const startPerformance = actionObject('START_PERFORMANCE', {});
const startFollowUp = actionObject('START_FOLLOW_UP', {});
// Which visit found the agreement unperformed is read from the ledger, not sent by the form.
const reopenMediation = actionObject('REOPEN_MEDIATION', {
  reopenedDate: isoDate('重新调解日期'),
  reason: note('重新调解的原因'),
});
const close = actionObject('CLOSE', {
  closedDate: isoDate('结案日期'),
  // Required only when the last follow-up did not find the agreement performed (PML 31).
  unperformedReason: optionalMultiLine({ label: '未履行完毕即结案的理由', max: 1000 }),
});
// Volume number, retention and the PDF hash belong to the archive volume record, not here.
const archive = actionObject('ARCHIVE', {});

/** One schema per action; `satisfies` makes adding an action without a schema a type error. */
export const transitionInputSchemas = {
  ACCEPT: accept,
  REJECT: reject,
  START_INVESTIGATION: startInvestigation,
  START_MEDIATION: startMediation,
  SETTLE_WRITTEN: settleWritten,
  SETTLE_ORAL: settleOral,
  TERMINATE_FAILED: terminateFailed,
  TERMINATE_REFUSED: terminateRefused,
  REFER: refer,
  RETURN_FROM_REFERRAL: returnFromReferral,
  START_PERFORMANCE: startPerformance,
  START_FOLLOW_UP: startFollowUp,
  REOPEN_MEDIATION: reopenMediation,
  CLOSE: close,
  ARCHIVE: archive,
} as const satisfies Record<CaseAction, z.ZodType<{ action: CaseAction }>>;

export const transitionInputSchema = z.discriminatedUnion(
  'action',
  [
    accept,
    reject,
    startInvestigation,
    startMediation,
    settleWritten,
    settleOral,
    terminateFailed,
    terminateRefused,
    refer,
    returnFromReferral,
    startPerformance,
    startFollowUp,
    reopenMediation,
    close,
    archive,
  ],
  { error: '未知的案件操作' },
);

export type TransitionInput = z.output<typeof transitionInputSchema>;
export type TransitionInputOf<A extends CaseAction> = Extract<TransitionInput, { action: A }>;

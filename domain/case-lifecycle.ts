import { z } from 'zod';
import { CASE_STATES, CASE_STATE_LABELS, stateLabelOf, type CaseState } from './case-states';

/**
 * The case lifecycle of domain §4.2 as data. The table is the single source of truth: the UI
 * shows the buttons `allowedActions` returns, the service refuses anything `nextState` refuses,
 * and the tests walk every (state, action) pair against the table.
 *
 * Judicial confirmation (司法确认) is deliberately not a state: it is optional, runs in parallel
 * with performance and ends in a court decision that does not change what the committee does
 * next, so it belongs to its own record on the written agreement (a later issue).
 */

export const caseStateSchema = z.enum(CASE_STATES, { error: '案件状态不正确' });

export const CASE_ACTIONS = [
  'ACCEPT',
  'REJECT',
  'START_INVESTIGATION',
  'START_MEDIATION',
  'SETTLE_WRITTEN',
  'SETTLE_ORAL',
  'TERMINATE_FAILED',
  'TERMINATE_REFUSED',
  'REFER',
  'RETURN_FROM_REFERRAL',
  'START_PERFORMANCE',
  'START_FOLLOW_UP',
  'REOPEN_MEDIATION',
  'CLOSE',
  'ARCHIVE',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];
export const caseActionSchema = z.enum(CASE_ACTIONS, { error: '未知的案件操作' });

export const CASE_ACTION_LABELS: Readonly<Record<CaseAction, string>> = {
  ACCEPT: '受理',
  REJECT: '不予受理',
  START_INVESTIGATION: '开始调查',
  START_MEDIATION: '开始调解',
  SETTLE_WRITTEN: '达成书面协议',
  SETTLE_ORAL: '达成口头协议',
  TERMINATE_FAILED: '调解不成，终止调解',
  TERMINATE_REFUSED: '当事人拒绝调解，终止调解',
  REFER: '移交其他单位',
  RETURN_FROM_REFERRAL: '移交退回，继续调解',
  START_PERFORMANCE: '进入履行',
  START_FOLLOW_UP: '开始回访',
  REOPEN_MEDIATION: '重新调解',
  CLOSE: '结案',
  ARCHIVE: '立卷归档',
};

export interface CaseTransition {
  readonly from: CaseState;
  readonly to: CaseState;
  readonly action: CaseAction;
  /** Button text; differs from the action label where the context changes the wording. */
  readonly label: string;
}

const t = (from: CaseState, action: CaseAction, to: CaseState, label?: string): CaseTransition => ({
  from,
  to,
  action,
  label: label ?? CASE_ACTION_LABELS[action],
});

export const CASE_TRANSITIONS: readonly CaseTransition[] = [
  t('INTAKE', 'ACCEPT', 'ACCEPTED'),
  t('INTAKE', 'REJECT', 'REJECTED'),

  // Investigation is optional (0..n records), so mediation may start straight after acceptance.
  t('ACCEPTED', 'START_INVESTIGATION', 'INVESTIGATING'),
  t('ACCEPTED', 'START_MEDIATION', 'MEDIATING'),
  // PML 17: a party may refuse before any session; the case must then stop, not wait.
  t('ACCEPTED', 'TERMINATE_REFUSED', 'TERMINATED_REFUSED'),
  // A case found to be criminal or outside scope after acceptance is handed over at once.
  t('ACCEPTED', 'REFER', 'REFERRED'),

  t('INVESTIGATING', 'START_MEDIATION', 'MEDIATING', '调查完毕，开始调解'),
  t('INVESTIGATING', 'TERMINATE_REFUSED', 'TERMINATED_REFUSED'),
  t('INVESTIGATING', 'REFER', 'REFERRED'),

  t('MEDIATING', 'SETTLE_WRITTEN', 'SETTLED_WRITTEN'),
  t('MEDIATING', 'SETTLE_ORAL', 'SETTLED_ORAL'),
  t('MEDIATING', 'TERMINATE_FAILED', 'TERMINATED_FAILED'),
  t('MEDIATING', 'TERMINATE_REFUSED', 'TERMINATED_REFUSED'),
  t('MEDIATING', 'REFER', 'REFERRED'),

  t('REFERRED', 'RETURN_FROM_REFERRAL', 'MEDIATING'),
  t('REFERRED', 'CLOSE', 'CLOSED', '移交后结案'),

  t('SETTLED_WRITTEN', 'START_PERFORMANCE', 'PERFORMING'),
  t('SETTLED_ORAL', 'START_PERFORMANCE', 'PERFORMING'),
  t('PERFORMING', 'START_FOLLOW_UP', 'FOLLOW_UP'),
  t('FOLLOW_UP', 'CLOSE', 'CLOSED', '回访完毕，结案'),
  // A visit that finds the agreement partly or not performed may send the parties back to the
  // table (PML 31 supervision); the outcome is an amendment (变更协议) or a termination.
  t('FOLLOW_UP', 'REOPEN_MEDIATION', 'MEDIATING', '回访未履行，重新调解'),

  t('TERMINATED_FAILED', 'CLOSE', 'CLOSED'),
  t('TERMINATED_REFUSED', 'CLOSE', 'CLOSED'),

  t('CLOSED', 'ARCHIVE', 'ARCHIVED'),
];

export function actionLabelOf(action: CaseAction): string {
  return CASE_ACTION_LABELS[action];
}

/** Actions offered in a state, in table order (the order the buttons appear). */
export function allowedActions(state: CaseState): readonly CaseAction[] {
  return CASE_TRANSITIONS.filter((tr) => tr.from === state).map((tr) => tr.action);
}

/** Transitions out of a state, with their button labels. */
export function transitionsFrom(state: CaseState): readonly CaseTransition[] {
  return CASE_TRANSITIONS.filter((tr) => tr.from === state);
}

export type NextStateResult =
  { readonly ok: true; readonly to: CaseState } | { readonly ok: false; readonly message: string };

export function nextState(state: CaseState, action: CaseAction): NextStateResult {
  const found = CASE_TRANSITIONS.find((tr) => tr.from === state && tr.action === action);
  if (found !== undefined) return { ok: true, to: found.to };
  const allowed = transitionsFrom(state).map((tr) => `“${tr.label}”`);
  // Naming what *is* possible tells the mediator how to proceed instead of just "no".
  const hint =
    allowed.length > 0 ? `当前可以进行的操作：${allowed.join('、')}。` : '该状态下案件不能再变更。';
  return {
    ok: false,
    message: `案件当前状态为“${stateLabelOf(state)}”，不能进行“${actionLabelOf(action)}”操作。${hint}`,
  };
}

/**
 * Sessions (调解记录) may be added only while mediation can still happen. After a refusal the
 * law forbids further mediation (PML 17, §6.9 ERROR); after an outcome a new session would
 * contradict the signed agreement or the termination on file. While REFERRED the case is with
 * another body; it comes back as MEDIATING via RETURN_FROM_REFERRAL.
 */
export function canAddSession(state: CaseState): boolean {
  return sessionBlockReason(state) === null;
}

export type SessionCheck = { readonly ok: true } | { readonly ok: false; readonly message: string };

export function checkCanAddSession(state: CaseState): SessionCheck {
  const reason = sessionBlockReason(state);
  return reason === null ? { ok: true } : { ok: false, message: reason };
}

/** Why a session cannot be added in each state (null: it can); `BLOCKED` names the state. */
const SESSION_BLOCK: Readonly<Record<CaseState, string | null>> = {
  ACCEPTED: null,
  INVESTIGATING: null,
  MEDIATING: null,
  INTAKE: '案件尚未受理，不能添加调解记录',
  REFERRED: '案件已移交其他单位，退回后才能继续添加调解记录',
  REJECTED: '案件不予受理，不能添加调解记录',
  SETTLED_WRITTEN: 'BLOCKED',
  SETTLED_ORAL: 'BLOCKED',
  TERMINATED_FAILED: 'BLOCKED',
  TERMINATED_REFUSED: 'BLOCKED',
  PERFORMING: 'BLOCKED',
  FOLLOW_UP: 'BLOCKED',
  CLOSED: 'BLOCKED',
  ARCHIVED: 'BLOCKED',
};

function sessionBlockReason(state: CaseState): string | null {
  const reason = SESSION_BLOCK[state];
  return reason === 'BLOCKED'
    ? `案件当前状态为“${stateLabelOf(state)}”，不能再添加调解记录`
    : reason;
}

/** Still needs work from the committee (shown in the open-cases list and reminders). */
export function isOpen(state: CaseState): boolean {
  return OPEN[state];
}

const OPEN: Readonly<Record<CaseState, boolean>> = {
  INTAKE: true,
  ACCEPTED: true,
  INVESTIGATING: true,
  MEDIATING: true,
  SETTLED_WRITTEN: true,
  SETTLED_ORAL: true,
  TERMINATED_FAILED: true,
  TERMINATED_REFUSED: true,
  REFERRED: true,
  PERFORMING: true,
  FOLLOW_UP: true,
  REJECTED: false,
  CLOSED: false,
  ARCHIVED: false,
};

/**
 * 未结: registered and no mediation outcome yet. A case whose agreement is signed, or whose
 * mediation ended, is not 未结 even while performance or follow-up keeps it open (issue 8).
 */
export function isUnresolved(state: CaseState): boolean {
  return state === 'INTAKE' || isAwaitingOutcome(state);
}

/**
 * Accepted but without a mediation outcome yet: the states the one-month due date (§4.3) and the
 * overdue flag apply to, and what reports count as 在调 (§3.7).
 */
export function isAwaitingOutcome(state: CaseState): boolean {
  return AWAITING_OUTCOME[state];
}

const AWAITING_OUTCOME: Readonly<Record<CaseState, boolean>> = {
  ACCEPTED: true,
  INVESTIGATING: true,
  MEDIATING: true,
  REFERRED: true,
  INTAKE: false,
  REJECTED: false,
  SETTLED_WRITTEN: false,
  SETTLED_ORAL: false,
  TERMINATED_FAILED: false,
  TERMINATED_REFUSED: false,
  PERFORMING: false,
  FOLLOW_UP: false,
  CLOSED: false,
  ARCHIVED: false,
};

/**
 * Settlements are recorded through their agreement: a written agreement moves the case when it
 * takes effect, an oral one when its register is saved. A bare "settled" click would leave a
 * case counted as 调解成功 with no agreement behind it (§3.7).
 */
export function isAgreementDrivenAction(action: CaseAction): boolean {
  return action === 'SETTLE_WRITTEN' || action === 'SETTLE_ORAL';
}

export const SETTLEMENT_VIA_AGREEMENT_MESSAGE =
  '调解成功须通过协议登记：书面协议在各方签署、盖章后自动生效，口头协议请使用“登记口头协议”';

/** No way out: the record is final (ARCHIVED is read-only; REJECTED never became a case). */
export function isTerminal(state: CaseState): boolean {
  return allowedActions(state).length === 0;
}

export { CASE_STATES, CASE_STATE_LABELS, stateLabelOf, type CaseState };

export {
  transitionInputSchema,
  transitionInputSchemas,
  type TransitionInput,
  type TransitionInputOf,
} from './case-transition-inputs';

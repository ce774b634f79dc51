import type { ApiMethod } from '../../domain/api/contract.js';
import { ApiError } from '../../domain/api/errors.js';
import { CASE_STATES, type CaseState } from '../../domain/case-lifecycle.js';
import type { CaseDetail, Dashboard } from '../../domain/cases/case-views.js';
import type { LedgerQuery } from '../../domain/cases/ledger-inputs.js';
import { accountMessagesZhCN as msg } from '../../domain/messages/accounts-zh-CN.js';

/** The case's lifecycle state, null when there is no such case (CaseService.statusOf). */
export type CaseStatusOf = (caseId: number) => CaseState | null;

const ARCHIVED: CaseState = 'ARCHIVED';
const NOT_ARCHIVED: readonly CaseState[] = CASE_STATES.filter((s) => s !== ARCHIVED);

const refused = (): ApiError => new ApiError('FORBIDDEN', msg.receptionistArchived);

/**
 * What a receptionist may ask (domain.md §7.3, no access to archived volumes): the ledger
 * search is narrowed to the states other than ARCHIVED before the query runs, so its rows and
 * its total leave the archived cases out alike. Asking for archived cases only is refused: an
 * empty status list would mean every state.
 */
export function receptionistQuestion(method: ApiMethod, input: unknown): unknown {
  if (method === 'formDrafts.save' || method === 'formDrafts.discard')
    return intakeDraftOnly(input);
  if (method !== 'cases.search') return input;
  const query = input as LedgerQuery;
  const asked = query.statuses.length > 0 ? query.statuses : NOT_ARCHIVED;
  const statuses = asked.filter((s) => s !== ARCHIVED);
  if (statuses.length === 0) throw refused();
  return { ...query, statuses };
}

/** The only draft a receptionist's forms write: the intake of new parties (formDrafts keys). */
export const RECEPTIONIST_DRAFT = 'intake';

// A receptionist's forms write the intake's draft only; any other key is some case work form's.
function intakeDraftOnly(input: unknown): unknown {
  const key = (input as { key?: unknown } | null)?.key;
  if (key !== RECEPTIONIST_DRAFT) throw new ApiError('FORBIDDEN', msg.receptionistDraft);
  return input;
}

/**
 * What a receptionist may see of a case (domain.md §7.3: create intake, no archived volumes):
 * an archived case, or its history, is refused; any other case carries its registration fields
 * and parties only. The records, referrals, invited participants and the transitions' data are
 * case work, so they travel empty (the case page renders empty lists), and no action is offered.
 */
export function receptionistScope(
  method: ApiMethod,
  input: unknown,
  value: unknown,
  statusOf: CaseStatusOf,
): unknown {
  switch (method) {
    case 'cases.get':
      return intakeOnly(value as CaseDetail);
    case 'cases.history':
      if (statusOf((input as { caseId: number }).caseId) === ARCHIVED) throw refused();
      return value;
    case 'dashboard.get':
      return withoutArchivedSessions(value as Dashboard, statusOf);
    default:
      return value;
  }
}

function intakeOnly(detail: CaseDetail): CaseDetail {
  if (detail.status === ARCHIVED) throw refused();
  return {
    ...detail,
    participants: [],
    sessions: [],
    investigations: [],
    referrals: [],
    // the registration itself stays on the timeline; later steps carry reasons and outcomes
    timeline: detail.timeline.filter((e) => e.action === 'CREATE'),
    allowedActions: [],
  };
}

// The due lists hold cases awaiting an outcome only, never an archived one; today's sessions
// could belong to a case archived the same day.
function withoutArchivedSessions(dashboard: Dashboard, statusOf: CaseStatusOf): Dashboard {
  return {
    ...dashboard,
    todaySessions: dashboard.todaySessions.filter((s) => statusOf(s.caseId) !== ARCHIVED),
  };
}

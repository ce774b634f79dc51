import { accountById } from '../../db/accounts/account-queries.js';
import type { CaseFilter, CaseListFilter } from '../../db/cases/case-filter-sql.js';
import type { Db } from '../../db/connection.js';
import type { DeskUser } from '../../domain/api/accounts-contract.js';
import { admittedCaller } from './desk-actor.js';

/**
 * Which cases a person's lists hold (domain.md §7.3), the set side of the own-case rule of
 * case-scope.ts: a 调解员 the cases assigned to the mediator profile their account is linked
 * to (any position in case_mediator), every other role that sees cases the whole room.
 * `mediatorId` null: a mediator account nobody linked yet, which has no own case. Read from
 * the ledger at each call, so a new link counts at once. A 登记员 the cases their account
 * registered (REGISTERED; cases from before migration 028 name no account and are not theirs).
 */
export type CaseScope =
  | { readonly kind: 'ROOM' }
  | { readonly kind: 'OWN'; readonly mediatorId: number | null }
  | { readonly kind: 'REGISTERED'; readonly accountId: number };

const ROOM: CaseScope = { kind: 'ROOM' };

export function caseScopeOf(db: Db, caller: DeskUser | null): CaseScope {
  if (caller?.role === 'RECEPTIONIST') return { kind: 'REGISTERED', accountId: caller.id };
  if (caller?.role !== 'MEDIATOR') return ROOM;
  return { kind: 'OWN', mediatorId: accountById(db, caller.id)?.mediatorId ?? null };
}

/** The scope of the running call's person (the one the desk's door admitted it for). */
export function callerCaseScope(db: Db): CaseScope {
  return caseScopeOf(db, admittedCaller()?.user ?? null);
}

/**
 * The scope as the mediators' lists take it (visits, calendar, screening): a 登记员 may call
 * none of them (METHOD_ROLES), and would find no case there.
 */
export function mediatorFilterOf(scope: CaseScope): CaseFilter {
  if (scope.kind === 'ROOM') return null;
  return { mediatorId: scope.kind === 'OWN' ? scope.mediatorId : null };
}

/** The scope as the lists a 登记员 sees too take it (the 工作台's, db/cases/case-filter-sql.ts). */
export function caseListFilterOf(scope: CaseScope): CaseListFilter {
  return scope.kind === 'REGISTERED'
    ? { registrarAccountId: scope.accountId }
    : mediatorFilterOf(scope);
}

import { accountById } from '../../db/accounts/account-queries.js';
import type { CaseFilter } from '../../db/cases/case-filter-sql.js';
import type { Db } from '../../db/connection.js';
import type { DeskUser } from '../../domain/api/accounts-contract.js';
import { admittedCaller } from './desk-actor.js';

/**
 * Which cases a person's lists hold (domain.md §7.3), the set side of the own-case rule of
 * case-scope.ts: a 调解员 the cases assigned to the mediator profile their account is linked
 * to (any position in case_mediator), every other role that sees cases the whole room.
 * `mediatorId` null: a mediator account nobody linked yet, which has no own case. Read from
 * the ledger at each call, so a new link counts at once.
 */
export type CaseScope =
  { readonly kind: 'ROOM' } | { readonly kind: 'OWN'; readonly mediatorId: number | null };

const ROOM: CaseScope = { kind: 'ROOM' };

export function caseScopeOf(db: Db, caller: DeskUser | null): CaseScope {
  if (caller?.role !== 'MEDIATOR') return ROOM;
  return { kind: 'OWN', mediatorId: accountById(db, caller.id)?.mediatorId ?? null };
}

/** The scope of the running call's person (the one the desk's door admitted it for). */
export function callerCaseScope(db: Db): CaseScope {
  return caseScopeOf(db, admittedCaller()?.user ?? null);
}

/** The scope as the ledger's lists take it (db/cases/case-filter-sql.ts). */
export function mediatorFilterOf(scope: CaseScope): CaseFilter {
  return scope.kind === 'ROOM' ? null : { mediatorId: scope.mediatorId };
}

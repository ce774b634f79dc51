import type { Role } from '../../domain/accounts/roles.js';
import { answerCarriesNoIdNumbers } from '../../domain/api/answers-without-id-numbers.js';
import type { ApiMethod } from '../../domain/api/contract.js';
import { maskIdNumbers } from './masked-id-numbers.js';
import { partyFreeView } from './party-free-view.js';
import {
  RECEPTIONIST_DRAFT,
  receptionistQuestion,
  receptionistScope,
  type CaseStatusOf,
} from './receptionist-scope.js';

/** What the signed-in person may ask: a receptionist's ledger search skips archived cases. */
export function questionFor(role: Role, method: ApiMethod, input: unknown): unknown {
  return role === 'RECEPTIONIST' ? receptionistQuestion(method, input) : input;
}

/**
 * What the signed-in person may see of an answer (domain.md §7.3): saved ID numbers masked for
 * every role (masked-id-numbers.ts; the correction form keeps a number it was not given by
 * sending `keep`); a receptionist besides sees no archived case and of the others the intake
 * only (receptionist-scope.ts), and no draft but the intake's. 统计员 and 技术管理员 get no
 * case titles (party-free-view.ts).
 */
export function viewFor(
  role: Role,
  method: ApiMethod,
  input: unknown,
  value: unknown,
  statusOf: CaseStatusOf,
): unknown {
  // The busiest answers hold no ID number by their shape: not walked (answers-without-id-numbers.ts).
  const masked = answerCarriesNoIdNumbers(method) ? (answer: unknown) => answer : maskIdNumbers;
  if (role !== 'RECEPTIONIST') return masked(partyFreeView(role, method, value));
  if (method === 'formDrafts.get' && !isReceptionistDraft(input)) return null;
  return masked(receptionistScope(method, input, value, statusOf));
}

function isReceptionistDraft(input: unknown): boolean {
  return (
    typeof input === 'object' &&
    input !== null &&
    (input as { key?: unknown }).key === RECEPTIONIST_DRAFT
  );
}

import type { Role } from '../../domain/accounts/roles.js';
import type { ApiMethod } from '../../domain/api/contract.js';
import { maskIdNumber } from '../../domain/cases/change-history.js';
import { partyFreeView } from './party-free-view.js';
import {
  receptionistQuestion,
  receptionistScope,
  type CaseStatusOf,
} from './receptionist-scope.js';

/** The only draft a receptionist's forms write: the intake of new parties (formDrafts keys). */
const RECEPTIONIST_DRAFT = 'intake';

// Walks the whole answer rather than naming the shapes that hold a number, so a method added
// later (or a new field holding a document) cannot hand a receptionist a whole number unnoticed.
function maskDocuments(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskDocuments);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (key === 'idDocument') out[key] = maskDocument(field);
    else if (key === 'idNumber' && typeof field === 'string') out[key] = maskIdNumber(field);
    else out[key] = maskDocuments(field);
  }
  return out;
}

/** An identity document as views carry it: { type, number, name, noneReason }. */
function maskDocument(doc: unknown): unknown {
  if (doc === null || typeof doc !== 'object') return doc;
  const { number } = doc as { number?: unknown };
  return typeof number === 'string' ? { ...doc, number: maskIdNumber(number) } : doc;
}

/** What the signed-in person may ask: a receptionist's ledger search skips archived cases. */
export function questionFor(role: Role, method: ApiMethod, input: unknown): unknown {
  return role === 'RECEPTIONIST' ? receptionistQuestion(method, input) : input;
}

/**
 * What the signed-in person may see of an answer (domain.md §7.3): a receptionist sees no
 * archived case and of the others the intake only (receptionist-scope.ts), saved parties' ID
 * numbers masked, as lists show them, and none of the drafts of the correction and record
 * forms, which may hold a whole number a mediator typed. 统计员 and 技术管理员 get no case
 * titles (party-free-view.ts). The other roles see the answer as it is: the correction form
 * needs the whole number, and revealing one is audited.
 */
export function viewFor(
  role: Role,
  method: ApiMethod,
  input: unknown,
  value: unknown,
  statusOf: CaseStatusOf,
): unknown {
  if (role !== 'RECEPTIONIST') return partyFreeView(role, method, value);
  if (method === 'formDrafts.get' && !isReceptionistDraft(input)) return null;
  return maskDocuments(receptionistScope(method, input, value, statusOf));
}

function isReceptionistDraft(input: unknown): boolean {
  return (
    typeof input === 'object' &&
    input !== null &&
    (input as { key?: unknown }).key === RECEPTIONIST_DRAFT
  );
}

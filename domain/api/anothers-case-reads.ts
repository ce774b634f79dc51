import type { ApiMethod } from './contract.js';
import { METHODS_ALLOWED_WHEN_DAMAGED } from './ledger-writes.js';

/**
 * Methods that change nothing (they run on a damaged ledger: domain/api/ledger-writes.ts) yet
 * still stay closed on another's case when the committee lets its mediators read every case
 * (§7.3 "read-only"): each hands over a paper or a file, not the case page. A printed agreement
 * or a stored paper may carry whole ID numbers; a signed scan, a party's identity copy or a
 * visit's photo carry them, or faces and handwriting, beyond what the case page shows (masked).
 */
export const READS_CLOSED_ON_ANOTHERS_CASE: ReadonlySet<ApiMethod> = new Set<ApiMethod>([
  'agreements.pdf',
  'agreements.scan',
  'documents.printed',
  'followups.proof',
  'volume.attachment',
]);

/**
 * Whether the committee's read-only setting opens this method on another's case: a read of the
 * case page (the ledger's list of changeless methods, so a new writing method is closed until
 * someone lists it there) that hands over no paper or file. That list also holds the recovery
 * methods, which write; none names a case, and the walk test fails if a case-naming one is not
 * classified by hand. Here in domain/ so that the door (electron/api/mediator-case-door.ts) and
 * the case page (which offers nothing else on such a case) answer from the same rule.
 */
export function readsAnothersCase(method: ApiMethod): boolean {
  return METHODS_ALLOWED_WHEN_DAMAGED.has(method) && !READS_CLOSED_ON_ANOTHERS_CASE.has(method);
}

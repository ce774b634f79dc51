import { appendAuditEvent } from '../audit/audit-log.js';
import type { Db } from '../connection.js';
import { statement } from '../statement-cache.js';
import { skippable } from './claim-summary-queries.js';

/**
 * Deletes the claim summaries of `caseIds` (the audit's verify found them differing from their
 * sources), so the next pack recomputes those cases instead of trusting a row that was edited
 * behind the desk. Derived data: dropping it loses nothing, but the table is not audited, so the
 * drop is a chain entry (CLAIM_SUMMARY_DROPPED, the case ids) in the same transaction: the edit
 * stays on record after the next verify finds the row gone. Answers how many rows went; a busy
 * ledger, a full disk or an I/O error leaves them for the next verify (0), never fails the verify.
 */
export function dropClaimSummaries(db: Db, caseIds: readonly number[]): number {
  if (caseIds.length === 0) return 0;
  const drop = statement(db, 'DELETE FROM claim_case_summary WHERE case_id = ?');
  try {
    return db.transaction(() => {
      const dropped = caseIds.filter((caseId) => drop.run(caseId).changes > 0);
      if (dropped.length > 0) {
        appendAuditEvent(db, { action: 'CLAIM_SUMMARY_DROPPED', detail: { caseIds: dropped } });
      }
      return dropped.length;
    })();
  } catch (error) {
    if (skippable(error)) return 0;
    throw error;
  }
}

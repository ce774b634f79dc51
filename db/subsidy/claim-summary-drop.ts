import type { Db } from '../connection.js';
import { statement } from '../statement-cache.js';
import { storageFaultOf } from '../storage-errors.js';

/**
 * Deletes the claim summaries of `caseIds` (the audit's verify found them differing from their
 * sources), so the next pack recomputes those cases instead of trusting a row that was edited
 * behind the desk. Derived data: dropping it loses nothing. Answers how many rows went; a busy
 * ledger, a full disk or an I/O error leaves them for the next verify (0), never fails the verify.
 */
export function dropClaimSummaries(db: Db, caseIds: readonly number[]): number {
  if (caseIds.length === 0) return 0;
  const drop = statement(db, 'DELETE FROM claim_case_summary WHERE case_id = ?');
  try {
    return db.transaction(() => {
      let dropped = 0;
      for (const caseId of caseIds) dropped += drop.run(caseId).changes;
      return dropped;
    })();
  } catch (error) {
    const busy = String((error as { code?: unknown } | null)?.code).startsWith('SQLITE_BUSY');
    const fault = storageFaultOf(error);
    if (busy || fault === 'FULL' || fault === 'READ_ONLY' || fault === 'IO') return 0;
    throw error;
  }
}

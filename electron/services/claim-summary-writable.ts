import type { LedgerSession } from './ledger-session.js';

/**
 * Whether the claim summary may be written (a pack's write-back, the verify's drop of a changed
 * row): not on a damaged ledger (its connection is query_only), a read-only one, or one being
 * converted (its file is being copied); the same gates as a write, without waiting: not before
 * the start-up check has found the file intact (a cold year is ~22k rows), nor while the audit
 * baseline is being recorded.
 */
export function claimSummaryWritable(ledger: LedgerSession): boolean {
  if (ledger.damaged || ledger.converting || ledger.state.state !== 'READY') return false;
  if (ledger.health.state !== 'OK' || ledger.auditBaseline !== null) return false;
  const db = ledger.db();
  return !db.readonly && db.pragma('query_only', { simple: true }) !== 1;
}

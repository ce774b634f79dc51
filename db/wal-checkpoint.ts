import { idTableRowsWritten } from './case-id-table.js';
import { claimSummaryRowsWritten } from './subsidy/claim-summary-queries.js';
import type { Db } from './connection.js';
import { statement } from './statement-cache.js';

/**
 * Rows this connection has inserted, changed or deleted in the ledger since it opened, those of
 * triggers (the audit chain, the search index) included: a cheap measure of how much the WAL has
 * grown. The bulk reads' temporary id table (in memory, never in the WAL) is not counted, nor are
 * the claim summary rows a pack writes back (derived from the rows counted when they changed).
 */
export function rowsChangedSinceOpen(db: Db): number {
  const row = statement(db, 'SELECT total_changes() AS n').get() as { n: number };
  return row.n - idTableRowsWritten(db) - claimSummaryRowsWritten(db);
}

/**
 * Rows this connection has written to the file since it opened: as `rowsChangedSinceOpen`, but
 * the claim summary's write-back counts (it is derived, yet its pages go through the WAL like any
 * other). For what measures the WAL or the file (the idle checkpoint, "nothing written since the
 * start-up check"), not for "the ledger's data changed".
 */
export function rowsWrittenSinceOpen(db: Db): number {
  return rowsChangedSinceOpen(db) + claimSummaryRowsWritten(db);
}

export interface CheckpointOutcome {
  /** Another checkpoint (a backup's) held the lock: nothing was copied this time. */
  readonly busy: boolean;
  /** Frames in the WAL, and how many of them are now in the main file. */
  readonly walFrames: number;
  readonly copied: number;
}

/**
 * Copies the WAL's committed pages back into the main file without waiting for anyone: a
 * reader keeps its snapshot and no busy handler runs, so it never holds up a request.
 */
export function checkpointPassive(db: Db): CheckpointOutcome {
  const [row] = db.pragma('wal_checkpoint(PASSIVE)') as {
    busy: number;
    log: number;
    checkpointed: number;
  }[];
  return { busy: row?.busy === 1, walFrames: row?.log ?? 0, copied: row?.checkpointed ?? 0 };
}

import type { Db } from '../connection.js';
import { rawStatement, statement } from '../statement-cache.js';
import { storageFaultOf } from '../storage-errors.js';

/**
 * The claim packs' per-case summary (migration 030): one JSON payload per case holding what a
 * pack reads and judges about it. The source tables' triggers delete a case's row on every
 * write, so a row found here with the caller's logic version and rule is the case as it is now.
 */

const summaryRowsWritten = new WeakMap<Db, number>();

/**
 * Summary rows written on `db`. SQLite counts them in `total_changes()`, which the desk reads as
 * "the ledger changed" (hourly backups, the idle checkpoint): a pack filling the summary is a
 * read, so `rowsChangedSinceOpen` takes them off again, as it does the bulk reads' id table.
 */
export function claimSummaryRowsWritten(db: Db): number {
  return summaryRowsWritten.get(db) ?? 0;
}

export interface ClaimSummaryRead<T> {
  /** The current summaries of the period's cases, in no particular order. */
  readonly current: T[];
  /** The period's cases without a current summary (never made, made stale, older logic). */
  readonly missing: number[];
}

/**
 * The period's cases (an outcome date in the range; of one mediator or of all) and, for each,
 * its summary when current. Which cases belong to the period is always read from the ledger
 * itself (case_outcome, case_mediator); only what is read about each case comes from the summary.
 */
export function readClaimSummaries<T>(
  db: Db,
  range: { readonly start: string; readonly end: string },
  rulesId: string,
  mediatorId: number | null,
  logicVersion: number,
  shaped: (value: unknown, caseId: number) => value is T,
): ClaimSummaryRead<T> {
  const current: T[] = [];
  const missing: number[] = [];
  for (const [caseId, payload] of rawStatement(
    db,
    `SELECT o.case_id, s.payload
       FROM case_outcome o
       LEFT JOIN claim_case_summary s
         ON s.case_id = o.case_id AND s.logic_version = @logicVersion AND s.rules_id = @rulesId
      WHERE o.outcome_date BETWEEN @start AND @end
        AND (@mediatorId IS NULL OR EXISTS (SELECT 1 FROM case_mediator cm
               WHERE cm.case_id = o.case_id AND cm.mediator_id = @mediatorId))`,
  ).all({ start: range.start, end: range.end, rulesId, mediatorId, logicVersion }) as [
    number,
    string | null,
  ][]) {
    const value = payload === null ? null : parsedOrNull(payload);
    // A payload that does not parse or has the wrong shape (bit-rot, an edit outside the desk)
    // is recomputed like a missing one, never thrown: the pack must not fail on derived data.
    if (value !== null && shaped(value, caseId)) current.push(value);
    else missing.push(caseId);
  }
  return { current, missing };
}

function parsedOrNull(payload: string): unknown {
  try {
    return JSON.parse(payload) as unknown;
  } catch {
    return null;
  }
}

/**
 * Every stored summary of `logicVersion`, `batch` cases at a time in case order, with its rule
 * and its payload as stored (the audit's verify recomputes each and compares).
 */
export function* storedClaimSummaries(
  db: Db,
  logicVersion: number,
  batch: number,
): Generator<{ caseId: number; rulesId: string; payload: string }[]> {
  let after = -1;
  for (;;) {
    const rows = rawStatement(
      db,
      `SELECT case_id, rules_id, payload FROM claim_case_summary
        WHERE logic_version = ? AND case_id > ? ORDER BY case_id LIMIT ?`,
    ).all(logicVersion, after, batch) as [number, string, string][];
    if (rows.length === 0) return;
    after = rows[rows.length - 1]![0];
    yield rows.map(([caseId, rulesId, payload]) => ({ caseId, rulesId, payload }));
  }
}

/**
 * Writes the summaries computed by a pack, replacing any older row of the case. The caller runs
 * this in the transaction that read the cases, so no write can fall between the read and this.
 */
export function writeClaimSummaries(
  db: Db,
  summaries: readonly { readonly caseId: number; readonly payload: unknown }[],
  rulesId: string,
  logicVersion: number,
): void {
  if (summaries.length === 0) return;
  // The recovery below re-opens a transaction for the caller's commit: only right inside one.
  if (!db.inTransaction) throw new Error("writeClaimSummaries runs inside the pack's transaction");
  const write = statement(
    db,
    `INSERT INTO claim_case_summary (case_id, logic_version, rules_id, payload)
     VALUES (?, ?, ?, ?)
     ON CONFLICT (case_id) DO UPDATE SET logic_version = excluded.logic_version,
       rules_id = excluded.rules_id, payload = excluded.payload`,
  );
  const total = statement(db, 'SELECT total_changes()').pluck();
  const before = total.get() as number;
  db.exec('SAVEPOINT claim_summary_write');
  try {
    for (const { caseId, payload } of summaries) {
      write.run(caseId, logicVersion, rulesId, JSON.stringify(payload));
    }
    db.exec('RELEASE claim_summary_write');
  } catch (error) {
    // The write-back is an optimisation of a read: another connection holding the write lock, a
    // full disk, media gone read-only or an I/O error must not fail the pack (it stayed a pure
    // read before the summary). The rows stay missing until a later pack.
    if (!skippable(error)) throw error;
    if (db.inTransaction) {
      db.exec('ROLLBACK TO claim_summary_write');
      db.exec('RELEASE claim_summary_write');
    } else {
      // SQLite rolled the whole transaction back (it may on FULL/IOERR): the caller's commit
      // needs one to end; what it read so far is already in memory. Its remaining reads (the
      // neighbours) then see a new snapshot: harmless with the desk's single writer.
      db.exec('BEGIN');
    }
  } finally {
    const written = (total.get() as number) - before;
    summaryRowsWritten.set(db, claimSummaryRowsWritten(db) + Math.max(0, written));
  }
}

/**
 * A write of derived summary data that may be left for later: another connection holds the
 * write lock, or the disk is full, read-only or failing. Never a reason to fail a read.
 */
export function skippable(error: unknown): boolean {
  if (String((error as { code?: unknown } | null)?.code).startsWith('SQLITE_BUSY')) return true;
  const fault = storageFaultOf(error);
  return fault === 'FULL' || fault === 'READ_ONLY' || fault === 'IO';
}

/** The case's number for a finding (null: not numbered yet, or no such case). */
export function caseNumberOf(db: Db, caseId: number): string | null {
  return (
    (statement(db, 'SELECT case_number FROM case_file WHERE id = ?').pluck().get(caseId) as
      string | null | undefined) ?? null
  );
}

/**
 * Empties the summary when it exists. Run by every migration step: a step that rebuilds or
 * rewrites a source table (copy, drop, rename) fires none of the old table's triggers, so rows
 * made before the upgrade may no longer be the cases as they are. An upgrade costs one cold pack.
 */
export function clearClaimSummaries(db: Db): void {
  const exists = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'claim_case_summary'")
    .get();
  if (exists) db.exec('DELETE FROM claim_case_summary');
}

import type { Db } from '../connection.js';
import { rawStatement, statement } from '../statement-cache.js';

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
    if (payload === null) missing.push(caseId);
    else current.push(JSON.parse(payload) as T);
  }
  return { current, missing };
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
  const write = statement(
    db,
    `INSERT INTO claim_case_summary (case_id, logic_version, rules_id, payload)
     VALUES (?, ?, ?, ?)
     ON CONFLICT (case_id) DO UPDATE SET logic_version = excluded.logic_version,
       rules_id = excluded.rules_id, payload = excluded.payload`,
  );
  const total = statement(db, 'SELECT total_changes()').pluck();
  const before = total.get() as number;
  try {
    for (const { caseId, payload } of summaries) {
      write.run(caseId, logicVersion, rulesId, JSON.stringify(payload));
    }
  } catch (error) {
    // The first write takes the write lock; another connection holding it (a second writer on
    // the file) must not fail what is a read: the rows stay missing until the next pack.
    if (!String((error as { code?: unknown }).code).startsWith('SQLITE_BUSY')) throw error;
  } finally {
    const written = (total.get() as number) - before;
    summaryRowsWritten.set(db, claimSummaryRowsWritten(db) + written);
  }
}

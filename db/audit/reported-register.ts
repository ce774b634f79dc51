import { createHash } from 'node:crypto';
import type { Db } from '../connection.js';

/**
 * The register of reported case versions (`case_reported`, the 更正 rule) is written by exports,
 * one row per reported case, and is not audited row by row. Instead each export that writes it
 * puts the register's digest before and after its write into its own EXPORT entry: the chain's
 * MAC then covers the register, and an edit made outside the app shows as a digest that no
 * longer matches (after the last export) or a gap between one export's "after" and the next
 * one's "before" (between two exports).
 */
export interface RegisterDigests {
  /** Rows the export wrote (inserted or replaced). */
  readonly rows: number;
  readonly before: string;
  readonly after: string;
}

/**
 * SHA-256 (hex) of every row of the register, each `case_id:export_id:period:version` and a line
 * feed, in case order.
 */
export function reportedRegisterDigest(db: Db): string {
  // One string built by SQLite: a third of the time of 10,000 rows read and hashed one by one.
  const text = db
    .prepare(
      `SELECT group_concat(case_id || ':' || export_id || ':' || period || ':' || version || char(10),
                           '' ORDER BY case_id)
         FROM case_reported`,
    )
    .pluck()
    .get() as string | null;
  return createHash('sha256')
    .update(text ?? '')
    .digest('hex');
}

/** Runs `write` (which returns the rows it wrote) and says what it did to the register. */
export function withRegisterDigests(db: Db, write: () => number): RegisterDigests {
  const before = reportedRegisterDigest(db);
  const rows = write();
  return { rows, before, after: reportedRegisterDigest(db) };
}

export interface ExportEntry {
  readonly seq: number;
  readonly at: string;
  readonly detail: string | null;
}

/**
 * The EXPORT entries after which the register was changed outside the app: compared with the
 * digests the chain's EXPORT entries carry. Only entries with digests count (exports made before
 * the register left the per-row triggers carry none; its rows up to then were audited row by row).
 */
export function registerChangedAfter(db: Db, exports: readonly ExportEntry[]): ExportEntry[] {
  const changedAfter: ExportEntry[] = [];
  let last: { entry: ExportEntry; after: string } | null = null;
  for (const e of exports) {
    const register = e.detail
      ? (JSON.parse(e.detail) as { register?: RegisterDigests }).register
      : undefined;
    if (!register) continue;
    // changed after the previous export and before this one
    if (last && register.before !== last.after) changedAfter.push(last.entry);
    last = { entry: e, after: register.after };
  }
  if (last && reportedRegisterDigest(db) !== last.after) changedAfter.push(last.entry);
  return changedAfter;
}

import type { Db } from '../connection.js';
import { statement } from '../statement-cache.js';
import { CASE_VERSION } from './case-version.js';
import { IN_PERIOD } from './package-query.js';

/** A case an earlier report counted that has changed since (更正, counting rule 9). */
export interface PendingCorrection {
  readonly caseId: number;
  readonly caseNumber: string | null;
  /** The period of the report that last counted it. */
  readonly reportedPeriod: string;
  /** When that report was made (ISO instant). */
  readonly reportedAt: string;
}

/**
 * Remembers the version of each case a report counted; the latest report of a case wins.
 * Returns the rows written.
 */
export function recordReportedCases(
  db: Db,
  exportId: number,
  period: string,
  cases: readonly { id: number; version: number }[],
): number {
  // One statement for the whole package instead of 10,000 calls from JavaScript. `WHERE true` tells SQLite's parser the ON CONFLICT is the upsert's, not a join's.
  return statement(
    db,
    `INSERT INTO case_reported (case_id, export_id, period, version)
     SELECT value ->> '$[0]', @exportId, @period, value ->> '$[1]' FROM json_each(@cases) WHERE true
     ON CONFLICT (case_id) DO UPDATE SET export_id = excluded.export_id,
       period = excluded.period, version = excluded.version`,
  ).run({ exportId, period, cases: JSON.stringify(cases.map((c) => [c.id, c.version])) }).changes;
}

/**
 * Remembers the version of every case of the period's own (its outcomes and the cases open at
 * its end), in one statement: the statistics table counted exactly those.
 */
export function recordReportedPeriod(
  db: Db,
  exportId: number,
  period: { key: string; start: string; end: string },
): number {
  return statement(
    db,
    `INSERT INTO case_reported (case_id, export_id, period, version)
     SELECT c.id, @exportId, @period, ${CASE_VERSION}
       FROM case_file AS c LEFT JOIN case_outcome AS o ON o.case_id = c.id
      WHERE ${IN_PERIOD}
     ON CONFLICT (case_id) DO UPDATE SET export_id = excluded.export_id,
       period = excluded.period, version = excluded.version`,
  ).run({ exportId, period: period.key, start: period.start, end: period.end }).changes;
}

export function pendingCorrections(db: Db): PendingCorrection[] {
  return statement(
    db,
    `SELECT c.id AS caseId, c.case_number AS caseNumber, r.period AS reportedPeriod,
            e.created_at AS reportedAt
       FROM case_reported AS r JOIN case_file AS c ON c.id = r.case_id
            JOIN export_run AS e ON e.id = r.export_id
      WHERE ${CASE_VERSION} > r.version
      ORDER BY r.period, c.case_number, c.id`,
  ).all() as PendingCorrection[];
}

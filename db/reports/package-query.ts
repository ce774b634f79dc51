import type { Db } from '../connection.js';
import { rawStatement, statement } from '../statement-cache.js';
import { CASE_VERSION } from './case-version.js';
import { CONFIRMED, PERFORMED } from './statistics-query.js';

export interface PackageCaseRow {
  id: number;
  version: number;
  case_number: string | null;
  intake_date: string;
  accepted_date: string | null;
  category: string;
  subtype: string | null;
  source: string;
  status: string;
  risk_level: string;
  is_difficult: number;
  outcome: string | null;
  outcome_date: string | null;
  persons: number | null;
  amount_fen: number | null;
  performed: number;
  confirmed: number;
  prevention_flags_json: string;
  /** 1 when the case is in the period (not only carried as a correction). */
  in_period: number;
  /** 1 when an earlier report counted an older version of it (更正, rule 9). */
  correction: number;
}

export interface PackagePartyRow {
  case_id: number;
  kind: string;
  role: string;
  name: string;
  phone: string;
  id_number: string | null;
  social_credit_code: string | null;
  gender: string | null;
  ethnicity: string | null;
}

/**
 * A case (`c`, with its outcome `o`) belongs to the period @start–@end: an outcome in it, or
 * accepted by its end and still open then. The statistics count the same cases.
 */
export const IN_PERIOD = `((o.outcome_date BETWEEN @start AND @end)
  OR (c.accepted_date <= @end AND (o.case_id IS NULL OR o.outcome_date > @end)))`;

/** The statement of `packageCases` (exported so a test can read it row by row as objects). */
export const PACKAGE_CASES_SQL = `SELECT id, version, case_number, intake_date, accepted_date, category, subtype, source,
            status, risk_level, is_difficult, outcome, outcome_date, persons, amount_fen,
            performed, confirmed, prevention_flags_json, in_period,
            coalesce(version > reported_version, 0) AS correction FROM (
       SELECT c.id, ${CASE_VERSION} AS version, c.case_number, c.intake_date, c.accepted_date,
              c.category, c.subtype, c.source, c.status, c.risk_level, c.is_difficult,
              o.outcome, o.outcome_date, o.persons, o.amount_fen,
              coalesce(o.outcome LIKE 'SUCCESS_%' AND ${PERFORMED}, 0) AS performed,
              coalesce(o.outcome LIKE 'SUCCESS_%' AND ${CONFIRMED}, 0) AS confirmed,
              c.prevention_flags_json,
              ${IN_PERIOD} AS in_period,
              r.version AS reported_version
         FROM case_file AS c LEFT JOIN case_outcome AS o ON o.case_id = c.id
              LEFT JOIN case_reported AS r ON r.case_id = c.id
        WHERE c.id > @after AND (${IN_PERIOD} OR r.case_id IS NOT NULL))
      WHERE (in_period AND (@since IS NULL OR version > @since))
         OR version > reported_version
      ORDER BY id LIMIT @limit`;

/**
 * The cases a period's package carries: those with an outcome in the period and those open at
 * its end (the same cases the statistics count); `sinceMs` keeps only those changed after it.
 * Cases an earlier report counted at an older version come along too, flagged as corrections
 * (rule 9), whatever their period: the county's merge puts them back into their own period.
 */
export function packageCases(
  db: Db,
  start: string,
  end: string,
  sinceMs: number | null,
  /** One slice: the next `limit` cases after case id `afterId` (default: all of them). */
  slice: { readonly afterId: number; readonly limit: number } = { afterId: 0, limit: -1 },
): PackageCaseRow[] {
  const rows = rawStatement(db, PACKAGE_CASES_SQL).all({
    start,
    end,
    since: sinceMs,
    after: slice.afterId,
    limit: slice.limit,
  }) as PackageCaseTuple[];
  return rows.map((r) => ({
    id: r[0],
    version: r[1],
    case_number: r[2],
    intake_date: r[3],
    accepted_date: r[4],
    category: r[5],
    subtype: r[6],
    source: r[7],
    status: r[8],
    risk_level: r[9],
    is_difficult: r[10],
    outcome: r[11],
    outcome_date: r[12],
    persons: r[13],
    amount_fen: r[14],
    performed: r[15],
    confirmed: r[16],
    prevention_flags_json: r[17],
    in_period: r[18],
    correction: r[19],
  }));
}

/** A row of `packageCases`' statement, columns in its SELECT order. */
type PackageCaseTuple = [
  id: number,
  version: number,
  case_number: string | null,
  intake_date: string,
  accepted_date: string | null,
  category: string,
  subtype: string | null,
  source: string,
  status: string,
  risk_level: string,
  is_difficult: number,
  outcome: string | null,
  outcome_date: string | null,
  persons: number | null,
  amount_fen: number | null,
  performed: number,
  confirmed: number,
  prevention_flags_json: string,
  in_period: number,
  correction: number,
];

/** The parties of the given cases, by case id, then as each case lists them. */
export function packageParties(db: Db, caseIds: readonly number[]): PackagePartyRow[] {
  // One statement for the whole period: a statement per case costs more than the rows at 10,000 cases.
  return statement(
    db,
    `SELECT p.case_id, p.kind, p.role, p.name, p.phone, p.id_number, p.social_credit_code,
            p.gender, p.ethnicity
       FROM party AS p WHERE p.case_id IN (SELECT value FROM json_each(?))
      ORDER BY p.case_id, p.sort, p.id`,
  ).all(JSON.stringify(caseIds)) as PackagePartyRow[];
}

export interface PackageRoundRow {
  id: number;
  version: number;
  round_date: string;
  area: string;
  households_visited: number;
  participants_json: string;
}

export function packageRounds(db: Db, start: string, end: string, sinceMs: number | null) {
  const rounds = db
    .prepare(
      `SELECT id, updated_at AS version, round_date, area, households_visited, participants_json
         FROM screening_round
        WHERE round_date BETWEEN ? AND ? AND (? IS NULL OR updated_at > ?) ORDER BY id`,
    )
    .all(start, end, sinceMs, sinceMs) as PackageRoundRow[];
  const issues = db.prepare(
    `SELECT category, disposition, case_id, prevention_code, prevention_persons
       FROM screening_issue WHERE round_id = ? ORDER BY sort`,
  );
  return rounds.map((r) => ({
    round: r,
    issues: issues.all(r.id) as {
      category: string;
      disposition: 'OPEN' | 'CASE' | 'PREVENTED';
      case_id: number | null;
      prevention_code: string | null;
      prevention_persons: number | null;
    }[],
  }));
}

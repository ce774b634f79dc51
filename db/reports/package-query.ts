import type { Db } from '../connection.js';
import { PERFORMED } from './statistics-query.js';

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
  prevention_flags_json: string;
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
 * A case's version for the county merge: the last change to the case, its parties or its
 * agreements, in Unix ms (agreement times are ISO text).
 */
const VERSION = `max(c.updated_at,
  coalesce((SELECT max(p.updated_at) FROM party AS p WHERE p.case_id = c.id), 0),
  coalesce((SELECT max(CAST(round((julianday(a.updated_at) - 2440587.5) * 86400000) AS INTEGER))
              FROM agreement AS a WHERE a.case_id = c.id), 0))`;

/**
 * The cases a period's package carries: those with an outcome in the period and those open at
 * its end (the same cases the statistics count); `sinceMs` keeps only those changed after it.
 */
export function packageCases(db: Db, start: string, end: string, sinceMs: number | null) {
  return db
    .prepare(
      `SELECT * FROM (
         SELECT c.id, ${VERSION} AS version, c.case_number, c.intake_date, c.accepted_date,
                c.category, c.subtype, c.source, c.status, c.risk_level, c.is_difficult,
                o.outcome, o.outcome_date, o.persons, o.amount_fen,
                coalesce(o.outcome LIKE 'SUCCESS_%' AND ${PERFORMED}, 0) AS performed,
                c.prevention_flags_json
           FROM case_file AS c LEFT JOIN case_outcome AS o ON o.case_id = c.id
          WHERE (o.outcome_date BETWEEN @start AND @end)
             OR (c.accepted_date <= @end AND (o.case_id IS NULL OR o.outcome_date > @end)))
        WHERE @since IS NULL OR version > @since
        ORDER BY id`,
    )
    .all({ start, end, since: sinceMs }) as PackageCaseRow[];
}

export function packageParties(db: Db, caseIds: readonly number[]): PackagePartyRow[] {
  const q = db.prepare(
    `SELECT case_id, kind, role, name, phone, id_number, social_credit_code, gender, ethnicity
       FROM party WHERE case_id = ? ORDER BY sort, id`,
  );
  return caseIds.flatMap((id) => q.all(id) as PackagePartyRow[]);
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

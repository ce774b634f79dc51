import type {
  CaseFactGroup,
  Outcome,
  PreventionFigure,
  ScreeningFigures,
} from '../../domain/statistics/counting-rules.js';
import type { Db } from '../connection.js';
import { statement } from '../statement-cache.js';

/**
 * The ledger's side of the statistics: grouped facts for the counting rules of
 * domain/statistics/counting-rules.ts. Closed cases come from `case_outcome` (one indexed
 * range by outcome date); open cases (在调) are those accepted by the period's end without an
 * outcome by then.
 *
 * 履行 and 司法确认 follow counting rule 8 (domain/statistics/counting-rules.ts): the latest
 * visit on file decides 履行 (an oral agreement without a visit: its register's 当场履行);
 * a court's ruling that the agreement is valid makes 司法确认.
 */
export const PERFORMED = `coalesce(
  (SELECT f.performance = 'PERFORMED' FROM followup AS f
    WHERE f.case_id = c.id AND f.status = 'DONE'
    ORDER BY f.visit_date DESC, f.id DESC LIMIT 1),
  o.outcome = 'SUCCESS_ORAL' AND EXISTS (
    SELECT 1 FROM agreement AS a WHERE a.id = o.agreement_id
       AND json_extract(a.content_json, '$.performanceStatus') = 'PERFORMED_ON_SPOT'))`;

export const CONFIRMED = `EXISTS (SELECT 1 FROM judicial_confirmation AS j
  WHERE j.case_id = c.id AND j.decision = 'VALID')`;

interface GroupRow {
  category: string;
  subtype: string | null;
  source: string;
  outcome: Outcome;
  month: string | null;
  difficult: number;
  cases: number;
  persons: number;
  amount: number;
  performed: number;
  confirmed: number;
}

export function caseFactGroups(
  db: Db,
  start: string,
  end: string,
  orgType: string,
): CaseFactGroup[] {
  const closed = statement(
    db,
    `SELECT c.category, c.subtype, c.source, o.outcome, substr(o.outcome_date, 1, 7) AS month,
            c.is_difficult AS difficult, count(*) AS cases, sum(o.persons) AS persons,
            sum(o.amount_fen) AS amount,
            sum(o.outcome LIKE 'SUCCESS_%' AND ${PERFORMED}) AS performed,
            sum(o.outcome LIKE 'SUCCESS_%' AND ${CONFIRMED}) AS confirmed
       FROM case_outcome AS o JOIN case_file AS c ON c.id = o.case_id
      WHERE o.outcome_date BETWEEN ? AND ?
      GROUP BY 1, 2, 3, 4, 5, 6`,
  ).all(start, end) as GroupRow[];
  // Named: with ANALYZE figures the planner takes case_file_category for the GROUP BY and then
  // reads every accepted case's table row; the covering index answers from itself (migration 21).
  const open = statement(
    db,
    `SELECT c.category, c.subtype, c.source, 'OPEN' AS outcome, NULL AS month,
            c.is_difficult AS difficult, count(*) AS cases, 0 AS persons, 0 AS amount,
            0 AS performed, 0 AS confirmed
       FROM case_file AS c INDEXED BY case_file_open_facts
      WHERE c.accepted_date <= ?
        AND NOT EXISTS (SELECT 1 FROM case_outcome AS o
                         WHERE o.case_id = c.id AND o.outcome_date <= ?)
      GROUP BY 1, 2, 3, 6`,
  ).all(end, end) as GroupRow[];
  return [...closed, ...open].map((r) => ({
    orgType,
    category: r.category,
    subtype: r.subtype,
    source: r.source,
    outcome: r.outcome,
    month: r.month,
    difficult: r.difficult === 1,
    cases: r.cases,
    persons: r.persons,
    amountFen: r.amount,
    performed: r.performed,
    confirmed: r.confirmed,
  }));
}

/** Rule 6: flags on cases with an outcome in the period, plus issues defused in its rounds. */
export function preventionFigures(db: Db, start: string, end: string): PreventionFigure[] {
  const rows = statement(
    db,
    `SELECT code, sum(cases) AS cases, sum(persons) AS persons FROM (
       SELECT json_extract(f.value, '$.code') AS code, count(*) AS cases,
              sum(json_extract(f.value, '$.persons')) AS persons
         FROM case_outcome AS o JOIN case_file AS c ON c.id = o.case_id,
              json_each(c.prevention_flags_json) AS f
        WHERE o.outcome_date BETWEEN ? AND ? AND c.prevention_flags_json <> '[]'
        GROUP BY 1
       UNION ALL
       SELECT i.prevention_code, count(*), sum(i.prevention_persons)
         FROM screening_issue AS i JOIN screening_round AS r ON r.id = i.round_id
        WHERE r.round_date BETWEEN ? AND ? AND i.prevention_code IS NOT NULL
        GROUP BY 1)
     GROUP BY code ORDER BY code`,
  ).all(start, end, start, end) as { code: string; cases: number; persons: number }[];
  return rows.map((r) => ({ code: r.code, cases: r.cases, persons: r.persons }));
}

export function screeningFigures(db: Db, start: string, end: string): ScreeningFigures {
  const rounds = statement(
    db,
    `SELECT count(*) AS n, coalesce(sum(households_visited), 0) AS households
       FROM screening_round WHERE round_date BETWEEN ? AND ?`,
  ).get(start, end) as { n: number; households: number };
  const issues = statement(
    db,
    `SELECT count(*) AS found, coalesce(sum(i.disposition = 'PREVENTED'), 0) AS prevented,
            coalesce(sum(i.disposition = 'CASE'), 0) AS cases
       FROM screening_issue AS i JOIN screening_round AS r ON r.id = i.round_id
      WHERE r.round_date BETWEEN ? AND ?`,
  ).get(start, end) as { found: number; prevented: number; cases: number };
  return {
    rounds: rounds.n,
    householdsVisited: rounds.households,
    issuesFound: issues.found,
    prevented: issues.prevented,
    becameCases: issues.cases,
  };
}

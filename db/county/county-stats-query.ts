import type {
  CaseFactGroup,
  Outcome,
  PreventionFigure,
  ScreeningFigures,
} from '../../domain/statistics/counting-rules.js';
import type { Db } from '../connection.js';

/** The county database's side of the same counting rules (domain/statistics/counting-rules.ts). */
export function countyFactGroups(db: Db, start: string, end: string): CaseFactGroup[] {
  const rows = db
    .prepare(
      `SELECT r.organisation_type AS org, c.category, c.subtype, c.source, c.outcome,
              substr(c.outcome_date, 1, 7) AS month, c.difficult, count(*) AS cases,
              sum(c.persons) AS persons, sum(c.amount_fen) AS amount,
              sum(c.performed) AS performed, sum(c.confirmed) AS confirmed
         FROM county_case AS c JOIN room AS r ON r.room_key = c.room_key
        WHERE c.outcome_date BETWEEN @start AND @end
        GROUP BY 1, 2, 3, 4, 5, 6, 7
       UNION ALL
       SELECT r.organisation_type, c.category, c.subtype, c.source, 'OPEN', NULL, c.difficult,
              count(*), 0, 0, 0, 0
         FROM county_case AS c JOIN room AS r ON r.room_key = c.room_key
        WHERE c.accepted_date <= @end AND (c.outcome_date IS NULL OR c.outcome_date > @end)
        GROUP BY 1, 2, 3, 4, 7`,
    )
    .all({ start, end }) as {
    org: string;
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
  }[];
  return rows.map((r) => ({
    orgType: r.org,
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

export function countyPrevention(db: Db, start: string, end: string): PreventionFigure[] {
  return db
    .prepare(
      `SELECT code, sum(cases) AS cases, sum(persons) AS persons FROM (
         SELECT json_extract(f.value, '$.code') AS code, count(*) AS cases,
                sum(json_extract(f.value, '$.persons')) AS persons
           FROM county_case AS c, json_each(c.prevention_json) AS f
          WHERE c.outcome_date BETWEEN ? AND ? GROUP BY 1
         UNION ALL
         SELECT json_extract(i.value, '$.prevention.code'), count(*),
                sum(json_extract(i.value, '$.prevention.persons'))
           FROM county_round AS r, json_each(r.issues_json) AS i
          WHERE r.round_date BETWEEN ? AND ?
            AND json_extract(i.value, '$.prevention') IS NOT NULL GROUP BY 1)
       GROUP BY code ORDER BY code`,
    )
    .all(start, end, start, end) as PreventionFigure[];
}

export function countyScreening(db: Db, start: string, end: string): ScreeningFigures {
  const r = db
    .prepare(
      `SELECT count(*) AS rounds, coalesce(sum(households_visited), 0) AS households,
              coalesce(sum(json_array_length(issues_json)), 0) AS found,
              coalesce(sum((SELECT count(*) FROM json_each(issues_json) AS i
                             WHERE json_extract(i.value, '$.disposition') = 'PREVENTED')), 0)
                AS prevented,
              coalesce(sum((SELECT count(*) FROM json_each(issues_json) AS i
                             WHERE json_extract(i.value, '$.disposition') = 'CASE')), 0) AS cases
         FROM county_round WHERE round_date BETWEEN ? AND ?`,
    )
    .get(start, end) as {
    rounds: number;
    households: number;
    found: number;
    prevented: number;
    cases: number;
  };
  return {
    rounds: r.rounds,
    householdsVisited: r.households,
    issuesFound: r.found,
    prevented: r.prevented,
    becameCases: r.cases,
  };
}

export function countyRooms(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM room').get() as { n: number }).n;
}

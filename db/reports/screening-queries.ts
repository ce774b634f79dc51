import type {
  ScreeningRound,
  ScreeningRoundSummary,
  ScreeningRoundValues,
} from '../../domain/screening.js';
import { caseFilterSql, type CaseFilter } from '../cases/case-filter-sql.js';
import type { Db } from '../connection.js';

interface RoundRow {
  id: number;
  round_date: string;
  area: string;
  grid: string | null;
  participants_json: string;
  households_visited: number;
  note: string | null;
  version: number;
}

interface IssueRow {
  id: number;
  description: string;
  category: string;
  disposition: 'OPEN' | 'CASE' | 'PREVENTED';
  case_id: number | null;
  case_number: string | null;
  prevention_code: string | null;
  prevention_persons: number | null;
}

export function getScreeningRound(db: Db, id: number): ScreeningRound | null {
  const row = db.prepare('SELECT * FROM screening_round WHERE id = ?').get(id) as
    RoundRow | undefined;
  if (!row) return null;
  const issues = db
    .prepare(
      `SELECT i.*, c.case_number FROM screening_issue AS i
         LEFT JOIN case_file AS c ON c.id = i.case_id
        WHERE i.round_id = ? ORDER BY i.sort`,
    )
    .all(id) as IssueRow[];
  return {
    id: row.id,
    version: row.version,
    roundDate: row.round_date,
    area: row.area,
    grid: row.grid,
    participants: JSON.parse(row.participants_json) as ScreeningRound['participants'],
    householdsVisited: row.households_visited,
    note: row.note,
    issues: issues.map((i) => ({
      id: i.id,
      description: i.description,
      category: i.category as ScreeningRound['issues'][number]['category'],
      disposition: i.disposition,
      caseId: i.case_id,
      caseNumber: i.case_number,
      prevention:
        i.prevention_code !== null && i.prevention_persons !== null
          ? {
              code: i.prevention_code as NonNullable<
                ScreeningRound['issues'][number]['prevention']
              >['code'],
              persons: i.prevention_persons,
            }
          : null,
    })),
  };
}

/** Rounds dated in [start, end], newest first. */
export function listScreeningRounds(db: Db, start: string, end: string): ScreeningRoundSummary[] {
  return (
    db
      .prepare(
        `SELECT r.id, r.round_date, r.area, r.grid, r.households_visited,
                json_array_length(r.participants_json) AS participant_count,
                count(i.id) AS found,
                coalesce(sum(i.disposition = 'CASE'), 0) AS cases,
                coalesce(sum(i.disposition = 'PREVENTED'), 0) AS prevented
           FROM screening_round AS r LEFT JOIN screening_issue AS i ON i.round_id = r.id
          WHERE r.round_date BETWEEN ? AND ?
          GROUP BY r.id ORDER BY r.round_date DESC, r.id DESC LIMIT 500`,
      )
      .all(start, end) as {
      id: number;
      round_date: string;
      area: string;
      grid: string | null;
      households_visited: number;
      participant_count: number;
      found: number;
      cases: number;
      prevented: number;
    }[]
  ).map((r) => ({
    id: r.id,
    roundDate: r.round_date,
    area: r.area,
    grid: r.grid,
    householdsVisited: r.households_visited,
    participantCount: r.participant_count,
    issuesFound: r.found,
    becameCases: r.cases,
    prevented: r.prevented,
  }));
}

/** Inserts or replaces a round and its issues (the caller holds the transaction). */
export function writeScreeningRound(
  db: Db,
  id: number | null,
  round: ScreeningRoundValues,
  nowMs: number,
): number {
  const values = {
    round_date: round.roundDate,
    area: round.area,
    grid: round.grid,
    participants_json: JSON.stringify(round.participants),
    households_visited: round.householdsVisited,
    note: round.note,
    now: nowMs,
  };
  let roundId: number;
  if (id === null) {
    roundId = Number(
      db
        .prepare(
          `INSERT INTO screening_round (round_date, area, grid, participants_json,
             households_visited, note, created_at, updated_at)
           VALUES (@round_date, @area, @grid, @participants_json, @households_visited, @note,
             @now, @now)`,
        )
        .run(values).lastInsertRowid,
    );
  } else {
    db.prepare(
      `UPDATE screening_round SET round_date = @round_date, area = @area, grid = @grid,
         participants_json = @participants_json, households_visited = @households_visited,
         note = @note, version = version + 1, updated_at = @now WHERE id = @id`,
    ).run({ ...values, id });
    roundId = id;
    db.prepare('DELETE FROM screening_issue WHERE round_id = ?').run(id);
  }
  const insert = db.prepare(
    `INSERT INTO screening_issue (round_id, sort, description, category, disposition, case_id,
       prevention_code, prevention_persons, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  round.issues.forEach((issue, sort) => {
    insert.run(
      roundId,
      sort,
      issue.description,
      issue.category,
      issue.disposition,
      issue.caseId,
      issue.prevention?.code ?? null,
      issue.prevention?.persons ?? null,
      nowMs,
      nowMs,
    );
  });
  return roundId;
}

export function screeningRoundVersion(db: Db, id: number): number | null {
  const row = db.prepare('SELECT version FROM screening_round WHERE id = ?').get(id) as
    { version: number } | undefined;
  return row?.version ?? null;
}

/** Which of these cases exist, their source, and which round issue already claims them. */
export function casesForScreening(
  db: Db,
  caseIds: readonly number[],
): Map<number, { source: string; claimedByRound: number | null }> {
  const out = new Map<number, { source: string; claimedByRound: number | null }>();
  const q = db.prepare(
    `SELECT c.source, i.round_id FROM case_file AS c
       LEFT JOIN screening_issue AS i ON i.case_id = c.id WHERE c.id = ?`,
  );
  for (const id of caseIds) {
    const r = q.get(id) as { source: string; round_id: number | null } | undefined;
    if (r) out.set(id, { source: r.source, claimedByRound: r.round_id });
  }
  return out;
}

/** PROACTIVE cases not yet linked to a screening issue (candidates for linking), newest first. */
export function unlinkedProactiveCases(
  db: Db,
  cases: CaseFilter = null,
): { id: number; caseNumber: string | null; title: string; intakeDate: string }[] {
  const scope = caseFilterSql(cases, 'c.id');
  return (
    db
      .prepare(
        `SELECT c.id, c.case_number, c.title, c.intake_date FROM case_file AS c
          WHERE c.source = 'PROACTIVE'
            AND NOT EXISTS (SELECT 1 FROM screening_issue AS i WHERE i.case_id = c.id)
            AND ${scope.sql}
          ORDER BY c.intake_date DESC, c.id DESC LIMIT 200`,
      )
      .all(scope.params) as {
      id: number;
      case_number: string | null;
      title: string;
      intake_date: string;
    }[]
  ).map((r) => ({
    id: r.id,
    caseNumber: r.case_number,
    title: r.title,
    intakeDate: r.intake_date,
  }));
}

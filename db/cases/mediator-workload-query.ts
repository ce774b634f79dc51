import type { MediatorOutcomeRow } from '../../domain/cases/mediator-workload.js';
import type { Db } from '../connection.js';
import { statement } from '../statement-cache.js';

/** The figures of `MediatorWorkload`, read in a handful of indexed queries. */
export interface WorkloadFigures {
  readonly accepted: number;
  readonly sessions: number;
  readonly written: number;
  readonly oral: number;
  readonly failed: number;
  readonly referred: number;
  readonly amountFen: number;
  readonly followUps: number;
  readonly openAtEnd: number;
}

const OUTCOME_LIMIT = 500;

export function workloadFigures(
  db: Db,
  mediatorId: number,
  start: string,
  end: string,
): WorkloadFigures {
  const p = { m: mediatorId, start, end };
  const accepted = statement(
    db,
    `SELECT count(*) AS n FROM case_mediator cm JOIN case_file c ON c.id = cm.case_id
     WHERE cm.mediator_id = @m AND c.accepted_date BETWEEN @start AND @end`,
  ).get(p) as { n: number };
  // start_at is a local date-time; a day's sessions run to its 23:59.
  const sessions = statement(
    db,
    `SELECT count(*) AS n FROM session_record s
     WHERE s.start_at BETWEEN @start AND @end || 'T23:59'
       AND EXISTS (SELECT 1 FROM json_each(s.mediator_ids_json) j WHERE j.value = @m)`,
  ).get(p) as { n: number };
  const outcomes = statement(
    db,
    `SELECT
       sum(o.outcome = 'SUCCESS_WRITTEN') AS written,
       sum(o.outcome = 'SUCCESS_ORAL') AS oral,
       sum(o.outcome = 'FAILED') AS failed,
       sum(o.outcome = 'REFERRED') AS referred,
       sum(CASE WHEN o.outcome LIKE 'SUCCESS_%' THEN o.amount_fen ELSE 0 END) AS amount
     FROM case_mediator cm JOIN case_outcome o ON o.case_id = cm.case_id
     WHERE cm.mediator_id = @m AND o.outcome_date BETWEEN @start AND @end`,
  ).get(p) as {
    written: number | null;
    oral: number | null;
    failed: number | null;
    referred: number | null;
    amount: number | null;
  };
  const followUps = statement(
    db,
    `SELECT count(*) AS n FROM followup
     WHERE status = 'DONE' AND visitor_id = @m AND visit_date BETWEEN @start AND @end`,
  ).get(p) as { n: number };
  const open = statement(
    db,
    `SELECT count(*) AS n FROM case_mediator cm JOIN case_file c ON c.id = cm.case_id
     LEFT JOIN case_outcome o ON o.case_id = c.id
     WHERE cm.mediator_id = @m AND c.accepted_date <= @end
       AND c.status NOT IN ('INTAKE', 'REJECTED')
       AND (o.case_id IS NULL OR o.outcome_date > @end)`,
  ).get(p) as { n: number };
  return {
    accepted: accepted.n,
    sessions: sessions.n,
    written: outcomes.written ?? 0,
    oral: outcomes.oral ?? 0,
    failed: outcomes.failed ?? 0,
    referred: outcomes.referred ?? 0,
    amountFen: outcomes.amount ?? 0,
    followUps: followUps.n,
    openAtEnd: open.n,
  };
}

export function workloadOutcomes(
  db: Db,
  mediatorId: number,
  start: string,
  end: string,
): MediatorOutcomeRow[] {
  return statement(
    db,
    `SELECT c.id AS caseId, c.case_number AS caseNumber, c.title, o.outcome,
            o.outcome_date AS outcomeDate, o.amount_fen AS amountFen
     FROM case_mediator cm JOIN case_outcome o ON o.case_id = cm.case_id
     JOIN case_file c ON c.id = cm.case_id
     WHERE cm.mediator_id = @m AND o.outcome_date BETWEEN @start AND @end
     ORDER BY o.outcome_date DESC, c.id DESC LIMIT ${OUTCOME_LIMIT}`,
  ).all({ m: mediatorId, start, end }) as MediatorOutcomeRow[];
}

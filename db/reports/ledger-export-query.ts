import type { Db } from '../connection.js';
import { statement } from '../statement-cache.js';

/** One case of the 台账 export (§3.8), with its parties and mediators, identified. */
export interface LedgerExportCase {
  readonly id: number;
  readonly caseNumber: string | null;
  readonly intakeDate: string;
  readonly source: string;
  readonly category: string;
  readonly subtype: string | null;
  readonly summary: string;
  readonly riskLevel: string;
  readonly status: string;
  readonly outcome: string | null;
  readonly outcomeDate: string | null;
  /** How a mediation reopened after an unperformed agreement ended (migration 020). */
  readonly reopenedResult: 'FAILED' | 'REFERRED' | null;
  readonly reopenedResultDate: string | null;
  /** The 综治 centre's own fields (migration 016); null where the room left them empty. */
  readonly occurredOn: string | null;
  readonly occurredPlace: string | null;
  readonly personsInvolved: number | null;
  readonly warningLevel: string | null;
  readonly responsibleLeader: string | null;
  readonly mediators: string;
  readonly parties: {
    kind: string;
    name: string;
    phone: string;
    address: string;
    idNumber: string | null;
  }[];
}

/**
 * Cases on the ledger during a period: registered by its end and either ended in it or still
 * open at its end (rejected ones only in the period they were registered), in intake order.
 */
export function ledgerExportCaseIds(db: Db, start: string, end: string): number[] {
  return statement(
    db,
    `SELECT c.id FROM case_file AS c LEFT JOIN case_outcome AS o ON o.case_id = c.id
        WHERE c.intake_date <= @end
          AND (o.outcome_date >= @start
               OR (o.case_id IS NULL AND (c.status <> 'REJECTED' OR c.intake_date >= @start)))
        ORDER BY c.intake_date, c.id`,
  )
    .pluck()
    .all({ start, end }) as number[];
}

/** The whole period at once (one statement each); the export reads it in slices instead. */
export function ledgerExportCases(
  db: Db,
  start: string,
  end: string,
  identified: boolean,
): LedgerExportCase[] {
  return ledgerExportSlice(db, ledgerExportCaseIds(db, start, end), identified);
}

/**
 * These cases (ids in intake order, as `ledgerExportCaseIds` gives them) with their parties
 * and mediators, in the same order. The de-identified export prints no narrative and no ID
 * number, so they are read only for the identified one (a summary may be 5,000 characters on
 * overflow pages).
 */
export function ledgerExportSlice(
  db: Db,
  caseIds: readonly number[],
  identified: boolean,
): LedgerExportCase[] {
  const ids = JSON.stringify(caseIds);
  const cases = statement(
    db,
    `SELECT c.id, c.case_number, c.intake_date, c.source, c.category, c.subtype,
              CASE WHEN @identified THEN c.summary ELSE '' END AS summary,
              c.risk_level, c.status, o.outcome, o.outcome_date,
              o.reopened_result, o.reopened_result_date,
              c.occurred_on, c.occurred_place, c.persons_involved, c.warning_level,
              c.responsible_leader
         FROM case_file AS c LEFT JOIN case_outcome AS o ON o.case_id = c.id
        WHERE c.id IN (SELECT value FROM json_each(@ids))
        ORDER BY c.intake_date, c.id`,
  ).all({ ids, identified: identified ? 1 : 0 }) as {
    id: number;
    case_number: string | null;
    intake_date: string;
    source: string;
    category: string;
    subtype: string | null;
    summary: string;
    risk_level: string;
    status: string;
    outcome: string | null;
    outcome_date: string | null;
    reopened_result: 'FAILED' | 'REFERRED' | null;
    reopened_result_date: string | null;
    occurred_on: string | null;
    occurred_place: string | null;
    persons_involved: number | null;
    warning_level: string | null;
    responsible_leader: string | null;
  }[];
  // One statement each for all the cases' mediators and parties: a correlated subquery or a
  // statement per case was most of the export's time at 10,000 cases.
  const mediatorRows = statement(
    db,
    `SELECT cm.case_id, m.name FROM case_mediator AS cm JOIN mediator AS m ON m.id = cm.mediator_id
      WHERE cm.case_id IN (SELECT value FROM json_each(?)) ORDER BY cm.case_id, cm.mediator_id`,
  ).all(ids) as { case_id: number; name: string }[];
  const mediatorsOf = new Map<number, string[]>();
  for (const m of mediatorRows) {
    const list = mediatorsOf.get(m.case_id);
    if (list) list.push(m.name);
    else mediatorsOf.set(m.case_id, [m.name]);
  }
  const partyRows = statement(
    db,
    `SELECT case_id, kind, name, phone, address,
            CASE WHEN ? THEN id_number END AS id_number FROM party
      WHERE case_id IN (SELECT value FROM json_each(?)) ORDER BY case_id, sort, id`,
  ).all(identified ? 1 : 0, ids) as {
    case_id: number;
    kind: string;
    name: string;
    phone: string;
    address: string;
    id_number: string | null;
  }[];
  const partiesOf = new Map<number, LedgerExportCase['parties'][number][]>();
  for (const p of partyRows) {
    const list = partiesOf.get(p.case_id) ?? [];
    list.push({
      kind: p.kind,
      name: p.name,
      phone: p.phone,
      address: p.address,
      idNumber: p.id_number,
    });
    partiesOf.set(p.case_id, list);
  }
  return cases.map((c) => ({
    id: c.id,
    caseNumber: c.case_number,
    intakeDate: c.intake_date,
    source: c.source,
    category: c.category,
    subtype: c.subtype,
    summary: c.summary,
    riskLevel: c.risk_level,
    status: c.status,
    outcome: c.outcome,
    outcomeDate: c.outcome_date,
    reopenedResult: c.reopened_result,
    reopenedResultDate: c.reopened_result_date,
    occurredOn: c.occurred_on,
    occurredPlace: c.occurred_place,
    personsInvolved: c.persons_involved,
    warningLevel: c.warning_level,
    responsibleLeader: c.responsible_leader,
    mediators: mediatorsOf.get(c.id)?.join('、') ?? '',
    parties: partiesOf.get(c.id) ?? [],
  }));
}

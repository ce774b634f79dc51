import type { Db } from '../connection.js';

/**
 * What a claim pack reads about each case with an outcome in a period: the facts tier criteria
 * test, the reviewer-checked facts, the newest tier confirmation under the active rule, and the
 * printed papers by kind (the volume itself is judged by the volume checklist). One statement,
 * so a year at 100,000 cases is one pass over `case_outcome_by_date`.
 */
export interface ClaimCaseRow {
  readonly caseId: number;
  readonly caseNumber: string | null;
  readonly title: string;
  readonly category: string;
  readonly subtype: string | null;
  readonly source: string;
  readonly riskLevel: string;
  readonly riskFactors: readonly string[];
  readonly isDifficult: boolean;
  readonly amountClaimedFen: number | null;
  readonly intakeDate: string;
  readonly acceptedDate: string | null;
  /** Null while the case has no outcome (only from `claimCaseRow`). */
  readonly outcome: 'SUCCESS_WRITTEN' | 'SUCCESS_ORAL' | 'FAILED' | 'REFERRED' | null;
  readonly outcomeDate: string | null;
  readonly agreementAmountFen: number;
  readonly persons: number;
  readonly sessions: number;
  readonly mediatorIds: readonly number[];
  readonly inCountyRegister: boolean | null;
  readonly crossArea: boolean;
  readonly oralAttendanceProven: boolean;
  readonly confirmedTierCode: string | null;
  readonly confirmedReason: string | null;
  /** Kinds in the print register (APPLICATION, RIGHTS_NOTICE, …). */
  readonly printedKinds: readonly string[];
}

interface ClaimSqlRow {
  id: number;
  case_number: string | null;
  title: string;
  category: string;
  subtype: string | null;
  source: string;
  risk_level: string;
  risk_factors_json: string;
  is_difficult: number;
  amount_claimed_fen: number | null;
  intake_date: string;
  accepted_date: string | null;
  outcome: ClaimCaseRow['outcome'];
  outcome_date: string | null;
  amount_fen: number;
  persons: number;
  sessions: number;
  mediator_ids: string;
  in_county_register: number | null;
  cross_area: number | null;
  oral_attendance_proven: number | null;
  tier_code: string | null;
  tier_reason: string | null;
  printed_kinds: string;
}

const CLAIM_COLUMNS = `c.id, c.case_number, c.title, c.category, c.subtype, c.source,
  c.risk_level, c.risk_factors_json, c.is_difficult, c.amount_claimed_fen, c.intake_date,
  c.accepted_date, o.outcome, o.outcome_date, coalesce(o.amount_fen, 0) AS amount_fen,
  coalesce(o.persons, (SELECT count(*) FROM party p WHERE p.case_id = c.id)) AS persons,
  (SELECT count(*) FROM session_record s WHERE s.case_id = c.id) AS sessions,
  (SELECT json_group_array(mediator_id) FROM (SELECT mediator_id FROM case_mediator m
     WHERE m.case_id = c.id ORDER BY m.position, m.mediator_id)) AS mediator_ids,
  f.in_county_register, f.cross_area, f.oral_attendance_proven,
  t.tier_code, t.reason AS tier_reason,
  (SELECT json_group_array(DISTINCT kind) FROM printed_document d WHERE d.case_id = c.id)
    AS printed_kinds`;

const CLAIM_JOINS = `LEFT JOIN case_subsidy_facts f ON f.case_id = c.id
  LEFT JOIN case_subsidy_tier t ON t.id = (SELECT max(id) FROM case_subsidy_tier x
                                            WHERE x.case_id = c.id AND x.rules_id = @rulesId)`;

function fromSql(r: ClaimSqlRow): ClaimCaseRow {
  return {
    caseId: r.id,
    caseNumber: r.case_number,
    title: r.title,
    category: r.category,
    subtype: r.subtype,
    source: r.source,
    riskLevel: r.risk_level,
    riskFactors: JSON.parse(r.risk_factors_json) as string[],
    isDifficult: r.is_difficult === 1,
    amountClaimedFen: r.amount_claimed_fen,
    intakeDate: r.intake_date,
    acceptedDate: r.accepted_date,
    outcome: r.outcome,
    outcomeDate: r.outcome_date,
    agreementAmountFen: r.amount_fen,
    persons: r.persons,
    sessions: r.sessions,
    mediatorIds: JSON.parse(r.mediator_ids) as number[],
    inCountyRegister: r.in_county_register === null ? null : r.in_county_register === 1,
    crossArea: r.cross_area === 1,
    oralAttendanceProven: r.oral_attendance_proven === 1,
    confirmedTierCode: r.tier_code,
    confirmedReason: r.tier_reason,
    printedKinds: JSON.parse(r.printed_kinds) as string[],
  };
}

/** Cases with an outcome date in the range, of one mediator or of all. */
export function claimCaseRows(
  db: Db,
  range: { readonly start: string; readonly end: string },
  rulesId: string,
  mediatorId: number | null,
): ClaimCaseRow[] {
  const rows = db
    .prepare(
      `SELECT ${CLAIM_COLUMNS}
         FROM case_outcome o
         JOIN case_file c ON c.id = o.case_id
         ${CLAIM_JOINS}
        WHERE o.outcome_date BETWEEN @start AND @end
          AND (@mediatorId IS NULL OR EXISTS (SELECT 1 FROM case_mediator cm
                 WHERE cm.case_id = c.id AND cm.mediator_id = @mediatorId))
        ORDER BY o.outcome_date, c.id`,
    )
    .all({ start: range.start, end: range.end, rulesId, mediatorId }) as ClaimSqlRow[];
  return rows.map(fromSql);
}

/** One case, with or without an outcome yet (the case page's panel). */
export function claimCaseRow(db: Db, caseId: number, rulesId: string): ClaimCaseRow | null {
  const row = db
    .prepare(
      `SELECT ${CLAIM_COLUMNS}
         FROM case_file c
         LEFT JOIN case_outcome o ON o.case_id = c.id
         ${CLAIM_JOINS}
        WHERE c.id = @caseId`,
    )
    .get({ caseId, rulesId }) as ClaimSqlRow | undefined;
  return row ? fromSql(row) : null;
}

export interface DisputeIdentityRow {
  readonly caseId: number;
  readonly caseNumber: string | null;
  readonly category: string;
  readonly subtype: string | null;
  readonly acceptedDate: string;
  readonly parties: readonly {
    readonly idNumber: string | null;
    readonly name: string;
    readonly phone: string;
  }[];
}

/** Cases accepted (or taken in) in a date range with their parties, for "same dispute" checks. */
export function disputeIdentities(
  db: Db,
  range: { readonly start: string; readonly end: string },
): DisputeIdentityRow[] {
  const rows = db
    .prepare(
      `SELECT c.id, c.case_number, c.category, c.subtype,
              coalesce(c.accepted_date, c.intake_date) AS accepted,
              (SELECT json_group_array(json_object('idNumber', p.id_number, 'name', p.name,
                                                   'phone', p.phone))
                 FROM party p WHERE p.case_id = c.id) AS parties
         FROM case_file c
        WHERE coalesce(c.accepted_date, c.intake_date) BETWEEN @start AND @end
          AND c.status <> 'REJECTED'`,
    )
    .all(range) as {
    id: number;
    case_number: string | null;
    category: string;
    subtype: string | null;
    accepted: string;
    parties: string;
  }[];
  return rows.map((r) => ({
    caseId: r.id,
    caseNumber: r.case_number,
    category: r.category,
    subtype: r.subtype,
    acceptedDate: r.accepted,
    parties: JSON.parse(r.parties) as DisputeIdentityRow['parties'],
  }));
}

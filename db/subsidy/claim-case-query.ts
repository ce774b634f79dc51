import { disputeAnchorOf, type DisputeParty } from '../../domain/subsidy/dispute-scope.js';
import type { Db } from '../connection.js';

export type { DisputeParty };

/**
 * What a claim pack reads about each case with an outcome in a period: the facts tier criteria
 * test, the reviewer-checked facts, the newest tier confirmation under the active rule, the
 * printed papers by kind and the parties (the same-dispute check starts from them). One
 * statement over `case_outcome_by_date` for the cases, then one per related table for all of
 * them (mediators, sessions, prints, parties) — a year at 100,000 cases is a handful of
 * statements and no JSON built or parsed per case.
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
  /** The case's state (a refused case is never the first of a repeated dispute). */
  readonly status: string;
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
  /** The case's parties in their order, as the same-dispute check compares them. */
  readonly parties: readonly DisputeParty[];
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
  status: string;
  outcome: ClaimCaseRow['outcome'];
  outcome_date: string | null;
  amount_fen: number;
  persons: number | null;
  in_county_register: number | null;
  cross_area: number | null;
  oral_attendance_proven: number | null;
  tier_code: string | null;
  tier_reason: string | null;
}

const CLAIM_COLUMNS = `c.id, c.case_number, c.title, c.category, c.subtype, c.source,
  c.risk_level, c.risk_factors_json, c.is_difficult, c.amount_claimed_fen, c.intake_date,
  c.accepted_date, c.status, o.outcome, o.outcome_date, coalesce(o.amount_fen, 0) AS amount_fen,
  o.persons, f.in_county_register, f.cross_area, f.oral_attendance_proven,
  t.tier_code, t.reason AS tier_reason`;

const CLAIM_JOINS = `LEFT JOIN case_subsidy_facts f ON f.case_id = c.id
  LEFT JOIN case_subsidy_tier t ON t.id = (SELECT max(id) FROM case_subsidy_tier x
                                            WHERE x.case_id = c.id AND x.rules_id = @rulesId)`;

const IDS = `(SELECT value FROM json_each(@ids))`;

function groupBy<R extends { case_id: number }, V>(
  rows: readonly R[],
  value: (r: R) => V,
): Map<number, V[]> {
  const out = new Map<number, V[]>();
  for (const r of rows) {
    const list = out.get(r.case_id);
    if (list) list.push(value(r));
    else out.set(r.case_id, [value(r)]);
  }
  return out;
}

/** Parties of many cases, in each case's order: one pass over `party_by_case`. */
function partiesOfCases(db: Db, ids: string): Map<number, DisputeParty[]> {
  return groupBy(
    db
      .prepare(
        `SELECT case_id, id_number, name, phone FROM party WHERE case_id IN ${IDS}
          ORDER BY case_id, sort, id`,
      )
      .all({ ids }) as { case_id: number; id_number: string | null; name: string; phone: string }[],
    (p) => ({ idNumber: p.id_number, name: p.name, phone: p.phone }),
  );
}

function withRelated(db: Db, rows: readonly ClaimSqlRow[]): ClaimCaseRow[] {
  const ids = JSON.stringify(rows.map((r) => r.id));
  const mediators = groupBy(
    db
      .prepare(
        `SELECT case_id, mediator_id FROM case_mediator WHERE case_id IN ${IDS}
          ORDER BY case_id, position, mediator_id`,
      )
      .all({ ids }) as { case_id: number; mediator_id: number }[],
    (m) => m.mediator_id,
  );
  const sessions = new Map(
    (
      db
        .prepare(
          `SELECT case_id, count(*) AS n FROM session_record WHERE case_id IN ${IDS}
            GROUP BY case_id`,
        )
        .all({ ids }) as { case_id: number; n: number }[]
    ).map((r) => [r.case_id, r.n]),
  );
  const printed = groupBy(
    db
      .prepare(`SELECT DISTINCT case_id, kind FROM printed_document WHERE case_id IN ${IDS}`)
      .all({ ids }) as { case_id: number; kind: string }[],
    (d) => d.kind,
  );
  const parties = partiesOfCases(db, ids);
  return rows.map((r): ClaimCaseRow => {
    const caseParties = parties.get(r.id) ?? [];
    return {
      caseId: r.id,
      caseNumber: r.case_number,
      title: r.title,
      category: r.category,
      subtype: r.subtype,
      source: r.source,
      riskLevel: r.risk_level,
      // Almost every case has none; only a listed factor costs a parse.
      riskFactors:
        r.risk_factors_json === '[]' ? [] : (JSON.parse(r.risk_factors_json) as string[]),
      isDifficult: r.is_difficult === 1,
      amountClaimedFen: r.amount_claimed_fen,
      intakeDate: r.intake_date,
      acceptedDate: r.accepted_date,
      status: r.status,
      outcome: r.outcome,
      outcomeDate: r.outcome_date,
      agreementAmountFen: r.amount_fen,
      persons: r.persons ?? caseParties.length,
      sessions: sessions.get(r.id) ?? 0,
      mediatorIds: mediators.get(r.id) ?? [],
      inCountyRegister: r.in_county_register === null ? null : r.in_county_register === 1,
      crossArea: r.cross_area === 1,
      oralAttendanceProven: r.oral_attendance_proven === 1,
      confirmedTierCode: r.tier_code,
      confirmedReason: r.tier_reason,
      printedKinds: printed.get(r.id) ?? [],
      parties: caseParties,
    };
  });
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
  return withRelated(db, rows);
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
  return row ? (withRelated(db, [row])[0] ?? null) : null;
}

/** A claim row as the same-dispute check sees it. */
export function identityOfClaimRow(r: ClaimCaseRow): DisputeIdentityRow {
  return {
    caseId: r.caseId,
    caseNumber: r.caseNumber,
    category: r.category,
    subtype: r.subtype,
    acceptedDate: r.acceptedDate ?? r.intakeDate,
    parties: r.parties,
  };
}

export interface DisputeIdentityRow {
  readonly caseId: number;
  readonly caseNumber: string | null;
  readonly category: string;
  readonly subtype: string | null;
  readonly acceptedDate: string;
  readonly parties: readonly DisputeParty[];
}

/**
 * "Same dispute" needs exactly the same set of parties, so only cases that share a party with
 * the given cases can repeat them (or be repeated by them). Each given case is looked up by one
 * anchor party through the party indexes — its ID number (`party_by_id_number`), else its
 * phone (`party_by_phone`), both covering `case_id` — else (no ID, no phone) its name. The
 * given cases come in already read (the claim rows carry their parties); only the others are
 * read, and only when accepted within `range` and not refused.
 */
export function disputeIdentitiesAround(
  db: Db,
  given: readonly DisputeIdentityRow[],
  range: { readonly start: string; readonly end: string },
): DisputeIdentityRow[] {
  const idNumbers = new Set<string>();
  const phones = new Set<string>();
  const names = new Set<string>();
  const byColumn = { id_number: idNumbers, phone: phones, name: names };
  for (const c of given) {
    const anchor = disputeAnchorOf(c.parties);
    if (anchor) byColumn[anchor.column].add(anchor.value);
  }
  const sharing = new Set<number>();
  const lookups = [
    ['id_number', idNumbers],
    ['phone', phones],
    ['name', names],
  ] as const;
  for (const [column, values] of lookups) {
    if (values.size === 0) continue;
    for (const id of db
      .prepare(
        `SELECT DISTINCT case_id FROM party
          WHERE ${column} IN (SELECT value FROM json_each(@values))`,
      )
      .pluck()
      .all({ values: JSON.stringify([...values]) }) as number[]) {
      sharing.add(id);
    }
  }
  for (const c of given) sharing.delete(c.caseId);
  if (sharing.size === 0) return [...given];
  const ids = JSON.stringify([...sharing]);
  const others = db
    .prepare(
      `SELECT c.id, c.case_number, c.category, c.subtype,
              coalesce(c.accepted_date, c.intake_date) AS accepted
         FROM case_file c
        WHERE c.id IN ${IDS}
          AND coalesce(c.accepted_date, c.intake_date) BETWEEN @start AND @end
          AND c.status <> 'REJECTED'`,
    )
    .all({ ids, start: range.start, end: range.end }) as {
    id: number;
    case_number: string | null;
    category: string;
    subtype: string | null;
    accepted: string;
  }[];
  const parties = partiesOfCases(db, JSON.stringify(others.map((o) => o.id)));
  return [
    ...given,
    ...others.map((o) => ({
      caseId: o.id,
      caseNumber: o.case_number,
      category: o.category,
      subtype: o.subtype,
      acceptedDate: o.accepted,
      parties: parties.get(o.id) ?? [],
    })),
  ];
}

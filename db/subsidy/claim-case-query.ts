import { disputeAnchorOf, type DisputeParty } from '../../domain/subsidy/dispute-scope.js';
import type { Db } from '../connection.js';
import { withCaseIds, type CaseIdSource } from '../case-id-table.js';
import { rawStatement } from '../statement-cache.js';
import { volumeEndingOf } from '../volume/volume-queries.js';

export type { DisputeParty };

/**
 * What a claim pack reads about each case with an outcome in a period: the facts tier criteria
 * test, the reviewer-checked facts, the newest tier confirmation under the active rule, the
 * printed papers by kind and the parties (the same-dispute check starts from them). One
 * statement for the cases asked, then one per related table for all of them (mediators,
 * sessions, prints, parties, reviewer facts, tier confirmations) — a year at 100,000 cases is a
 * handful of statements. A pack reads only the cases its claim summary lacks this way
 * (`claim-summary-queries.ts`).
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
  /** The volume's last settling or ending step (`volumeEndingOf`), null while it has none. */
  readonly ending: string | null;
  readonly mediatorIds: readonly number[];
  readonly inCountyRegister: boolean | null;
  readonly crossArea: boolean;
  readonly oralAttendanceProven: boolean;
  readonly confirmedTierCode: string | null;
  readonly confirmedReason: string | null;
  /** Kinds in the print register (APPLICATION, RIGHTS_NOTICE, …). */
  readonly printedKinds: readonly string[];
  /** The case's parties in their order, as the same-dispute check compares them. */
  readonly parties: readonly ClaimParty[];
}

/**
 * What the period's packs take of a claim row (all the claim summary keeps): the volume judge's
 * own inputs are left out, since the summary holds its verdict.
 */
export type PeriodCaseRow = Omit<ClaimCaseRow, 'ending' | 'printedKinds' | 'parties'> & {
  readonly parties: readonly DisputeParty[];
};

/** A party as the claim reads it: its row id lets the volume facts reuse this read. */
export interface ClaimParty extends DisputeParty {
  readonly partyId: number;
}

/** The columns of CLAIM_COLUMNS in order, as a raw row gives them. */
type ClaimSqlRow = [
  id: number,
  caseNumber: string | null,
  title: string,
  category: string,
  subtype: string | null,
  source: string,
  riskLevel: string,
  riskFactorsJson: string,
  isDifficult: number,
  amountClaimedFen: number | null,
  intakeDate: string,
  acceptedDate: string | null,
  status: string,
  outcome: ClaimCaseRow['outcome'],
  outcomeDate: string | null,
  amountFen: number,
  persons: number | null,
];

const CLAIM_COLUMNS = `c.id, c.case_number, c.title, c.category, c.subtype, c.source,
  c.risk_level, c.risk_factors_json, c.is_difficult, c.amount_claimed_fen, c.intake_date,
  c.accepted_date, c.status, o.outcome, o.outcome_date, coalesce(o.amount_fen, 0) AS amount_fen,
  o.persons`;

/** Raw `[case_id, value]` rows grouped by case, in row order. */
function groupBy<V>(rows: readonly (readonly [number, V])[]): Map<number, V[]> {
  const out = new Map<number, V[]>();
  for (const [caseId, value] of rows) {
    const list = out.get(caseId);
    if (list) list.push(value);
    else out.set(caseId, [value]);
  }
  return out;
}

/** Parties of many cases, in each case's order: one pass over `party_by_case`. */
function partiesOfCases(db: Db, ids: CaseIdSource): Map<number, ClaimParty[]> {
  const out = new Map<number, ClaimParty[]>();
  for (const [caseId, partyId, idNumber, name, phone] of rawStatement(
    db,
    `SELECT case_id, id, id_number, name, phone FROM party WHERE case_id IN ${ids.list}
      ORDER BY case_id, sort, id`,
  ).all(ids.params) as [number, number, string | null, string, string][]) {
    const party: ClaimParty = { partyId, idNumber, name, phone };
    const list = out.get(caseId);
    if (list) list.push(party);
    else out.set(caseId, [party]);
  }
  return out;
}

/** The related tables' rows of the cases in `ids`, one statement each. */
function relatedRows(db: Db, ids: CaseIdSource, rulesId: string) {
  const mediators = groupBy(
    rawStatement(
      db,
      `SELECT case_id, mediator_id FROM case_mediator WHERE case_id IN ${ids.list}
        ORDER BY case_id, position, mediator_id`,
    ).all(ids.params) as [number, number][],
  );
  // Session count and the volume's ending in one pass over the ids (two statements cost a
  // second year-sized answer and map).
  const sessions = new Map<number, [sessions: number, ending: string | null]>();
  for (const [caseId, n, ending] of rawStatement(
    db,
    `SELECT j.value, (SELECT count(*) FROM session_record s WHERE s.case_id = j.value),
            ${volumeEndingOf('j.value')}
       FROM ${ids.rows} j`,
  ).all(ids.params) as [number, number, string | null][]) {
    sessions.set(caseId, [n, ending]);
  }
  const printed = groupBy(
    rawStatement(
      db,
      `SELECT DISTINCT case_id, kind FROM printed_document WHERE case_id IN ${ids.list}`,
    ).all(ids.params) as [number, string][],
  );
  const parties = partiesOfCases(db, ids);
  // Few cases have reviewer-checked facts or a confirmed tier: reading those rows for the ids
  // costs a fraction of a left join probed once per case.
  const facts = new Map<number, [inRegister: number | null, crossArea: number, oral: number]>();
  for (const [caseId, inRegister, crossArea, oral] of rawStatement(
    db,
    `SELECT case_id, in_county_register, cross_area, oral_attendance_proven
       FROM case_subsidy_facts WHERE case_id IN ${ids.list}`,
  ).all(ids.params) as [number, number | null, number, number][]) {
    facts.set(caseId, [inRegister, crossArea, oral]);
  }
  // The newest confirmation under the rule wins: rows come oldest first.
  const tiers = new Map<number, [code: string, reason: string | null]>();
  for (const [caseId, code, reason] of rawStatement(
    db,
    `SELECT case_id, tier_code, reason FROM case_subsidy_tier
      WHERE rules_id = @rulesId AND case_id IN ${ids.list} ORDER BY id`,
  ).all({ ...ids.params, rulesId }) as [number, string, string | null][]) {
    tiers.set(caseId, [code, reason]);
  }
  return { mediators, sessions, printed, parties, facts, tiers };
}

/**
 * A year's packs read tens of thousands of rows: every statement is read as arrays and each
 * case becomes one fixed-shape object (row objects of two dozen properties cost more than the
 * SQL).
 */
function withRelated(db: Db, rows: readonly ClaimSqlRow[], rulesId: string): ClaimCaseRow[] {
  const { mediators, sessions, printed, parties, facts, tiers } = withCaseIds(
    db,
    rows.map((r) => r[0]),
    (ids) => relatedRows(db, ids, rulesId),
  );
  const none: never[] = [];
  return rows.map((r): ClaimCaseRow => {
    const id = r[0];
    const caseParties = parties.get(id) ?? none;
    const f = facts.get(id);
    const tier = tiers.get(id);
    const counted = sessions.get(id);
    return {
      caseId: id,
      caseNumber: r[1],
      title: r[2],
      category: r[3],
      subtype: r[4],
      source: r[5],
      riskLevel: r[6],
      // Almost every case has none; only a listed factor costs a parse.
      riskFactors: r[7] === '[]' ? none : (JSON.parse(r[7]) as string[]),
      isDifficult: r[8] === 1,
      amountClaimedFen: r[9],
      intakeDate: r[10],
      acceptedDate: r[11],
      status: r[12],
      outcome: r[13],
      outcomeDate: r[14],
      agreementAmountFen: r[15],
      persons: r[16] ?? caseParties.length,
      sessions: counted ? counted[0] : 0,
      ending: counted ? counted[1] : null,
      mediatorIds: mediators.get(id) ?? none,
      inCountyRegister: f === undefined || f[0] === null ? null : f[0] === 1,
      crossArea: f !== undefined && f[1] === 1,
      oralAttendanceProven: f !== undefined && f[2] === 1,
      confirmedTierCode: tier ? tier[0] : null,
      confirmedReason: tier ? tier[1] : null,
      printedKinds: printed.get(id) ?? none,
      parties: caseParties,
    };
  });
}

/**
 * The cases of `caseIds` that have an outcome (the claim summary's missing rows; which cases
 * belong to a period is `readClaimSummaries`'s), in no particular order: the pack orders its
 * lines itself, and sorting a year's wide rows in SQL cost a temporary tree. The ids are read
 * through the id table before the related rows are, so each of the two reads has the table to
 * itself.
 */
export function claimCaseRowsOf(
  db: Db,
  caseIds: readonly number[],
  rulesId: string,
): ClaimCaseRow[] {
  if (caseIds.length === 0) return [];
  const rows = withCaseIds(
    db,
    caseIds,
    (ids) =>
      rawStatement(
        db,
        `SELECT ${CLAIM_COLUMNS}
           FROM case_outcome o
           JOIN case_file c ON c.id = o.case_id
          WHERE o.case_id IN ${ids.list}`,
      ).all(ids.params) as ClaimSqlRow[],
  );
  return withRelated(db, rows, rulesId);
}

/** One case, with or without an outcome yet (the case page's panel). */
export function claimCaseRow(db: Db, caseId: number, rulesId: string): ClaimCaseRow | null {
  const row = rawStatement(
    db,
    `SELECT ${CLAIM_COLUMNS}
       FROM case_file c
       LEFT JOIN case_outcome o ON o.case_id = c.id
      WHERE c.id = @caseId`,
  ).get({ caseId }) as ClaimSqlRow | undefined;
  return row ? (withRelated(db, [row], rulesId)[0] ?? null) : null;
}

/** A claim row as the same-dispute check sees it. */
export function identityOfClaimRow(r: PeriodCaseRow): DisputeIdentityRow {
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
  // The given cases' own anchors find them again (a year's pack: 22,000 of 22,400 rows); they
  // are already read, so their ids are skipped as they come rather than collected and dropped.
  const own = new Set<number>();
  for (const c of given) own.add(c.caseId);
  const sharing = new Set<number>();
  const lookups = [
    ['id_number', idNumbers],
    ['phone', phones],
    ['name', names],
  ] as const;
  for (const [column, values] of lookups) {
    if (values.size === 0) continue;
    // No DISTINCT: the set drops repeats without SQLite sorting a year's worth of case ids.
    // Plucked (one number per row, not a one-element array each) and the values ascending.
    // An indexed column is probed once per value straight from the list (CROSS JOIN keeps the
    // list outside): an IN list first built an ephemeral index of a year's 22,000 values, and
    // ascending probes walk the party index in order. A name has no index, so its list stays
    // an IN list (one pass over the party table, not one per value).
    const sql =
      column === 'name'
        ? `SELECT case_id FROM party WHERE name IN (SELECT value FROM json_each(@values))`
        : `SELECT p.case_id FROM json_each(@values) v CROSS JOIN party p ON p.${column} = v.value`;
    for (const id of db
      .prepare(sql)
      .pluck()
      .all({ values: JSON.stringify(Array.from(values).sort()) }) as number[]) {
      if (!own.has(id)) sharing.add(id);
    }
  }
  if (sharing.size === 0) return [...given];
  const others = withCaseIds(
    db,
    sharing,
    (ids) =>
      rawStatement(
        db,
        `SELECT c.id, c.case_number, c.category, c.subtype,
              coalesce(c.accepted_date, c.intake_date) AS accepted
         FROM case_file c
        WHERE c.id IN ${ids.list}
          AND coalesce(c.accepted_date, c.intake_date) BETWEEN @start AND @end
          AND c.status <> 'REJECTED'`,
      ).all({ ...ids.params, start: range.start, end: range.end }) as [
        id: number,
        caseNumber: string | null,
        category: string,
        subtype: string | null,
        accepted: string,
      ][],
  );
  const parties = withCaseIds(
    db,
    others.map(([id]) => id),
    (ids) => partiesOfCases(db, ids),
  );
  return [
    ...given,
    ...others.map(([id, caseNumber, category, subtype, accepted]) => ({
      caseId: id,
      caseNumber,
      category,
      subtype,
      acceptedDate: accepted,
      parties: parties.get(id) ?? [],
    })),
  ];
}

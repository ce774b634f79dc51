import type { Db } from '../../../db/connection.js';
import type {
  ClaimCaseRow,
  ClaimParty,
  DisputeIdentityRow,
} from '../../../db/subsidy/claim-case-query.js';
import type { VolumeFacts, VolumeOutcome } from '../../../domain/volume/volume-checklist.js';

/**
 * The claim pack's reads as they were at 53ce8d8, before the room's year was read in one pass:
 * rows as objects, each mediator's cases found by their own statement, the same-dispute look-up
 * over the given cases' anchor parties, the volume facts with one count map per case. Kept only
 * as the oracle of `subsidy-claim-packs.test.ts` (the claim rows carry `status` and party ids
 * now, which the packs do not use).
 */

const OUTCOME_OF_STATE: Readonly<Record<string, VolumeOutcome>> = {
  SETTLED_WRITTEN: 'WRITTEN',
  SETTLED_ORAL: 'ORAL',
  TERMINATED_FAILED: 'FAILED',
  TERMINATED_REFUSED: 'REFUSED',
  REFERRED: 'REFERRED',
};

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
function partiesOfCases(db: Db, ids: string): Map<number, ClaimParty[]> {
  return groupBy(
    db
      .prepare(
        `SELECT case_id, id, id_number, name, phone FROM party WHERE case_id IN ${IDS}
          ORDER BY case_id, sort, id`,
      )
      .all({ ids }) as {
      case_id: number;
      id: number;
      id_number: string | null;
      name: string;
      phone: string;
    }[],
    (p) => ({ partyId: p.id, idNumber: p.id_number, name: p.name, phone: p.phone }),
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
      // Not read here: the oracle's volume facts read each case's ending themselves.
      ending: null,
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
export function claimCaseRowsAsBefore(
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

/**
 * "Same dispute" needs exactly the same set of parties, so only cases that share a party with
 * the given cases can repeat them (or be repeated by them). Each given case is looked up by one
 * anchor party through the party indexes — its ID number (`party_by_id_number`), else its
 * phone (`party_by_phone`), both covering `case_id` — else (no ID, no phone) its name. The
 * given cases come in already read (the claim rows carry their parties); only the others are
 * read, and only when accepted within `range` and not refused.
 */
export function disputeIdentitiesAroundAsBefore(
  db: Db,
  given: readonly DisputeIdentityRow[],
  range: { readonly start: string; readonly end: string },
): DisputeIdentityRow[] {
  const idNumbers = new Set<string>();
  const phones = new Set<string>();
  const names = new Set<string>();
  for (const c of given) {
    const withId = c.parties.find((p) => p.idNumber);
    const withPhone = c.parties.find((p) => p.phone !== '无');
    if (withId?.idNumber) idNumbers.add(withId.idNumber);
    else if (withPhone) phones.add(withPhone.phone);
    else if (c.parties[0]) names.add(c.parties[0].name);
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

// Every statement takes the case ids as one JSON array (`json_each`), so a year's claim pack is
// a dozen statements over the case_id indexes, not a dozen per case.

const COUNTS = {
  acceptancePrinted: `SELECT case_id, count(*) AS n FROM printed_document
    WHERE case_id IN ${IDS} AND kind IN ('ACCEPTANCE_REGISTER', 'APPLICATION') GROUP BY case_id`,
  rightsPrinted: `SELECT case_id, count(*) AS n FROM printed_document
    WHERE case_id IN ${IDS} AND kind = 'RIGHTS_NOTICE' GROUP BY case_id`,
  closedUnperformed: `SELECT case_id, count(*) AS n FROM status_history
    WHERE case_id IN ${IDS} AND action = 'CLOSE'
      AND json_extract(data_json, '$.unperformedReason') IS NOT NULL
      AND json_extract(data_json, '$.unperformedReason') <> '' GROUP BY case_id`,
  investigations: `SELECT case_id, count(*) AS n FROM investigation_record
    WHERE case_id IN ${IDS} GROUP BY case_id`,
  evidence: `SELECT case_id, count(*) AS n FROM case_attachment
    WHERE case_id IN ${IDS} AND kind = 'EVIDENCE' GROUP BY case_id`,
  sessions: `SELECT case_id, count(*) AS n FROM session_record
    WHERE case_id IN ${IDS} GROUP BY case_id`,
  agreements: `SELECT case_id, count(*) AS n FROM agreement
    WHERE case_id IN ${IDS}
      AND ((kind = 'WRITTEN' AND status = 'SIGNED') OR (kind = 'ORAL' AND status NOT IN ('DRAFT', 'VOID')))
    GROUP BY case_id`,
  obligations: `SELECT case_id, count(*) AS n FROM followup
    WHERE case_id IN ${IDS} AND origin IN ('INSTALMENT', 'OBLIGATION') GROUP BY case_id`,
  proofs: `SELECT f.case_id, count(*) AS n FROM followup_proof p JOIN followup f ON f.id = p.followup_id
    WHERE f.case_id IN ${IDS} GROUP BY f.case_id`,
  visitsDone: `SELECT case_id, count(*) AS n FROM followup
    WHERE case_id IN ${IDS} AND status = 'DONE' GROUP BY case_id`,
  confirmations: `SELECT case_id, count(*) AS n FROM judicial_confirmation
    WHERE case_id IN ${IDS} GROUP BY case_id`,
  volumeNotes: `SELECT case_id, count(*) AS n FROM case_volume_note
    WHERE case_id IN ${IDS} GROUP BY case_id`,
} as const;

type CountName = keyof typeof COUNTS;

interface RawFacts {
  readonly accepted: boolean;
  readonly parties: readonly { name: string; ids: number; poas: number; agent: number }[];
  readonly counts: ReadonlyMap<CountName, number>;
  readonly ending: string | null;
}

function volumeFactsOf(raw: RawFacts): VolumeFacts {
  const n = (name: CountName) => raw.counts.get(name) ?? 0;
  const outcome = raw.ending ? (OUTCOME_OF_STATE[raw.ending] ?? 'OPEN') : 'OPEN';
  return {
    accepted: raw.accepted,
    acceptanceOrApplicationPrinted: n('acceptancePrinted') > 0,
    rightsNoticePrinted: n('rightsPrinted') > 0,
    parties: raw.parties.map((p) => ({ name: p.name, identityCopies: p.ids })),
    agentParties: raw.parties
      .filter((p) => p.agent === 1)
      .map((p) => ({ name: p.name, powersOfAttorney: p.poas })),
    investigations: n('investigations'),
    evidence: n('evidence'),
    sessions: n('sessions'),
    outcome,
    agreementOnFile: n('agreements') > 0,
    hasObligations: n('obligations') > 0,
    performanceProofs: n('proofs'),
    visitsDone: n('visitsDone'),
    closedUnperformed: n('closedUnperformed') > 0,
    confirmationRecorded: n('confirmations') > 0,
    volumeNotes: n('volumeNotes'),
  };
}

/** The facts the volume checklist judges, for many cases at once; cases that do not exist are absent. */
export function volumeFactsOfCasesAsBefore(
  db: Db,
  caseIds: readonly number[],
): ReadonlyMap<number, VolumeFacts> {
  const ids = JSON.stringify(caseIds);
  const cases = db
    .prepare(`SELECT id, accepted_date IS NOT NULL AS accepted FROM case_file WHERE id IN ${IDS}`)
    .all({ ids }) as { id: number; accepted: number }[];
  // Plain reads joined here rather than per-party subqueries: a year's pack has thousands of
  // parties and very few attachments or agents, so three index passes beat three probes a party.
  const copies = new Map<string, number>();
  for (const a of db
    .prepare(
      `SELECT case_id, party_id, kind, count(*) AS n FROM case_attachment
      WHERE case_id IN ${IDS} AND kind IN ('IDENTITY_PROOF', 'POWER_OF_ATTORNEY')
        AND party_id IS NOT NULL
      GROUP BY case_id, party_id, kind`,
    )
    .all({ ids }) as { case_id: number; party_id: number; kind: string; n: number }[]) {
    copies.set(`${a.kind}:${a.case_id}:${a.party_id}`, a.n);
  }
  const agents = new Set(
    db
      .prepare(
        `SELECT DISTINCT r.party_id FROM party_representative r JOIN party p ON p.id = r.party_id
        WHERE p.case_id IN ${IDS} AND r.kind = 'AGENT'`,
      )
      .pluck()
      .all({ ids }) as number[],
  );
  const parties = new Map<number, RawFacts['parties'][number][]>();
  for (const p of db
    .prepare(
      `SELECT p.case_id, p.id, p.name FROM party p WHERE p.case_id IN ${IDS}
      ORDER BY p.case_id, p.sort, p.id`,
    )
    .all({ ids }) as { case_id: number; id: number; name: string }[]) {
    const list = parties.get(p.case_id) ?? [];
    list.push({
      name: p.name,
      ids: copies.get(`IDENTITY_PROOF:${p.case_id}:${p.id}`) ?? 0,
      poas: copies.get(`POWER_OF_ATTORNEY:${p.case_id}:${p.id}`) ?? 0,
      agent: agents.has(p.id) ? 1 : 0,
    });
    parties.set(p.case_id, list);
  }
  const counts = new Map<number, Map<CountName, number>>();
  for (const name of Object.keys(COUNTS) as CountName[]) {
    for (const r of db.prepare(COUNTS[name]).all({ ids }) as { case_id: number; n: number }[]) {
      const m = counts.get(r.case_id) ?? new Map<CountName, number>();
      m.set(name, r.n);
      counts.set(r.case_id, m);
    }
  }
  // The last settling or ending step decides what the volume must hold.
  const endings = new Map<number, string>();
  for (const r of db
    .prepare(
      `SELECT j.value AS case_id,
            (SELECT h.to_state FROM status_history h WHERE h.case_id = j.value AND h.to_state IN
               ('SETTLED_WRITTEN', 'SETTLED_ORAL', 'TERMINATED_FAILED', 'TERMINATED_REFUSED', 'REFERRED')
              ORDER BY h.id DESC LIMIT 1) AS to_state
       FROM json_each(@ids) j`,
    )
    .all({ ids }) as { case_id: number; to_state: string | null }[]) {
    if (r.to_state !== null) endings.set(r.case_id, r.to_state);
  }
  const out = new Map<number, VolumeFacts>();
  for (const c of cases) {
    out.set(
      c.id,
      volumeFactsOf({
        accepted: c.accepted === 1,
        parties: parties.get(c.id) ?? [],
        counts: counts.get(c.id) ?? new Map(),
        ending: endings.get(c.id) ?? null,
      }),
    );
  }
  return out;
}

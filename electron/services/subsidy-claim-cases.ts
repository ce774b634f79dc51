import {
  claimCaseRowsOf,
  type ClaimCaseRow,
  type DisputeIdentityRow,
} from '../../db/subsidy/claim-case-query.js';
import {
  readClaimSummaries,
  storedClaimSummaries,
  writeClaimSummaries,
} from '../../db/subsidy/claim-summary-queries.js';
import type { Db } from '../../db/connection.js';
import { judgeKnownVolumes } from '../../db/volume/volume-queries.js';
import { inLineOrder, type ClaimCase } from '../../domain/subsidy/claim-pack.js';
import {
  findDuplicateDisputes,
  matterKeyOf,
  partyKeyOf,
  type DisputeIdentity,
} from '../../domain/subsidy/duplicate-disputes.js';
import type { SubsidyRules } from '../../domain/subsidy/subsidy-rules.js';
import { claimVolumeOf, subsidyFactsOf } from '../../domain/subsidy/volume-evidence.js';
import type * as disputeCategories from '../../domain/taxonomy/dispute-categories.js';
import type * as caseSources from '../../domain/taxonomy/case-sources.js';
import type * as riskLevels from '../../domain/taxonomy/risk-levels.js';
import { volumeVerdict } from '../../domain/volume/volume-checklist.js';

/**
 * From the ledger's claim rows to what the pure pack builder takes: each case's tier facts, its
 * volume as the checklist judges it, and the same-dispute verdicts. Shared by the case panel and
 * the period's packs so both judge a case alike.
 */

/**
 * Same-dispute detection needs the cases accepted in the window before the period too: the
 * first registration of a repeated dispute may lie in an earlier quarter.
 */
export function windowStart(rules: SubsidyRules, start: string): string {
  const days = -rules.duplicateWindowDays - 366;
  return new Date(Date.parse(`${start}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A case as the same-dispute check compares it: category, subtype, acceptance, party keys. */
export function disputeIdentityOf(c: DisputeIdentityRow): DisputeIdentity {
  // The party itself is handed over (it has the three fields), not a copy per party.
  const partyKeys = c.parties.map((p) => partyKeyOf(p));
  return {
    caseId: c.caseId,
    caseNumber: c.caseNumber,
    category: c.category as disputeCategories.Code,
    subtype: c.subtype as disputeCategories.SubtypeCode | null,
    acceptedDate: c.acceptedDate,
    partyKeys,
    matterKey: matterKeyOf(c.category, partyKeys),
  };
}

/**
 * The same-dispute verdicts among `rows`. A room's year asks once per mediator, and a case is
 * compared in its own pack and as a neighbour in others': `identityOf` may hand back the one
 * identity made for the case (its party keys and matter key are then worked out once).
 */
export function duplicatesAmong(
  rows: readonly DisputeIdentityRow[],
  rules: SubsidyRules,
  identityOf: (row: DisputeIdentityRow) => DisputeIdentity = disputeIdentityOf,
) {
  return findDuplicateDisputes(rows.map(identityOf), rules.duplicateWindowDays);
}

export function caseFactsOf(row: ClaimCaseRow) {
  return subsidyFactsOf({
    category: row.category as disputeCategories.Code,
    subtype: row.subtype as disputeCategories.SubtypeCode | null,
    source: row.source as caseSources.Code,
    riskLevel: row.riskLevel as riskLevels.Code,
    riskFactors: row.riskFactors,
    isDifficult: row.isDifficult,
    persons: row.persons,
    agreementAmountFen: row.agreementAmountFen,
    amountClaimedFen: row.amountClaimedFen,
    sessions: row.sessions,
    crossArea: row.crossArea,
  });
}

/**
 * The claim's view of each case's volume, judged by the one volume checklist, in the order of
 * `rows`. The facts are read in bulk (a year's pack is a few statements, not a few per case) and
 * each case's facts and checklist are dropped as soon as its verdict is taken.
 */
export function claimVolumes(db: Db, rows: readonly ClaimCaseRow[]): ClaimCase['volume'][] {
  return judgeKnownVolumes(db, rows, (facts, row) =>
    claimVolumeOf(volumeVerdict(facts), row.printedKinds),
  );
}

export function toClaimCase(row: ClaimCaseRow, volume: ClaimCase['volume']): ClaimCase | null {
  if (row.outcome === null) return null;
  return {
    caseId: row.caseId,
    caseNumber: row.caseNumber,
    title: row.title,
    facts: caseFactsOf(row),
    outcome: row.outcome,
    outcomeDate: row.outcomeDate,
    mediatorIds: row.mediatorIds,
    volume,
    inCountyRegister: row.inCountyRegister,
    oralAttendanceProven: row.oralAttendanceProven,
    confirmedTier: row.confirmedTierCode
      ? { code: row.confirmedTierCode, reason: row.confirmedReason }
      : null,
  };
}

/**
 * The version of what a claim summary holds and how it is judged. Bump it whenever the claim
 * row, the volume judge or the summary's shape changes: every row written under another version
 * is then recomputed on the next pack.
 */
export const CLAIM_SUMMARY_LOGIC_VERSION = 1;

/** A case as the claim summary keeps it: its claim row and its volume's verdict. */
type ClaimSummary = readonly [row: ClaimCaseRow, volume: ClaimCase['volume']];

/**
 * A summary as stored: its values in a fixed order, parties flattened four values each. A year is
 * 22,000 payloads read and parsed on every pack; named properties made them twice as long
 * (~930 characters a case, ~20 MB a year, half the read's CPU in making and parsing strings).
 */
type StoredSummary = [
  caseId: number,
  caseNumber: string | null,
  title: string,
  category: string,
  subtype: string | null,
  source: string,
  riskLevel: string,
  riskFactors: readonly string[],
  isDifficult: boolean,
  amountClaimedFen: number | null,
  intakeDate: string,
  acceptedDate: string | null,
  status: string,
  outcome: ClaimCaseRow['outcome'],
  outcomeDate: string | null,
  agreementAmountFen: number,
  persons: number,
  sessions: number,
  ending: string | null,
  mediatorIds: readonly number[],
  inCountyRegister: boolean | null,
  crossArea: boolean,
  oralAttendanceProven: boolean,
  confirmedTierCode: string | null,
  confirmedReason: string | null,
  printedKinds: readonly string[],
  parties: (number | string | null)[],
  complete: boolean,
  problems: readonly string[],
  present: ClaimCase['volume']['present'],
];

function storedSummaryOf([r, v]: ClaimSummary): StoredSummary {
  const parties: (number | string | null)[] = [];
  for (const p of r.parties) parties.push(p.partyId, p.idNumber, p.name, p.phone);
  return [
    r.caseId,
    r.caseNumber,
    r.title,
    r.category,
    r.subtype,
    r.source,
    r.riskLevel,
    r.riskFactors,
    r.isDifficult,
    r.amountClaimedFen,
    r.intakeDate,
    r.acceptedDate,
    r.status,
    r.outcome,
    r.outcomeDate,
    r.agreementAmountFen,
    r.persons,
    r.sessions,
    r.ending,
    r.mediatorIds,
    r.inCountyRegister,
    r.crossArea,
    r.oralAttendanceProven,
    r.confirmedTierCode,
    r.confirmedReason,
    r.printedKinds,
    parties,
    v.complete,
    v.problems,
    v.present,
  ];
}

const isArray = Array.isArray as (value: unknown) => value is unknown[];

/**
 * Whether a parsed payload has the stored shape of case `caseId` (what `summaryOfStored` relies
 * on). Values are not checked here: the audit's verify recomputes every row and compares.
 */
function isStoredSummary(value: unknown, caseId: number): value is StoredSummary {
  if (!isArray(value) || value.length !== 30 || value[0] !== caseId) return false;
  const parties = value[26];
  return (
    isArray(value[7]) &&
    isArray(value[19]) &&
    isArray(value[25]) &&
    isArray(parties) &&
    parties.length % 4 === 0 &&
    isArray(value[28]) &&
    typeof value[29] === 'object' &&
    value[29] !== null
  );
}

/** Cases whose summaries the verify recomputes per slice: a slice stays well under 100 ms. */
const VERIFY_BATCH = 500;

/**
 * Recomputes every stored summary of the current logic version from its sources, exactly as a
 * pack would (claimCaseRowsOf → claimVolumes → the stored payload), and yields between batches
 * the ids of the cases whose stored payload differs (or is missing its sources). Read-only: the
 * audit's verify runs it on its own connection inside its snapshot.
 */
export function* changedClaimSummaries(db: Db): Generator<number[], number> {
  let checked = 0;
  for (const batch of storedClaimSummaries(db, CLAIM_SUMMARY_LOGIC_VERSION, VERIFY_BATCH)) {
    const changed: number[] = [];
    const byRule = new Map<string, typeof batch>();
    for (const stored of batch) {
      const same = byRule.get(stored.rulesId);
      if (same) same.push(stored);
      else byRule.set(stored.rulesId, [stored]);
    }
    for (const [rulesId, stored] of byRule) {
      const rows = claimCaseRowsOf(
        db,
        stored.map((s) => s.caseId),
        rulesId,
      );
      const volumes = claimVolumes(db, rows);
      const fresh = new Map<number, string>();
      rows.forEach((row, i) => {
        const payload = storedSummaryOf([row, volumes[i] as ClaimCase['volume']]);
        fresh.set(row.caseId, JSON.stringify(payload));
      });
      for (const s of stored) if (fresh.get(s.caseId) !== s.payload) changed.push(s.caseId);
    }
    checked += batch.length;
    yield changed;
  }
  return checked;
}

function summaryOfStored(s: StoredSummary): ClaimSummary {
  const flat = s[26];
  const parties: ClaimCaseRow['parties'][number][] = [];
  for (let i = 0; i + 3 < flat.length; i += 4) {
    parties.push({
      partyId: flat[i] as number,
      idNumber: flat[i + 1] as string | null,
      name: flat[i + 2] as string,
      phone: flat[i + 3] as string,
    });
  }
  const row: ClaimCaseRow = {
    caseId: s[0],
    caseNumber: s[1],
    title: s[2],
    category: s[3],
    subtype: s[4],
    source: s[5],
    riskLevel: s[6],
    riskFactors: s[7],
    isDifficult: s[8],
    amountClaimedFen: s[9],
    intakeDate: s[10],
    acceptedDate: s[11],
    status: s[12],
    outcome: s[13],
    outcomeDate: s[14],
    agreementAmountFen: s[15],
    persons: s[16],
    sessions: s[17],
    ending: s[18],
    mediatorIds: s[19],
    inCountyRegister: s[20],
    crossArea: s[21],
    oralAttendanceProven: s[22],
    confirmedTierCode: s[23],
    confirmedReason: s[24],
    printedKinds: s[25],
    parties,
  };
  return [row, { complete: s[27], problems: s[28], present: s[29] }];
}

/**
 * The period's cases (of one mediator, or of all) with their volumes, in line order. A case
 * whose summary is current is taken from it; the others go through the full read and the volume
 * judge, and when `writeBack` they are written to the summary in the caller's transaction (a
 * damaged, read-only or converting ledger is read only). How many were computed is returned for
 * the tests.
 */
export function periodClaimCases(
  db: Db,
  range: { readonly start: string; readonly end: string },
  rulesId: string,
  mediatorId: number | null,
  writeBack: boolean,
): { rows: ClaimCaseRow[]; volumes: ClaimCase['volume'][]; computed: number } {
  const { current: stored, missing } = readClaimSummaries<StoredSummary>(
    db,
    range,
    rulesId,
    mediatorId,
    CLAIM_SUMMARY_LOGIC_VERSION,
    isStoredSummary,
  );
  const computed = claimCaseRowsOf(db, missing, rulesId);
  const volumes = claimVolumes(db, computed);
  const fresh = computed.map((row, i): ClaimSummary => [row, volumes[i] as ClaimCase['volume']]);
  if (writeBack) {
    writeClaimSummaries(
      db,
      fresh.map((summary) => ({ caseId: summary[0].caseId, payload: storedSummaryOf(summary) })),
      rulesId,
      CLAIM_SUMMARY_LOGIC_VERSION,
    );
  }
  const all = stored.map(summaryOfStored);
  for (const summary of fresh) all.push(summary);
  all.sort((a, b) => inLineOrder(a[0], b[0]));
  return { rows: all.map((s) => s[0]), volumes: all.map((s) => s[1]), computed: fresh.length };
}

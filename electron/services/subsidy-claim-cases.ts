import {
  claimCaseRowsOf,
  type ClaimCaseRow,
  type DisputeIdentityRow,
  type PeriodCaseRow,
} from '../../db/subsidy/claim-case-query.js';
import {
  readClaimSummaries,
  storedClaimSummaries,
  writeClaimSummaries,
} from '../../db/subsidy/claim-summary-queries.js';
import type { Db } from '../../db/connection.js';
import { judgeKnownVolumes } from '../../db/volume/volume-queries.js';
import { inLineOrder, isInLineOrder, type ClaimCase } from '../../domain/subsidy/claim-pack.js';
import { isStoredSummary, storedSummaryOf, summaryOfStored } from './claim-summary-payload.js';
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

export function caseFactsOf(row: PeriodCaseRow) {
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

export function toClaimCase(row: PeriodCaseRow, volume: ClaimCase['volume']): ClaimCase | null {
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
export const CLAIM_SUMMARY_LOGIC_VERSION = 2;

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
        const payload = storedSummaryOf(row, volumes[i] as ClaimCase['volume']);
        fresh.set(row.caseId, JSON.stringify(payload));
      });
      for (const s of stored) if (fresh.get(s.caseId) !== s.payload) changed.push(s.caseId);
    }
    checked += batch.length;
    yield changed;
  }
  return checked;
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
): { rows: PeriodCaseRow[]; volumes: ClaimCase['volume'][]; computed: number } {
  const { current: stored, missing } = readClaimSummaries(
    db,
    range,
    rulesId,
    mediatorId,
    CLAIM_SUMMARY_LOGIC_VERSION,
    isStoredSummary,
  );
  const computed = claimCaseRowsOf(db, missing, rulesId);
  const computedVolumes = claimVolumes(db, computed);
  if (writeBack) {
    writeClaimSummaries(
      db,
      computed.map((row, i) => ({
        caseId: row.caseId,
        payload: storedSummaryOf(row, computedVolumes[i] as ClaimCase['volume']),
      })),
      rulesId,
      CLAIM_SUMMARY_LOGIC_VERSION,
    );
  }
  // Two lists side by side, not a pair per case: the period's statement gives the stored rows
  // in line order already (its outcome-date index), so only computed ones need a sort.
  let rows: PeriodCaseRow[] = [];
  let volumes: ClaimCase['volume'][] = [];
  for (const summary of stored) {
    const [row, volume] = summaryOfStored(summary);
    rows.push(row);
    volumes.push(volume);
  }
  for (const row of computed) rows.push(row);
  for (const volume of computedVolumes) volumes.push(volume);
  if (!isInLineOrder(rows)) {
    const order = rows
      .map((_, i) => i)
      .sort((a, b) => inLineOrder(rows[a] as PeriodCaseRow, rows[b] as PeriodCaseRow));
    rows = order.map((i) => rows[i] as PeriodCaseRow);
    volumes = order.map((i) => volumes[i] as ClaimCase['volume']);
  }
  return { rows, volumes, computed: computed.length };
}

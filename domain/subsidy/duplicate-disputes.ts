import type * as disputeCategories from '../taxonomy/dispute-categories';

/**
 * "The same dispute counts once" (domain §4.11): reviewers reject a second claim for a dispute
 * that was registered again — the same people about the same matter. The app cannot read
 * minds, so "same" is a rule a reviewer can check by hand: the same dispute category (and
 * subtype when both have one), exactly the same set of parties, and accepted within the rule's
 * window of the first case. The first case keeps the claim; the later ones are flagged.
 */
export interface DisputeIdentity {
  readonly caseId: number;
  readonly caseNumber: string | null;
  readonly category: disputeCategories.Code;
  readonly subtype: disputeCategories.SubtypeCode | null;
  /** One key per party: the ID number, else name + phone (see `partyKeyOf`). */
  readonly partyKeys: readonly string[];
  /** Acceptance (or intake) date, `YYYY-MM-DD`. */
  readonly acceptedDate: string;
}

export interface DuplicateOf {
  readonly caseId: number;
  readonly caseNumber: string | null;
}

/** A party's identity for duplicate checks: the ID number when known, else name and phone. */
export function partyKeyOf(party: {
  readonly idNumber: string | null;
  readonly name: string;
  readonly phone: string | null;
}): string {
  if (party.idNumber) return `id:${party.idNumber.toUpperCase()}`;
  return `np:${party.name.replace(/\s+/g, '')}|${(party.phone ?? '').replace(/\D/g, '')}`;
}

function daysBetween(a: string, b: string): number {
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;
}

function matterKey(c: DisputeIdentity): string {
  return `${c.category}|${[...new Set(c.partyKeys)].sort().join('§')}`;
}

/**
 * Maps each later case of a repeated dispute to the first one. Cases with no party keys are
 * never matched (nothing to compare).
 */
export function findDuplicateDisputes(
  cases: readonly DisputeIdentity[],
  windowDays: number,
): ReadonlyMap<number, DuplicateOf> {
  const ordered = [...cases].sort(
    (a, b) => a.acceptedDate.localeCompare(b.acceptedDate) || a.caseId - b.caseId,
  );
  const firstByMatter = new Map<string, DisputeIdentity[]>();
  const duplicates = new Map<number, DuplicateOf>();
  for (const c of ordered) {
    if (c.partyKeys.length === 0) continue;
    const key = matterKey(c);
    const earlier = firstByMatter.get(key) ?? [];
    const original = earlier.find(
      (e) =>
        (e.subtype === null || c.subtype === null || e.subtype === c.subtype) &&
        daysBetween(e.acceptedDate, c.acceptedDate) <= windowDays,
    );
    if (original) {
      duplicates.set(c.caseId, { caseId: original.caseId, caseNumber: original.caseNumber });
    } else {
      earlier.push(c);
      firstByMatter.set(key, earlier);
    }
  }
  return duplicates;
}

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
  /** `matterKeyOf(category, partyKeys)`, when whoever made the identity worked it out. */
  readonly matterKey?: string;
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

/**
 * The keys in code-unit order, each once (what `[...new Set(keys)].sort()` gives): a case has a
 * handful of parties, and sorting them in place here allocated a tenth of a year's claim packs
 * less than a Set and Array.sort per case.
 */
function sortedOnce(keys: readonly string[]): string[] {
  if (keys.length > 16) return [...new Set(keys)].sort();
  const out: string[] = [];
  for (const key of keys) {
    let i = out.length;
    while (i > 0 && (out[i - 1] as string) > key) i -= 1;
    if (i > 0 && out[i - 1] === key) continue;
    out.push(key);
    for (let j = out.length - 1; j > i; j -= 1) out[j] = out[j - 1] as string;
    out[i] = key;
  }
  return out;
}

/** What two cases of the same dispute share: the category and the set of party keys. */
export function matterKeyOf(category: string, partyKeys: readonly string[]): string {
  return `${category}|${sortedOnce(partyKeys).join('§')}`;
}

// Worked out once per identity: a room's year checks each case in its own mediator's pack and
// again wherever it is another pack's neighbour. An identity made with its key (the claim
// packs') carries it; only others are looked up here (a weak map's entry costs more than the key).
const matterKeys = new WeakMap<DisputeIdentity, string>();

/** The key `findDuplicateDisputes` groups a case by: only cases of one key can repeat each other. */
export function matterKey(c: DisputeIdentity): string {
  if (c.matterKey !== undefined) return c.matterKey;
  let key = matterKeys.get(c);
  if (key === undefined) {
    key = matterKeyOf(c.category, c.partyKeys);
    matterKeys.set(c, key);
  }
  return key;
}

/** By acceptance date, then case id; dates are all `YYYY-MM-DD`, so code-unit order is theirs. */
function byAcceptance(a: DisputeIdentity, b: DisputeIdentity): number {
  if (a.acceptedDate !== b.acceptedDate) return a.acceptedDate < b.acceptedDate ? -1 : 1;
  return a.caseId - b.caseId;
}

/**
 * Maps each later case of a repeated dispute to the first one. Cases with no party keys are
 * never matched (nothing to compare).
 */
export function findDuplicateDisputes(
  cases: readonly DisputeIdentity[],
  windowDays: number,
): ReadonlyMap<number, DuplicateOf> {
  const ordered = [...cases].sort(byAcceptance);
  // Almost every matter has one first case: it is kept bare, and a list is made only for a
  // matter with a second first case (a year's pack made one list per case before).
  const firstByMatter = new Map<string, DisputeIdentity | DisputeIdentity[]>();
  const duplicates = new Map<number, DuplicateOf>();
  const repeats = (e: DisputeIdentity, c: DisputeIdentity) =>
    (e.subtype === null || c.subtype === null || e.subtype === c.subtype) &&
    daysBetween(e.acceptedDate, c.acceptedDate) <= windowDays;
  for (const c of ordered) {
    if (c.partyKeys.length === 0) continue;
    const key = matterKey(c);
    const earlier = firstByMatter.get(key);
    const original =
      earlier === undefined
        ? undefined
        : Array.isArray(earlier)
          ? earlier.find((e) => repeats(e, c))
          : repeats(earlier, c)
            ? earlier
            : undefined;
    if (original) {
      duplicates.set(c.caseId, { caseId: original.caseId, caseNumber: original.caseNumber });
    } else if (earlier === undefined) {
      firstByMatter.set(key, c);
    } else if (Array.isArray(earlier)) {
      earlier.push(c);
    } else {
      firstByMatter.set(key, [earlier, c]);
    }
  }
  return duplicates;
}

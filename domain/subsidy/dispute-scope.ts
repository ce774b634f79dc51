import {
  findDuplicateDisputes,
  matterKey,
  type DisputeIdentity,
  type DuplicateOf,
} from './duplicate-disputes';

/**
 * Which cases a pack's same-dispute check compares. "The same dispute" needs exactly the same set
 * of parties, so a case can only repeat (or be repeated by) a case that shares a party with it:
 * each case is looked up by one anchor party — its ID number, else its phone, else its name —
 * and every case holding that value in the same column is a neighbour. The ledger does the
 * look-up through the party indexes (`disputeIdentitiesAround`); a room's year, read once for
 * every mediator, does it here over the cases already read, so that each mediator's pack
 * compares exactly the cases its own look-up would have found.
 */
export interface DisputeParty {
  readonly idNumber: string | null;
  readonly name: string;
  readonly phone: string;
}

export interface DisputeCase {
  readonly caseId: number;
  readonly parties: readonly DisputeParty[];
}

export interface DisputeAnchor {
  readonly column: 'id_number' | 'phone' | 'name';
  readonly value: string;
}

/** '无' stands for "no phone" in the ledger: it names nobody. */
const NO_PHONE = '无';

export function disputeAnchorOf(parties: readonly DisputeParty[]): DisputeAnchor | null {
  // One pass, no callbacks: a room's year asks this twice for each of tens of thousands of
  // cases (the ledger's look-up and the neighbour index).
  let phone: string | null = null;
  for (const p of parties) {
    if (p.idNumber) return { column: 'id_number', value: p.idNumber };
    if (phone === null && p.phone !== NO_PHONE) phone = p.phone;
  }
  if (phone !== null) return { column: 'phone', value: phone };
  const first = parties[0];
  return first ? { column: 'name', value: first.name } : null;
}

/** The packs a case is given in or a value is looked up for, each once. */
export type Packs = readonly number[];

/** `a` ∪ `b` without touching either (the index's lists are shared by every case holding a value). */
function unionOf(a: Packs | null, b: Packs | undefined): Packs | null {
  // Almost always a single value's list, or the same list again.
  if (b === undefined || a === b) return a;
  if (a === null) return b;
  let out: number[] | null = null;
  for (const m of b) {
    if (a.includes(m) || out?.includes(m)) continue;
    out ??= [...a];
    out.push(m);
  }
  return out ?? a;
}

const NO_DUPLICATES: ReadonlyMap<number, DuplicateOf> = new Map();

/**
 * The same-dispute verdicts of each of a period's packs, all worked out in one pass: pack `m`'s
 * map is exactly `findDuplicateDisputes` over its `given` cases plus every candidate holding the
 * anchor value of one of them (what the ledger's look-up answers for the pack, each case once).
 *
 * A room's year compared each pack's few thousand cases on their own (10 sorts, 10 maps of keys,
 * for a handful of repeats). Cases of different matter keys never touch each other's verdicts,
 * so a case whose key no other case in reach holds is left out of every comparison: each pack
 * compares only its cases of shared keys. `candidates`: the cases a look-up may find (accepted
 * within the window and not refused), each case once; `given`: every pack's cases, each once,
 * with `packsOfGiven` aligned (the packs, of `packCount`, a case is given in).
 */
export function packDuplicates<T extends DisputeCase>(
  candidates: readonly T[],
  given: readonly T[],
  packsOfGiven: readonly Packs[],
  packCount: number,
  identityOf: (c: T) => DisputeIdentity,
  windowDays: number,
): ReadonlyMap<number, DuplicateOf>[] {
  const index = {
    id_number: new Map<string, Packs>(),
    phone: new Map<string, Packs>(),
    name: new Map<string, Packs>(),
  };
  // Given cases are found by id (a number), not by object: a map keyed by objects cost a year's
  // pass more than the rest of it.
  const givenAt = new Map<number, number>();
  const identities = given.map((g, i) => {
    givenAt.set(g.caseId, i);
    const anchor = disputeAnchorOf(g.parties);
    const packs = packsOfGiven[i] ?? [];
    if (anchor && packs.length > 0) {
      const map = index[anchor.column];
      const held = map.get(anchor.value);
      map.set(anchor.value, held === undefined ? packs : (unionOf(held, packs) as Packs));
    }
    return identityOf(g);
  });
  const reachOf = (c: T) => {
    let found: Packs | null = null;
    for (const p of c.parties) {
      if (p.idNumber !== null) found = unionOf(found, index.id_number.get(p.idNumber));
      if (index.phone.size > 0) found = unionOf(found, index.phone.get(p.phone));
      if (index.name.size > 0) found = unionOf(found, index.name.get(p.name));
    }
    return found;
  };
  // Candidates holding a given case's anchor value, with the packs whose look-up finds them. The
  // given cases among the candidates (a year: 22k of them) are looked at last, and only those
  // whose matter key another case holds: no other one can change a verdict.
  const reached: ReachedCase[] = [];
  const givenCandidates: number[] = [];
  for (const c of candidates) {
    const at = givenAt.get(c.caseId);
    if (at !== undefined && given[at] === c) {
      givenCandidates.push(at);
      continue;
    }
    const found = reachOf(c);
    if (found !== null) reached.push({ identity: identityOf(c), packs: found });
  }
  const keys = keyCounts(identities, reached);
  for (const at of givenCandidates) {
    const identity = identities[at] as DisputeIdentity;
    if (!isShared(keys, identity)) continue;
    const found = reachOf(given[at] as T);
    if (found !== null) reached.push({ identity, packs: found });
  }
  return compareInPacks(identities, packsOfGiven, reached, packCount, windowDays, keys);
}

/** A candidate some pack's look-up found, and those packs. */
export interface ReachedCase {
  /** The given case's own identity object when the candidate is one of them. */
  readonly identity: DisputeIdentity;
  readonly packs: Packs;
}

/**
 * The comparison half of `packDuplicates`, for any look-up that says which packs found which
 * candidate (the anchor index here; pairs of given → found case read from the ledger work alike):
 * pack `m` compares its given cases and the candidates that name `m`, less its own cases, and
 * only cases whose matter key another case in reach holds.
 */
export function duplicatesOfReach(
  given: readonly DisputeIdentity[],
  packsOfGiven: readonly Packs[],
  reached: readonly ReachedCase[],
  packCount: number,
  windowDays: number,
): ReadonlyMap<number, DuplicateOf>[] {
  const givenAt = new Map<number, number>();
  given.forEach((identity, i) => givenAt.set(identity.caseId, i));
  const others = reached.filter(({ identity }) => {
    const at = givenAt.get(identity.caseId);
    return at === undefined || given[at] !== identity;
  });
  const keys = keyCounts(given, others);
  return compareInPacks(given, packsOfGiven, reached, packCount, windowDays, keys);
}

/** How many cases hold each matter key: the given ones and `others` (no given one among them). */
function keyCounts(
  given: readonly DisputeIdentity[],
  others: readonly ReachedCase[],
): Map<string, number> {
  const keys = new Map<string, number>();
  const count = (identity: DisputeIdentity) => {
    if (identity.partyKeys.length === 0) return;
    const key = matterKey(identity);
    keys.set(key, (keys.get(key) ?? 0) + 1);
  };
  for (const identity of given) count(identity);
  for (const { identity } of others) count(identity);
  return keys;
}

function isShared(keys: ReadonlyMap<string, number>, identity: DisputeIdentity): boolean {
  return identity.partyKeys.length > 0 && (keys.get(matterKey(identity)) ?? 0) > 1;
}

function compareInPacks(
  given: readonly DisputeIdentity[],
  packsOfGiven: readonly Packs[],
  reached: readonly ReachedCase[],
  packCount: number,
  windowDays: number,
  keys: ReadonlyMap<string, number>,
): ReadonlyMap<number, DuplicateOf>[] {
  const compared: DisputeIdentity[][] = Array.from({ length: packCount }, () => []);
  const givenAt = new Map<number, number>();
  given.forEach((identity, i) => {
    givenAt.set(identity.caseId, i);
    if (isShared(keys, identity))
      for (const m of packsOfGiven[i] ?? []) compared[m]?.push(identity);
  });
  for (const { identity, packs } of reached) {
    if (!isShared(keys, identity)) continue;
    // A pack's own case is compared as given, not again as its neighbour.
    const at = givenAt.get(identity.caseId);
    const own = at === undefined ? undefined : packsOfGiven[at];
    for (const m of packs) if (!own?.includes(m)) compared[m]?.push(identity);
  }
  return compared.map((cases) =>
    cases.length < 2 ? NO_DUPLICATES : findDuplicateDisputes(cases, windowDays),
  );
}

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
 * with `packsOfGiven` aligned (the packs, of `packCount`, a case is given in). `identityOf` must
 * give a case's own category and `partyKeyOf` each of its parties (as `disputeIdentityOf` does):
 * a number worked out from those stands in for the matter key until two cases share it.
 */
export function packDuplicates<T extends DisputeCase & { readonly category: string }>(
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
  // A year's 22k identities (party keys, matter key) lived through the whole call for the few
  // hundred cases whose key another case holds: each case's key is first stood in for by a
  // number, and identities are made only for cases whose number another case holds.
  const givenMatters: number[] = [];
  let exact = false;
  given.forEach((g, i) => {
    givenAt.set(g.caseId, i);
    const anchor = disputeAnchorOf(g.parties);
    const packs = packsOfGiven[i] ?? [];
    if (anchor && packs.length > 0) {
      const map = index[anchor.column];
      const held = map.get(anchor.value);
      map.set(anchor.value, held === undefined ? packs : (unionOf(held, packs) as Packs));
    }
    const matter = matterNumberOf(g.category, g.parties);
    if (matter === UNNUMBERED) exact = true;
    givenMatters.push(matter);
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
  const others: { readonly c: T; readonly packs: Packs; readonly matter: number }[] = [];
  const givenCandidates: number[] = [];
  for (const c of candidates) {
    const at = givenAt.get(c.caseId);
    if (at !== undefined && given[at] === c) {
      givenCandidates.push(at);
      continue;
    }
    const found = reachOf(c);
    if (found === null) continue;
    const matter = matterNumberOf(c.category, c.parties);
    if (matter === UNNUMBERED) exact = true;
    others.push({ c, packs: found, matter });
  }
  const matters = new Map<number, number>();
  const count = (matter: number) => {
    if (matter >= 0) matters.set(matter, (matters.get(matter) ?? 0) + 1);
  };
  if (!exact) {
    for (const matter of givenMatters) count(matter);
    for (const other of others) count(other.matter);
  }
  // Equal matter keys give equal numbers, so a case whose number no other case holds has a key
  // no other case holds; when some key cannot be numbered, every case is compared by its key.
  const mayRepeat = (matter: number) => exact || (matters.get(matter) ?? 0) > 1;
  const identities = given.map((g, i) =>
    mayRepeat(givenMatters[i] as number) ? identityOf(g) : undefined,
  );
  const reached: ReachedCase[] = [];
  for (const { c, packs, matter } of others) {
    if (mayRepeat(matter)) reached.push({ identity: identityOf(c), packs });
  }
  const keys = keyCounts(identities, reached);
  for (const at of givenCandidates) {
    const identity = identities[at];
    if (identity === undefined || !isShared(keys, identity)) continue;
    const found = reachOf(given[at] as T);
    if (found !== null) reached.push({ identity, packs: found });
  }
  return compareInPacks(identities, givenAt, packsOfGiven, reached, packCount, windowDays, keys);
}

/** A matter that cannot be numbered (see `matterNumberOf`). */
const UNNUMBERED = -1;
/** A case without parties: never compared. */
const NO_PARTIES = -2;

const partyNumbers: number[] = [];

function mix(hash: number, value: number): number {
  return Math.imul(hash ^ value, 16_777_619);
}

/**
 * A number for `matterKeyOf(category, parties.map(partyKeyOf))` made without its strings: equal
 * keys give equal numbers (unequal keys rarely do). It hashes what the key is made of — the
 * category and the set of party keys — so it stands in only where the key is that set: a '§'
 * inside a party key or a '|' in the category (the key's separators), or an ID number outside
 * ASCII (its upper case), answers UNNUMBERED.
 */
export function matterNumberOf(category: string, parties: readonly DisputeParty[]): number {
  if (parties.length === 0) return NO_PARTIES;
  partyNumbers.length = 0;
  for (const p of parties) {
    const n = partyNumberOf(p);
    if (n === UNNUMBERED) return UNNUMBERED;
    partyNumbers.push(n);
  }
  partyNumbers.sort((a, b) => a - b);
  let hash = 2_166_136_261;
  for (let i = 0; i < category.length; i += 1) {
    const code = category.charCodeAt(i);
    if (code === 0x7c) return UNNUMBERED;
    hash = mix(hash, code);
  }
  let last: number | null = null;
  for (const n of partyNumbers) {
    if (n === last) continue;
    hash = mix(hash, n);
    last = n;
  }
  return (hash >>> 0) & 0x3fff_ffff;
}

/** `partyKeyOf(p)` as a number: the ID number upper-cased, else the name without spaces and the phone's digits. */
function partyNumberOf(p: DisputeParty): number {
  let hash = 2_166_136_261;
  if (p.idNumber) {
    for (let i = 0; i < p.idNumber.length; i += 1) {
      let code = p.idNumber.charCodeAt(i);
      if (code >= 0x80 || code === 0x7c) return UNNUMBERED;
      if (code >= 0x61 && code <= 0x7a) code -= 0x20;
      hash = mix(hash, code);
    }
    return hash;
  }
  hash = mix(hash, 0x1_0000);
  for (let i = 0; i < p.name.length; i += 1) {
    const code = p.name.charCodeAt(i);
    if (code === 0xa7) return UNNUMBERED;
    if (!isSpace(code)) hash = mix(hash, code);
  }
  // The phone's digits after a mark no name character is: "np:" + name + "|" + digits.
  hash = mix(hash, 0x1_0001);
  const phone = p.phone ?? '';
  for (let i = 0; i < phone.length; i += 1) {
    const code = phone.charCodeAt(i);
    if (code >= 0x30 && code <= 0x39) hash = mix(hash, code);
  }
  return hash;
}

/** What `\s` matches, one UTF-16 code unit at a time (`partyKeyOf` takes `\s+` out of a name). */
export function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
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
  return compareInPacks(given, givenAt, packsOfGiven, reached, packCount, windowDays, keys);
}

/**
 * How many cases hold each matter key: the given ones (those made: a missing one holds a key no
 * other case holds) and `others` (no given one among them).
 */
function keyCounts(
  given: readonly (DisputeIdentity | undefined)[],
  others: readonly ReachedCase[],
): Map<string, number> {
  const keys = new Map<string, number>();
  const count = (identity: DisputeIdentity | undefined) => {
    if (identity === undefined || identity.partyKeys.length === 0) return;
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

/** `givenAt`: each given case's place by case id (its identity may not have been made). */
function compareInPacks(
  given: readonly (DisputeIdentity | undefined)[],
  givenAt: ReadonlyMap<number, number>,
  packsOfGiven: readonly Packs[],
  reached: readonly ReachedCase[],
  packCount: number,
  windowDays: number,
  keys: ReadonlyMap<string, number>,
): ReadonlyMap<number, DuplicateOf>[] {
  const compared: DisputeIdentity[][] = Array.from({ length: packCount }, () => []);
  given.forEach((identity, i) => {
    if (identity !== undefined && isShared(keys, identity))
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

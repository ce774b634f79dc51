import {
  disputeAnchorOf,
  type DisputeAnchor,
  type DisputeCase,
} from '../../../domain/subsidy/dispute-scope.js';
import {
  findDuplicateDisputes,
  type DisputeIdentity,
  type DuplicateOf,
} from '../../../domain/subsidy/duplicate-disputes.js';

/**
 * The oracle of `packDuplicates`: each pack's same-dispute check as the year's packs made it
 * until s33 — a neighbour look-up per pack (`neighbourFinder`, as it was) and
 * `findDuplicateDisputes` over the pack's cases and everything their anchors reach.
 */
export function packDuplicatesAsBefore<T extends DisputeCase>(
  candidates: readonly T[],
  packs: readonly (readonly T[])[],
  identityOf: (c: T) => DisputeIdentity,
  windowDays: number,
): ReadonlyMap<number, DuplicateOf>[] {
  const neighboursOf = neighbourFinder(candidates, packs.flat());
  return packs.map((given) =>
    findDuplicateDisputes(neighboursOf(given).map(identityOf), windowDays),
  );
}

/**
 * Builds the look-up once over `candidates` (cases a look-up may find: accepted within the
 * window and not refused) for the anchors of `everyGiven` (every case that will be asked
 * about); the returned function gives `given` plus every candidate that shares an anchor value
 * of a given case, each once — what the ledger's look-up answers for `given`.
 */
export function neighbourFinder<T extends DisputeCase>(
  candidates: readonly T[],
  everyGiven: readonly T[],
): (given: readonly T[]) => T[] {
  // A value's holders: almost every anchor is held by its own case alone, so one holder is kept
  // bare and a list is made only for a second (a year's room made one list per anchor before).
  // `null` marks a value some case is looked up by that no candidate holds yet.
  type Holders = T | T[] | null;
  const index = {
    id_number: new Map<string, Holders>(),
    phone: new Map<string, Holders>(),
    name: new Map<string, Holders>(),
  };
  // Only values some case is looked up by are indexed: a year has tens of thousands of parties.
  // Each given case's anchor is found once, not again in every pack that asks about it.
  const anchors = new Map<T, DisputeAnchor | null>();
  for (const g of everyGiven) {
    const anchor = disputeAnchorOf(g.parties);
    anchors.set(g, anchor);
    if (anchor) index[anchor.column].set(anchor.value, null);
  }
  const add = (map: Map<string, Holders>, value: string | null, c: T) => {
    if (value === null) return;
    const held = map.get(value);
    if (held === undefined) return;
    if (held === null) map.set(value, c);
    else if (!Array.isArray(held)) {
      if (held !== c) map.set(value, [held, c]);
    } else if (held[held.length - 1] !== c) held.push(c);
  };
  for (const c of candidates) {
    for (const p of c.parties) {
      add(index.id_number, p.idNumber, c);
      if (index.phone.size > 0) add(index.phone, p.phone, c);
      if (index.name.size > 0) add(index.name, p.name, c);
    }
  }
  return (given) => {
    const found = new Map<number, T>();
    for (const g of given) {
      const anchor = anchors.has(g) ? anchors.get(g) : disputeAnchorOf(g.parties);
      if (!anchor) continue;
      const held = index[anchor.column].get(anchor.value);
      if (held === undefined || held === null) continue;
      if (Array.isArray(held)) for (const c of held) found.set(c.caseId, c);
      else found.set(held.caseId, held);
    }
    for (const g of given) found.delete(g.caseId);
    return [...given, ...found.values()];
  };
}

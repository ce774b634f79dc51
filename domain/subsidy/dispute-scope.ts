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

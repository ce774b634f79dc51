import { describe, expect, it } from 'vitest';
import {
  disputeAnchorOf,
  duplicatesOfReach,
  isSpace,
  matterNumberOf,
  packDuplicates,
  type DisputeCase,
  type DisputeParty,
} from '../../../domain/subsidy/dispute-scope';
import {
  matterKeyOf,
  partyKeyOf,
  type DisputeIdentity,
  type DuplicateOf,
} from '../../../domain/subsidy/duplicate-disputes';
import { neighbourFinder, packDuplicatesAsBefore } from '../support/pack-duplicates-as-before';

const party = (idNumber: string | null, name: string, phone = '无'): DisputeParty => ({
  idNumber,
  name,
  phone,
});

type Case = DisputeCase & {
  readonly category: string;
  readonly subtype: string | null;
  readonly acceptedDate: string;
};

const identityOf = (c: Case): DisputeIdentity => ({
  caseId: c.caseId,
  caseNumber: `第${c.caseId}号`,
  category: c.category as DisputeIdentity['category'],
  subtype: c.subtype as DisputeIdentity['subtype'],
  acceptedDate: c.acceptedDate,
  partyKeys: c.parties.map(partyKeyOf),
});

const disputeOf = (caseId: number, acceptedDate: string, ...parties: DisputeParty[]): Case => ({
  caseId,
  parties,
  category: 'NEIGHBOUR',
  subtype: null,
  acceptedDate,
});

const verdicts = (maps: readonly ReadonlyMap<number, DuplicateOf>[]) =>
  maps.map((m) =>
    [...m].map(([id, of]) => [id, of.caseId]).sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0)),
  );

/** `packDuplicates` asked with each pack's cases, as the oracle is. */
function byPack(
  candidates: readonly Case[],
  packs: readonly (readonly Case[])[],
  identity: (c: Case) => DisputeIdentity,
  windowDays: number,
) {
  const given = [...new Set(packs.flat())];
  const packsOf = given.map((c) => packs.flatMap((pack, m) => (pack.includes(c) ? [m] : [])));
  return packDuplicates(candidates, given, packsOf, packs.length, identity, windowDays);
}

/**
 * `duplicatesOfReach` fed as a look-up that answers pairs (given → found) would feed it: each
 * candidate with the packs whose look-up found it, the given cases' identities made once.
 */
function byReach(candidates: readonly Case[], packs: readonly (readonly Case[])[], days: number) {
  const given = [...new Set(packs.flat())];
  const identities = new Map(given.map((c) => [c, identityOf(c)]));
  const find = neighbourFinder(candidates, given);
  const reach = new Map<Case, number[]>();
  packs.forEach((pack, m) => {
    for (const c of find(pack).slice(pack.length)) reach.set(c, [...(reach.get(c) ?? []), m]);
  });
  return duplicatesOfReach(
    given.map((c) => identities.get(c) as DisputeIdentity),
    given.map((c) => packs.flatMap((pack, m) => (pack.includes(c) ? [m] : []))),
    [...reach].map(([c, ms]) => ({ identity: identities.get(c) ?? identityOf(c), packs: ms })),
    packs.length,
    days,
  );
}

/** The same draws on every run: `random(n)` answers 0 … n-1. */
function seededRandom(start: number): (n: number) => number {
  let seed = start;
  return (n) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return Math.floor(seed / 65_536) % n;
  };
}

describe('packDuplicates', () => {
  // 1 and 2 are the same dispute (甲 and 乙); 3 repeats it too but holds neither of the given
  // anchors (it is found only through 乙's phone, which is nobody's anchor).
  const one = disputeOf(1, '2025-01-10', party('A', '甲'), party(null, '乙', '139'));
  const two = disputeOf(2, '2025-02-10', party('A', '甲'), party(null, '乙', '139'));
  const three = disputeOf(3, '2025-03-10', party(null, '乙', '139'), party('a', '甲'));
  const four = disputeOf(4, '2025-01-05', party('B', '丙'));
  const five = disputeOf(5, '2025-02-05', party('B', '丙'));

  it('gives each pack the verdicts of its own cases and what their anchors reach, nothing else', () => {
    const all = [one, two, three, four, five];
    const packs = [[two], [three], [five, one], []];
    const found = byPack(all, packs, identityOf, 180);
    // Pack 3 reaches 2 through 1's ID number: the map holds its neighbours' verdicts too.
    expect(verdicts(found)).toEqual([
      [[2, 1]],
      [],
      [
        [2, 1],
        [5, 4],
      ],
      [],
    ]);
    expect(verdicts(found)).toEqual(verdicts(packDuplicatesAsBefore(all, packs, identityOf, 180)));
  });

  it("compares a pack's own case as given even when another pack only reaches it", () => {
    const all = [one, two, four];
    const packs = [[one], [two]];
    expect(verdicts(byPack(all, packs, identityOf, 180))).toEqual([[[2, 1]], [[2, 1]]]);
    // Out of the window: the later case is its own dispute again.
    expect(verdicts(byPack(all, packs, identityOf, 20))).toEqual([[], []]);
  });

  it("answers what a look-up per pack answered, on random rooms (and so does its comparison half fed with the look-up's pairs)", () => {
    // A small pool of ID numbers, phones and names so that anchors and matter keys collide.
    const random = seededRandom(7);
    const ids = [null, null, 'A', 'a', 'B', 'C', ''];
    const phones = ['无', '无', '138', '139', '', '137'];
    const names = ['甲', '乙', '丁 '];
    let compared = 0;
    for (let room = 0; room < 300; room += 1) {
      const cases: Case[] = [];
      for (let id = 1; id <= 4 + random(30); id += 1) {
        const parties = Array.from({ length: random(5) === 0 ? 0 : 1 + random(2) }, () =>
          party(
            ids[random(ids.length)] ?? null,
            names[random(names.length)] ?? '甲',
            phones[random(phones.length)],
          ),
        );
        cases.push({
          caseId: id,
          parties,
          category: random(3) === 0 ? 'CONTRACT' : 'NEIGHBOUR',
          subtype: random(4) === 0 ? 'X' : random(4) === 0 ? 'Y' : null,
          acceptedDate: `2025-0${1 + random(9)}-1${random(10)}`,
        });
      }
      // Some cases are given to one or two packs, some only candidates, some given but out of
      // reach (not candidates, as a refused case).
      const packs: Case[][] = Array.from({ length: 1 + random(4) }, () => []);
      const candidates: Case[] = [];
      for (const c of cases) {
        const role = random(5);
        if (role !== 4) candidates.push(c);
        if (role >= 2) (packs[random(packs.length)] as Case[]).push(c);
        if (role === 3) (packs[random(packs.length)] as Case[]).push(c);
      }
      for (const pack of packs) pack.splice(0, pack.length, ...new Set(pack));
      const windowDays = [30, 180][random(2)] ?? 180;
      const expected = verdicts(packDuplicatesAsBefore(candidates, packs, identityOf, windowDays));
      expect(verdicts(byPack(candidates, packs, identityOf, windowDays))).toEqual(expected);
      expect(verdicts(byReach(candidates, packs, windowDays))).toEqual(expected);
      compared += expected.flat().length;
    }
    // The rooms do have repeats to find (otherwise this proves nothing).
    expect(compared).toBeGreaterThan(50);
  });
});

describe('packDuplicates makes identities only where a key may repeat', () => {
  it('makes none for cases no other case shares parties with, and every one when a key cannot be numbered', () => {
    const made: number[] = [];
    const counting = (c: Case) => {
      made.push(c.caseId);
      return identityOf(c);
    };
    const a = disputeOf(1, '2025-01-10', party('A', '甲'));
    const b = disputeOf(2, '2025-02-10', party('B', '乙'));
    const c = disputeOf(3, '2025-03-10', party('A', '甲'));
    expect(verdicts(byPack([a, b, c], [[a, b], [c]], counting, 180))).toEqual([[[3, 1]], [[3, 1]]]);
    expect(made.sort()).toEqual([1, 3]);
    made.length = 0;
    const odd = disputeOf(4, '2025-01-11', party(null, '丙§丁'));
    expect(verdicts(byPack([a, b, odd], [[a, b, odd]], counting, 180))).toEqual([[]]);
    expect(made.sort()).toEqual([1, 2, 4]);
  });
});

describe('disputeAnchorOf', () => {
  it('takes an ID number from any party before a phone from an earlier one', () => {
    expect(disputeAnchorOf([party(null, '乙', '139'), party('A', '甲')])).toEqual({
      column: 'id_number',
      value: 'A',
    });
  });

  it('takes the first real phone when no party has an ID number (an empty one is none)', () => {
    expect(
      disputeAnchorOf([party('', '丁'), party(null, '戊', '138'), party(null, '己', '137')]),
    ).toEqual({ column: 'phone', value: '138' });
  });

  it('falls back to the first name, and gives nothing for a case without parties', () => {
    expect(disputeAnchorOf([party(null, '丁'), party(null, '戊')])).toEqual({
      column: 'name',
      value: '丁',
    });
    expect(disputeAnchorOf([])).toBeNull();
  });
});

describe('matterNumberOf (stands in for the matter key until two cases share it)', () => {
  it('skips exactly what \\s matches in a name', () => {
    for (let code = 0; code < 0x1_0000; code += 1) {
      expect([code, isSpace(code)]).toEqual([code, /\s/.test(String.fromCharCode(code))]);
    }
  });

  it('gives equal numbers to equal matter keys, or none when the key is not its set of parties', () => {
    // Separators inside values, spaces, case, repeated and reordered parties: every pair of
    // cases drawn whose keys are equal must get equal numbers (or one of them none).
    const random = seededRandom(11);
    const ids = [null, null, '', 'x1', 'X1', 'ab§', 'É'];
    const names = ['甲', '甲 ', ' 甲', '甲\u3000', 'a|1', 'a', 'b§c', '乙'];
    const phones = ['无', '1', '1-', '', '12', '|1'];
    const categories = ['NEIGHBOUR', 'NEIGHBOUR', 'CONTRACT', 'A|B'];
    const byKey = new Map<string, Set<number>>();
    let numbered = 0;
    for (let n = 0; n < 20_000; n += 1) {
      const parties = Array.from({ length: random(4) }, () =>
        party(
          ids[random(ids.length)] ?? null,
          names[random(names.length)] ?? '甲',
          phones[random(phones.length)],
        ),
      );
      const category = categories[random(categories.length)] ?? 'NEIGHBOUR';
      const number = matterNumberOf(category, parties);
      if (parties.length === 0 || number < 0) continue;
      numbered += 1;
      const key = matterKeyOf(category, parties.map(partyKeyOf));
      byKey.set(key, (byKey.get(key) ?? new Set()).add(number));
    }
    expect(numbered).toBeGreaterThan(5_000);
    for (const [key, numbers] of byKey) expect([key, numbers.size]).toEqual([key, 1]);
    // Cases of different keys mostly get different numbers (else nothing is saved).
    expect(new Set([...byKey.values()].map((s) => [...s][0])).size).toBeGreaterThan(
      byKey.size * 0.9,
    );
  });
});

import fs from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerPage, SavedCase } from '../../../domain/cases/case-views.js';
import { idCheckCharacter } from '../../../domain/validation/id-number.js';
import { ledgerPaths } from '../../../db/ledger-files.js';
import { LATEST_SCHEMA_VERSION } from '../../../db/migrations/index.js';
import { startSearchUpgrade, stepSearchUpgrade } from '../../../db/search/search-index-upgrade.js';
import { searchUpgradeNext } from '../../../db/search/search-rebuild-state.js';
import {
  codeTokens,
  digitSuffixTokens,
  indexDocument,
  searchPlan,
} from '../../../db/search/search-tokens.js';
import { ledgerFileKind } from '../../../db/ledger-cipher.js';
import { openOutside } from '../support/outside-connection.js';
import { makePlainRoom } from '../support/plain-room.js';
import { openSignedInCore } from '../support/signed-in-core.js';
import { intake, openTestLedger, person, setUpRoom, type TestLedger } from './case-fixtures.js';

/**
 * Issue 13: three or more digits typed into the ledger search (the middle or the end of a
 * phone, an ID number, an amount) are found wherever they stand in any text, as the substring
 * they are: the same answer as reading every case's texts, for any length. As digit pairs they
 * were thousands of candidates read one by one; seven or more were only looked for at the start
 * of a whole phone or ID number, so the last eight digits of a phone found nothing.
 */

/** A small deterministic generator: the cases are the same on every run. */
function digitsFrom(seed: number) {
  let s = seed;
  return (n: number) => {
    let out = '';
    for (let i = 0; i < n; i += 1) {
      s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
      out += String(Math.floor((s / 2_147_483_648) * 10));
    }
    return out;
  };
}

interface Seeded {
  readonly id: number;
  /** Every digit-holding text the case was given (the rest of its texts hold no digit). */
  readonly texts: readonly string[];
}

/** `n` intakes, each with its own phones, ID number and amounts (the same on every run). */
async function seedCases(l: TestLedger, n: number): Promise<Seeded[]> {
  const cases: Seeded[] = [];
  const digits = digitsFrom(20_261_202);
  for (let k = 0; k < n; k += 1) {
    const phoneA = `1${3 + (k % 7)}${digits(9)}`;
    const phoneB = `1${3 + ((k + 3) % 7)}${digits(9)}`;
    // the seventeenth digit even: the applicant is 王芳, a woman
    const first17 = `632801${1950 + (k % 50)}0${1 + (k % 9)}1${k % 10}${digits(2)}${2 * (k % 5)}`;
    const idNumber = first17 + idCheckCharacter(first17);
    const amount = digits(3 + (k % 7));
    const summary = `双方因草场边界发生争议，申请人要求赔偿${amount}元。`;
    const request = `赔偿损失${digits(4)}元`;
    const saved = await l.call<SavedCase>(
      'cases.create',
      intake({
        summary,
        requests: [request],
        parties: [
          person({
            phone: { phone: phoneA },
            idDocument: { type: 'RESIDENT_ID', number: idNumber },
          }),
          person({
            role: 'RESPONDENT',
            name: '扎西多杰',
            phone: { phone: phoneB },
            idDocument: null,
          }),
        ],
      }),
    );
    cases.push({ id: saved.case.id, texts: [phoneA, phoneB, idNumber, summary, request] });
  }
  return cases;
}

const indexDefinition = (db: { prepare(sql: string): { pluck(): { get(): unknown } } }) =>
  db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'case_search'").pluck().get() as string;

describe('digits typed into the ledger search', () => {
  let l: TestLedger;
  const cases: Seeded[] = [];
  beforeAll(async () => {
    l = await openTestLedger();
    await setUpRoom(l);
    cases.push(...(await seedCases(l, 14)));
  }, 120_000);
  afterAll(() => l.close());

  const found = async (text: string) =>
    (await l.call<LedgerPage>('cases.search', { text, exactTotal: true })).rows
      .map((r) => r.id)
      .sort((a, b) => a - b);
  const expected = (text: string) =>
    cases.filter((c) => c.texts.some((t) => t.includes(text))).map((c) => c.id);

  it('finds any part of a phone, an ID number or an amount, and only the cases holding it', async () => {
    const c = cases[5] as Seeded;
    const [phone, , idNumber] = c.texts as [string, string, string];
    // The last eight digits of a phone and the middle of an ID number: found by none of the
    // earlier lookups (a prefix of a whole identifier).
    expect(await found(phone.slice(3))).toEqual(expected(phone.slice(3)));
    expect(await found(phone.slice(3))).toContain(c.id);
    expect(await found(idNumber.slice(4, 17))).toContain(c.id);
    expect(await found(phone.slice(-4))).toEqual(expected(phone.slice(-4)));
    // Every digit pair of 1234 present does not make 1234 present.
    const pairsOnly = '3412';
    expect(await found(pairsOnly)).toEqual(expected(pairsOnly));
  });

  it('answers every digit string of three to eighteen as reading the texts would', async () => {
    const pieces = cases.flatMap((c) => c.texts.flatMap((t) => t.match(/[0-9]{3,}/g) ?? []));
    const query = fc.oneof(
      // a part of a stored stretch of digits, of any length from three
      fc.tuple(fc.constantFrom(...pieces), fc.nat(), fc.nat()).map(([p, a, b]) => {
        const start = a % (p.length - 2);
        const end = start + 3 + (b % (p.length - start - 2));
        return p.slice(start, end);
      }),
      // digits nobody stored (mostly), or a stored part with one digit changed
      fc.stringMatching(/^[0-9]{3,18}$/),
    );
    await fc.assert(
      fc.asyncProperty(query, async (text) => {
        expect(await found(text)).toEqual(expected(text));
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it('a pasted text of 5,000 digits: saved, its entry bounded, any part of it found', async () => {
    const digits = digitsFrom(7)(5000);
    expect(digitSuffixTokens([digits]).split(' ').length).toBeLessThanOrEqual(5000 - 2);
    const saved = await l.call<SavedCase>('cases.create', intake({ summary: digits }));
    // Known to the other tests' reading of the texts, whatever order they run in.
    const partyTexts = ['13800001234', '632801198507041246', '13900005678'];
    cases.push({ id: saved.case.id, texts: [...partyTexts, digits] });
    const piece = (at: number, n: number) => digits.slice(at, at + n);
    for (const q of [piece(2500, 5), piece(4100, 12), piece(1234, 18), piece(4982, 18)]) {
      expect(await found(q)).toContain(saved.case.id);
    }
    // A correction rebuilds the whole entry: the old digits are gone from it.
    const detail = await l.call<{ version: number }>('cases.get', { caseId: saved.case.id });
    await l.call('cases.update', {
      caseId: saved.case.id,
      expectedVersion: detail.version,
      changes: { summary: '双方因草场边界发生争议。' },
    });
    cases[cases.length - 1] = { id: saved.case.id, texts: partyTexts };
    expect(await found(piece(4100, 12))).not.toContain(saved.case.id);
  }, 60_000);

  it('a new ledger has the index of three-character prefixes at once', () => {
    expect(indexDefinition(l.core.ledger.db())).toContain("prefix = '3'");
    expect(searchUpgradeNext(l.core.ledger.db())).toBeNull();
  });

  it('asks the index one exact prefix for up to twelve digits, and checks only longer runs', () => {
    expect(searchPlan('13800').runPlans[0]).toMatchObject({ match: '"13800"*', exact: true });
    expect(searchPlan('123456789012').runPlans[0]).toMatchObject({ exact: true });
    expect(searchPlan('632801198507041246').runPlans[0]).toMatchObject({
      match: '("632801198507"* AND "198507041246"*)',
      exact: false,
      exactPart: '"632801198507041246"*',
    });
    // two digits stay one bigram, a lone digit is read in sort order
    expect(searchPlan('13').runPlans[0]).toMatchObject({ match: '"13"', exact: true });
    expect(searchPlan('1').runPlans[0]).toMatchObject({ loneDigit: true });
    // while entries from before the suffixes remain: digit pairs, checked
    expect(searchPlan('13800', false).runPlans[0]).toMatchObject({
      match: '("13" AND "38" AND "80" AND "00")',
      exact: false,
    });
  });
});

describe('migration 031 on a ledger indexed before digit suffixes', () => {
  it('rebuilds the entries after the ledger opens, and every answer meanwhile is right', async () => {
    const l = await openTestLedger();
    const cases: Seeded[] = [];
    try {
      await setUpRoom(l);
      cases.push(...(await seedCases(l, 9)));
      await l.core.ledger.whenChecked();
      l.core.close();
      // As version 30 left it: each case's bigrams and whole identifiers, no digit suffixes.
      const old = openOutside(ledgerPaths(l.dir).ledgerFile);
      old.exec("INSERT INTO case_search (case_search) VALUES ('delete-all')");
      const entry = old.prepare('INSERT INTO case_search (rowid, tokens) VALUES (?, ?)');
      for (const c of cases) {
        entry.run(c.id, `${indexDocument(['王芳', ...c.texts])} ${codeTokens(c.texts)}`);
      }
      old.exec('DROP TABLE case_search_upgrade');
      old.pragma('user_version = 30');
      old.close();

      // The rebuild's slices wait until the test lets them go.
      let held = true;
      const waiting: (() => void)[] = [];
      const core = await openSignedInCore({
        dataDir: l.dir,
        appVersion: 'test',
        betweenBaselineSlices: () =>
          held ? new Promise<void>((resolve) => waiting.push(resolve)) : Promise.resolve(),
      });
      try {
        await core.ledger.whenChecked();
        expect(core.ledger.damaged).toBe(false);
        const db = core.ledger.db();
        expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
        const idsOf = async (text: string) => {
          const res = await core.dispatch('cases.search', { text, exactTotal: true });
          if (!res.ok) throw new Error(res.error.message);
          return (res.value as LedgerPage).rows.map((r) => r.id).sort((a, b) => a - b);
        };
        const expectedOf = (text: string) =>
          cases.filter((c) => c.texts.some((t) => t.includes(text))).map((c) => c.id);
        const queries = cases.flatMap((c) => {
          const [phone, , idNumber] = c.texts as [string, string, string];
          return [phone.slice(4, 8), phone.slice(-3), idNumber.slice(6, 12), phone.slice(3)];
        });
        // Until the last slice, three to six digits are found as before (digit pairs checked
        // against the texts), every one of them; longer runs never name a case without them.
        const checkMeanwhile = async () => {
          for (const q of queries) {
            const found = await idsOf(q);
            if (q.length <= 6) expect(found).toEqual(expectedOf(q));
            else for (const id of found) expect(expectedOf(q)).toContain(id);
          }
        };
        await checkMeanwhile();
        expect(searchUpgradeNext(db)).toBe(cases[0]?.id);
        // A save meanwhile: of a case the rebuild has passed (its new entry must reach the new
        // index, or its new words would vanish at the swap) and of one it has not reached.
        const resummarise = async (at: number, amount: string) => {
          const c = cases[at] as Seeded;
          const detail = await core.dispatch('cases.get', { caseId: c.id });
          if (!detail.ok) throw new Error(detail.error.message);
          const summary = `双方因饮水点发生争议，申请人要求赔偿${amount}元。`;
          const saved = await core.dispatch('cases.update', {
            caseId: c.id,
            expectedVersion: (detail.value as { version: number }).version,
            changes: { summary },
          });
          if (!saved.ok) throw new Error(saved.error.message);
          cases[at] = { id: c.id, texts: c.texts.map((t, i) => (i === 3 ? summary : t)) };
        };
        // Slices of four, as the held rebuild would take them, each checked.
        let saved = false;
        while (stepSearchUpgrade(db, 4)) {
          if (!saved) {
            expect(searchUpgradeNext(db)).toBe(cases[4]?.id);
            await resummarise(1, '9876543210');
            await resummarise(7, '5551234');
            saved = true;
          }
          await checkMeanwhile();
        }
        expect(searchUpgradeNext(db)).toBeNull();
        held = false;
        for (const resolve of waiting.splice(0)) resolve();
        await core.ledger.whenSearchUpgraded();
        for (const q of queries) expect(await idsOf(q)).toEqual(expectedOf(q));
        // A part of a phone from its fourth digit on: found now, not before the rebuild.
        const c = cases[2] as Seeded;
        expect(await idsOf((c.texts[0] as string).slice(3))).toContain(c.id);
        // the rest of each entry was built again too: its summary's words
        expect(await idsOf('争议')).toHaveLength(cases.length);
        // the index the rebuild built replaced the old one, with its prefix index (032)
        expect(indexDefinition(db)).toContain("prefix = '3'");
        // the saves made during the rebuild: their new words only
        expect(await idsOf('76543')).toEqual([cases[1]?.id]);
        expect(await idsOf('51234')).toEqual([cases[7]?.id]);
        expect(await idsOf('饮水点')).toEqual([cases[1]?.id, cases[7]?.id]);
        expect(await idsOf('草场边界')).toHaveLength(cases.length - 2);
      } finally {
        core.close();
      }
    } finally {
      fs.rmSync(l.dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('goes on in the encrypted ledger once a plain one has been converted', async () => {
    const now = () => new Date('2026-03-10T02:00:00Z');
    const room = await makePlainRoom(now);
    try {
      // The room's entries as version 30 left them (none), its rebuild pending.
      const old = openOutside(ledgerPaths(room.dir).ledgerFile);
      old.exec("INSERT INTO case_search (case_search) VALUES ('delete-all')");
      // The second index exists before the conversion, so the encrypted copy must carry it.
      old.transaction(() => startSearchUpgrade(old))();
      expect(searchUpgradeNext(old)).toBe(room.caseId);
      old.close();
      const core = await openSignedInCore({
        dataDir: room.dir,
        appVersion: 'test',
        now,
        encryptPlainLedger: true,
      });
      try {
        await core.whenIdle();
        expect(ledgerFileKind(core.ledger.paths.ledgerFile)).toBe('encrypted');
        await core.ledger.whenSearchUpgraded();
        expect(searchUpgradeNext(core.ledger.db())).toBeNull();
        const res = await core.dispatch('cases.search', { text: '800001234' });
        expect(res.ok && (res.value as LedgerPage).rows.map((r) => r.id)).toEqual([room.caseId]);
      } finally {
        core.close();
      }
    } finally {
      fs.rmSync(room.dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('the rebuild a killed process left resumes on the next start', async () => {
    const l = await openTestLedger();
    try {
      await setUpRoom(l);
      const cases = await seedCases(l, 5);
      await l.core.ledger.whenChecked();
      l.core.close();
      // A rebuild killed after its first slice of two cases.
      const old = openOutside(ledgerPaths(l.dir).ledgerFile);
      old.transaction(() => startSearchUpgrade(old))();
      expect(stepSearchUpgrade(old, 2)).toBe(true);
      expect(searchUpgradeNext(old)).toBe(cases[2]?.id);
      old.close();
      const core = await openSignedInCore({ dataDir: l.dir, appVersion: 'test' });
      try {
        await core.ledger.whenChecked();
        await core.ledger.whenSearchUpgraded();
        expect(searchUpgradeNext(core.ledger.db())).toBeNull();
        const last = cases[4] as Seeded;
        const res = await core.dispatch('cases.search', {
          text: (last.texts[0] as string).slice(3),
        });
        expect(res.ok && (res.value as LedgerPage).rows.map((r) => r.id)).toEqual([last.id]);
      } finally {
        core.close();
      }
    } finally {
      fs.rmSync(l.dir, { recursive: true, force: true });
    }
  }, 60_000);
});

import { afterEach, expect, it } from 'vitest';
import type { AppCore } from '../../../electron/core/app-core.js';
import { seedMediatorCases } from '../support/seeded-ledger.js';
import { openSignedInCore } from '../support/signed-in-core.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * Issue 13: the ledger asks for the exact total right after each answer, so the search typed
 * next arrives while a count runs. Through the core's one door (guard, parsing, the service), as
 * the worker answers them: a search sent while the count runs is answered first, the count
 * after. Ordered by answers, not timed. A guard of that order, not proof of the turn the count
 * now takes before its first query: the review found it passing on 23cdefd too (the door's own
 * awaits already let a search sent with the count through first).
 */
const TODAY = '2026-03-10';
const CASES = 1200; // above the first answer's cap of 1,000, so the exact count runs

let core: AppCore | null = null;
afterEach(() => {
  core?.close();
  core = null;
});

async function ledgerOfCases(): Promise<AppCore> {
  core = await openSignedInCore({ dataDir: tempDir('count-door'), appVersion: 'test' });
  seedMediatorCases(core.ledger.db(), CASES, TODAY);
  return core;
}

it('answers a search sent with the count, and one sent while it counts, before the count', async () => {
  const { dispatch } = await ledgerOfCases();
  for (const sendAfter of ['at once', 'one turn later'] as const) {
    const answered: string[] = [];
    const count = dispatch('cases.search', { text: null, page: 1, exactTotal: true }).then(
      (envelope) => {
        answered.push('count');
        return envelope;
      },
    );
    // The count has left the door and is counting (its first query or a slice) by then.
    if (sendAfter === 'one turn later') await new Promise<void>((r) => setImmediate(r));
    const search = dispatch('cases.search', { text: '王', page: 1 }).then((envelope) => {
      answered.push('search');
      return envelope;
    });
    const [counted, searched] = await Promise.all([count, search]);
    expect(answered, sendAfter).toEqual(['search', 'count']);
    expect(searched.ok).toBe(true);
    // The count still ends with every case counted.
    expect(counted).toMatchObject({ ok: true, value: { total: CASES, totalIsExact: true } });
  }
});

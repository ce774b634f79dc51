import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '../../../db/connection.js';
import { searchLedger } from '../../../db/cases/ledger-query.js';
import { ledgerQuerySchema } from '../../../domain/cases/ledger-inputs.js';
import { CaseLedgerService } from '../../../electron/services/case-ledger-service.js';
import type { LedgerSession } from '../../../electron/services/ledger-session.js';
import { openSeededLedger } from '../support/seeded-ledger.js';

/**
 * Issue 13: the ledger's exact total (asked after each search answer) is counted in slices of
 * ids, giving the thread to other requests between two: a search typed next no longer waits
 * behind the whole count (139 at 100,000 cases: ~700 ms). Counted in turns, not timed.
 */
const TODAY = '2026-03-10';
const CASES = 1200; // above the first answer's cap of 1,000, so the exact count runs
const SLICE = 100;
let db: Db;
let remove: () => void = () => undefined;
let service: CaseLedgerService;
const q = (input: Record<string, unknown>) => ledgerQuerySchema.parse(input);
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

beforeAll(async () => {
  ({ db, remove } = await openSeededLedger(CASES, TODAY));
  // The service reads the ledger and the day only; no caller: the room's scope.
  const ledger = { db: () => db, now: () => new Date(`${TODAY}T02:00:00Z`) };
  service = new CaseLedgerService(ledger as unknown as LedgerSession);
}, 120_000);

afterAll(() => remove());

it('counts in slices the same total as one count, and the same page', async () => {
  const queries = [
    {},
    { text: '13' },
    { text: '草场' },
    { text: '纠纷', statuses: ['CLOSED'] },
    // a lone digit's slices are read, not asked of the index
    { text: '1' },
    { text: '7', statuses: ['CLOSED'] },
  ];
  let beyondCap = 0;
  for (const input of queries) {
    const whole = searchLedger(db, q({ ...input, exactTotal: true }), TODAY);
    const sliced = await service.searchCounted(q({ ...input, exactTotal: true }), SLICE);
    expect(sliced).toEqual(whole);
    if (whole.total > 1000) beyondCap += 1;
  }
  // The slices were really counted (more matches than the first answer's cap).
  expect(beyondCap).toBeGreaterThan(0);
});

it('answers other searches between two slices, and their hit lists do not change the count', async () => {
  const input = q({ text: '13', exactTotal: true });
  const whole = searchLedger(db, input, TODAY);
  let done = false;
  const counted = service.searchCounted(input, SLICE).then((page) => {
    done = true;
    return page;
  });
  // Searches typed meanwhile (each sets its own hit lists) are answered while the count runs.
  let answeredMeanwhile = 0;
  for (const text of ['139', '王', '草场', '13800']) {
    await turn();
    expect(service.search(q({ text })).rows.length).toBeGreaterThanOrEqual(0);
    if (!done) answeredMeanwhile += 1;
  }
  expect(answeredMeanwhile).toBe(4);
  expect((await counted).total).toBe(whole.total);
});

it('keeps the capped total when another ledger is opened between two slices', async () => {
  let current = db;
  const swapping = { db: () => current, now: () => new Date(`${TODAY}T02:00:00Z`) };
  const counting = new CaseLedgerService(swapping as unknown as LedgerSession);
  const counted = counting.searchCounted(q({ exactTotal: true }), SLICE);
  await turn();
  // A restore's ledger (any other connection object) while the count runs.
  current = { ...db } as Db;
  const page = await counted;
  expect(page.totalIsExact).toBe(false);
  expect(page.total).toBe(1000);
});

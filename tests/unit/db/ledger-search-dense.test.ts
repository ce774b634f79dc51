import { expect, it } from 'vitest';
import { getCaseDetail } from '../../../db/cases/case-reads.js';
import { searchLedger } from '../../../db/cases/ledger-query.js';
import { ledgerQuerySchema } from '../../../domain/cases/ledger-inputs.js';
import { searchTermsOf } from '../../../domain/taxonomy/dispute-categories.js';
import { openSeededLedger } from '../support/seeded-ledger.js';

it('a query that matches most of the ledger still returns correct, sorted pages', async () => {
  const { db, remove } = await openSeededLedger(2600, '2026-03-10');
  const today = '2026-03-10';
  for (const text of ['纠', '双方', '草场']) {
    const page = searchLedger(db, ledgerQuerySchema.parse({ text, sort: 'INTAKE_DATE' }), today);
    expect(page.rows).toHaveLength(50);
    const dates = page.rows.map((r) => r.intakeDate);
    expect([...dates].sort().reverse()).toEqual(dates);
    for (const row of page.rows) {
      const c = getCaseDetail(db, row.id, today);
      // A case is also found by its category's code-table words (草山 → 草场纠纷).
      const haystack = JSON.stringify(c) + (c ? searchTermsOf(c.category, c.subtype) : '');
      expect(haystack.includes(text)).toBe(true);
    }
  }
  remove();
}, 60_000);

it('counts every match when asked, and the last page holds the last cases', async () => {
  const { db, remove } = await openSeededLedger(2600, '2026-03-10');
  const today = '2026-03-10';
  const all = db.prepare('SELECT count(*) FROM case_file').pluck().get() as number;
  const fast = searchLedger(db, ledgerQuerySchema.parse({}), today);
  expect(fast).toMatchObject({ total: 1000, totalIsExact: false });
  const exact = searchLedger(db, ledgerQuerySchema.parse({ exactTotal: true }), today);
  expect(exact).toMatchObject({ total: all, totalIsExact: true });
  // The same rows either way: the exact count does not change the plan.
  expect(exact.rows.map((r) => r.id)).toEqual(fast.rows.map((r) => r.id));
  const lastPage = Math.ceil(all / 50);
  const last = searchLedger(
    db,
    ledgerQuerySchema.parse({
      exactTotal: true,
      page: lastPage,
      sort: 'INTAKE_DATE',
      direction: 'ASC',
    }),
    today,
  );
  const newest = db
    .prepare('SELECT id FROM case_file ORDER BY intake_date ASC, id ASC')
    .pluck()
    .all()
    .slice((lastPage - 1) * 50) as number[];
  expect(last.rows.map((r) => r.id)).toEqual(newest);
  // A text search is counted exactly too.
  const text = searchLedger(db, ledgerQuerySchema.parse({ text: '草场', exactTotal: true }), today);
  expect(text.totalIsExact).toBe(true);
  expect(text.total).toBeGreaterThan(0);
  remove();
}, 60_000);

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_CASES_SQL, packageCases } from '../../../db/reports/package-query.js';
import { tempDir } from '../support/temp-dir.js';
import { reportLedger, type ReportLedger } from './report-fixtures.js';

/**
 * `packageCases` reads its rows as arrays and names the columns itself (object rows cost a third
 * of the query at 10,000 cases): every row must equal what the statement gives as objects, a
 * correction and a delta included.
 */
let r: ReportLedger;
beforeAll(async () => {
  r = await reportLedger(true);
}, 60_000);
afterAll(() => r.l.close());

function both(start: string, end: string, since: number | null) {
  const db = r.l.core.ledger.db();
  return {
    mapped: packageCases(db, start, end, since),
    objects: db.prepare(PACKAGE_CASES_SQL).all({ start, end, since }),
  };
}

describe('package case rows read as arrays', () => {
  it('equal the statement’s object rows, key for key and in order', async () => {
    await r.l.call('exports.package', { period: '2026-03', directory: tempDir('pkg') });
    const failed = await r.l.call<{ version: number }>('cases.get', { caseId: r.caseIds.failed });
    await r.l.call('cases.update', {
      caseId: r.caseIds.failed,
      expectedVersion: failed.version,
      changes: { isDifficult: true },
    });
    // a later period carries the changed case as a correction only
    for (const [start, end, since] of [
      ['2026-03-01', '2026-03-31', null],
      ['2026-04-01', '2026-04-30', null],
      ['2026-03-01', '2026-03-31', failed.version],
    ] as const) {
      const { mapped, objects } = both(start, end, since);
      expect(mapped.length).toBeGreaterThan(0);
      expect(mapped).toEqual(objects);
      mapped.forEach((row, i) =>
        expect(Object.keys(row)).toEqual(Object.keys(objects[i] as object)),
      );
    }
    // April carries the changed March case as a correction only (beside the case still open)
    const april = both('2026-04-01', '2026-04-30', null).mapped;
    expect(april.filter((c) => c.correction === 1).map((c) => [c.id, c.in_period])).toEqual([
      [r.caseIds.failed, 0],
    ]);
  });
});

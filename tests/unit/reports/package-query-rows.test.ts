import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { auditHead } from '../../../db/audit/audit-log.js';
import { openConnection } from '../../../db/connection.js';
import { connectionKey } from '../../../db/ledger-cipher.js';
import { migrate } from '../../../db/migrate.js';
import { MIGRATIONS } from '../../../db/migrations/index.js';
import {
  PACKAGE_CASES_SQL,
  packageCases,
  packageParties,
  packageRounds,
} from '../../../db/reports/package-query.js';
import {
  closeSnapshotReader,
  openSnapshotReader,
  readPackageSlices,
} from '../../../db/reports/package-snapshot.js';
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
    objects: db.prepare(PACKAGE_CASES_SQL).all({ start, end, since, after: 0, limit: -1 }),
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

describe('the package read in slices', () => {
  // Runs after the test above: the ledger then has a reported period and a correction.
  it('adds up to the one-statement read at every slice size, delta and correction included', () => {
    const db = r.l.core.ledger.db();
    for (const [start, end, since] of [
      ['2026-03-01', '2026-03-31', null],
      ['2026-04-01', '2026-04-30', null],
      ['2026-03-01', '2026-03-31', 1],
    ] as const) {
      const whole = db.transaction(() => {
        const cases = packageCases(db, start, end, since);
        const head = auditHead(db, { exceptExportRegister: true });
        return {
          auditChainHead: head ? `${head.seq}:${head.mac}` : null,
          cases,
          parties: packageParties(
            db,
            cases.map((c) => c.id),
          ),
          rounds: packageRounds(db, start, end, since),
        };
      })();
      expect(whole.cases.length).toBeGreaterThan(0);
      for (const size of [1, 2, 3, 1_000]) {
        const reader = openSnapshotReader(db.name, connectionKey(db));
        try {
          const steps = readPackageSlices(reader, start, end, since, size);
          let step = steps.next();
          let pauses = 0;
          while (!step.done) {
            pauses += 1;
            step = steps.next();
          }
          expect(step.value).toEqual(whole);
          // one pause before the head, then one before each slice (the last may find none)
          expect(pauses).toBe(2 + Math.floor(whole.cases.length / size));
        } finally {
          closeSnapshotReader(reader);
        }
      }
    }
  });
});

describe('the snapshot reader on a plain ledger', () => {
  it('opens without a key and reads the package', async () => {
    const file = path.join(tempDir('plain-pkg'), 'ledger.sqlite');
    const db = openConnection(file);
    try {
      await migrate(db, { migrations: MIGRATIONS, backupDir: null, now: () => new Date() });
      expect(connectionKey(db)).toBeNull();
      const reader = openSnapshotReader(file, null);
      try {
        const steps = readPackageSlices(reader, '2026-03-01', '2026-03-31', null, 2);
        let step = steps.next();
        while (!step.done) step = steps.next();
        expect(step.value.cases).toEqual([]);
        expect(reader.inTransaction).toBe(true);
      } finally {
        closeSnapshotReader(reader);
      }
      expect(reader.open).toBe(false);
    } finally {
      db.close();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/connection.js';
import { searchLedger } from '../../../db/cases/ledger-query.js';
import { LEDGER_SORTS, ledgerQuerySchema } from '../../../domain/cases/ledger-inputs.js';
import { openSeededLedger, recordPreparedSql } from '../support/seeded-ledger.js';

/**
 * Migration 018: a ledger page filtered by state, by category and dates, or to overdue cases is
 * read and sorted from the status or category index alone (no case row read per match), and
 * returns exactly the rows a plain ORDER BY over the whole table gives.
 */
const TODAY = '2026-03-10';
const COLUMN = {
  ACCEPTED_DATE: 'accepted_date',
  INTAKE_DATE: 'intake_date',
  DUE_DATE: 'due_date',
  CASE_NUMBER: 'case_number',
} as const;

const FILTERS: readonly {
  label: string;
  query: Record<string, unknown>;
  where: string;
}[] = [
  { label: 'one state', query: { statuses: ['MEDIATING'] }, where: `status = 'MEDIATING'` },
  {
    label: 'three states',
    query: { statuses: ['ACCEPTED', 'MEDIATING', 'REFERRED'] },
    where: `status IN ('ACCEPTED', 'MEDIATING', 'REFERRED')`,
  },
  {
    label: 'category and accepted dates',
    query: { category: 'FOREST_LAND', acceptedFrom: '2025-01-01', acceptedTo: '2025-12-31' },
    where: `category = 'FOREST_LAND' AND accepted_date BETWEEN '2025-01-01' AND '2025-12-31'`,
  },
  {
    label: 'overdue',
    query: { overdueOnly: true },
    where: `due_date < '${TODAY}' AND status IN ('ACCEPTED', 'INVESTIGATING', 'MEDIATING', 'REFERRED')`,
  },
];

let db: Db;
let remove = (): void => undefined;
/** Every SQL text the ledger query prepared while the tests ran. */
const preparedSql: string[] = [];

beforeAll(async () => {
  const seeded = await openSeededLedger(5000, TODAY);
  db = seeded.db;
  remove = seeded.remove;
  db.exec('ANALYZE');
  recordPreparedSql(db, preparedSql);
}, 120_000);

afterAll(() => {
  remove();
});

describe('ledger pages read from the covering status and category indexes', () => {
  it('the migration leaves both indexes carrying every sort column', () => {
    const columns = (index: string) =>
      (db.prepare(`PRAGMA index_info(${index})`).all() as { name: string }[]).map((c) => c.name);
    expect(columns('case_file_status_due')).toEqual([
      'status',
      'due_date',
      'accepted_date',
      'intake_date',
      'case_number',
    ]);
    expect(columns('case_file_category')).toEqual([
      'category',
      'accepted_date',
      'intake_date',
      'due_date',
      'case_number',
    ]);
  });

  for (const filter of FILTERS) {
    it(`${filter.label}: every sort, both directions, pages 1 and 2 (may be short) match a plain ORDER BY`, () => {
      for (const sort of LEDGER_SORTS) {
        for (const direction of ['ASC', 'DESC'] as const) {
          for (const page of [1, 2]) {
            const got = searchLedger(
              db,
              ledgerQuerySchema.parse({ ...filter.query, sort, direction, page }),
              TODAY,
            );
            const want = db
              .prepare(
                `SELECT id FROM case_file WHERE ${filter.where}
                 ORDER BY ${COLUMN[sort]} ${direction}, id ${direction}
                 LIMIT 50 OFFSET ${(page - 1) * 50}`,
              )
              .pluck()
              .all() as number[];
            if (page === 1) expect(want.length, `${filter.label} ${sort} ${direction}`).toBe(50);
            expect(got.rows.map((r) => r.id)).toEqual(want);
          }
        }
      }
    });
  }

  it('the sorted read of the matches never looks a case row up', () => {
    const sorted = preparedSql.filter((sql) => /^SELECT c\.id FROM case_file c WHERE/.test(sql));
    // One statement per filter, sort and direction that took the sorted read.
    expect(sorted.length).toBeGreaterThanOrEqual(FILTERS.length * LEDGER_SORTS.length);
    for (const sql of sorted) {
      const plan = (
        db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(bindAll(sql)) as { detail: string }[]
      ).map((r) => r.detail);
      expect(plan.join(' | '), sql).toMatch(/USING COVERING INDEX case_file_(status_due|category)/);
    }
  });
});

/** A value for every named parameter of `sql` (EXPLAIN needs them bound, not their values). */
function bindAll(sql: string): Record<string, unknown> {
  const names = new Set([...sql.matchAll(/@(\w+)/g)].map((m) => m[1]!));
  return Object.fromEntries([...names].map((n) => [n, 'x']));
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConnection, type Db } from '../../../db/connection.js';
import { searchLedger } from '../../../db/cases/ledger-query.js';
import { migrate } from '../../../db/migrate.js';
import { MIGRATIONS } from '../../../db/migrations/index.js';
import { LEDGER_SORTS, ledgerQuerySchema } from '../../../domain/cases/ledger-inputs.js';
import { seedCases, seedRoom } from '../../bench/seed-cases.js';

/**
 * Text searches combined with the ledger's filters, every sort, both directions and a deeper
 * page: the rows and the capped total are those of a plain query (the index's hits, the filter
 * as SQL, ORDER BY, LIMIT/OFFSET), whichever plan the ledger chose. Enough cases that broad
 * words have more than 1000 matches after a filter, so the sort-order walk is taken.
 */
const TODAY = '2026-03-10';
const CASES = 6000;
const COLUMN = {
  ACCEPTED_DATE: 'accepted_date',
  INTAKE_DATE: 'intake_date',
  DUE_DATE: 'due_date',
  CASE_NUMBER: 'case_number',
} as const;

let dir = '';
let db: Db;
let mediatorId = 0;
/** The bounds given to each read of the index hits in the walk's id window. */
const windows: { lo: bigint; hi: bigint }[] = [];

const filters = (): readonly { label: string; query: Record<string, unknown>; where: string }[] => [
  { label: 'no filter', query: {}, where: '1' },
  { label: 'closed', query: { statuses: ['CLOSED'] }, where: `status = 'CLOSED'` },
  {
    label: 'closed or archived',
    query: { statuses: ['CLOSED', 'ARCHIVED'] },
    where: `status IN ('CLOSED', 'ARCHIVED')`,
  },
  { label: 'not yet accepted', query: { statuses: ['INTAKE'] }, where: `status = 'INTAKE'` },
  { label: 'category', query: { category: 'FOREST_LAND' }, where: `category = 'FOREST_LAND'` },
  {
    label: 'risk',
    query: { riskLevels: ['HIGH', 'CRITICAL'] },
    where: `risk_level IN ('HIGH', 'CRITICAL')`,
  },
  {
    label: 'mediator',
    query: { mediatorId },
    where: `EXISTS (SELECT 1 FROM case_mediator m WHERE m.case_id = id AND m.mediator_id = ${mediatorId})`,
  },
  {
    label: 'accepted dates',
    query: { acceptedFrom: '2025-01-01', acceptedTo: '2025-12-31' },
    where: `accepted_date BETWEEN '2025-01-01' AND '2025-12-31'`,
  },
  {
    label: 'overdue',
    query: { overdueOnly: true },
    where: `due_date < '${TODAY}' AND status IN ('ACCEPTED', 'INVESTIGATING', 'MEDIATING', 'REFERRED')`,
  },
];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'md-reference-'));
  db = openConnection(path.join(dir, 'l.sqlite'));
  await migrate(db, { migrations: MIGRATIONS, backupDir: null, now: () => new Date() });
  const mediators = seedRoom(db, ['才让', '巴特尔']);
  mediatorId = mediators[0]!;
  seedCases(db, CASES, mediators, TODAY);
  // A closed case without an accepted date, due date or number (imported, or from before the
  // lifecycle checked it): nothing in the schema forbids it, so the ledger must still list it,
  // first in ascending order.
  db.prepare(
    `UPDATE case_file SET accepted_date = NULL, due_date = NULL, case_number = NULL
     WHERE id = (SELECT max(c.id) FROM case_file c WHERE c.status = 'CLOSED'
       AND c.id IN (SELECT rowid FROM case_search WHERE case_search MATCH '"双方"'))`,
  ).run();
  db.exec('ANALYZE');
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    const statement = prepare(sql);
    if (/group_concat\(rowid\)[\s\S]*BETWEEN @lo AND @hi/.test(sql)) {
      const get = statement.get.bind(statement);
      statement.get = ((params: { lo: bigint; hi: bigint }) => {
        windows.push({ lo: params.lo, hi: params.hi });
        return get(params);
      }) as typeof statement.get;
    }
    return statement;
  }) as typeof db.prepare;
}, 180_000);

afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function reference(text: string, where: string, sort: keyof typeof COLUMN, dir: string, page = 1) {
  const matching = `FROM case_file WHERE ${where}
    AND id IN (SELECT rowid FROM case_search WHERE case_search MATCH @match)`;
  const args = { match: `"${text}"` };
  const ids = db
    .prepare(
      `SELECT id ${matching} ORDER BY ${COLUMN[sort]} ${dir}, id ${dir}
       LIMIT 50 OFFSET ${(page - 1) * 50}`,
    )
    .pluck()
    .all(args) as number[];
  const n = db.prepare(`SELECT count(*) ${matching}`).pluck().get(args) as number;
  return { ids, total: Math.min(n, 1000), totalIsExact: n <= 1000 };
}

describe('text search pages against a plain reference query', () => {
  for (const text of ['双方', '草场']) {
    it(`${text}: every filter, sort, direction, pages 1 and 3`, () => {
      for (const filter of filters()) {
        for (const sort of LEDGER_SORTS) {
          for (const direction of ['ASC', 'DESC'] as const) {
            for (const page of [1, 3]) {
              const got = searchLedger(
                db,
                ledgerQuerySchema.parse({ ...filter.query, text, sort, direction, page }),
                TODAY,
              );
              const want = reference(text, filter.where, sort, direction, page);
              const label = `${text} ${filter.label} ${sort} ${direction} page ${page}`;
              expect(
                got.rows.map((r) => r.id),
                label,
              ).toEqual(want.ids);
              expect({ total: got.total, exact: got.totalIsExact }, label).toEqual({
                total: want.total,
                exact: want.totalIsExact,
              });
            }
          }
        }
      }
    }, 60_000);
  }

  it('the case without keys comes first among closed cases in ascending order', () => {
    const page = searchLedger(
      db,
      ledgerQuerySchema.parse({ text: '双方', statuses: ['CLOSED'], direction: 'ASC' }),
      TODAY,
    );
    expect(page.rows[0]).toMatchObject({ status: 'CLOSED', acceptedDate: null, caseNumber: null });
  });

  it('an ascending walk over filters no unaccepted case passes reads the hits of the oldest cases only', () => {
    windows.length = 0;
    for (const sort of ['ACCEPTED_DATE', 'DUE_DATE', 'CASE_NUMBER'] as const) {
      const statuses = ['PERFORMING', 'FOLLOW_UP', 'ARCHIVED'];
      const query = { text: '双方', statuses, sort, direction: 'ASC' };
      const page = searchLedger(db, ledgerQuerySchema.parse(query), TODAY);
      const where = `status IN ('PERFORMING', 'FOLLOW_UP', 'ARCHIVED')`;
      expect(page.rows.map((r) => r.id)).toEqual(reference('双方', where, sort, 'ASC').ids);
    }
    // Unaccepted cases sort first and are spread over the whole ledger; skipping them keeps the
    // window of ids to the stretch the walk reads (cases are entered in date order).
    expect(windows).toHaveLength(3);
    for (const w of windows) expect(Number(w.hi), `${w.lo}..${w.hi}`).toBeLessThan(CASES / 2);
  });
});

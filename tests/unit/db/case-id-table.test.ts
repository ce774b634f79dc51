import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { jsonCaseIds, withCaseIds, type CaseIdSource } from '../../../db/case-id-table.js';
import { rowsChangedSinceOpen } from '../../../db/wal-checkpoint.js';

let db: Database.Database;

beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('temp_store = MEMORY');
  db.exec('CREATE TABLE t (case_id INTEGER, kind TEXT); CREATE INDEX t_by_case ON t (case_id)');
  const insert = db.prepare('INSERT INTO t VALUES (?, ?)');
  for (let i = 0; i < 200; i += 1) insert.run((i * 37) % 101, i % 3 === 0 ? 'A' : 'B');
});

afterEach(() => db.close());

const ids = [88, 5, 61, 13, 34, 99, 2, 61];
const read = (source: CaseIdSource) =>
  db
    .prepare(`SELECT case_id, kind FROM t WHERE case_id IN ${source.list} ORDER BY case_id, kind`)
    .all(source.params);
const listed = (source: CaseIdSource) =>
  db.prepare(`SELECT value FROM ${source.rows} ORDER BY value`).pluck().all(source.params);
const tableRows = () => db.prepare('SELECT count(*) FROM temp.bulk_case_ids').pluck().get();

it('selects through the temporary table the rows the JSON list selects, each id once', () => {
  const expected = read(jsonCaseIds(ids));
  expect(expected.length).toBeGreaterThan(7);
  expect(withCaseIds(db, ids, (source) => source.list)).toBe('temp.bulk_case_ids');
  expect(withCaseIds(db, ids, read)).toEqual(expected);
  expect(withCaseIds(db, ids, listed)).toEqual([2, 5, 13, 34, 61, 88, 99]);
  expect(withCaseIds(db, [], read)).toEqual([]);
  // Emptied after each read, and after a read that throws.
  expect(tableRows()).toBe(0);
  expect(() =>
    withCaseIds(db, ids, () => {
      throw new Error('boom');
    }),
  ).toThrow('boom');
  expect(tableRows()).toBe(0);
});

it('reads a nested list and a query_only connection through JSON, with the same rows', () => {
  const expected = read(jsonCaseIds([5, 13]));
  const nested = withCaseIds(db, ids, (outer) => {
    const inner = withCaseIds(db, [13, 5], (source) => ({ list: source.list, rows: read(source) }));
    return { inner, outer: read(outer) };
  });
  expect(nested.inner.list).not.toBe('temp.bulk_case_ids');
  expect(nested.inner.rows).toEqual(expected);
  expect(nested.outer).toEqual(read(jsonCaseIds(ids)));
  // A damaged ledger's connection may not write even its temp schema.
  db.pragma('query_only = ON');
  expect(withCaseIds(db, [13, 5], (source) => source.list)).not.toBe('temp.bulk_case_ids');
  expect(withCaseIds(db, [13, 5], read)).toEqual(expected);
});

it('leaves the ledger unchanged as the desk counts changes (hourly backup, checkpoint, stamps)', () => {
  const totalChanges = () => db.prepare('SELECT total_changes()').pluck().get() as number;
  const before = rowsChangedSinceOpen(db);
  const total = totalChanges();
  withCaseIds(db, ids, read);
  expect(() =>
    withCaseIds(db, ids, () => {
      throw new Error('boom');
    }),
  ).toThrow('boom');
  // SQLite counts the id table's rows (7 distinct ids in, 7 out, twice); the desk must not.
  expect(totalChanges()).toBe(total + 28);
  expect(rowsChangedSinceOpen(db)).toBe(before);
  db.prepare('INSERT INTO t VALUES (1, ?)').run('C');
  expect(rowsChangedSinceOpen(db)).toBe(before + 1);
});

it('makes the table again after a transaction that made it was rolled back', () => {
  expect(() =>
    db.transaction(() => {
      withCaseIds(db, ids, read);
      throw new Error('refused');
    })(),
  ).toThrow('refused');
  expect(withCaseIds(db, ids, read)).toEqual(read(jsonCaseIds(ids)));
});

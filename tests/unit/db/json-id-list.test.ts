import Database from 'better-sqlite3-multiple-ciphers';
import { expect, it } from 'vitest';
import { jsonIdList } from '../../../db/json-id-list.js';

it('hands an IN list its ids ascending, in numeric order, from any iterable', () => {
  expect(jsonIdList([10, 9, 100, 1])).toBe('[1,9,10,100]');
  expect(jsonIdList(new Set([22_175, 3, 40]))).toBe('[3,40,22175]');
  expect(jsonIdList([])).toBe('[]');
});

it('leaves the rows an IN list selects as they were', () => {
  const db = new Database(':memory:');
  try {
    db.exec('CREATE TABLE t (case_id INTEGER, kind TEXT); CREATE INDEX t_by_case ON t (case_id)');
    const insert = db.prepare('INSERT INTO t VALUES (?, ?)');
    for (let i = 0; i < 200; i += 1) insert.run((i * 37) % 101, i % 3 === 0 ? 'A' : 'B');
    const ids = [88, 5, 61, 13, 34, 99, 2];
    const read = (list: string) =>
      db
        .prepare(
          `SELECT case_id, kind FROM t WHERE case_id IN (SELECT value FROM json_each(?))
            ORDER BY case_id, kind`,
        )
        .all(list);
    expect(read(jsonIdList(ids))).toEqual(read(JSON.stringify(ids)));
    expect(read(jsonIdList(ids)).length).toBeGreaterThan(7);
  } finally {
    db.close();
  }
});

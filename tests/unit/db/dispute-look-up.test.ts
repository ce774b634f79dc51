import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/connection.js';
import {
  disputeIdentitiesAround,
  type DisputeIdentityRow,
} from '../../../db/subsidy/claim-case-query.js';
import { disputeIdentitiesAroundAsBefore } from '../support/claim-reads-as-before.js';
import { openSeededLedger, recordPreparedSql } from '../support/seeded-ledger.js';

/**
 * The same-dispute look-up probes the ID-number and phone indexes once per value straight from
 * its list (no ephemeral index of a year's values first), a name list is still one pass over the
 * party table, and the cases found are those the look-up found before.
 */
const RANGE = { start: '2000-01-01', end: '2100-01-01' };

let db: Db;
let remove = (): void => undefined;
/** Every SQL text prepared while a look-up ran. */
const preparedSql: string[] = [];
let given: DisputeIdentityRow[] = [];

interface PartyRow {
  case_id: number;
  id_number: string | null;
  name: string;
  phone: string;
}

beforeAll(async () => {
  const seeded = await openSeededLedger(400, '2026-03-10');
  db = seeded.db;
  remove = seeded.remove;
  const parties = db
    .prepare(`SELECT case_id, id_number, name, phone FROM party ORDER BY case_id, sort`)
    .all() as PartyRow[];
  const byCase = new Map<number, PartyRow[]>();
  for (const p of parties) byCase.set(p.case_id, [...(byCase.get(p.case_id) ?? []), p]);
  // The same cases anchored three ways: by ID number, by phone (IDs dropped), by name (no ID,
  // no phone), so each look-up column finds the other cases holding the value.
  given = [...byCase].slice(0, 60).map(([caseId, rows], i) => ({
    caseId,
    caseNumber: null,
    category: 'X',
    subtype: null,
    acceptedDate: '2025-01-01',
    parties: rows.map((p) => ({
      idNumber: i % 3 === 0 ? p.id_number : null,
      name: p.name,
      phone: i % 3 === 2 ? '无' : p.phone,
    })),
  }));
  recordPreparedSql(db, preparedSql);
}, 120_000);

afterAll(() => {
  remove();
});

const planOf = (sql: string) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ values: '["x"]' }) as { detail: string }[]).map(
    (r) => r.detail,
  );

describe('the same-dispute look-up', () => {
  it('finds the cases the look-up found before', () => {
    const ids = (rows: readonly DisputeIdentityRow[]) => rows.map((r) => r.caseId).sort();
    const found = disputeIdentitiesAround(db, given, RANGE);
    expect(found.length).toBeGreaterThan(given.length);
    expect(ids(found)).toEqual(ids(disputeIdentitiesAroundAsBefore(db, given, RANGE)));
  });

  it('probes the ID-number and phone indexes per value, and reads party once for names', () => {
    preparedSql.length = 0;
    disputeIdentitiesAround(db, given, RANGE);
    const lookUps = preparedSql.filter((sql) => sql.includes('json_each(@values)'));
    const plans = new Map(
      ['id_number', 'phone', 'name'].map((column) => {
        const sql = lookUps.find((s) => s.includes(`.${column} =`) || s.includes(`${column} IN`));
        return [column, sql === undefined ? [] : planOf(sql)];
      }),
    );
    for (const column of ['id_number', 'phone']) {
      expect(plans.get(column)).toEqual([
        expect.stringMatching(/^SCAN v VIRTUAL TABLE/),
        `SEARCH p USING COVERING INDEX party_by_${column} (${column}=?)`,
      ]);
    }
    const name = plans.get('name') ?? [];
    expect(name.filter((d) => d.startsWith('SCAN party'))).toHaveLength(1);
    expect(name.some((d) => d.startsWith('SCAN v'))).toBe(false);
  });
});

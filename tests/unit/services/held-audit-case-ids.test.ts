import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  COUNTED_CASE_IDS_LIMIT,
  HeldAuditEntries,
} from '../../../electron/services/held-audit-entries.js';
import { openTestLedger, type TestLedger } from './case-fixtures.js';

const HELD_FROM = new Date('2026-03-10T02:00:00Z');

/**
 * Review AH2: beyond the held-entry limit a repeat is only counted on the last entry of its
 * action and maker; the cases the repeats touched are named there too, de-duplicated and
 * bounded, with a count of the repeats whose case the list had no room for.
 */
describe('held audit entries beyond the limit name the cases they touched', () => {
  let l: TestLedger;
  beforeAll(async () => {
    l = await openTestLedger();
  }, 60_000);
  afterAll(() => l.close());

  /** The details of the entries of `action` appended after entry `seq`, in order. */
  const appended = (action: string, seq: number) =>
    (
      l.core.ledger
        .db()
        .prepare('SELECT case_id, detail FROM audit_log WHERE action = ? AND seq > ? ORDER BY seq')
        .all(action, seq) as { case_id: number | null; detail: string }[]
    ).map((e) => ({ caseId: e.case_id, detail: JSON.parse(e.detail) as Record<string, unknown> }));

  it('lists each case once, in the order met, and counts the rest', () => {
    const db = l.core.ledger.db();
    const seq = db.prepare('SELECT coalesce(max(seq), 0) FROM audit_log').pluck().get() as number;
    const held = new HeldAuditEntries(2);
    const refused = (caseId: number) => ({
      action: 'CASE_REFUSED_TEST',
      caseId,
      detail: { method: 'cases.get', refused: 'NOT_OWN_CASE' },
    });
    held.hold(refused(1), HELD_FROM);
    held.hold({ action: 'OTHER_TEST', detail: {} }, HELD_FROM);
    // the limit is reached: from here each refusal is counted on the first one
    const beyond = [7, 3, 7, 1, 3];
    for (let id = 100; id < 100 + COUNTED_CASE_IDS_LIMIT + 5; id += 1) beyond.push(id);
    // two more repeats of a case the full list could not take, and one of a listed case
    beyond.push(100 + COUNTED_CASE_IDS_LIMIT + 1, 100 + COUNTED_CASE_IDS_LIMIT + 2, 7);
    for (const id of beyond) held.hold(refused(id), HELD_FROM);
    expect(held.count).toBe(2);
    held.appendTo(db);

    const [entry, ...others] = appended('CASE_REFUSED_TEST', seq);
    expect(others).toEqual([]);
    expect(entry!.caseId).toBe(1);
    const listed = [7, 3, 1];
    for (let id = 100; listed.length < COUNTED_CASE_IDS_LIMIT; id += 1) listed.push(id);
    expect(entry!.detail).toEqual({
      method: 'cases.get',
      refused: 'NOT_OWN_CASE',
      heldFrom: HELD_FROM.toISOString(),
      moreNotKept: beyond.length,
      moreCaseIds: listed,
      // the ids beyond the list: 100 + LIMIT - 3 … 100 + LIMIT + 4 (8), and 2 of them again
      moreOfUnlistedCases: 10,
    });
    expect(appended('OTHER_TEST', seq).map((e) => e.detail)).toEqual([
      { heldFrom: HELD_FROM.toISOString() },
    ]);
  });

  it('an entry whose repeats named no case says only how many there were', () => {
    const db = l.core.ledger.db();
    const seq = db.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number;
    const held = new HeldAuditEntries(1);
    for (let i = 0; i < 4; i += 1) held.hold({ action: 'WRONG_PASSWORD_TEST' }, HELD_FROM);
    held.appendTo(db);
    expect(appended('WRONG_PASSWORD_TEST', seq).map((e) => e.detail)).toEqual([
      { heldFrom: HELD_FROM.toISOString(), moreNotKept: 3 },
    ]);
  });
});

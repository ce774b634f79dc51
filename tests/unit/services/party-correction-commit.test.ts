import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaseDetail, SavedCase } from '../../../domain/cases/case-views.js';
import type { ChangeSetView } from '../../../domain/cases/change-history.js';
import {
  intake,
  naturalInput,
  openTestLedger,
  setUpRoom,
  type TestLedger,
} from './case-fixtures.js';

/**
 * Issue 8 (party_update_p95_ms): the tail of a correction's commit is garbage collection, so a
 * correction compiles no statement once the desk has made one (compiling allocates more than
 * running), and its answer is still exactly the case as a fresh read shows it.
 */
let l: TestLedger;
beforeEach(async () => {
  l = await openTestLedger();
  await setUpRoom(l);
});
afterEach(() => l.close());

/** Corrects the respondent of `c` with the values `changes`. */
function correctRespondent(
  c: CaseDetail,
  changes: Record<string, unknown>,
  reason: string | null = '登记时录入错误',
): Promise<SavedCase> {
  const respondent = c.parties[1]!;
  return l.call<SavedCase>('parties.update', {
    caseId: c.id,
    partyId: respondent.id,
    expectedVersion: respondent.version,
    party: naturalInput(respondent, changes),
    reason,
  });
}

async function intakeAndCorrect(name: string): Promise<SavedCase> {
  return correctRespondent((await l.call<SavedCase>('cases.create', intake())).case, { name });
}

describe('parties.update', () => {
  it('prepares no statement once an intake and a like correction have run', async () => {
    // A new name with new initials: the UPDATE names the columns it changes, one text per set.
    await intakeAndCorrect('才让多吉');
    const prepare = vi.spyOn(l.core.ledger.db(), 'prepare');
    const fixed = await intakeAndCorrect('才让多杰');
    expect(fixed.case.parties[1]?.name).toBe('才让多杰');
    expect(prepare.mock.calls.map(([sql]) => sql)).toEqual([]);
  });

  it('answers the case exactly as a fresh read shows it, generated title included', async () => {
    const fixed = await intakeAndCorrect('才让多杰');
    expect(fixed.case.title).toContain('王芳与才让多杰');
    const read = await l.call<CaseDetail>('cases.get', { caseId: fixed.case.id });
    // The same keys in the same order, not only equal values: the answer's bytes are unchanged
    // (the case page's read adds only whether the caller may only look).
    expect(JSON.stringify({ ...fixed.case, readOnly: false })).toBe(JSON.stringify(read));
  });

  it('the index finds the new name, its pinyin and the untouched numbers, not the old name', async () => {
    const fixed = await intakeAndCorrect('才让多吉');
    const search = async (text: string) =>
      (await l.call<{ rows: { id: number }[] }>('cases.search', { text })).rows.map((r) => r.id);
    for (const text of ['才让多吉', '让多', 'crdj', 'cairangduoji', '5678', '041246']) {
      expect(await search(text), text).toEqual([fixed.case.id]);
    }
    for (const text of ['扎西多杰', '扎西', 'zxdj', 'zhaxiduojie']) {
      expect(await search(text), text).toEqual([]);
    }
  });

  it('records the title alone as the case change, reading the whole case once fewer', async () => {
    const c = (await l.call<SavedCase>('cases.create', intake())).case;
    const db = l.core.ledger.db();
    const statements = Object.getPrototypeOf(db.prepare('SELECT 1')) as {
      get: (...args: unknown[]) => unknown;
    };
    const get = vi.spyOn(statements, 'get');
    const fixed = await correctRespondent(c, { name: '才让多杰' });
    const wholeCaseReads = get.mock.contexts.filter(
      (s) => (s as { source: string }).source === 'SELECT * FROM case_file WHERE id = ?',
    ).length;
    get.mockRestore();
    // the state check's and the answer's (the snapshots before and after read it too)
    expect(wholeCaseReads).toBeLessThanOrEqual(2);
    const history = await l.call<ChangeSetView[]>('cases.history', { caseId: c.id });
    expect(history.filter((h) => h.entity === 'CASE').map((h) => h.fields)).toEqual([
      [{ field: 'title', label: '案件名称', oldText: c.title, newText: fixed.case.title }],
    ]);
  });

  it('records no case change when the title stays', async () => {
    const c = (await l.call<SavedCase>('cases.create', intake())).case;
    await correctRespondent(c, { address: '格尔木市郭勒木德镇' }, null);
    const history = await l.call<ChangeSetView[]>('cases.history', { caseId: c.id });
    expect(history.map((h) => h.entity)).toEqual(['PARTY']);
  });
});

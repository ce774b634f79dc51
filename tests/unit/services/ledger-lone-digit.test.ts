import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerPage, SavedCase } from '../../../domain/cases/case-views.js';
import { intake, openTestLedger, person, setUpRoom, type TestLedger } from './case-fixtures.js';

/** Phones of the digits 0, 1, 3 and 8 only, so each case's other digits are its own. */
const PHONE = { phone: '13800001138' };

/**
 * Issue 13: a lone digit (the first key of a phone or case number) is answered from the stored
 * texts, not from the index's prefix query. Its answer must be what the index would say of the
 * texts as shown: every case holding the digit in any width (NFKC, as the index folds it), and
 * no case whose only such digit is in the hidden middle of an ID number.
 */
describe('a lone digit typed into the ledger search', () => {
  let l: TestLedger;
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    l = await openTestLedger();
    await setUpRoom(l);
    const create = async (key: string, overrides: Record<string, unknown>) => {
      const saved = await l.call<SavedCase>('cases.create', intake(overrides));
      ids[key] = saved.case.id;
    };
    const parties = (applicant: Record<string, unknown> = {}) => [
      person({ phone: PHONE, idDocument: null, ...applicant }),
      person({ role: 'RESPONDENT', name: '扎西多杰', phone: PHONE, idDocument: null }),
    ];
    const summary = '双方因冬季草场边界发生争议。';
    // 632801 19850704 1246: shown as 632801********1246, so 5, 7 and 9 are hidden digits only.
    await create('idNumber', {
      summary,
      parties: parties({ idDocument: { type: 'RESIDENT_ID', number: '632801198507041246' } }),
    });
    await create('fullWidth', { summary: '争议地块为第４号草场。', parties: parties() });
    await create('circled', { summary: '⑦号地块归属不清。', parties: parties() });
    await create('ascii', { summary: '涉及9户牧民。', parties: parties() });
  });
  afterAll(() => l.close());

  const found = async (text: string, extra: Record<string, unknown> = {}) => {
    const page = await l.call<LedgerPage>('cases.search', { text, ...extra });
    const names = Object.entries(ids)
      .filter(([, id]) => page.rows.some((r) => r.id === id))
      .map(([name]) => name);
    return { names: names.sort(), total: page.total, exact: page.totalIsExact };
  };

  it('finds every case holding the digit, in any width', async () => {
    expect(await found('4')).toEqual({ names: ['fullWidth', 'idNumber'], total: 2, exact: true });
    expect(await found('４')).toEqual({ names: ['fullWidth', 'idNumber'], total: 2, exact: true });
    expect((await found('7')).names).toEqual(['circled']);
    expect((await found('6')).names).toEqual(['idNumber']);
    expect((await found('1')).total).toBe(4);
  });

  it('does not tell which hidden digits an ID number holds', async () => {
    expect((await found('9')).names).toEqual(['ascii']);
    expect((await found('5')).names).toEqual([]);
    expect(await found('9', { exactTotal: true })).toEqual({
      names: ['ascii'],
      total: 1,
      exact: true,
    });
    // A whole number typed is the caller's own input: it still finds the case.
    expect((await found('632801198507041246')).names).toEqual(['idNumber']);
  });
});

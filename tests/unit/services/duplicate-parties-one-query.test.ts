import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DuplicateMatch, SavedCase } from '../../../domain/cases/case-views.js';
import { intake, openTestLedger, person, setUpRoom, type TestLedger } from './case-fixtures.js';

let l: TestLedger;

beforeEach(async () => {
  l = await openTestLedger();
  await setUpRoom(l);
});
afterEach(() => l.close());

const WANG_ID = '632801198507041246';

/** Each probe's matches as `caseId:matchedBy`, in the order the warning lists them. */
const matches = (found: readonly DuplicateMatch[]) =>
  found.map((m) => m.cases.map((c) => `${c.caseId}:${c.matchedBy}`));

describe('the duplicate-party check of an intake', () => {
  it('finds each party’s open cases with one statement for all the parties', async () => {
    // Case a: 王芳 (ID number) and 扎西多杰 (name and phone). Case b: the same two people.
    // Case c: 扎西多杰's name with another phone; and 王芳's ID number under another name.
    const a = (await l.call<SavedCase>('cases.create', intake())).case.id;
    const b = (await l.call<SavedCase>('cases.create', intake())).case.id;
    const c = (
      await l.call<SavedCase>(
        'cases.create',
        intake({
          parties: [
            person({ name: '王芳芳' }),
            person({ name: '扎西多杰', phone: { phone: '13700000000' }, idDocument: null }),
          ],
        }),
      )
    ).case.id;
    const probes = [
      { idNumber: WANG_ID, name: null, phone: null },
      { idNumber: null, name: '扎西多杰', phone: '139 0000 5678' },
      // found by ID number and by name and phone: listed once, as found by the number
      { idNumber: WANG_ID, name: '王芳', phone: '13800001234' },
      // a name alone, or nothing, finds nobody
      { idNumber: null, name: '王芳', phone: null },
      { idNumber: null, name: null, phone: null },
      { idNumber: null, name: '扎西多杰', phone: '13700000000' },
    ];

    const prepare = vi.spyOn(l.core.ledger.db(), 'prepare');
    const found = await l.call<DuplicateMatch[]>('cases.findDuplicateParties', {
      parties: probes,
      excludeCaseId: null,
    });
    expect(prepare).toHaveBeenCalledTimes(1);
    prepare.mockRestore();

    expect(found.map((m) => m.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(matches(found)).toEqual([
      [`${c}:ID_NUMBER`, `${b}:ID_NUMBER`, `${a}:ID_NUMBER`],
      [`${b}:NAME_AND_PHONE`, `${a}:NAME_AND_PHONE`],
      [`${c}:ID_NUMBER`, `${b}:ID_NUMBER`, `${a}:ID_NUMBER`],
      [],
      [],
      [`${c}:NAME_AND_PHONE`],
    ]);
    expect(found.map((m) => m.openCaseCount)).toEqual([3, 2, 3, 0, 0, 1]);
    expect(found[0]?.cases.find((x) => x.caseId === c)?.partyName).toBe('王芳芳');

    // The case being corrected is left out.
    const others = await l.call<DuplicateMatch[]>('cases.findDuplicateParties', {
      parties: probes.slice(0, 2),
      excludeCaseId: b,
    });
    expect(matches(others)).toEqual([
      [`${c}:ID_NUMBER`, `${a}:ID_NUMBER`],
      [`${a}:NAME_AND_PHONE`],
    ]);
  });

  it('asks the ledger nothing when no party can be matched', async () => {
    await l.call<SavedCase>('cases.create', intake());
    const prepare = vi.spyOn(l.core.ledger.db(), 'prepare');
    const found = await l.call<DuplicateMatch[]>('cases.findDuplicateParties', {
      parties: [{ idNumber: null, name: '王芳', phone: null }],
      excludeCaseId: null,
    });
    expect(prepare).not.toHaveBeenCalled();
    prepare.mockRestore();
    expect(found).toEqual([{ index: 0, openCaseCount: 0, cases: [], unlistedCaseCount: 0 }]);
  });
});

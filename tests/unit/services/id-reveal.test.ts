import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage } from '../../../domain/api/audit-contract.js';
import type { SavedCase } from '../../../domain/cases/case-views.js';
import { intake, openTestLedger, person, setUpRoom, type TestLedger } from './case-fixtures.js';
import { actorOf } from '../support/signed-in-core.js';

/**
 * Issue 11, must-have 4: screens show ID numbers masked; the whole number comes one party at a
 * time with a reason, and each look is an audit entry that names the party and the reason but
 * never holds the number.
 */
describe('showing a whole ID number', () => {
  let l: TestLedger;
  let saved: SavedCase;
  const reveals = async () =>
    (await l.call<AuditPage>('audit.list', { action: 'REVEAL_ID' })).entries;

  beforeAll(async () => {
    l = await openTestLedger();
    await setUpRoom(l);
    saved = await l.call<SavedCase>(
      'cases.create',
      intake({
        parties: [
          person(),
          person({ role: 'RESPONDENT', name: '扎西多杰', gender: 'MALE', idDocument: null }),
        ],
      }),
    );
  });
  afterAll(() => l.close());

  it('gives the number and records who, which case, which party and why', async () => {
    const [wang] = saved.case.parties;
    const shown = await l.call<{ number: string }>('parties.revealIdNumber', {
      caseId: saved.case.id,
      partyId: wang?.id,
      reason: '核对申请司法确认的身份信息',
    });
    expect(shown.number).toBe('632801198507041246');
    const [entry, ...older] = await reveals();
    expect(older).toEqual([]);
    expect(entry?.caseId).toBe(saved.case.id);
    // the person signed in at the desk, not 本机用户
    expect(entry?.actor).toBe(actorOf());
    expect(JSON.parse(entry?.detail ?? '{}')).toEqual({
      partyId: wang?.id,
      reason: '核对申请司法确认的身份信息',
    });
    expect(entry?.detail).not.toContain('1246');
  });

  it('refuses without a reason, for another case’s party and for a party without a number, and records nothing', async () => {
    const before = (await reveals()).length;
    const [wang, zhaxi] = saved.case.parties;
    const noReason = await l.raw('parties.revealIdNumber', {
      caseId: saved.case.id,
      partyId: wang?.id,
      reason: ' \u200b ',
    });
    expect(noReason.ok ? '' : noReason.error.code).toBe('BAD_INPUT');
    const other = await l.call<SavedCase>('cases.create', intake());
    const wrongCase = await l.raw('parties.revealIdNumber', {
      caseId: other.case.id,
      partyId: wang?.id,
      reason: '核对身份',
    });
    expect(wrongCase.ok ? '' : wrongCase.error.code).toBe('NOT_FOUND');
    const none = await l.raw('parties.revealIdNumber', {
      caseId: saved.case.id,
      partyId: zhaxi?.id,
      reason: '核对身份',
    });
    expect(none.ok ? '' : none.error.message).toBe('该当事人没有登记证件号码');
    expect((await reveals()).length).toBe(before);
  });
});

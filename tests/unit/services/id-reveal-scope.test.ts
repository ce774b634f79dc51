import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountView } from '../../../domain/api/accounts-contract.js';
import type { AuditPage } from '../../../domain/api/audit-contract.js';
import type { SavedCase } from '../../../domain/cases/case-views.js';
import {
  addMediator,
  intake,
  openTestLedger,
  setUpRoom,
  type TestLedger,
} from './case-fixtures.js';
import { actorOf, signInVia, TEST_PASSWORD, TEST_PEOPLE } from '../support/signed-in-core.js';

/**
 * §7.3: a 调解员 sees the whole ID number only of their own cases — those assigned to the
 * mediator profile their account is linked to (设置 → 账号, by the director); a director sees
 * every case's. A refused look is an audit entry too. Through the real dispatcher.
 */
describe('whose whole ID numbers a mediator may see', () => {
  let l: TestLedger;
  let ofA: SavedCase;
  let ofB: SavedCase;
  let mediatorA: number;
  let mediatorB: number;
  let account: AccountView;

  const errorOf = async (method: string, input: unknown) => {
    const r = await l.raw(method, input);
    return r.ok ? null : r.error;
  };
  const reveal = (saved: SavedCase) => ({
    caseId: saved.case.id,
    partyId: saved.case.parties[0]!.id,
    reason: '核对身份信息',
  });
  const asMediator = () => signInVia(l.core.dispatch, 'MEDIATOR');
  const asDirector = () => signInVia(l.core.dispatch, 'DIRECTOR');

  beforeAll(async () => {
    l = await openTestLedger();
    mediatorA = (await setUpRoom(l)).mediatorId;
    mediatorB = await addMediator(l);
    ofA = await l.call<SavedCase>('cases.create', intake({ mediatorIds: [mediatorA] }));
    ofB = await l.call<SavedCase>('cases.create', intake({ mediatorIds: [mediatorB] }));
    account = await l.call<AccountView>('accounts.create', {
      ...TEST_PEOPLE.MEDIATOR,
      role: 'MEDIATOR',
      password: TEST_PASSWORD,
      mediatorId: mediatorA,
    });
  });
  afterAll(() => l.close());

  it('links the account to its profile, shown in the account list', async () => {
    expect(account.mediatorId).toBe(mediatorA);
    const listed = await l.call<AccountView[]>('accounts.list', {});
    expect(listed.find((a) => a.id === account.id)?.mediatorId).toBe(mediatorA);
  });

  it('shows a mediator their own case’s number and refuses another’s, recording the refusal', async () => {
    await asMediator();
    const own = await l.call<{ number: string }>('parties.revealIdNumber', reveal(ofA));
    expect(own.number).toBe('632801198507041246');
    expect(await errorOf('parties.revealIdNumber', reveal(ofB))).toEqual({
      code: 'NOT_OWN_CASE',
      message: '只能查看本人承办案件的完整证件号码',
    });

    await asDirector();
    // a director sees every case's
    const any = await l.call<{ number: string }>('parties.revealIdNumber', reveal(ofB));
    expect(any.number).toBe('632801198507041246');
    const refusals = (await l.call<AuditPage>('audit.list', { action: 'REVEAL_ID_REFUSED' }))
      .entries;
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatchObject({ caseId: ofB.case.id, actor: actorOf('MEDIATOR') });
    expect(JSON.parse(refusals[0]?.detail ?? '{}')).toEqual({
      partyId: ofB.case.parties[0]!.id,
      reason: '核对身份信息',
      refused: 'NOT_OWN_CASE',
    });
    const shown = (await l.call<AuditPage>('audit.list', { action: 'REVEAL_ID' })).entries;
    expect(shown.map((e) => [e.caseId, e.actor])).toEqual([
      [ofB.case.id, actorOf('DIRECTOR')],
      [ofA.case.id, actorOf('MEDIATOR')],
    ]);
  });

  it('a case assigned to two mediators is the second one’s too', async () => {
    await asDirector();
    const shared = await l.call<SavedCase>(
      'cases.create',
      intake({ mediatorIds: [mediatorB, mediatorA] }),
    );
    await asMediator();
    const shown = await l.call<{ number: string }>('parties.revealIdNumber', reveal(shared));
    expect(shown.number).toBe('632801198507041246');
  });

  it('an account linked to no profile is told to ask the director, even for its former case', async () => {
    await asDirector();
    const unlinked = await l.call<AccountView>('accounts.update', {
      id: account.id,
      mediatorId: null,
    });
    expect(unlinked.mediatorId).toBeNull();
    await asMediator();
    expect(await errorOf('parties.revealIdNumber', reveal(ofA))).toMatchObject({
      code: 'MEDIATOR_NOT_LINKED',
      message: expect.stringContaining('请调委会主任在“设置 → 账号”中为您的账号选择对应的调解员'),
    });
    await asDirector();
    await l.call('accounts.update', { id: account.id, mediatorId: mediatorA });
  });

  it('only a director links a profile, and only one in the list', async () => {
    await asDirector();
    expect(await errorOf('accounts.update', { id: account.id, mediatorId: 9999 })).toMatchObject({
      code: 'NOT_FOUND',
      issues: [{ path: ['mediatorId'] }],
    });
    await signInVia(l.core.dispatch, 'ADMIN');
    expect(
      await errorOf('accounts.create', {
        ...TEST_PEOPLE.STATISTICIAN,
        role: 'STATISTICIAN',
        password: TEST_PASSWORD,
        mediatorId: mediatorB,
      }),
    ).toMatchObject({ code: 'FORBIDDEN', message: '只有调委会主任可以为账号选择对应的调解员' });
    await asDirector();
    const listed = await l.call<AccountView[]>('accounts.list', {});
    expect(listed.find((a) => a.id === account.id)?.mediatorId).toBe(mediatorA);
    expect(listed.some((a) => a.loginName === TEST_PEOPLE.STATISTICIAN.loginName)).toBe(false);
  });
});

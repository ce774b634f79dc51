import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountView, DeskSession } from '../../../domain/api/accounts-contract.js';
import type { AuditPage } from '../../../domain/api/audit-contract.js';
import type { CasePageDetail, LedgerPage } from '../../../domain/cases/case-views.js';
import { MIGRATIONS } from '../../../db/migrations/index.js';
import { mediatingCase, type MediatingCase } from '../agreements/agreement-fixtures.js';
import { addMediator } from '../services/case-fixtures.js';
import { actorOf, signInVia, TEST_PASSWORD, TEST_PEOPLE } from '../support/signed-in-core.js';

/**
 * The committee's stored setting 调解员可查看本调委会全部案件（只读） (issue 11, §7.3): off on a
 * new ledger, changed by a director only, audited by the row triggers of desk_security, and
 * read by the app's door at each call (no option passed: the app's own wiring).
 */
describe('the stored setting 调解员可查看本调委会全部案件（只读）', () => {
  let m: MediatingCase;
  let mediator: AccountView;
  beforeAll(async () => {
    m = await mediatingCase();
    const profileB = await addMediator(m.l);
    mediator = await m.l.call<AccountView>('accounts.create', {
      ...TEST_PEOPLE.MEDIATOR,
      role: 'MEDIATOR',
      password: TEST_PASSWORD,
      mediatorId: profileB,
    });
  }, 60_000);
  afterAll(() => m.l.close());

  const as = (role: 'DIRECTOR' | 'MEDIATOR' | 'ADMIN') => signInVia(m.l.core.dispatch, role);
  const codeOf = async (method: string, input: unknown) => {
    const r = await m.l.raw(method, input);
    return r.ok ? 'OK' : r.error.code;
  };
  const anothersPage = () => codeOf('cases.get', { caseId: m.detail.id });
  /** The case ids of the 台账 the signed-in person gets, all cases asked for or not. */
  const ledgerIds = async (allCases: boolean) =>
    (await m.l.call<LedgerPage>('cases.search', { allCases })).rows.map((r) => r.id);

  it('is a column of the newest migration, off by default, and keeps the other’s case closed', async () => {
    const db = m.l.core.ledger.db();
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.prepare('SELECT mediators_read_room FROM desk_security').pluck().get()).toBe(0);
    await as('MEDIATOR');
    expect((await m.l.call<DeskSession>('accounts.session', {})).mediatorsReadRoom).toBe(false);
    expect(await anothersPage()).toBe('NOT_OWN_CASE');
    // 全部案件（只读） asked for while the setting is off: still only the own cases (none)
    expect(await ledgerIds(true)).toEqual([]);
  });

  it('is the director’s to change: neither the 技术管理员 nor a 调解员 may', async () => {
    await as('ADMIN');
    expect(await codeOf('accounts.setMediatorsReadRoom', { on: true })).not.toBe('OK');
    await as('MEDIATOR');
    expect(await codeOf('accounts.setMediatorsReadRoom', { on: true })).not.toBe('OK');
    expect(await anothersPage()).toBe('NOT_OWN_CASE');
  });

  it('turned on by the director, audited, opens reads of another’s case and no write', async () => {
    await as('DIRECTOR');
    const before = await m.l.call<AuditPage>('audit.list', { action: 'UPDATE' });
    const session = await m.l.call<DeskSession>('accounts.setMediatorsReadRoom', { on: true });
    expect(session.mediatorsReadRoom).toBe(true);
    const after = await m.l.call<AuditPage>('audit.list', { action: 'UPDATE' });
    const change = after.entries.filter((e) => !before.entries.some((b) => b.seq === e.seq));
    expect(change).toEqual([
      expect.objectContaining({ table: 'desk_security', actor: actorOf('DIRECTOR') }),
    ]);

    await as('MEDIATOR');
    expect((await m.l.call<DeskSession>('accounts.session', {})).mediatorsReadRoom).toBe(true);
    expect(await anothersPage()).toBe('OK');
    // the 台账 stays their own work; 全部案件（只读） lists the room
    expect(await ledgerIds(false)).toEqual([]);
    expect(await ledgerIds(true)).toEqual([m.detail.id]);
    expect(await codeOf('cases.history', { caseId: m.detail.id })).toBe('OK');
    expect(
      await codeOf('parties.revealIdNumber', {
        caseId: m.detail.id,
        partyId: m.partyIds[0],
        reason: '核对身份信息',
      }),
    ).toBe('NOT_OWN_CASE');
    expect(await codeOf('volume.pdf', { caseId: m.detail.id })).toBe('NOT_OWN_CASE');
  });

  it('tells the case page who may only look: the other mediator, not the director', async () => {
    // the setting is still on (the test above)
    await as('MEDIATOR');
    const looked = await m.l.call<CasePageDetail>('cases.get', { caseId: m.detail.id });
    expect(looked.readOnly).toBe(true);
    expect(looked.id).toBe(m.detail.id);
    await as('DIRECTOR');
    expect((await m.l.call<CasePageDetail>('cases.get', { caseId: m.detail.id })).readOnly).toBe(
      false,
    );
  });

  it('tells the 台账 whether the 调解员 is linked: unlinked, neither list answers', async () => {
    // the setting is still on; the director's is no 调解员's session
    await as('DIRECTOR');
    expect((await m.l.call<DeskSession>('accounts.session', {})).mediatorLinked).toBe(false);
    await as('MEDIATOR');
    expect((await m.l.call<DeskSession>('accounts.session', {})).mediatorLinked).toBe(true);
    await as('DIRECTOR');
    await m.l.call('accounts.update', { id: mediator.id, mediatorId: null });
    await as('MEDIATOR');
    const unlinked = await m.l.call<DeskSession>('accounts.session', {});
    expect(unlinked.mediatorsReadRoom).toBe(true);
    expect(unlinked.mediatorLinked).toBe(false);
    expect(await codeOf('cases.search', { allCases: true })).toBe('MEDIATOR_NOT_LINKED');
    await as('DIRECTOR');
    await m.l.call('accounts.update', { id: mediator.id, mediatorId: mediator.mediatorId });
  });

  it('turned off again, closes the other’s case at once', async () => {
    await as('DIRECTOR');
    await m.l.call('accounts.setMediatorsReadRoom', { on: false });
    await as('MEDIATOR');
    expect(mediator.role).toBe('MEDIATOR');
    expect(await anothersPage()).toBe('NOT_OWN_CASE');
    expect(await ledgerIds(true)).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage } from '../../../domain/api/audit-contract.js';
import type {
  CaseDetail,
  Dashboard,
  DuplicateMatch,
  LedgerPage,
  SavedCase,
} from '../../../domain/cases/case-views.js';
import { CASE_NAMING_FIELDS } from '../../../electron/api/mediator-case-door.js';
import {
  addMediator,
  intake,
  openTestLedger,
  setUpRoom,
  type TestLedger,
} from '../services/case-fixtures.js';
import { callableBy, inputFields } from '../support/contract-input-fields.js';
import { actorOf, linkMediatorAccount, signInVia } from '../support/signed-in-core.js';

/**
 * §7.3 登记员: "create intake; see own intakes". A case keeps the account that registered it
 * (migration 028); a 登记员's lists hold those cases only and the door refuses the others,
 * cases from before the accounts included. Through the real dispatcher.
 */

const OWN_MESSAGE = '这不是您登记的案件，登记员只能查看本人登记的案件';
const ID_NUMBER = '632801198507041246';

describe('a receptionist’s own intakes', () => {
  /** Registered by the 登记员, by the director, and one before cases named an account. */
  let own: CaseDetail;
  let others: CaseDetail;
  let older: CaseDetail;
  let l: TestLedger;
  let mediatorA: number;
  let mediatorB: number;

  const codeOf = (method: string, input: unknown) =>
    l.raw(method, input).then((r) => (r.ok ? 'OK' : r.error.code));
  const asReceptionist = () => signInVia(l.core.dispatch, 'RECEPTIONIST');
  const asDirector = () => signInVia(l.core.dispatch, 'DIRECTOR');
  const accept = async (c: CaseDetail) =>
    l.call<CaseDetail>('cases.transition', {
      caseId: c.id,
      expectedVersion: c.version,
      input: { action: 'ACCEPT', acceptedDate: '2026-03-03' },
    });

  beforeAll(async () => {
    l = await openTestLedger();
    mediatorA = (await setUpRoom(l)).mediatorId;
    mediatorB = await addMediator(l);
    await asReceptionist();
    own = (
      await l.call<SavedCase>(
        'cases.create',
        intake({ mediatorIds: [mediatorA], title: '拉毛登记的草场纠纷' }),
      )
    ).case;
    await asDirector();
    others = (
      await l.call<SavedCase>(
        'cases.create',
        intake({ mediatorIds: [mediatorB], title: '卓玛登记的邻里纠纷' }),
      )
    ).case;
    older = (
      await l.call<SavedCase>(
        'cases.create',
        intake({ mediatorIds: [mediatorB], title: '启用账号前登记的纠纷' }),
      )
    ).case;
    // as a ledger migrated to 028 holds its older cases: no account named
    l.core.ledger
      .db()
      .prepare('UPDATE case_file SET registrar_account_id = NULL WHERE id = ?')
      .run(older.id);
    // accepted: due dates, so the 工作台's overdue list holds them
    own = await accept(own);
    others = await accept(others);
    older = await accept(older);
  }, 120_000);
  afterAll(() => l.close());

  it('stores who registered a case, shows the name, and no update changes it', async () => {
    await asDirector();
    const registrars = l.core.ledger
      .db()
      .prepare('SELECT id, registrar_account_id AS registrar FROM case_file ORDER BY id')
      .all() as { id: number; registrar: number | null }[];
    const accounts = await l.call<{ id: number; loginName: string }[]>('accounts.list', {});
    const idOf = (login: string) => accounts.find((a) => a.loginName === login)?.id;
    expect(registrars).toEqual([
      { id: own.id, registrar: idOf('lamao') },
      { id: others.id, registrar: idOf('zhuoma') },
      { id: older.id, registrar: null },
    ]);
    expect((await l.call<CaseDetail>('cases.get', { caseId: own.id })).registrarName).toBe('拉毛');
    expect((await l.call<CaseDetail>('cases.get', { caseId: older.id })).registrarName).toBeNull();
    // the update's schema has no such field: refused, and the stored account stays
    expect(
      await codeOf('cases.update', {
        caseId: own.id,
        expectedVersion: own.version,
        changes: { registrarAccountId: idOf('zhuoma') },
        reason: null,
      }),
    ).toBe('BAD_INPUT');
    const after = await l.call<CaseDetail>('cases.get', { caseId: own.id });
    expect(after.registrarName).toBe('拉毛');
  });

  it('finds a case named by cases.get and cases.history only, of all a 登记员 may call', () => {
    const receptionistMethods = callableBy('RECEPTIONIST');
    const naming = receptionistMethods.filter((m) =>
      inputFields(m).some((f) => CASE_NAMING_FIELDS.includes(f)),
    );
    expect([...naming].sort()).toEqual(['cases.get', 'cases.history']);
    // the others (settings, the intake, its draft, the lists tested below) carry no id of a
    // case or of a case's record: an id field the door cannot map would name one unchecked
    for (const m of receptionistMethods.filter((x) => !naming.includes(x))) {
      const ids = inputFields(m).filter((f) => /Id$/u.test(f));
      expect(
        ids.filter((f) => f !== 'mediatorId' && f !== 'excludeCaseId'),
        m,
      ).toEqual([]);
    }
  });

  it('opens the own intake and refuses another’s or an older case, each refusal audited', async () => {
    await asReceptionist();
    for (const method of ['cases.get', 'cases.history'] as const) {
      expect(await codeOf(method, { caseId: own.id }), method).toBe('OK');
      for (const refused of [others, older]) {
        expect(await l.raw(method, { caseId: refused.id }), method).toEqual({
          ok: false,
          error: { code: 'NOT_OWN_CASE', message: OWN_MESSAGE },
        });
      }
    }
    await asDirector();
    const tries = (await l.call<AuditPage>('audit.list', { action: 'CASE_REFUSED' })).entries;
    const seen = tries.map((e) => ({
      caseId: e.caseId,
      actor: e.actor,
      detail: JSON.parse(e.detail ?? '{}') as unknown,
    }));
    const refusal = (caseId: number, method: string) => ({
      caseId,
      actor: actorOf('RECEPTIONIST'),
      detail: { method, refused: 'NOT_OWN_CASE' },
    });
    expect(seen).toEqual(
      expect.arrayContaining([
        refusal(others.id, 'cases.get'),
        refusal(older.id, 'cases.get'),
        refusal(others.id, 'cases.history'),
        refusal(older.id, 'cases.history'),
      ]),
    );
    expect(seen).toHaveLength(4);
  });

  it('lists, searches and shows on the 工作台 the own intakes only, the month’s counts whole', async () => {
    await asReceptionist();
    const ledger = await l.call<LedgerPage>('cases.search', {});
    expect(ledger.rows.map((r) => r.id)).toEqual([own.id]);
    expect(ledger.total).toBe(1);
    expect((await l.call<LedgerPage>('cases.search', { text: '卓玛登记' })).rows).toEqual([]);
    const byMediator = await l.call<LedgerPage>('cases.search', { mediatorId: mediatorB });
    expect(byMediator).toMatchObject({ rows: [], total: 0 });
    const board = await l.call<Dashboard>('dashboard.get', { today: '2026-06-10' });
    expect(board.overdue.map((r) => r.id)).toEqual([own.id]);
    expect(board.overdueCount).toBe(1);
    const roomBoard = async () => {
      await asDirector();
      return l.call<Dashboard>('dashboard.get', { today: '2026-06-10' });
    };
    const room = await roomBoard();
    expect(room.overdueCount).toBe(3);
    // the month's figures name no case: the room's for everyone
    expect(board.month).toEqual(room.month);
  });

  it('names in the duplicate probe only own intakes, counting the others', async () => {
    const probe = async () =>
      (
        await l.call<DuplicateMatch[]>('cases.findDuplicateParties', {
          parties: [{ idNumber: ID_NUMBER, name: null, phone: null }],
          excludeCaseId: null,
        })
      )[0];
    await asReceptionist();
    const match = await probe();
    expect(match?.openCaseCount).toBe(3);
    expect(match?.cases.map((c) => c.caseId)).toEqual([own.id]);
    expect(match?.unlistedCaseCount).toBe(2);
    await asDirector();
    expect((await probe())?.unlistedCaseCount).toBe(0);
  });

  it('makes a mediator who registers a case naming no mediator its 承办调解员', async () => {
    const profile = await linkMediatorAccount(l.core.dispatch, mediatorA);
    await signInVia(l.core.dispatch, 'MEDIATOR');
    const saved = await l.call<SavedCase>(
      'cases.create',
      intake({ mediatorIds: [], title: '才让自己登记的纠纷' }),
    );
    expect(saved.case.mediatorIds).toEqual([profile]);
    expect(saved.case.registrarName).toBe('才让');
    expect(await codeOf('cases.get', { caseId: saved.case.id })).toBe('OK');
    // naming another hands it over: the own-case rule then keeps it from them
    const handed = await l.call<SavedCase>(
      'cases.create',
      intake({ mediatorIds: [mediatorB], title: '才让登记交多吉承办的纠纷' }),
    );
    expect(handed.case.mediatorIds).toEqual([mediatorB]);
    // the director's intake with no mediator stays unassigned
    await asDirector();
    const unassigned = await l.call<SavedCase>('cases.create', intake({ mediatorIds: [] }));
    expect(unassigned.case.mediatorIds).toEqual([]);
  });

  it('keeps a 登记员 to own intakes when the committee lets its mediators read the room', async () => {
    await asDirector();
    await l.call('accounts.setMediatorsReadRoom', { on: true });
    try {
      await asReceptionist();
      // the setting is the mediators' (§7.3): neither the door nor the list opens for a 登记员
      for (const method of ['cases.get', 'cases.history'] as const) {
        expect(await codeOf(method, { caseId: others.id }), method).toBe('NOT_OWN_CASE');
      }
      const all = await l.call<LedgerPage>('cases.search', { allCases: true });
      expect(all.rows.map((r) => r.id)).toEqual([own.id]);
    } finally {
      await asDirector();
      await l.call('accounts.setMediatorsReadRoom', { on: false });
    }
  });
});

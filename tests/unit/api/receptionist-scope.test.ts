import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agreement } from '../../../domain/agreements/agreement-views.js';
import type { CaseDetail, Dashboard, LedgerPage } from '../../../domain/cases/case-views.js';
import type { CaseFollowUps, FollowUp } from '../../../domain/followups/followup-views.js';
import { PNG_BYTES, settledWithInstalments, visit } from '../followups/followup-fixtures.js';
import type { SettledCase } from '../followups/followup-fixtures.js';
import { intake, session } from '../services/case-fixtures.js';
import { linkMediatorAccount, signInAs } from '../support/signed-in-core.js';

const REFUSAL = '登记员不能查看已归档的案卷';

/** The settled grassland case performed, closed, its volume completed and archived. */
async function archive(s: SettledCase): Promise<CaseDetail> {
  const { l, detail } = s.m;
  const caseId = detail.id;
  s.setClock('2026-05-23T02:00:00Z');
  const plan = (await l.call<CaseFollowUps>('followups.ofCase', { caseId })).visits[0] as FollowUp;
  await l.call('followups.record', {
    caseId,
    followUpId: plan.id,
    expectedVersion: plan.version,
    visit: visit(s, {
      visitDate: '2026-05-23',
      performance: 'PERFORMED',
      satisfaction: 'SATISFIED',
      risk: 'NONE',
      nextStep: 'NONE',
      nextVisitDate: null,
      findings: '两期赔偿款均已转账，协议全部履行完毕。',
    }),
  });
  const performed = await l.call<CaseDetail>('cases.get', { caseId });
  const closed = await l.call<CaseDetail>('cases.transition', {
    caseId,
    expectedVersion: performed.version,
    input: { action: 'CLOSE', closedDate: '2026-05-23' },
  });
  for (const kind of ['ACCEPTANCE_REGISTER', 'RIGHTS_NOTICE'] as const) {
    await l.call('documents.render', { caseId, kind, recordId: null, allowMissingGlyphs: true });
  }
  for (const partyId of s.m.partyIds) {
    await l.call('volume.attach', {
      caseId,
      kind: 'IDENTITY_PROOF',
      partyId,
      file: { fileName: `身份证${partyId}.png`, dataBase64: PNG_BYTES.toString('base64') },
    });
  }
  await l.call('volume.archive', {
    caseId,
    expectedVersion: closed.version,
    retention: 'LONG_30',
    filedBy: '李秀兰',
    filedDate: '2026-05-23',
    remarks: null,
  });
  return l.call<CaseDetail>('cases.get', { caseId });
}

/** A second case in mediation with a session record and an agreement draft. */
async function mediating(s: SettledCase): Promise<CaseDetail> {
  const { l, mediatorId } = s.m;
  const created = await l.call<{ case: CaseDetail }>(
    'cases.create',
    intake({ mediatorIds: [mediatorId], intakeDate: '2026-05-20' }),
  );
  const accepted = await l.call<CaseDetail>('cases.transition', {
    caseId: created.case.id,
    expectedVersion: created.case.version,
    input: { action: 'ACCEPT', acceptedDate: '2026-05-21' },
  });
  const started = await l.call<CaseDetail>('cases.transition', {
    caseId: accepted.id,
    expectedVersion: accepted.version,
    input: { action: 'START_MEDIATION' },
  });
  await l.call('sessions.add', {
    caseId: started.id,
    session: session(
      started.parties.map((p) => p.id),
      mediatorId,
      { startAt: '2026-05-23T09:00', endAt: '2026-05-23T10:30' },
    ),
  });
  await l.call<Agreement>('agreements.createDraft', { caseId: started.id });
  return l.call<CaseDetail>('cases.get', { caseId: started.id });
}

/**
 * domain.md §7.3: a receptionist registers intakes and has no access to archived volumes. Of
 * her own intakes (the others are refused at the door, receptionist-own-intakes.test.ts) the
 * API itself refuses an archived case and hands out of any other case its registration and
 * parties only; the ledger search and the dashboard leave archived cases out. A mediator still
 * gets everything.
 */
describe("a receptionist's view of the ledger", () => {
  let s: SettledCase;
  let archived: CaseDetail;
  let open: CaseDetail;
  const call = <T>(method: string, input: unknown) => s.m.l.call<T>(method, input);

  beforeAll(async () => {
    s = await settledWithInstalments(async (m) => {
      await m.l.call('sessions.add', {
        caseId: m.detail.id,
        session: session([...m.partyIds], m.mediatorId),
      });
    });
    // The fixtures register as the director; a receptionist sees her own intakes only
    // (receptionist-own-intakes.test.ts), so both cases are made hers, as if she typed them in
    // (the archived one before it is archived: an archived case's row is never written).
    await signInAs(s.m.l.core, 'RECEPTIONIST');
    await signInAs(s.m.l.core, 'DIRECTOR');
    const db = s.m.l.core.ledger.db();
    const lamao = db
      .prepare("SELECT id FROM desk_account WHERE login_name = 'lamao'")
      .pluck()
      .get();
    const makeHers = () =>
      db
        .prepare('UPDATE case_file SET registrar_account_id = ? WHERE status != ?')
        .run(lamao, 'ARCHIVED');
    makeHers();
    archived = await archive(s);
    open = await mediating(s);
    makeHers();
    await signInAs(s.m.l.core, 'RECEPTIONIST');
  }, 60_000);
  afterAll(() => s.m.l.close());

  it('is given the archived case refused, its history too', async () => {
    expect(archived.status).toBe('ARCHIVED');
    for (const method of ['cases.get', 'cases.history']) {
      const res = await s.m.l.raw(method, { caseId: archived.id });
      expect(res.ok ? null : res.error, method).toEqual({ code: 'FORBIDDEN', message: REFUSAL });
    }
  });

  it('reads another case as registered: parties, no records, no actions', async () => {
    expect(open.sessions).toHaveLength(1);
    const seen = await call<CaseDetail>('cases.get', { caseId: open.id });
    expect(seen.title).toBe(open.title);
    expect(seen.parties.map((p) => p.name)).toEqual(open.parties.map((p) => p.name));
    expect(seen.sessions).toEqual([]);
    expect(seen.investigations).toEqual([]);
    expect(seen.referrals).toEqual([]);
    expect(seen.participants).toEqual([]);
    expect(seen.allowedActions).toEqual([]);
    expect(seen.timeline.map((e) => e.action)).toEqual(['CREATE']);
    expect(await call('cases.history', { caseId: open.id })).toEqual(expect.any(Array));
  });

  it('searches and opens the dashboard without the archived case, totals included', async () => {
    const all = await call<LedgerPage>('cases.search', { exactTotal: true });
    expect(all.rows.map((r) => r.id)).toEqual([open.id]);
    expect(all.total).toBe(1);
    const closedOnes = await call<LedgerPage>('cases.search', {
      statuses: ['CLOSED', 'ARCHIVED', 'MEDIATING'],
    });
    expect(closedOnes.rows.map((r) => r.id)).toEqual([open.id]);
    const onlyArchived = await s.m.l.raw('cases.search', { statuses: ['ARCHIVED'] });
    expect(onlyArchived.ok ? null : onlyArchived.error.code).toBe('FORBIDDEN');
    const today = async (day: string) =>
      (await call<Dashboard>('dashboard.get', { today: day })).todaySessions.map((t) => t.caseId);
    // the archived case's session was on 2026-03-09 (the fixture's), the other's on 05-23
    expect(await today('2026-03-09')).toEqual([]);
    expect(await today('2026-05-23')).toEqual([open.id]);
  });

  it('as the cases’ mediator, every case and record is still there', async () => {
    await linkMediatorAccount(s.m.l.core.dispatch, s.m.mediatorId);
    await signInAs(s.m.l.core, 'MEDIATOR');
    const file = await call<CaseDetail>('cases.get', { caseId: archived.id });
    expect(file.status).toBe('ARCHIVED');
    expect(file.sessions).toHaveLength(1);
    expect((await call<CaseDetail>('cases.get', { caseId: open.id })).sessions).toHaveLength(1);
    const all = await call<LedgerPage>('cases.search', { exactTotal: true });
    expect(all.rows.map((r) => r.id).sort()).toEqual([archived.id, open.id].sort());
    expect(all.total).toBe(2);
    const board = await call<Dashboard>('dashboard.get', { today: '2026-03-09' });
    expect(board.todaySessions.map((t) => t.caseId)).toEqual([archived.id]);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseDetail, LedgerPage, SavedCase } from '../../../domain/cases/case-views.js';
import {
  intake,
  openTestLedger,
  person,
  session,
  setUpRoom,
  type TestLedger,
} from './case-fixtures.js';

let l: TestLedger;
let mediatorId: number;

beforeEach(async () => {
  l = await openTestLedger();
  ({ mediatorId } = await setUpRoom(l));
});
afterEach(() => l.close());

async function acceptedCase(overrides: Record<string, unknown> = {}): Promise<CaseDetail> {
  const saved = await l.call<SavedCase>('cases.create', intake(overrides));
  return l.call<CaseDetail>('cases.transition', {
    caseId: saved.case.id,
    expectedVersion: saved.case.version,
    input: { action: 'ACCEPT', acceptedDate: '2026-03-05' },
  });
}

const search = (text: string, extra: Record<string, unknown> = {}) =>
  l.call<LedgerPage>('cases.search', { text, ...extra });

describe('intake → accept → sessions → search', () => {
  it('stores normalised parties, numbers at acceptance and finds the case every way', async () => {
    const saved = await l.call<SavedCase>('cases.create', intake());
    expect(saved.case.status).toBe('INTAKE');
    expect(saved.case.caseNumber).toBeNull();
    expect(saved.case.title).toBe('王芳与扎西多杰山林土地纠纷');
    // Full-width digits typed with a Chinese IME are stored as ASCII (answers carry it masked).
    expect(saved.case.parties[0]?.idDocument?.number).toBe('632801********1246');
    const stored = await l.call<{ number: string }>('parties.revealIdNumber', {
      caseId: saved.case.id,
      partyId: saved.case.parties[0]?.id,
      reason: '核对',
    });
    expect(stored.number).toBe('632801198507041246');

    const accepted = await l.call<CaseDetail>('cases.transition', {
      caseId: saved.case.id,
      expectedVersion: saved.case.version,
      input: { action: 'ACCEPT', acceptedDate: '2026-03-05' },
    });
    expect(accepted.caseNumber).toBe('（2026）金峰调字第001号');
    expect(accepted.dueDate).toBe('2026-04-04');
    expect(accepted.timeline.map((t) => t.action)).toEqual(['CREATE', 'ACCEPT']);

    const partyIds = accepted.parties.map((p) => p.id);
    const withSession = await l.call<CaseDetail>('cases.transition', {
      caseId: accepted.id,
      expectedVersion: accepted.version,
      input: { action: 'START_MEDIATION' },
    });
    expect(withSession.status).toBe('MEDIATING');
    const after = await l.call<CaseDetail>('sessions.add', {
      caseId: accepted.id,
      session: session(partyIds, mediatorId),
    });
    expect(after.sessions).toHaveLength(1);
    expect(after.sessions[0]?.sessionNo).toBe(1);

    // A second, unrelated case so that searches must discriminate.
    await l.call(
      'cases.create',
      intake({
        summary: '邻居之间因排水沟堵塞产生矛盾。',
        requests: ['疏通排水沟'],
        category: 'NEIGHBOUR',
        subtype: null,
        parties: [person({ name: '李强', phone: { phone: '13700002222' }, idDocument: null })],
      }),
    );

    const ids = async (q: string) => (await search(q)).rows.map((r) => r.id);
    expect(await ids('草场')).toEqual([accepted.id]); // 2 characters
    expect(await ids('王芳')).toEqual([accepted.id]);
    expect(await ids('wf')).toEqual([accepted.id]); // pinyin initials
    expect(await ids('WF')).toEqual([accepted.id]);
    expect(await ids('13800001234')).toEqual([accepted.id]);
    expect(await ids('1234')).toEqual([accepted.id]); // tail of a phone
    expect(await ids('632801198507041246')).toEqual([accepted.id]);
    expect(await ids('（2026）金峰调字第001号')).toEqual([accepted.id]);
    expect(await ids('001号')).toEqual([accepted.id]);
    expect(await ids('牧')).toEqual([accepted.id]); // 1 character, only in the session record
    expect(await ids('勘查')).toEqual([accepted.id]);
    expect(await ids('越界放牧')).toEqual([accepted.id]); // 3+ characters
    expect(await ids('排水沟')).toHaveLength(1);
    expect(await ids('草场 排水')).toEqual([]);
    expect(await ids('放牧越界')).toEqual([]); // substring, not bag of bigrams
    expect(await ids('%')).toEqual([]);
    expect(await ids('"草场"*')).toEqual([accepted.id]); // FTS syntax is just text
    expect(await ids('NEAR(草场) OR')).toEqual([]);
    expect(await ids('李')).toHaveLength(1);

    const filtered = await search('', { statuses: ['MEDIATING'], sort: 'CASE_NUMBER' });
    expect(filtered.rows.map((r) => r.id)).toEqual([accepted.id]);
    expect(filtered.rows[0]?.partyNames).toEqual(['王芳', '扎西多杰']);
    expect(filtered.rows[0]?.riskLevel).toBe('MEDIUM');
  });

  it('numbers are sequential per year and never reused after voiding', async () => {
    const a = await acceptedCase();
    const b = await acceptedCase();
    expect([a.caseNumber, b.caseNumber]).toEqual([
      '（2026）金峰调字第001号',
      '（2026）金峰调字第002号',
    ]);
    const voided = await l.call<CaseDetail>('cases.voidNumber', {
      caseId: a.id,
      expectedVersion: a.version,
      reason: '重复登记',
      reissue: true,
    });
    expect(voided.caseNumber).toBe('（2026）金峰调字第003号');
    expect(voided.numbers.map((n) => [n.number, n.voidReason])).toEqual([
      ['（2026）金峰调字第001号', '重复登记'],
      ['（2026）金峰调字第003号', null],
    ]);
    // The voided number still finds the case.
    expect((await search('第001号')).rows.map((r) => r.id)).toEqual([a.id]);
  });

  it('refuses an illegal transition with the domain message', async () => {
    const saved = await l.call<SavedCase>('cases.create', intake());
    const res = await l.raw('cases.transition', {
      caseId: saved.case.id,
      expectedVersion: saved.case.version,
      input: { action: 'START_MEDIATION' },
    });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('INVALID_STATE');
    expect(res.error.message).toContain('案件当前状态为“登记待审查”，不能进行“开始调解”操作');
  });

  it('refuses a bare settlement: it must come from a signed agreement or an oral register', async () => {
    const a = await acceptedCase();
    const mediating = await l.call<CaseDetail>('cases.transition', {
      caseId: a.id,
      expectedVersion: a.version,
      input: { action: 'START_MEDIATION' },
    });
    for (const action of ['SETTLE_WRITTEN', 'SETTLE_ORAL'] as const) {
      const res = await l.raw('cases.transition', {
        caseId: a.id,
        expectedVersion: mediating.version,
        input: { action },
      });
      expect(res.ok ? null : res.error).toMatchObject({
        code: 'INVALID_STATE',
        message: expect.stringContaining('调解成功须通过协议登记'),
      });
    }
    const after = await l.call<CaseDetail>('cases.get', { caseId: a.id });
    expect(after.status).toBe('MEDIATING');
    expect(after.version).toBe(mediating.version);
    expect(after.allowedActions).not.toContain('SETTLE_WRITTEN');
    expect(after.allowedActions).toContain('TERMINATE_FAILED');
  });

  it('refuses a session after refusal, and a session without interpreter for a Tibetan speaker', async () => {
    const a = await acceptedCase();
    const ids = a.parties.map((p) => p.id);
    const noInterpreter = await l.raw('sessions.add', {
      caseId: a.id,
      session: session(ids, mediatorId, { interpreter: null }),
    });
    expect(noInterpreter.ok ? null : noInterpreter.error.code).toBe('BAD_INPUT');
    expect(noInterpreter.ok ? [] : noInterpreter.error.issues?.[0]?.path).toEqual([
      'session',
      'interpreter',
    ]);

    const refused = await l.call<CaseDetail>('cases.transition', {
      caseId: a.id,
      expectedVersion: a.version,
      input: {
        action: 'TERMINATE_REFUSED',
        terminatedDate: '2026-03-06',
        refusedBy: ids[1],
        note: '被申请人拒绝调解',
      },
    });
    expect(refused.status).toBe('TERMINATED_REFUSED');
    const res = await l.raw('sessions.add', { caseId: a.id, session: session(ids, mediatorId) });
    expect(res.ok ? null : res.error.code).toBe('INVALID_STATE');
  });

  it('answers CONFLICT when someone else saved first', async () => {
    const saved = await l.call<SavedCase>('cases.create', intake());
    const v = saved.case.version;
    await l.call('cases.update', {
      caseId: saved.case.id,
      expectedVersion: v,
      changes: { riskLevel: 'HIGH' },
    });
    const stale = await l.raw('cases.update', {
      caseId: saved.case.id,
      expectedVersion: v,
      changes: { summary: '改写' },
    });
    expect(stale.ok ? null : stale.error.code).toBe('CONFLICT');
    expect(stale.ok ? '' : stale.error.message).toContain('已被他人修改');
    const party = saved.case.parties[0];
    if (!party) throw new Error('no party');
    await l.call('parties.update', {
      caseId: saved.case.id,
      partyId: party.id,
      expectedVersion: party.version,
      party: person({ occupation: '个体' }),
    });
    const stalePart = await l.raw('parties.update', {
      caseId: saved.case.id,
      partyId: party.id,
      expectedVersion: party.version,
      party: person(),
    });
    expect(stalePart.ok ? null : stalePart.error.code).toBe('CONFLICT');
  });

  it('a minor without a guardian is refused at the field; warnings come back with the case', async () => {
    const minor = await l.raw(
      'cases.create',
      intake({
        parties: [person({ birthDate: '2015-05-01', idDocument: null })],
      }),
    );
    expect(minor.ok).toBe(false);
    if (minor.ok) return;
    expect(minor.error.code).toBe('BAD_INPUT');
    expect(minor.error.issues?.[0]?.path).toEqual(['parties', 0, 'hasGuardian']);
    expect(minor.error.message).toContain('未满18周岁');

    const guarded = await l.call<SavedCase>(
      'cases.create',
      intake({
        parties: [
          person({
            birthDate: '2015-05-01',
            idDocument: null,
            representatives: [
              {
                kind: 'GUARDIAN',
                name: '王建国',
                relationship: '父亲',
                phone: { phone: '13811112222' },
              },
            ],
          }),
        ],
      }),
    );
    expect(guarded.case.parties[0]?.representatives[0]?.name).toBe('王建国');

    // A gender against the number is refused until the mediator confirms it; then it is a
    // warning beside the saved case.
    const refused = await l.raw(
      'cases.create',
      intake({ parties: [person({ gender: 'MALE', birthDate: '1985-07-05' })] }),
    );
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toContain('身份证号码显示性别为女');
    const mismatch = await l.call<SavedCase>(
      'cases.create',
      intake({
        parties: [person({ gender: 'MALE', genderConfirmed: true, birthDate: '1985-07-05' })],
      }),
    );
    expect(mismatch.warnings.map((w) => w.field).sort()).toEqual(['birthDate', 'gender']);
    expect(mismatch.case.parties[0]?.genderConfirmed).toBe(true);
  });

  it('finds open cases of the same party before saving', async () => {
    await acceptedCase();
    const res = await l.call<{ openCaseCount: number; cases: { matchedBy: string }[] }[]>(
      'cases.findDuplicateParties',
      {
        parties: [
          { idNumber: '632801198507041246' },
          { name: '扎西多杰', phone: '139 0000 5678' },
          { name: '王芳', phone: '13000000000' },
        ],
      },
    );
    expect(res.map((r) => r.openCaseCount)).toEqual([1, 1, 0]);
    expect(res[1]?.cases[0]?.matchedBy).toBe('NAME_AND_PHONE');
  });

  it('dashboard lists today sessions, due and overdue cases and month counts', async () => {
    const a = await acceptedCase();
    await l.call('cases.transition', {
      caseId: a.id,
      expectedVersion: a.version,
      input: { action: 'START_MEDIATION' },
    });
    await l.call('sessions.add', {
      caseId: a.id,
      session: session(
        a.parties.map((p) => p.id),
        mediatorId,
        { startAt: '2026-03-10T09:00', endAt: '2026-03-10T10:00' },
      ),
    });
    const d = await l.call<{
      todaySessions: unknown[];
      dueSoon: unknown[];
      overdue: unknown[];
      month: {
        intake: number;
        accepted: number;
        byCategory: { category: string; count: number }[];
      };
    }>('dashboard.get', {});
    expect(d.todaySessions).toHaveLength(1);
    expect(d.month.intake).toBe(1);
    expect(d.month.accepted).toBe(1);
    expect(d.month.byCategory).toEqual([
      { category: 'FOREST_LAND', label: '山林土地纠纷', count: 1 },
    ]);
    const later = await l.call<{ overdue: unknown[]; dueSoon: unknown[] }>('dashboard.get', {
      today: '2026-04-01',
    });
    expect(later.dueSoon).toHaveLength(1);
    const overdue = await l.call<{ overdue: unknown[] }>('dashboard.get', { today: '2026-04-05' });
    expect(overdue.overdue).toHaveLength(1);
  });

  it('code tables and configurable due days come from the ledger', async () => {
    const tables = await l.call<{ name: string; rows: { code: string }[] }[]>('codeTables.get', {
      names: ['ethnic_group'],
    });
    expect(tables[0]?.rows.map((r) => r.code)).toContain('97');
    const s = await l.call<{ version: number }>('caseSettings.get', {});
    await l.call('caseSettings.save', {
      expectedVersion: s.version,
      dueDays: { LOW: 30, MEDIUM: 30, HIGH: 15, CRITICAL: 7 },
      ethnicExtensions: [{ kind: 'UNIDENTIFIED', code: '57', label: '其他' }],
    });
    const a = await acceptedCase({ riskLevel: 'CRITICAL' });
    expect(a.dueDate).toBe('2026-03-12');
    const bad = await l.raw('cases.create', intake({ parties: [person({ ethnicity: '97' })] }));
    expect(bad.ok ? null : bad.error.code).toBe('BAD_INPUT');
    await l.call('cases.create', intake({ parties: [person({ ethnicity: '57' })] }));

    // A code a party is recorded with cannot be removed from the configuration.
    const s2 = await l.call<{ version: number }>('caseSettings.get', {});
    const removal = await l.raw('caseSettings.save', {
      expectedVersion: s2.version,
      dueDays: { LOW: 30, MEDIUM: 30, HIGH: 15, CRITICAL: 7 },
      ethnicExtensions: [{ kind: 'UNIDENTIFIED', code: '58', label: '其他' }],
    });
    expect(removal.ok ? null : removal.error).toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringContaining('57'),
    });
    const after = await l.call<{ version: number }>('caseSettings.get', {});
    expect(after.version).toBe(s2.version);
  });
});

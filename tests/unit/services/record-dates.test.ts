import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Agreement, DraftCheck } from '../../../domain/agreements/agreement-views';
import type { CaseDetail, CaseSettings } from '../../../domain/cases/case-views';
import { draftWith, mediatingCase, type MediatingCase } from '../agreements/agreement-fixtures';
import { intake, person, session } from './case-fixtures';

/**
 * Issue 8, must-have 6, enforced in the main process: bad dates are refused with a Chinese
 * message on the field, and nothing is written. The case was accepted on 2026-03-05; today is
 * 2026-03-10.
 */
describe('date sanity in the services', () => {
  let m: MediatingCase;
  beforeEach(async () => {
    m = await mediatingCase();
  });
  afterEach(() => m.l.close());

  const sessionsOf = async () =>
    (await m.l.call<CaseDetail>('cases.get', { caseId: m.detail.id })).sessions.length;

  async function refusedSession(overrides: Record<string, unknown>) {
    const res = await m.l.raw('sessions.add', {
      caseId: m.detail.id,
      session: session([...m.partyIds], m.mediatorId, overrides),
    });
    if (res.ok) throw new Error('accepted a bad session');
    return res.error;
  }

  it('refuses sessions dated 1990, 2099, or lasting ten years', async () => {
    const old = await refusedSession({ startAt: '1990-03-09T09:30', endAt: '1990-03-09T11:00' });
    expect(old.code).toBe('BAD_INPUT');
    expect(old.message).toContain('早于本案受理日期（2026-03-05）');
    expect(old.issues?.[0]?.path).toEqual(['session', 'startAt']);
    const future = await refusedSession({
      startAt: '2099-03-09T09:30',
      endAt: '2099-03-09T11:00',
    });
    expect(future.message).toBe('调解开始时间（2099-03-09）不能晚于今天（2026-03-10）');
    const long = await refusedSession({ startAt: '2016-03-09T09:30', endAt: '2026-03-09T11:00' });
    expect(long.message).toContain('不能超过一天');
    expect(await sessionsOf()).toBe(0);
  });

  it('a late-entered session within the room’s grace is kept; the grace is a setting', async () => {
    await m.l.call('sessions.add', {
      caseId: m.detail.id,
      session: session([...m.partyIds], m.mediatorId, {
        startAt: '2026-03-01T09:30',
        endAt: '2026-03-01T11:00',
      }),
    });
    expect(await sessionsOf()).toBe(1);
    const settings = await m.l.call<CaseSettings>('caseSettings.get', {});
    expect(settings.recordGraceDays).toBe(7);
    await m.l.call('caseSettings.save', {
      expectedVersion: settings.version,
      dueDays: settings.dueDays,
      ethnicExtensions: settings.ethnicExtensions,
      recordGraceDays: 0,
    });
    const strict = await refusedSession({
      startAt: '2026-03-01T09:30',
      endAt: '2026-03-01T11:00',
    });
    expect(strict.message).toBe('调解开始时间（2026-03-01）不能早于本案受理日期（2026-03-05）');
    // A caller that does not send the grace keeps it.
    const saved = await m.l.call<CaseSettings>('caseSettings.get', {});
    await m.l.call('caseSettings.save', {
      expectedVersion: saved.version,
      dueDays: saved.dueDays,
      ethnicExtensions: saved.ethnicExtensions,
    });
    expect((await m.l.call<CaseSettings>('caseSettings.get', {})).recordGraceDays).toBe(0);
    const bad = await m.l.raw('caseSettings.save', {
      expectedVersion: saved.version + 1,
      dueDays: saved.dueDays,
      ethnicExtensions: saved.ethnicExtensions,
      recordGraceDays: 9999,
    });
    expect(bad.ok ? '' : bad.error.message).toContain('补录宽限最多 365 天');
  });

  it('refuses an investigation dated long before acceptance', async () => {
    const res = await m.l.raw('investigations.add', {
      caseId: m.detail.id,
      investigation: {
        at: '1990-03-06T10:00',
        place: '草场边界',
        investigatedPersons: [{ name: '王芳' }],
        investigatorIds: [m.mediatorId],
        recorder: '李明',
        content: '现场查看界桩。',
      },
    });
    expect(res.ok ? null : res.error.issues?.[0]).toMatchObject({
      path: ['investigation', 'at'],
    });
  });

  it('an agreement dated before acceptance cannot be generated; one dated today can', async () => {
    const early = await draftWith(m, { agreementDate: '1990-03-10' });
    const check = await m.l.call<DraftCheck>('agreements.checkDraft', { agreementId: early.id });
    expect(check.ok).toBe(false);
    expect(check.issues.find((i) => i.code === 'DATE_OUT_OF_RANGE')).toMatchObject({
      level: 'ERROR',
      field: 'content.agreementDate',
      message: '协议日期（1990-03-10）不能早于本案受理日期（2026-03-05）',
    });
    const gen = await m.l.raw('agreements.generate', {
      agreementId: early.id,
      expectedVersion: early.version,
    });
    expect(gen.ok).toBe(false);
    const fixed = await m.l.call<Agreement>('agreements.updateDraft', {
      agreementId: early.id,
      expectedVersion: early.version,
      content: { ...(await draftContent(m, early.id)), agreementDate: '2026-03-10' },
    });
    const ok = await m.l.call<DraftCheck>('agreements.checkDraft', { agreementId: fixed.id });
    expect(ok.issues.some((i) => i.code === 'DATE_OUT_OF_RANGE')).toBe(false);
  });

  it('an oral agreement before acceptance is refused', async () => {
    const res = await m.l.raw('agreements.registerOral', {
      caseId: m.detail.id,
      expectedCaseVersion: m.detail.version,
      register: {
        registerNumber: '（2026）金峰口调字第001号',
        agreedDate: '2026-03-04',
        partyIds: m.partyIds,
        facts: '双方因牛羊越界放牧发生口角。',
        oralTerms: '被申请人当场赔礼道歉。',
        performanceStatus: 'PERFORMED_ON_SPOT',
        mediatorIds: [m.mediatorId],
        recorderName: '李明',
      },
    });
    expect(res.ok ? '' : res.error.message).toBe(
      '达成协议日期（2026-03-04）不能早于本案受理日期（2026-03-05）',
    );
  });

  it('a birth date of 1800 is refused at intake', async () => {
    const res = await m.l.raw(
      'cases.create',
      intake({ parties: [person({ idDocument: null, birthDate: '1800-01-01' })] }),
    );
    expect(res.ok).toBe(false);
    expect(res.ok ? '' : res.error.message).toMatch(/120/u);
  });
});

async function draftContent(m: MediatingCase, id: number): Promise<Record<string, unknown>> {
  const a = await m.l.call<Agreement>('agreements.get', { agreementId: id });
  return a.content as unknown as Record<string, unknown>;
}

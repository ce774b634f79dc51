import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseDetail, CaseSettings } from '../../../domain/cases/case-views';
import type { ChangeSetView } from '../../../domain/cases/change-history';
import {
  draftWith,
  generated,
  mediatingCase,
  type MediatingCase,
} from '../agreements/agreement-fixtures';
import { session } from './case-fixtures';

/**
 * Issue 8: the 登记日期 and 受理日期 corrected after saving through `cases.update`. The case was
 * registered on 2026-03-02 and accepted on 2026-03-05 as （2026）金峰调字第001号; today is
 * 2026-03-10; the room's grace for late entry is 7 days.
 */
describe('correcting when a case started', () => {
  let m: MediatingCase;
  beforeEach(async () => {
    m = await mediatingCase();
  });
  afterEach(() => m.l.close());

  const get = () => m.l.call<CaseDetail>('cases.get', { caseId: m.detail.id });
  const update = async (
    changes: Record<string, unknown>,
    reason: string | null = '受理日期录入错误',
  ) =>
    m.l.raw('cases.update', {
      caseId: m.detail.id,
      expectedVersion: (await get()).version,
      changes,
      reason,
    });
  const refusal = async (changes: Record<string, unknown>, reason?: string | null) => {
    const res = await update(changes, reason);
    if (res.ok) throw new Error('accepted a bad date');
    return res.error;
  };

  it('moves the acceptance within the year: history, due date follow, the number stays', async () => {
    const before = await get();
    expect(before.caseNumber).toBe('（2026）金峰调字第001号');
    const noReason = await refusal({ acceptedDate: '2026-03-04' }, null);
    expect(noReason.issues?.[0]).toMatchObject({ path: ['reason'] });
    expect((await refusal({ acceptedDate: '2026-03-11' })).message).toBe(
      '受理日期（2026-03-11）不能晚于今天（2026-03-10）',
    );
    expect((await refusal({ acceptedDate: '2026-03-01' })).issues?.[0]).toMatchObject({
      path: ['changes', 'acceptedDate'],
      message: '受理日期（2026-03-01）不能早于登记日期（2026-03-02）',
    });
    const res = await update({ acceptedDate: '2026-03-04' });
    expect(res.ok).toBe(true);
    const after = await get();
    expect(after.acceptedDate).toBe('2026-03-04');
    expect(after.caseNumber).toBe(before.caseNumber);
    const settings = await m.l.call<CaseSettings>('caseSettings.get', {});
    const days = settings.dueDays.MEDIUM;
    const due = new Date(Date.UTC(2026, 2, 4 + days)).toISOString().slice(0, 10);
    expect(after.dueDate).toBe(due);
    const history = await m.l.call<ChangeSetView[]>('cases.history', { caseId: m.detail.id });
    expect(history[0]?.reason).toBe('受理日期录入错误');
    expect(history[0]?.fields.map((f) => [f.field, f.oldText, f.newText])).toEqual(
      expect.arrayContaining([
        ['acceptedDate', '2026-03-05', '2026-03-04'],
        ['dueDate', before.dueDate, due],
      ]),
    );
  });

  it('keeps the records in order: the grace for sessions, none for agreements', async () => {
    await m.l.call('sessions.add', {
      caseId: m.detail.id,
      session: session([...m.partyIds], m.mediatorId, {
        startAt: '2026-03-02T09:30',
        endAt: '2026-03-02T11:00',
      }),
    });
    // The session may precede the start by 7 days: acceptance may move up to 2026-03-09.
    expect((await update({ acceptedDate: '2026-03-09' })).ok).toBe(true);
    expect((await refusal({ acceptedDate: '2026-03-10' })).message).toBe(
      '受理日期（2026-03-10）不能晚于 2026-03-09：本案最早的调解或调查记录在 2026-03-02，补录宽限为 7 天',
    );
    await generated(m, { agreementDate: '2026-03-09' });
    expect((await update({ acceptedDate: '2026-03-06' })).ok).toBe(true);
    const late = await refusal({ intakeDate: '2026-03-02', acceptedDate: '2026-03-10' });
    expect(late.message).toContain('不能晚于');
    // The intake date alone is checked against the acceptance.
    expect((await refusal({ intakeDate: '2026-03-07' })).message).toBe(
      '受理日期（2026-03-06）不能早于登记日期（2026-03-07）',
    );
  });

  it('a case moved into another year takes that year’s number; the old one is voided', async () => {
    const draft = await draftWith(m);
    const res = await update(
      { intakeDate: '2025-12-29', acceptedDate: '2025-12-30' },
      '按申请书日期更正，实际于 2025 年底受理',
    );
    expect(res.ok).toBe(true);
    const after = await get();
    expect(after.intakeDate).toBe('2025-12-29');
    expect(after.caseNumber).toBe('（2025）金峰调字第001号');
    const old = after.numbers.find((n) => n.number === '（2026）金峰调字第001号');
    expect(old?.voidReason).toBe('受理日期由 2026-03-05 更正为 2025-12-30，改用 2025 年的编号');
    const history = await m.l.call<ChangeSetView[]>('cases.history', { caseId: m.detail.id });
    expect(history[0]?.fields.find((f) => f.field === 'caseNumber')).toMatchObject({
      oldText: '（2026）金峰调字第001号',
      newText: '（2025）金峰调字第001号',
    });
    expect(after.timeline.at(-1)?.action).toBe('VOID_NUMBER');
    // The draft follows; the old number is never issued again.
    const followed = await m.l.call<{ number: string }>('agreements.get', {
      agreementId: draft.id,
    });
    expect(followed.number).toBe('（2025）金峰调字第001号');
    expect((await update({ intakeDate: '2026-03-02', acceptedDate: '2026-03-05' })).ok).toBe(true);
    expect((await get()).caseNumber).toBe('（2026）金峰调字第002号');
  });

  it('refuses to move a case into another year once an agreement prints its number', async () => {
    await generated(m);
    const res = await refusal({ intakeDate: '2025-12-29', acceptedDate: '2025-12-30' });
    expect(res.code).toBe('INVALID_STATE');
    expect(res.message).toContain('请先作废该协议书');
    const after = await get();
    expect(after.acceptedDate).toBe('2026-03-05');
    expect(after.caseNumber).toBe('（2026）金峰调字第001号');
  });

  it('a case not yet accepted has no acceptance date to correct', async () => {
    const created = await m.l.call<{ case: CaseDetail }>('cases.create', {
      ...(await import('./case-fixtures')).intake(),
    });
    const res = await m.l.raw('cases.update', {
      caseId: created.case.id,
      expectedVersion: created.case.version,
      changes: { acceptedDate: '2026-03-05' },
      reason: '补填',
    });
    expect(res.ok ? '' : res.error.message).toContain('尚未受理');
    const moved = await m.l.call<CaseDetail>('cases.update', {
      caseId: created.case.id,
      expectedVersion: created.case.version,
      changes: { intakeDate: '2026-03-01' },
      reason: '按申请书日期更正',
    });
    expect(moved.intakeDate).toBe('2026-03-01');
  });
});

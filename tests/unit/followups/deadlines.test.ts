import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../domain/cases/case-views.js';
import type {
  CaseFollowUps,
  Reminders,
  SavedConfirmation,
  WeekCalendar,
} from '../../../domain/followups/followup-views.js';
import { mediatingCase } from '../agreements/agreement-fixtures.js';
import { session } from '../services/case-fixtures.js';
import { settledWithInstalments, type SettledCase } from './followup-fixtures.js';

describe('judicial confirmation', () => {
  let s: SettledCase;
  beforeEach(async () => {
    s = await settledWithInstalments();
  }, 60_000); // generating the agreement PDF parses the fonts: slow on a loaded machine
  afterEach(() => s.m.l.close());

  const base = () => ({
    caseId: s.m.detail.id,
    agreementId: s.agreement.id,
    expectedVersion: 0,
    appliedDate: '2026-03-25',
    court: '格尔木市人民法院',
    courtCaseNumber: null,
    decision: 'PENDING',
    decisionDate: null,
    enforcementAppliedDate: null,
    note: null,
  });

  it('records the application in time, then the decision and enforcement', async () => {
    s.setClock('2026-03-26T02:00:00Z');
    const saved = await s.m.l.call<SavedConfirmation>('confirmations.save', base());
    expect(saved.warnings).toEqual([]);
    expect(saved.confirmation.appliedLate).toBe(false);
    s.setClock('2026-04-20T02:00:00Z');
    const decided = await s.m.l.call<SavedConfirmation>('confirmations.save', {
      ...base(),
      expectedVersion: saved.confirmation.version,
      courtCaseNumber: '（2026）青2801民特12号',
      decision: 'VALID',
      decisionDate: '2026-04-08',
      enforcementAppliedDate: '2026-04-19',
    });
    expect(decided.confirmation).toMatchObject({
      decision: 'VALID',
      enforcementAppliedDate: '2026-04-19',
    });
    const o = await s.m.l.call<CaseFollowUps>('followups.ofCase', { caseId: s.m.detail.id });
    expect(o.windows[0]?.confirmation?.decision).toBe('VALID');
    // A stale form is refused.
    const stale = await s.m.l.raw('confirmations.save', { ...base(), expectedVersion: 1 });
    expect(stale.ok ? '' : stale.error.code).toBe('CONFLICT');
  });

  it('warns (but records) an application after the 30-day window', async () => {
    s.setClock('2026-05-01T02:00:00Z');
    const deadline = s.agreement.confirmationDeadline?.deadline ?? '';
    const saved = await s.m.l.call<SavedConfirmation>('confirmations.save', {
      ...base(),
      appliedDate: '2026-04-28',
    });
    expect(saved.confirmation.appliedLate).toBe(true);
    expect(saved.warnings.join()).toContain(`期限（${deadline}`);
  });

  it('refuses impossible dates and enforcement without a valid ruling', async () => {
    s.setClock('2026-03-26T02:00:00Z');
    for (const [patch, text] of [
      [{ appliedDate: '2026-03-19' }, /不能早于协议生效日期/],
      [{ appliedDate: '2026-03-27' }, /不能晚于今天/],
      [{ decision: 'DISMISSED' }, /请填写法院作出决定的日期/],
      [{ enforcementAppliedDate: '2026-03-26' }, /裁定调解协议有效后/],
      [{ court: '{{court}}'.repeat(20) }, /太长/],
    ] as const) {
      const res = await s.m.l.raw('confirmations.save', { ...base(), ...patch });
      expect(res.ok).toBe(false);
      if (!res.ok) expect(res.error.message).toMatch(text);
    }
  });
});

describe('due date, extensions, calendar and reminders', () => {
  it('extends only with every party consenting, and shows overdue first', async () => {
    let clock = new Date('2026-03-10T02:00:00Z');
    const m = await mediatingCase(() => clock);
    try {
      expect(m.detail.dueDate).toBe('2026-04-04'); // accepted 03-05 + 30 days
      const [applicant, respondent] = m.partyIds as [number, number];
      const refuse = await m.l.raw('cases.extendDue', {
        caseId: m.detail.id,
        expectedVersion: m.detail.version,
        newDueDate: '2026-04-20',
        consentDate: '2026-03-10',
        consentPartyIds: [applicant, applicant + 1000],
        reason: '需等待草场勘界结果',
      });
      expect(refuse.ok).toBe(false);
      const oneSided = await m.l.raw('cases.extendDue', {
        caseId: m.detail.id,
        expectedVersion: m.detail.version,
        newDueDate: '2026-04-20',
        consentDate: '2026-03-10',
        consentPartyIds: [applicant],
        reason: '需等待草场勘界结果',
      });
      expect(oneSided.ok).toBe(false);

      clock = new Date('2026-04-02T02:00:00Z');
      let r = await m.l.call<Reminders>('reminders.get', {});
      expect(r.items.map((i) => [i.kind, i.stage, i.daysLeft])).toEqual([['CASE_DUE', 'D3', 2]]);
      clock = new Date('2026-04-06T02:00:00Z');
      r = await m.l.call<Reminders>('reminders.get', {});
      expect(r.items[0]).toMatchObject({ kind: 'CASE_DUE', stage: 'OVERDUE', daysLeft: -2 });

      const extended = await m.l.call<CaseDetail>('cases.extendDue', {
        caseId: m.detail.id,
        expectedVersion: m.detail.version,
        newDueDate: '2026-04-20',
        consentDate: '2026-04-03',
        consentPartyIds: [applicant, respondent],
        reason: '需等待草场勘界结果',
      });
      expect(extended.dueDate).toBe('2026-04-20');
      r = await m.l.call<Reminders>('reminders.get', {});
      expect(r.items).toEqual([]);
      const o = await m.l.call<CaseFollowUps>('followups.ofCase', { caseId: m.detail.id });
      expect(o.extensions[0]).toMatchObject({
        previousDueDate: '2026-04-04',
        newDueDate: '2026-04-20',
      });
      expect(o.extensions[0]?.consentPartyNames).toHaveLength(2);
      // A re-assessed risk recomputes the due date but never undoes the agreed extension.
      const reassessed = await m.l.call<CaseDetail>('cases.update', {
        caseId: m.detail.id,
        expectedVersion: extended.version,
        changes: { riskLevel: 'HIGH' },
        reason: null,
      });
      expect(reassessed.dueDate).toBe('2026-04-20');

      // A session record is written after the sitting: it may not be dated after today.
      clock = new Date('2026-04-22T02:00:00Z');
      await m.l.call('sessions.add', {
        caseId: m.detail.id,
        session: session([applicant, respondent], m.mediatorId, {
          startAt: '2026-04-21T10:00',
          endAt: '2026-04-21T11:30',
        }),
      });
      const week = await m.l.call<WeekCalendar>('calendar.week', { day: '2026-04-22' });
      expect(week.weekStart).toBe('2026-04-20');
      expect(week.days[0]?.items.map((i) => i.kind)).toEqual(['CASE_DUE']);
      expect(week.days[1]?.items.map((i) => [i.kind, i.time])).toEqual([['SESSION', '10:00']]);
      expect(week.days.map((d) => d.date).at(-1)).toBe('2026-04-26');
    } finally {
      m.l.close();
    }
  });
});

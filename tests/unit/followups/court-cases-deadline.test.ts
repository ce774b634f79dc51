import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseDetail, SavedCase } from '../../../domain/cases/case-views.js';
import type { LedgerPage } from '../../../domain/cases/case-views.js';
import type { Reminders, WeekCalendar } from '../../../domain/followups/followup-views.js';
import { intake, openTestLedger, setUpRoom, type TestLedger } from '../services/case-fixtures.js';

/**
 * Issue 15, must-have 7: the court's deadline reaches 工作台's reminders and week calendar, and
 * the ledger finds the cases a court sent.
 */
describe('court-delegated cases: deadline reminders, calendar, ledger filter', () => {
  let l: TestLedger;
  let now = '2026-03-10T02:00:00Z';
  beforeEach(async () => {
    now = '2026-03-10T02:00:00Z';
    l = await openTestLedger(() => new Date(now));
    await setUpRoom(l);
  });
  afterEach(() => l.close());

  const courtCase = (receivedOn: string, reference: string) =>
    l.call<SavedCase>(
      'cases.create',
      intake({
        source: 'ENTRUSTED_COURT',
        courtKind: 'DELEGATED',
        courtName: '格尔木市人民法院',
        courtReference: reference,
        courtReceivedOn: receivedOn,
      }),
    );
  const court = (r: Reminders) => r.items.filter((i) => i.kind === 'COURT_DEADLINE');

  it('lists a coming and an overdue court deadline, counts the extension, drops ended cases', async () => {
    const soon = await courtCase('2026-02-10', '（2026）青2801民诉前调1号'); // due 03-12
    const late = await courtCase('2026-02-01', '（2026）青2801民诉前调2号'); // due 03-03
    const extended = await courtCase('2026-02-01', '（2026）青2801民诉前调3号'); // due 03-03 → 04-02
    const rejected = await courtCase('2026-02-01', '（2026）青2801民诉前调4号');
    await l.call('cases.create', intake()); // not a court case: no court deadline
    await l.call<CaseDetail>('cases.extendCourtDeadline', {
      caseId: extended.case.id,
      expectedVersion: extended.case.version,
      consentDate: '2026-03-02',
      note: '电话征得承办法官同意，延长30日',
    });
    await l.call<CaseDetail>('cases.transition', {
      caseId: rejected.case.id,
      expectedVersion: rejected.case.version,
      input: { action: 'REJECT', reason: '双方已向人民法院起诉', advisedRoute: 'LITIGATION' },
    });

    const r = await l.call<Reminders>('reminders.get', {});
    expect(court(r).map((i) => [i.caseId, i.date, i.stage, i.daysLeft])).toEqual([
      [late.case.id, '2026-03-03', 'OVERDUE', -7],
      [soon.case.id, '2026-03-12', 'D3', 2],
    ]);
    expect(court(r)[0]?.label).toBe('法院期限：法院委派（委托）调解期限届满 · 格尔木市人民法院');

    // The extended case's deadline comes back 7 days before its new day, marked as extended.
    now = '2026-03-27T02:00:00Z';
    const later = court(await l.call<Reminders>('reminders.get', {}));
    const ext = later.find((i) => i.caseId === extended.case.id);
    expect(ext).toMatchObject({ date: '2026-04-02', stage: 'D7', daysLeft: 6 });
    expect(ext?.label).toContain('经法院同意已延长');
    expect(later.some((i) => i.caseId === rejected.case.id)).toBe(false);

    const week = await l.call<WeekCalendar>('calendar.week', { day: '2026-04-01' });
    const items = week.days.flatMap((d) => d.items).filter((i) => i.kind === 'COURT_DEADLINE');
    expect(items.map((i) => [i.caseId, i.date])).toEqual([[extended.case.id, '2026-04-02']]);
    const march = await l.call<WeekCalendar>('calendar.week', { day: '2026-03-12' });
    expect(
      march.days
        .flatMap((d) => d.items)
        .filter((i) => i.kind === 'COURT_DEADLINE')
        .map((i) => [i.caseId, i.date]),
    ).toEqual([[soon.case.id, '2026-03-12']]);
  });

  it('the ledger filters court cases by kind and by the court deadline passed', async () => {
    const delegated = await courtCase('2026-02-01', '（2026）青2801民诉前调7号'); // due 03-03
    const entrusted = await l.call<SavedCase>(
      'cases.create',
      intake({
        source: 'ENTRUSTED_COURT',
        courtKind: 'ENTRUSTED',
        courtName: '格尔木市人民法院',
        courtReference: '（2026）青2801民初88号',
        courtReceivedOn: '2026-03-01', // due 03-31
      }),
    );
    const extended = await courtCase('2026-02-01', '（2026）青2801民诉前调8号');
    await l.call<CaseDetail>('cases.extendCourtDeadline', {
      caseId: extended.case.id,
      expectedVersion: extended.case.version,
      consentDate: '2026-03-02',
      note: '法院书面同意延长',
    });
    const plain = await l.call<SavedCase>('cases.create', intake());
    const ids = async (courtCases: unknown) =>
      (await l.call<LedgerPage>('cases.search', { courtCases })).rows.map((r) => r.id).sort();

    expect(await ids('ANY')).toEqual(
      [delegated.case.id, entrusted.case.id, extended.case.id].sort(),
    );
    expect(await ids('DELEGATED')).toEqual([delegated.case.id, extended.case.id].sort());
    expect(await ids('ENTRUSTED')).toEqual([entrusted.case.id]);
    // Only the unextended delegated case is past its day (03-03); the extension runs to 04-02.
    expect(await ids('OVERDUE')).toEqual([delegated.case.id]);
    expect(await ids(null)).toContain(plain.case.id);
    const bad = await l.raw('cases.search', { courtCases: 'COURT' });
    expect(bad.ok ? '' : bad.error.message).toContain('法院委派案件的筛选条件不正确');
  });
});

import { describe, expect, it } from 'vitest';
import {
  acceptanceYearChanges,
  startDateIssues,
  type RecordedDates,
} from '../../../domain/cases/start-dates';

/** Issue 8: a corrected 登记日期/受理日期 must still come before everything recorded on the case. */
describe('corrected start dates', () => {
  const none: RecordedDates = {
    earliestRecord: null,
    earliestAgreement: null,
    earliestVisit: null,
    closedDate: null,
  };
  const today = '2026-11-29';

  it('refuses dates after today and acceptance before intake', () => {
    expect(
      startDateIssues({ intakeDate: '2026-11-30', acceptedDate: null }, none, today, 7),
    ).toEqual([
      { field: 'intakeDate', message: '登记日期（2026-11-30）不能晚于今天（2026-11-29）' },
    ]);
    const issues = startDateIssues(
      { intakeDate: '2026-11-10', acceptedDate: '2026-11-09' },
      none,
      today,
      7,
    );
    expect(issues.map((i) => i.message)).toEqual([
      '受理日期（2026-11-09）不能早于登记日期（2026-11-10）',
    ]);
    expect(
      startDateIssues({ intakeDate: '2026-11-01', acceptedDate: '2026-11-29' }, none, today, 7),
    ).toEqual([]);
  });

  it('keeps the grace for sessions and investigations, none for agreements, visits, closing', () => {
    const recorded = { ...none, earliestRecord: '2026-11-10' };
    // A session may precede the start by the grace: the start may move up to 7 days after it.
    expect(
      startDateIssues({ intakeDate: '2026-11-01', acceptedDate: '2026-11-17' }, recorded, today, 7),
    ).toEqual([]);
    expect(
      startDateIssues({ intakeDate: '2026-11-01', acceptedDate: '2026-11-18' }, recorded, today, 7),
    ).toEqual([
      {
        field: 'acceptedDate',
        message:
          '受理日期（2026-11-18）不能晚于 2026-11-17：本案最早的调解或调查记录在 2026-11-10，补录宽限为 7 天',
      },
    ]);
    expect(
      startDateIssues({ intakeDate: '2026-11-11', acceptedDate: null }, recorded, today, 0)[0]
        ?.message,
    ).toBe('登记日期（2026-11-11）不能晚于本案最早的调解或调查记录（2026-11-10）');
    const agreed = { ...recorded, earliestAgreement: '2026-11-12', earliestVisit: '2026-11-20' };
    expect(
      startDateIssues({ intakeDate: '2026-11-01', acceptedDate: '2026-11-13' }, agreed, today, 7)[0]
        ?.message,
    ).toBe('受理日期（2026-11-13）不能晚于本案协议的日期（2026-11-12）');
    // The earliest limit broken is the one named.
    expect(
      startDateIssues(
        { intakeDate: '2026-11-01', acceptedDate: '2026-11-25' },
        { ...agreed, closedDate: '2026-11-24' },
        today,
        7,
      ).map((i) => i.message),
    ).toEqual(['受理日期（2026-11-25）不能晚于本案协议的日期（2026-11-12）']);
    expect(
      startDateIssues(
        { intakeDate: '2026-11-01', acceptedDate: '2026-11-21' },
        { ...none, earliestVisit: '2026-11-20' },
        today,
        7,
      )[0]?.message,
    ).toBe('受理日期（2026-11-21）不能晚于本案的回访日期（2026-11-20）');
  });

  it('moving the start earlier is always allowed by the records', () => {
    const recorded = {
      earliestRecord: '2026-11-10',
      earliestAgreement: '2026-11-12',
      earliestVisit: '2026-11-20',
      closedDate: '2026-11-24',
    };
    expect(
      startDateIssues({ intakeDate: '2025-12-30', acceptedDate: '2025-12-31' }, recorded, today, 0),
    ).toEqual([]);
  });

  it('knows when an acceptance moves into another year', () => {
    expect(acceptanceYearChanges('2027-01-02', '2026-12-30')).toBe(true);
    expect(acceptanceYearChanges('2026-03-02', '2026-12-30')).toBe(false);
    expect(acceptanceYearChanges(null, '2026-12-30')).toBe(false);
  });
});

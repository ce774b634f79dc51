import { describe, expect, it } from 'vitest';
import { confirmationDeadline, isWorkingDay } from '../../../domain/confirmation-deadline.js';

// Excerpt of the 2026 national holiday calendar as published by the State Council
// (test data only; the app loads the real calendar as data).
const calendar2026 = {
  holidays: [
    '2026-10-01',
    '2026-10-02',
    '2026-10-03',
    '2026-10-04',
    '2026-10-05',
    '2026-10-06',
    '2026-10-07',
    '2026-10-08',
  ],
  makeUpWorkdays: ['2026-09-27', '2026-10-10'],
};

describe('confirmationDeadline', () => {
  it('counts 30 days from the day after the effective date', () => {
    // 2026-03-02 (Mon) + 30 = 2026-04-01 (Wed)
    expect(confirmationDeadline('2026-03-02', { holidays: [] })).toEqual({
      nominalDeadline: '2026-04-01',
      deadline: '2026-04-01',
      rolledForward: false,
    });
    // Across a year end and a leap day.
    expect(confirmationDeadline('2027-12-15', { holidays: [] }).nominalDeadline).toBe('2028-01-14');
    expect(confirmationDeadline('2028-02-01', { holidays: [] }).nominalDeadline).toBe('2028-03-02');
  });

  it('moves a deadline on a Saturday or Sunday to Monday', () => {
    // 2026-10-17 is a Saturday.
    expect(confirmationDeadline('2026-09-17', { holidays: [] })).toEqual({
      nominalDeadline: '2026-10-17',
      deadline: '2026-10-19',
      rolledForward: true,
    });
    // 2026-10-18 is a Sunday.
    expect(confirmationDeadline('2026-09-18', { holidays: [] }).deadline).toBe('2026-10-19');
  });

  it('moves a deadline inside a holiday to the first working day after it', () => {
    // nominal 2026-10-03 (Sat, holiday) → holidays up to 10-08 → 10-09 (Fri).
    expect(confirmationDeadline('2026-09-03', calendar2026)).toEqual({
      nominalDeadline: '2026-10-03',
      deadline: '2026-10-09',
      rolledForward: true,
    });
    // A weekday holiday.
    expect(confirmationDeadline('2026-09-06', calendar2026).deadline).toBe('2026-10-09');
  });

  it('treats a make-up working day (调休) as a working day', () => {
    // 2026-10-10 is a Saturday but a make-up working day.
    expect(confirmationDeadline('2026-09-10', calendar2026)).toEqual({
      nominalDeadline: '2026-10-10',
      deadline: '2026-10-10',
      rolledForward: false,
    });
    // 2026-09-27 is a Sunday and a working day.
    expect(isWorkingDay('2026-09-27', calendar2026)).toBe(true);
    expect(isWorkingDay('2026-09-26', calendar2026)).toBe(false);
    expect(isWorkingDay('2026-10-05', calendar2026)).toBe(false);
  });

  it('refuses invalid dates with Chinese messages', () => {
    expect(() => confirmationDeadline('2026-02-30', { holidays: [] })).toThrow('协议生效日期无效');
    expect(() => confirmationDeadline('2026-02-01', { holidays: ['2026-13-01'] })).toThrow(
      '节假日无效',
    );
    expect(() =>
      confirmationDeadline('2026-02-01', { holidays: [], makeUpWorkdays: ['x'] }),
    ).toThrow('调休上班日无效');
  });
});

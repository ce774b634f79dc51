import { describe, expect, it } from 'vitest';
import { recordDateIssue, sessionSpanIssue } from '../../../domain/cases/record-dates';
import { chinaToday } from '../../../domain/validation/calendar-date';
import { sessionDefaultTimes } from '../../../renderer/src/forms/session-defaults';

/** An instant given as China wall-clock time (UTC+8). */
const chinaInstant = (day: string, time: string) => Date.parse(`${day}T${time}:00+08:00`);

/** Whether the service would take these times for a case accepted today. */
function refusals(now: number, times: { startAt: string; endAt: string }): string[] {
  const today = chinaToday(new Date(now));
  const dates = { intakeDate: today, acceptedDate: today, today, recordGraceDays: 0 };
  return [
    recordDateIssue('开始时间', times.startAt.slice(0, 10), dates),
    recordDateIssue('结束时间', times.endAt.slice(0, 10), dates),
    sessionSpanIssue(times.startAt, times.endAt),
  ].filter((issue): issue is string => issue !== null);
}

describe('a new session record’s default times', () => {
  it('end now and begin an hour before during the day', () => {
    const now = chinaInstant('2026-11-30', '14:20');
    expect(sessionDefaultTimes(now)).toEqual({
      startAt: '2026-11-30T13:20',
      endAt: '2026-11-30T14:20',
    });
  });

  it('stay on today at 23:30 China time (15:30 UTC), where an hour later is tomorrow', () => {
    const now = chinaInstant('2026-11-30', '23:30');
    const times = sessionDefaultTimes(now);
    expect(times).toEqual({ startAt: '2026-11-30T22:30', endAt: '2026-11-30T23:30' });
    expect(refusals(now, times)).toEqual([]);
  });

  it('begin at midnight at 00:10 China time, where an hour before is yesterday', () => {
    const now = chinaInstant('2026-12-01', '00:10');
    const times = sessionDefaultTimes(now);
    expect(times).toEqual({ startAt: '2026-12-01T00:00', endAt: '2026-12-01T00:10' });
    expect(refusals(now, times)).toEqual([]);
  });

  it('follow China’s day, not UTC’s, across the whole 24 hours', () => {
    // every 10 minutes of one China day: the UTC date changes at 08:00 China time
    for (let minute = 0; minute < 24 * 60; minute += 10) {
      const now = chinaInstant('2026-12-31', '00:00') + minute * 60_000;
      const times = sessionDefaultTimes(now);
      expect(times.endAt.slice(0, 10)).toBe('2026-12-31');
      expect(refusals(now, times)).toEqual([]);
    }
  });
});

import { chinaDateTime } from './date-field';

const HOUR_MS = 60 * 60 * 1000;

/**
 * The times a new session record opens with. A session is recorded once held, so it ends now
 * and began up to an hour before, but never on the day before: an end an hour from now is
 * "after today" from 23:00 China time, and a start before midnight could fall before a case
 * accepted today. `now` is a parameter so the day boundary can be tested at any hour.
 */
export function sessionDefaultTimes(now: number = Date.now()): { startAt: string; endAt: string } {
  const endAt = chinaDateTime(now);
  const hourBefore = chinaDateTime(now - HOUR_MS);
  const today = endAt.slice(0, 10);
  const startAt = hourBefore.slice(0, 10) === today ? hourBefore : `${today}T00:00`;
  return { startAt, endAt };
}

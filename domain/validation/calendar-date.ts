/**
 * Calendar dates as `YYYY-MM-DD` strings. Dates of birth and document dates are civil dates
 * with no time of day, so they are compared as numbers and strings, never as `Date` objects
 * (which would shift them by the machine's time zone). Parsing is shared with the printing
 * code so that both accept exactly the same dates. No zod here: the 工作台 needs `chinaToday` on
 * the first screen, and the schemas import from this module, never the other way round.
 */

export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isRealDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Parses a real calendar date `YYYY-MM-DD` (years 1000–9999); null if it is not one. */
export function parseIsoDate(isoDate: string): CalendarDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return year >= 1000 && isRealDate(year, month, day) ? { year, month, day } : null;
}

export function formatIsoDate(date: CalendarDate): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * Today's date in China. China has used UTC+8 all year since 1991, so a fixed offset is
 * exact and does not depend on the ICU time-zone data of the machine.
 */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * Completed years between two dates. The age goes up on the birthday itself; someone born
 * on 29 February gets a year older on 1 March in common years. Null if either date is not
 * a real `YYYY-MM-DD` date; negative if the birth date is after `onDate`.
 */
export function ageOn(birthDate: string, onDate: string): number | null {
  const birth = parseIsoDate(birthDate);
  const on = parseIsoDate(onDate);
  if (!birth || !on) return null;
  let age = on.year - birth.year;
  if (on.month < birth.month || (on.month === birth.month && on.day < birth.day)) age -= 1;
  return age;
}

import { parseIsoDate } from './validation/calendar-date';

/**
 * Deadline for applying jointly for judicial confirmation of a mediation agreement
 * (PML Art. 33: within 30 days from the agreement taking effect; domain §2.9).
 *
 * Counting follows the Civil Procedure Law rules on periods: the day the agreement takes
 * effect is not counted (day 1 is the next day), so the nominal last day is effective + 30.
 * If that day is a rest day (Saturday, Sunday or a listed public holiday) the period ends on
 * the first working day after it. Make-up working days (调休上班日, a Saturday or Sunday that is
 * a working day by State Council notice) are working days. Holiday calendars change every year,
 * so they are input data, not code.
 */

export const CONFIRMATION_PERIOD_DAYS = 30;

export interface DeadlineCalendar {
  /** Public holidays (ISO dates), including the weekdays the State Council declares as rest. */
  readonly holidays: readonly string[];
  /** Saturdays/Sundays that are working days (调休). */
  readonly makeUpWorkdays?: readonly string[];
}

export interface ConfirmationDeadline {
  /** effective date + 30 days. */
  readonly nominalDeadline: string;
  /** The last day on which the application can be made. */
  readonly deadline: string;
  readonly rolledForward: boolean;
}

const DAY_MS = 86_400_000;

function toEpochDay(isoDate: string, what: string): number {
  const date = parseIsoDate(isoDate);
  if (!date) throw new RangeError(`${what}无效：${isoDate}（应为 YYYY-MM-DD 格式的真实日期）`);
  return Date.UTC(date.year, date.month - 1, date.day) / DAY_MS;
}

function fromEpochDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function isWorkingDay(isoDate: string, calendar: DeadlineCalendar): boolean {
  const day = toEpochDay(isoDate, '日期');
  return isWorkingEpochDay(
    day,
    toDaySet(calendar.holidays, '节假日'),
    toDaySet(calendar.makeUpWorkdays ?? [], '调休上班日'),
  );
}

function toDaySet(dates: readonly string[], what: string): ReadonlySet<number> {
  return new Set(dates.map((d) => toEpochDay(d, what)));
}

function isWorkingEpochDay(
  day: number,
  holidays: ReadonlySet<number>,
  makeUp: ReadonlySet<number>,
): boolean {
  if (makeUp.has(day)) return true;
  if (holidays.has(day)) return false;
  const weekday = new Date(day * DAY_MS).getUTCDay(); // 0 = Sunday
  return weekday !== 0 && weekday !== 6;
}

export function confirmationDeadline(
  effectiveDate: string,
  calendar: DeadlineCalendar,
): ConfirmationDeadline {
  const effective = toEpochDay(effectiveDate, '协议生效日期');
  const holidays = toDaySet(calendar.holidays, '节假日');
  const makeUp = toDaySet(calendar.makeUpWorkdays ?? [], '调休上班日');
  const nominal = effective + CONFIRMATION_PERIOD_DAYS;
  let last = nominal;
  // A rest period never exceeds a few weeks; the bound only guards against a bad calendar.
  for (let i = 0; i < 366 && !isWorkingEpochDay(last, holidays, makeUp); i += 1) last += 1;
  if (!isWorkingEpochDay(last, holidays, makeUp)) {
    throw new RangeError('节假日列表有误：找不到期限届满后的工作日');
  }
  return {
    nominalDeadline: fromEpochDay(nominal),
    deadline: fromEpochDay(last),
    rolledForward: last !== nominal,
  };
}

/**
 * Date sanity for what happens inside a case (issue 8, must-have 6): sessions, investigations
 * and agreements lie between the case's acceptance and today. Rooms often type a case in after
 * they have started working on it, so sessions and investigations may precede the recorded
 * acceptance by a grace the room sets (`recordGraceDays`); an agreement never may, since its date
 * starts the 30-day window for judicial confirmation (PML 33).
 *
 * Plain functions returning a Chinese sentence or null: the main-process services call them
 * inside their transaction (the case's dates are only known there), and the forms call the same
 * ones while typing, so the message on screen is the one a save would return.
 */

/** Days a session or investigation may be dated before the recorded acceptance date. */
export const DEFAULT_RECORD_GRACE_DAYS = 7;
export const MAX_RECORD_GRACE_DAYS = 365;

/** One session is one sitting: a longer span is a typing mistake or several sessions. */
export const MAX_SESSION_MINUTES = 24 * 60 - 1;

export interface CaseDates {
  readonly intakeDate: string;
  readonly acceptedDate: string | null;
  /** Today's date in China (`chinaToday`). */
  readonly today: string;
  readonly recordGraceDays: number;
}

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The case's start as the ledger knows it: acceptance, or intake before acceptance. */
const startOf = (c: CaseDates) => c.acceptedDate ?? c.intakeDate;
const startLabel = (c: CaseDates) => (c.acceptedDate ? '受理日期' : '登记日期');

/** A session's or investigation's date (`YYYY-MM-DD`), with the grace for late entry. */
export function recordDateIssue(label: string, date: string, c: CaseDates): string | null {
  if (date > c.today) return `${label}（${date}）不能晚于今天（${c.today}）`;
  const earliest = addDays(startOf(c), -c.recordGraceDays);
  if (date < earliest) {
    return c.recordGraceDays > 0
      ? `${label}（${date}）早于本案${startLabel(c)}（${startOf(c)}）${c.recordGraceDays} 天以上，请核对；如确属补录，可在“设置 → 案件设置”中调整补录宽限天数`
      : `${label}（${date}）不能早于本案${startLabel(c)}（${startOf(c)}）`;
  }
  return null;
}

/** An agreement's date: not before the case's start, not after today. */
export function agreementDateIssue(label: string, date: string, c: CaseDates): string | null {
  if (date > c.today) return `${label}（${date}）不能晚于今天（${c.today}）`;
  if (date < startOf(c)) {
    return `${label}（${date}）不能早于本案${startLabel(c)}（${startOf(c)}）`;
  }
  return null;
}

const minutesOf = (localDateTime: string) => Date.parse(`${localDateTime}:00Z`) / 60_000;

/** A session's end after its start and within the same sitting (under a day). */
export function sessionSpanIssue(startAt: string, endAt: string): string | null {
  const minutes = minutesOf(endAt) - minutesOf(startAt);
  if (!Number.isFinite(minutes)) return null;
  if (minutes < 0) return '结束时间不能早于开始时间';
  if (minutes > MAX_SESSION_MINUTES) {
    return '一次调解的时长不能超过一天，请核对结束时间；分几天进行的调解请分别记录';
  }
  return null;
}

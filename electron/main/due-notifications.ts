import type { Reminder, Reminders } from '../../domain/followups/followup-views.js';

/**
 * What the desktop notification says (issue 9: at start-up and at the set hour, for items due
 * today or overdue). Pure, so the "once per day per item" rule is tested without Electron.
 * An item is keyed by what it is and when it falls due; the keys already shown today are kept
 * by the caller (in a small file beside the ledger), so a restart does not repeat them.
 */

export interface DueNotice {
  readonly title: string;
  readonly body: string;
  /** Keys of the items this notice reports; the caller marks them shown for `day`. */
  readonly keys: readonly string[];
  readonly day: string;
}

export const reminderKey = (r: Reminder): string => `${r.kind}:${r.caseId}:${r.date}`;

const KIND_WORDS: Readonly<Record<Reminder['kind'], string>> = {
  VISIT: '回访',
  CASE_DUE: '调解期限',
  CONFIRMATION_DEADLINE: '司法确认申请期限',
  COURT_DEADLINE: '法院委派调解期限',
};

/**
 * A notification stays in the OS's notification centre after the desk locks, in front of
 * whoever sits down next; a case's title names its parties, so a case is named by its number
 * only (one not yet numbered by what it is), and the app says the rest after sign-in.
 */
const UNNUMBERED = '未编号案件';

/** Items due today or overdue (visits and case deadlines), not yet shown today. */
export function dueNotice(reminders: Reminders, shownToday: ReadonlySet<string>): DueNotice | null {
  const fresh = reminders.items.filter(
    (r) =>
      (r.daysLeft === 0 || (r.daysLeft < 0 && r.kind !== 'CONFIRMATION_DEADLINE')) &&
      !shownToday.has(reminderKey(r)),
  );
  if (fresh.length === 0) return null;
  const overdue = fresh.filter((r) => r.daysLeft < 0);
  const today = fresh.filter((r) => r.daysLeft === 0);
  const counts = [
    today.length > 0 ? `今天到期 ${today.length} 项` : '',
    overdue.length > 0 ? `已逾期 ${overdue.length} 项` : '',
  ].filter((x) => x !== '');
  // Overdue first, as on 工作台; three lines are what a notification shows without cutting.
  const lines = [...overdue, ...today]
    .slice(0, 3)
    .map(
      (r) =>
        `${r.daysLeft < 0 ? `逾期${-r.daysLeft}天` : '今天'}·${KIND_WORDS[r.kind]}：${r.caseNumber ?? UNNUMBERED}`,
    );
  const more = fresh.length > 3 ? [`等 ${fresh.length} 项，请在“回访”中查看`] : [];
  return {
    title: `调解工作台：${counts.join('，')}`,
    body: [...lines, ...more].join('\n'),
    keys: fresh.map(reminderKey),
    day: reminders.today,
  };
}

/** China has used UTC+8 all year since 1991; the set hour is a China wall-clock hour. */
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** Milliseconds from `now` to the next `hour`:00 China time (tomorrow's if it has passed). */
export function msUntilHour(now: Date, hour: number): number {
  const china = new Date(now.getTime() + CHINA_OFFSET_MS);
  const next = Date.UTC(china.getUTCFullYear(), china.getUTCMonth(), china.getUTCDate(), hour);
  const target = next > china.getTime() ? next : next + 24 * 3_600_000;
  return target - china.getTime();
}

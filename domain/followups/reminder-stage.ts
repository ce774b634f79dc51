import type { ReminderStage } from './followup-views';

/**
 * The reminder thresholds of §4.3 (7, 3 and 1 days before, then overdue). A date 5 days away is
 * still in the 7-day stage: the stage is the last threshold crossed, so each item is announced
 * once per threshold rather than every day.
 */
export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round(
    (Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / 86_400_000,
  );
}

export function reminderStage(dueDate: string, today: string): ReminderStage | null {
  const left = daysBetween(today, dueDate);
  if (left < 0) return 'OVERDUE';
  if (left === 0) return 'TODAY';
  if (left <= 1) return 'D1';
  if (left <= 3) return 'D3';
  if (left <= 7) return 'D7';
  return null;
}

export const REMINDER_STAGE_LABELS: Readonly<Record<ReminderStage, string>> = {
  OVERDUE: '已逾期',
  TODAY: '今天到期',
  D1: '还剩 1 天',
  D3: '3 天内到期',
  D7: '7 天内到期',
};

/** Monday of the week holding `day` (weeks in China start on Monday). */
export function mondayOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const shift = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - shift);
  return d.toISOString().slice(0, 10);
}

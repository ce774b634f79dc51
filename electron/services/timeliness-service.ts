import { datedItems, type DatedRow } from '../../db/followups/calendar-queries.js';
import type {
  CalendarItem,
  CalendarItemKind,
  Reminder,
  Reminders,
  WeekCalendar,
} from '../../domain/followups/followup-views.js';
import { addDaysIso } from '../../domain/followups/followup-schedule.js';
import { daysBetween, mondayOf, reminderStage } from '../../domain/followups/reminder-stage.js';
import { chinaToday } from '../../domain/validation/calendar-date.js';
import { callerCaseScope, mediatorFilterOf } from './case-list-scope.js';
import type { LedgerSession } from './ledger-session.js';

const KIND_LABELS: Readonly<Record<CalendarItemKind, string>> = {
  SESSION: '调解',
  VISIT: '回访',
  CASE_DUE: '调解期限',
  CONFIRMATION_DEADLINE: '司法确认期限',
  COURT_DEADLINE: '法院期限',
};

/** A week holds at most a few hundred items in a busy room; beyond that the list is cut. */
const WEEK_LIMIT = 500;
const REMINDER_LIMIT = 300;

const toItem = (r: DatedRow): CalendarItem => ({
  kind: r.kind,
  date: r.date,
  time: r.time,
  caseId: r.caseId,
  caseNumber: r.caseNumber,
  title: r.title,
  label: `${KIND_LABELS[r.kind]}：${r.detail}`,
});

/** The 工作台's week calendar and the 7/3/1-day reminders (§4.3); a 调解员's own cases only. */
export class TimelinessService {
  constructor(private readonly ledger: LedgerSession) {}

  private today(): string {
    return chinaToday(this.ledger.now());
  }

  week(day: string): WeekCalendar {
    const weekStart = mondayOf(day);
    const weekEnd = addDaysIso(weekStart, 6);
    const db = this.ledger.db();
    const items = datedItems(
      db,
      weekStart,
      weekEnd,
      ['SESSION', 'VISIT', 'CASE_DUE', 'CONFIRMATION_DEADLINE', 'COURT_DEADLINE'],
      WEEK_LIMIT,
      mediatorFilterOf(callerCaseScope(db)),
    ).map(toItem);
    const days = Array.from({ length: 7 }, (_, i) => {
      const date = addDaysIso(weekStart, i);
      return { date, items: items.filter((it) => it.date === date) };
    });
    return { weekStart, days };
  }

  /**
   * Overdue items first (oldest first), then what falls due within 7 days. A confirmation
   * window that has passed is not a task any more, so only coming ones are listed.
   */
  reminders(): Reminders {
    const db = this.ledger.db();
    const today = this.today();
    const cases = mediatorFilterOf(callerCaseScope(db));
    const overdue = datedItems(
      db,
      '0001-01-01',
      addDaysIso(today, -1),
      ['VISIT', 'CASE_DUE', 'COURT_DEADLINE'],
      REMINDER_LIMIT,
      cases,
    );
    const coming = datedItems(
      db,
      today,
      addDaysIso(today, 7),
      ['VISIT', 'CASE_DUE', 'CONFIRMATION_DEADLINE', 'COURT_DEADLINE'],
      REMINDER_LIMIT,
      cases,
    );
    const items: Reminder[] = [...overdue, ...coming].flatMap((r) => {
      const stage = reminderStage(r.date, today);
      if (stage === null || r.kind === 'SESSION') return [];
      const item = toItem(r);
      return [
        {
          kind: r.kind,
          stage,
          date: r.date,
          daysLeft: daysBetween(today, r.date),
          caseId: item.caseId,
          caseNumber: item.caseNumber,
          title: item.title,
          label: item.label,
        },
      ];
    });
    return { today, items: items.slice(0, REMINDER_LIMIT), total: items.length };
  }
}

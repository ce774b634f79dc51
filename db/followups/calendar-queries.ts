import type { CalendarItemKind } from '../../domain/followups/followup-views.js';
import type { Db } from '../connection.js';
import { COURT_MAX_DAYS, COURT_OPEN_STATES_SQL, courtDueSql } from '../cases/court-deadline-sql.js';
import { caseFilterSql, type CaseFilter } from '../cases/case-filter-sql.js';
import { AWAITING_OUTCOME_SQL } from '../cases/ledger-query.js';
import { statement } from '../statement-cache.js';

/**
 * Dated items of the 工作台 calendar and reminders, in [from, to] (ISO dates, inclusive): sessions,
 * planned visits, case due dates (only while the case awaits an outcome, §4.3) and the last day
 * for judicial confirmation of a signed written agreement not yet taken to court, and the
 * court's deadline of a delegated case while the room has no result for the court yet. Only
 * the items of `cases` (a 调解员's own, db/cases/case-filter-sql.ts).
 */
export interface DatedRow {
  kind: CalendarItemKind;
  date: string;
  time: string | null;
  caseId: number;
  caseNumber: string | null;
  title: string;
  detail: string;
}

export function datedItems(
  db: Db,
  from: string,
  to: string,
  kinds: readonly CalendarItemKind[],
  limit: number,
  cases: CaseFilter = null,
): DatedRow[] {
  const parts: string[] = [];
  if (kinds.includes('SESSION')) {
    parts.push(`SELECT 'SESSION' AS kind, substr(s.start_at, 1, 10) AS date,
        substr(s.start_at, 12, 5) AS time, c.id AS caseId, c.case_number AS caseNumber, c.title,
        '第' || s.session_no || '次调解 · ' || s.place AS detail
      FROM session_record s JOIN case_file c ON c.id = s.case_id
      WHERE s.start_at >= @from AND s.start_at < @toNext`);
  }
  if (kinds.includes('VISIT')) {
    parts.push(`SELECT 'VISIT' AS kind, f.due_date AS date, NULL AS time, c.id AS caseId,
        c.case_number AS caseNumber, c.title, f.note AS detail
      FROM followup f JOIN case_file c ON c.id = f.case_id
      WHERE f.status = 'SCHEDULED' AND f.due_date >= @from AND f.due_date <= @to`);
  }
  if (kinds.includes('CASE_DUE')) {
    parts.push(`SELECT 'CASE_DUE' AS kind, c.due_date AS date, NULL AS time, c.id AS caseId,
        c.case_number AS caseNumber, c.title, '调解期限届满' AS detail
      FROM case_file c
      WHERE c.due_date >= @from AND c.due_date <= @to AND c.status IN ${AWAITING_OUTCOME_SQL}`);
  }
  if (kinds.includes('CONFIRMATION_DEADLINE')) {
    parts.push(`SELECT 'CONFIRMATION_DEADLINE' AS kind, a.confirmation_deadline AS date, NULL AS time,
        c.id AS caseId, c.case_number AS caseNumber, c.title,
        '申请司法确认的最后一天（协议 ' || a.number || '）' AS detail
      FROM agreement a JOIN case_file c ON c.id = a.case_id
      WHERE a.confirmation_deadline >= @from AND a.confirmation_deadline <= @to
        AND a.status = 'SIGNED' AND a.kind = 'WRITTEN'
        AND NOT EXISTS (SELECT 1 FROM judicial_confirmation j WHERE j.agreement_id = a.id)`);
  }
  if (kinds.includes('COURT_DEADLINE')) {
    // Computed as courtDeadline() does: the day received + 30, + 30 more once the court
    // consented. That day is at most 60 days before the deadline, so the partial index on it
    // bounds the scan to the window's court cases.
    parts.push(`SELECT 'COURT_DEADLINE' AS kind, d.due AS date, NULL AS time, c.id AS caseId,
        c.case_number AS caseNumber, c.title,
        '法院委派（委托）调解期限届满'
          || CASE WHEN c.court_extended_on IS NULL THEN '' ELSE '（经法院同意已延长）' END
          || coalesce(' · ' || c.court_name, '') AS detail
      FROM (SELECT id, ${courtDueSql('case_file')} AS due
              FROM case_file
             WHERE court_received_on IS NOT NULL
               AND court_received_on >= @courtFrom AND court_received_on <= @to) AS d
      JOIN case_file c ON c.id = d.id
      WHERE d.due >= @from AND d.due <= @to
        AND c.status IN ${COURT_OPEN_STATES_SQL}`);
  }
  if (parts.length === 0) return [];
  const dayMs = 86_400_000;
  const toNext = new Date(Date.parse(`${to}T00:00:00Z`) + dayMs).toISOString().slice(0, 10);
  // '0001-01-01' (every overdue item) stays itself: no court case was received before it.
  const fromMs = Date.parse(`${from}T00:00:00Z`) - COURT_MAX_DAYS * dayMs;
  const courtFrom =
    fromMs > Date.parse('1900-01-01T00:00:00Z')
      ? new Date(fromMs).toISOString().slice(0, 10)
      : from;
  // Every part ends in its WHERE clause on `c`, the case the item belongs to.
  const scope = caseFilterSql(cases, 'c.id');
  const scoped = parts.map((part) => `${part} AND ${scope.sql}`);
  return statement(
    db,
    `${scoped.join(' UNION ALL ')} ORDER BY date, time, caseId LIMIT @limit`,
  ).all({ from, to, toNext: `${toNext}T00:00`, courtFrom, limit, ...scope.params }) as DatedRow[];
}

/** How many items are past their date (overdue visits and cases); for the reminder badge. */
export function overdueTotals(db: Db, today: string): { visits: number; cases: number } {
  const visits = (
    statement(
      db,
      `SELECT count(*) AS n FROM followup WHERE status = 'SCHEDULED' AND due_date < ?`,
    ).get(today) as { n: number }
  ).n;
  const cases = (
    statement(
      db,
      `SELECT count(*) AS n FROM case_file WHERE due_date < ? AND status IN ${AWAITING_OUTCOME_SQL}`,
    ).get(today) as { n: number }
  ).n;
  return { visits, cases };
}

import type { Dashboard, DashboardSession } from '../../domain/cases/case-views.js';
import * as disputeCategories from '../../domain/taxonomy/dispute-categories.js';
import type { Db } from '../connection.js';
import { caseFilterSql, type CaseListFilter } from './case-filter-sql.js';
import { AWAITING_OUTCOME_SQL, ledgerRowFromSql, queryLedgerRows } from './ledger-query.js';

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The first screen of the day (§4.3 reminders): every figure is a query, never a counter. The
 * lists that name cases (today's sessions, due soon, overdue and its count) hold the `cases`
 * of the person asking; the month's figures are the room's, as no case is named in them.
 */
export function loadDashboard(db: Db, today: string, cases: CaseListFilter = null): Dashboard {
  const scope = caseFilterSql(cases, 'c.id');
  const todaySessions = (
    db
      .prepare(
        `SELECT s.id AS sessionId, s.case_id AS caseId, c.case_number AS caseNumber, c.title,
           s.session_no AS sessionNo, s.start_at AS startAt, s.place
         FROM session_record s JOIN case_file c ON c.id = s.case_id
         WHERE s.start_at >= @from AND s.start_at < @to AND ${scope.sql}
         ORDER BY s.start_at LIMIT 100`,
      )
      .all({
        from: `${today}T00:00`,
        to: `${addDays(today, 1)}T00:00`,
        ...scope.params,
      }) as DashboardSession[]
  ).map((s) => ({ ...s }));

  const awaiting = `c.status IN ${AWAITING_OUTCOME_SQL} AND ${scope.sql}`;
  const dueSoon = queryLedgerRows(
    db,
    `c.due_date >= @today AND c.due_date <= @limit AND ${awaiting}`,
    { today, limit: addDays(today, 7), ...scope.params },
    'ORDER BY c.due_date, c.id LIMIT 100',
  ).map((r) => ledgerRowFromSql(r, today));
  const overdue = queryLedgerRows(
    db,
    `c.due_date < @today AND ${awaiting}`,
    { today, ...scope.params },
    'ORDER BY c.due_date, c.id LIMIT 100',
  ).map((r) => ledgerRowFromSql(r, today));
  const overdueCount = (
    db
      .prepare(`SELECT count(*) AS n FROM case_file c WHERE c.due_date < @today AND ${awaiting}`)
      .get({ today, ...scope.params }) as { n: number }
  ).n;

  const month = today.slice(0, 7);
  const monthStart = `${month}-01`;
  const nextMonth = addDays(`${month}-28`, 4).slice(0, 7) + '-01';
  const count = (sql: string, ...args: unknown[]) =>
    (db.prepare(sql).get(...args) as { n: number }).n;
  const intake = count(
    'SELECT count(*) AS n FROM case_file WHERE intake_date >= ? AND intake_date < ?',
    monthStart,
    nextMonth,
  );
  const accepted = count(
    'SELECT count(*) AS n FROM case_file WHERE accepted_date >= ? AND accepted_date < ?',
    monthStart,
    nextMonth,
  );
  // Settlement dates are the transition times; history `at` is an ISO instant (UTC), so the
  // window is shifted to China time (UTC+8).
  const settled = count(
    `SELECT count(DISTINCT case_id) AS n FROM status_history
     WHERE action IN ('SETTLE_WRITTEN', 'SETTLE_ORAL')
       AND at >= strftime('%Y-%m-%dT%H:%M:%fZ', ?, '-8 hours')
       AND at < strftime('%Y-%m-%dT%H:%M:%fZ', ?, '-8 hours')`,
    monthStart,
    nextMonth,
  );
  const byCategory = (
    db
      .prepare(
        `SELECT category, count(*) AS n FROM case_file
         WHERE accepted_date >= ? AND accepted_date < ? GROUP BY category`,
      )
      .all(monthStart, nextMonth) as { category: disputeCategories.Code; n: number }[]
  ).map((r) => ({
    category: r.category,
    label: disputeCategories.labelOf(r.category),
    count: r.n,
  }));

  return {
    today,
    todaySessions,
    dueSoon,
    overdue,
    overdueCount,
    month: { month, intake, accepted, settled, byCategory },
  };
}

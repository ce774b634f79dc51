import type { CaseState } from '../../domain/case-lifecycle.js';
import type { LedgerPage, LedgerRow } from '../../domain/cases/case-views.js';
import { LEDGER_PAGE_SIZE, type LedgerQuery } from '../../domain/cases/ledger-inputs.js';
import * as caseSources from '../../domain/taxonomy/case-sources.js';
import type { Db } from '../connection.js';
import { searchPlan } from '../search/search-tokens.js';
import { isOverdue } from './case-rows.js';

/** States the due date applies to (domain `isAwaitingOutcome`), for SQL. */
export const AWAITING_OUTCOME_SQL = `('ACCEPTED', 'INVESTIGATING', 'MEDIATING', 'REFERRED')`;

/**
 * Beyond this many text hits, the ledger walks its sort index and checks each case against the
 * search index instead of collecting every hit first: a one-character query such as 草 can hit
 * most of the ledger, and sorting all of those would cost more than finding the first 50.
 */
const SPARSE_HIT_LIMIT = 8000;
/** Counting stops here; the table shows "1000+". */
const TOTAL_CAP = 1000;

const ORDER: Record<LedgerQuery['sort'], string> = {
  ACCEPTED_DATE: 'c.accepted_date',
  INTAKE_DATE: 'c.intake_date',
  DUE_DATE: 'c.due_date',
  CASE_NUMBER: 'c.case_number',
};

interface LedgerSqlRow {
  id: number;
  version: number;
  case_number: string | null;
  title: string;
  status: CaseState;
  category: LedgerRow['category'];
  subtype: LedgerRow['subtype'];
  source: LedgerRow['source'];
  risk_level: LedgerRow['riskLevel'];
  intake_date: string;
  accepted_date: string | null;
  due_date: string | null;
  party_names: string;
  mediator_ids: string;
}

export const LEDGER_ROW_COLUMNS = `c.id, c.version, c.case_number, c.title, c.status, c.category,
  c.subtype, c.source, c.risk_level, c.intake_date, c.accepted_date, c.due_date,
  (SELECT json_group_array(name) FROM (SELECT name FROM party p WHERE p.case_id = c.id
     ORDER BY p.sort)) AS party_names,
  (SELECT json_group_array(mediator_id) FROM case_mediator m WHERE m.case_id = c.id)
     AS mediator_ids`;

export function ledgerRowFromSql(r: LedgerSqlRow, today: string): LedgerRow {
  return {
    id: r.id,
    version: r.version,
    caseNumber: r.case_number,
    title: r.title,
    status: r.status,
    category: r.category,
    subtype: r.subtype,
    source: r.source,
    riskLevel: r.risk_level,
    intakeDate: r.intake_date,
    acceptedDate: r.accepted_date,
    dueDate: r.due_date,
    overdue: isOverdue(r.status, r.due_date, today),
    partyNames: JSON.parse(r.party_names) as string[],
    mediatorIds: JSON.parse(r.mediator_ids) as number[],
  };
}

export function queryLedgerRows(
  db: Db,
  where: string,
  params: Record<string, unknown>,
  tail: string,
) {
  return db
    .prepare(`SELECT ${LEDGER_ROW_COLUMNS} FROM case_file c WHERE ${where} ${tail}`)
    .all(params) as LedgerSqlRow[];
}

/**
 * Substring test of one normalised query run against the case's searchable columns, used when
 * the index says the run is everywhere: walking the sort index then finds 50 matching cases
 * within a few hundred rows, where collecting and sorting every hit would not.
 */
function denseRunCondition(param: string): string {
  return `(instr(lower(c.summary), ${param}) > 0 OR instr(lower(c.title), ${param}) > 0
    OR instr(lower(coalesce(c.remarks, '')), ${param}) > 0
    OR instr(lower(coalesce(c.case_number, '')), ${param}) > 0
    OR EXISTS (SELECT 1 FROM party p WHERE p.case_id = c.id AND (instr(lower(p.name), ${param}) > 0
      OR instr(p.phone, ${param}) > 0 OR instr(lower(coalesce(p.id_number, '')), ${param}) > 0
      OR p.name_initials LIKE ${param} || '%'))
    OR EXISTS (SELECT 1 FROM session_record s WHERE s.case_id = c.id AND instr(lower(s.content), ${param}) > 0)
    OR EXISTS (SELECT 1 FROM investigation_record i WHERE i.case_id = c.id AND instr(lower(i.content), ${param}) > 0))`;
}

export function searchLedger(db: Db, q: LedgerQuery, today: string): LedgerPage {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  let dense = false;

  if (q.text !== null) {
    const plan = searchPlan(q.text);
    if (plan.match === null)
      return { rows: [], page: q.page, pageSize: LEDGER_PAGE_SIZE, total: 0, totalIsExact: true };
    const hits = db
      .prepare(
        `SELECT rowid AS id FROM case_search WHERE case_search MATCH ? LIMIT ${SPARSE_HIT_LIMIT + 1}`,
      )
      .all(plan.match) as { id: number }[];
    if (hits.length === 0) {
      return { rows: [], page: q.page, pageSize: LEDGER_PAGE_SIZE, total: 0, totalIsExact: true };
    }
    if (hits.length <= SPARSE_HIT_LIMIT) {
      // Inlined integers (from the index, never from input): SQLite builds a lookup table
      // for a literal IN list, whereas json_each would be rescanned for every candidate row.
      where.push(`c.id IN (${hits.map((h) => Math.trunc(h.id)).join(',')})`);
    } else {
      dense = true;
      plan.runs.forEach((run, i) => {
        params[`run${i}`] = run;
        where.push(denseRunCondition(`@run${i}`));
      });
    }
  }
  if (q.statuses.length === 1) {
    // Equality (not IN) lets SQLite read the (status, accepted_date) index in order.
    params.status = q.statuses[0];
    where.push('c.status = @status');
  } else if (q.statuses.length > 1) {
    params.statuses = JSON.stringify(q.statuses);
    where.push('c.status IN (SELECT value FROM json_each(@statuses))');
  }
  if (q.category !== null) {
    params.category = q.category;
    where.push('c.category = @category');
  }
  if (q.subtype !== null) {
    params.subtype = q.subtype;
    where.push('c.subtype = @subtype');
  }
  if (q.source !== null) {
    const children = caseSources.rows.filter((r) => 'parent' in r && r.parent === q.source);
    params.sources = JSON.stringify([q.source, ...children.map((r) => r.code)]);
    where.push('c.source IN (SELECT value FROM json_each(@sources))');
  }
  if (q.riskLevels.length > 0) {
    params.risks = JSON.stringify(q.riskLevels);
    where.push('c.risk_level IN (SELECT value FROM json_each(@risks))');
  }
  if (q.mediatorId !== null) {
    params.mediator = q.mediatorId;
    where.push(
      'EXISTS (SELECT 1 FROM case_mediator m WHERE m.case_id = c.id AND m.mediator_id = @mediator)',
    );
  }
  if (q.acceptedFrom !== null) {
    params.from = q.acceptedFrom;
    where.push('c.accepted_date >= @from');
  }
  if (q.acceptedTo !== null) {
    params.to = q.acceptedTo;
    where.push('c.accepted_date <= @to');
  }
  if (q.overdueOnly) {
    params.today = today;
    where.push(`c.due_date < @today AND c.status IN ${AWAITING_OUTCOME_SQL}`);
  }
  const whereSql = where.length > 0 ? where.join(' AND ') : '1';
  const dir = q.direction === 'ASC' ? 'ASC' : 'DESC';
  const offset = (q.page - 1) * LEDGER_PAGE_SIZE;
  const rows = queryLedgerRows(
    db,
    whereSql,
    params,
    `ORDER BY ${ORDER[q.sort]} ${dir}, c.id ${dir} LIMIT ${LEDGER_PAGE_SIZE + (dense ? 1 : 0)} OFFSET ${offset}`,
  );
  if (dense) {
    // Counting a query that matches most of the ledger would cost a full scan; the table
    // only needs to know that there is a next page.
    const more = rows.length > LEDGER_PAGE_SIZE;
    const pageRows = rows.slice(0, LEDGER_PAGE_SIZE);
    return {
      rows: pageRows.map((r) => ledgerRowFromSql(r, today)),
      page: q.page,
      pageSize: LEDGER_PAGE_SIZE,
      total: offset + pageRows.length + (more ? 1 : 0),
      totalIsExact: !more,
    };
  }
  const counted = (
    db
      .prepare(
        `SELECT count(*) AS n FROM (SELECT 1 FROM case_file c WHERE ${whereSql} LIMIT ${TOTAL_CAP + 1})`,
      )
      .get(params) as { n: number }
  ).n;
  return {
    rows: rows.map((r) => ledgerRowFromSql(r, today)),
    page: q.page,
    pageSize: LEDGER_PAGE_SIZE,
    total: Math.min(counted, TOTAL_CAP),
    totalIsExact: counted <= TOTAL_CAP,
  };
}

import type { CaseState } from '../../domain/case-lifecycle.js';
import type { LedgerPage, LedgerRow } from '../../domain/cases/case-views.js';
import { LEDGER_PAGE_SIZE, type LedgerQuery } from '../../domain/cases/ledger-inputs.js';
import { maskPhonesInText } from '../../domain/cases/phones-in-text.js';
import {
  addressCutsOf,
  cutAddresses,
  hiddenAddressPartsOf,
  type AddressCut,
} from '../../domain/cases/addresses-in-text.js';
import * as caseSources from '../../domain/taxonomy/case-sources.js';
import type { Statement } from 'better-sqlite3-multiple-ciphers';
import { searchTermsOf } from '../../domain/taxonomy/dispute-categories.js';
import type { Db } from '../connection.js';
import { maskIdNumber } from '../../domain/cases/change-history.js';
import { holdsDigitForm } from '../search/digit-forms.js';
import { searchPlan } from '../search/search-tokens.js';
import { digitSuffixesReady } from '../search/search-rebuild-state.js';
import { caseAddressesSql } from './case-addresses.js';
import { isOverdue } from './case-rows.js';
import { bitmapOfIdList } from './id-list-bitmap.js';
import { COURT_OPEN_STATES_SQL, courtDueSql } from './court-deadline-sql.js';

/** States the due date applies to (domain `isAwaitingOutcome`), for SQL. */
export const AWAITING_OUTCOME_SQL = `('ACCEPTED', 'INVESTIGATING', 'MEDIATING', 'REFERRED')`;

/** Counting stops here; the table shows "1000+". */
const TOTAL_CAP = 1000;

/**
 * Newest cases a lone digit's count reads before it turns to the index (searchLedger): a digit
 * in most cases reaches the cap within ~1,000; one this rare costs the index little.
 */
const SCAN_ROWS = 4000;

/**
 * Prepared statements by SQL text, per connection. The ledger's SQL varies only with the
 * filters and sort chosen (values are bound), so a few dozen texts cover every screen, and
 * compiling them again cost as much as a fast page query.
 */
const statementCache = new WeakMap<Db, Map<string, Statement>>();
const STATEMENT_CACHE_SIZE = 200;

function prepared(db: Db, sql: string): Statement {
  let cache = statementCache.get(db);
  if (cache === undefined) {
    cache = new Map();
    statementCache.set(db, cache);
  }
  let statement = cache.get(sql);
  if (statement === undefined) {
    statement = db.prepare(sql);
    if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(sql, statement);
  }
  return statement;
}

/** The index that reads each sort in order (003-case-ledger.ts). */
const SORT_INDEX: Record<LedgerQuery['sort'], string> = {
  ACCEPTED_DATE: 'case_file_accepted',
  INTAKE_DATE: 'case_file_intake',
  DUE_DATE: 'case_file_due',
  CASE_NUMBER: 'case_file_number',
};

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
  return prepared(db, `SELECT ${LEDGER_ROW_COLUMNS} FROM case_file c WHERE ${where} ${tail}`).all(
    params,
  ) as LedgerSqlRow[];
}

/**
 * How a check reads a case's texts: `'whole'` as stored; `'asRead'` as another mediator's read
 * of the case shows them (review SC2/MA3): its phone and own-script address fields not at all,
 * its free texts (facts, requests, remarks, records) with their phone numbers masked and its
 * parties' stored addresses cut as maskContacts does; names, case numbers and ID numbers as
 * stored.
 */
type TextsRead = 'whole' | 'asRead';

/** The case's addresses its read cuts from its free texts (MA4; s33: former, investigated). */
const CASE_ADDRESSES = `(SELECT json_group_array(a) FROM (${caseAddressesSql('c.id')}))`;

/**
 * How a check compares: `letters` folds case (lower() copies the text, so only a run with
 * Latin letters asks for it); `loneDigit` also accepts the digit's other forms the index folds
 * by NFKC (４, ①: digit-forms.ts) and reads ID numbers as every list shows them (maskIdNumber:
 * the first six and last four), so typing one digit does not tell which hidden digits an ID
 * number holds.
 */
interface RunKind {
  readonly letters: boolean;
  readonly loneDigit: boolean;
  /** Digits only: found mostly in phone, ID and case numbers. */
  readonly digits: boolean;
}

/**
 * Substring test of one normalised query run against every text the search index holds
 * (db/search/case-search-index.ts lists the same). The index keeps no positions, so a run of
 * three or more characters is first narrowed to the cases holding all of its bigrams, and this
 * decides among those few: "放牧越界" must not match a case that says "越界放牧". SQLite's
 * lower() folds ASCII only, which is all the index folds beyond NFKC on input. `contacts`
 * false leaves out the texts a read of another's case masks (the parties' and their
 * representatives' phones, the own-script address: masked-contacts.ts).
 */
function textContains(param: string, kind: RunKind, read: TextsRead = 'whole'): string {
  const { letters, loneDigit } = kind;
  const plain = (column: string) =>
    letters ? `instr(lower(${column}), ${param}) > 0` : `instr(${column}, ${param}) > 0`;
  // the form is looked for only in a text without the ASCII digit
  const has = (column: string) =>
    loneDigit ? `(${plain(column)} OR digit_form(${column}, ${param}))` : plain(column);
  // Case numbers are written by us, in ASCII digits.
  const number = (column: string) => plain(column);
  const idNumber = (column: string) =>
    loneDigit ? has(`shown_id_number(${column})`) : has(column);
  const contact = (column: string) => (read === 'whole' ? ` OR ${has(column)}` : '');
  // masking runs only on a text that holds the run as stored (few, as the index narrowed them)
  const free = (column: string) =>
    read === 'whole'
      ? has(column)
      : `(${has(column)} AND ${has(`masked_text(${column}, ${CASE_ADDRESSES}, ${param})`)})`;
  const asStored = [
    plain('case_terms(c.category, c.subtype)'),
    number('c.case_number'),
    `EXISTS (SELECT 1 FROM party pa WHERE pa.case_id = c.id AND (${has('pa.name')}
      ${contact('pa.phone')} OR ${idNumber('pa.id_number')} OR ${has('pa.social_credit_code')}
      OR ${has('pa.legal_rep_name')} OR ${has('pa.own_script_name')}
      ${contact('pa.own_script_address')}))`,
    `EXISTS (SELECT 1 FROM party_representative r JOIN party rp ON rp.id = r.party_id
      WHERE rp.case_id = c.id AND (${has('r.name')}${contact('r.phone')}))`,
    `EXISTS (SELECT 1 FROM invited_participant ip WHERE ip.case_id = c.id AND ${has('ip.name')})`,
    `EXISTS (SELECT 1 FROM case_number n WHERE n.case_id = c.id AND ${number('n.number')})`,
  ];
  const freeTexts = [
    free('c.summary'),
    free('c.title'),
    free('c.requests_json'),
    free('c.remarks'),
    `EXISTS (SELECT 1 FROM session_record s WHERE s.case_id = c.id
      AND (${free('s.content')} OR ${free('s.place')} OR ${free('s.subject')}))`,
    `EXISTS (SELECT 1 FROM investigation_record iv WHERE iv.case_id = c.id
      AND (${free('iv.content')} OR ${free('iv.place')}))`,
  ];
  // Read as another's, the texts needing no masking go first: a name's hit (王) spares the
  // masking of every free text that holds it too. Digits are mostly in the parties' numbers:
  // those go first too, and the code tables' words (a JS call per case) last.
  const [terms, ...numbered] = asStored;
  const order =
    read === 'whole' && !kind.digits
      ? [...freeTexts, ...asStored]
      : kind.digits
        ? [...numbered, ...freeTexts, terms]
        : [...asStored, ...freeTexts];
  return `(${order.join('\n    OR ')})`;
}

/**
 * A run of Latin letters only (wf → 王芳's pinyin initials, found by the index alone) is part of
 * no phone and of no stored address (Chinese or own-script): it needs no read as another's.
 */
const LATIN_ONLY = /^[a-z]+$/u;

/**
 * Membership of the current query's index hits, as a bitmap read by the SQL function
 * `ledger_hit(slot, id)`: walking a sort index and asking the bitmap costs a fraction of a
 * microsecond per row, where an IN list of thousands of ids must be built and sorted first.
 * better-sqlite3-multiple-ciphers is synchronous, so one query at a time uses the slots.
 */
const hitSlots: { readonly bits: Uint8Array; readonly first: number }[] = [];

/** The cuts of the addresses last asked for: one case's texts are read one after another. */
let lastCuts: {
  readonly addresses: string;
  readonly cuts: readonly AddressCut[];
  readonly hidden: readonly string[];
} | null = null;

function addressCutsFor(addresses: string) {
  if (lastCuts?.addresses !== addresses) {
    const list = (JSON.parse(addresses) as (string | null)[]).filter(
      (a): a is string => typeof a === 'string',
    );
    lastCuts = { addresses, cuts: addressCutsOf(list), hidden: hiddenAddressPartsOf(list) };
  }
  return lastCuts;
}

/**
 * A free text as another mediator's read shows it, for the search run `run`; none at all when
 * the run (2+ characters) lies inside the hidden part of one of the case's addresses (s33, the
 * rule s32-mask left: 西街村 of 威远镇西街村3社12号 written into the facts in part, which no cut
 * finds, must not tell which case that party's is). Its names, numbers and matters still match.
 */
function maskedText(text: unknown, addresses: unknown, run: unknown): unknown {
  if (typeof text !== 'string') return text;
  const { cuts, hidden } = addressCutsFor(String(addresses));
  const r = String(run);
  if ([...r].length >= 2 && hidden.some((part) => part.includes(r))) return '';
  return cutAddresses(maskPhonesInText(text), cuts);
}
const withHitFunction = new WeakSet<Db>();

function useHitSlots(db: Db): void {
  if (withHitFunction.has(db)) return;
  db.function('ledger_hit', { deterministic: false, directOnly: true }, (slot, id) => {
    const hits = hitSlots[Number(slot)];
    return hits !== undefined && hits.bits[Number(id) - hits.first] === 1 ? 1 : 0;
  });
  // The code-table words of a category (see refreshCaseSearch), for the substring check.
  db.function('case_terms', { deterministic: true, directOnly: true }, (category, subtype) =>
    searchTermsOf(String(category), typeof subtype === 'string' ? subtype : null),
  );
  // A free text as another mediator's read shows it (textContains' 'asRead'), given its
  // case's addresses as a JSON array and the search run.
  db.function('masked_text', { deterministic: true, directOnly: true }, maskedText);
  // A lone digit's other forms, and an ID number as lists show it (textContains' RunKind).
  db.function('digit_form', { deterministic: true, directOnly: true }, (text, digit) =>
    typeof text === 'string' && holdsDigitForm(text, String(digit)) ? 1 : 0,
  );
  db.function('shown_id_number', { deterministic: true, directOnly: true }, (id) =>
    typeof id === 'string' ? maskIdNumber(id) : id,
  );
  withHitFunction.add(db);
}

/**
 * The index hits as a bitmap. The list is built inside SQLite: returning 16,000 rows one by
 * one to JS cost more than the index lookup itself.
 */
function indexHitBitmap(db: Db, match: string) {
  const bits = bitmapOfIdList(
    prepared(db, 'SELECT group_concat(rowid) FROM case_search WHERE case_search MATCH ?')
      .pluck()
      .get(match) as string | null,
  );
  return { bits, first: 0 };
}

const emptyPage = (page: number): LedgerPage => ({
  rows: [],
  page,
  pageSize: LEDGER_PAGE_SIZE,
  total: 0,
  totalIsExact: true,
});

/** The non-text filters of the ledger as SQL on `case_file c`. */
function filterSql(q: LedgerQuery, today: string, registrarAccountId: number | null) {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (registrarAccountId !== null) {
    // A 登记员's own intakes (not a filter of the query: the caller's scope), read from
    // case_file_registrar when the sort walk does not fill the page.
    params.registrar = registrarAccountId;
    where.push('c.registrar_account_id = @registrar');
  }
  // Bound lists as `IN (@a, @b)`, not json_each: SQLite then knows how many values there are
  // and can walk a sort index instead of sorting the whole ledger.
  const inList = (column: string, name: string, values: readonly unknown[]) => {
    values.forEach((v, i) => (params[`${name}${i}`] = v));
    where.push(`${column} IN (${values.map((_, i) => `@${name}${i}`).join(', ')})`);
  };
  if (q.statuses.length === 1) {
    // Equality (not IN) lets SQLite read the (status, accepted_date) index in order.
    params.status = q.statuses[0];
    where.push('c.status = @status');
  } else if (q.statuses.length > 1) {
    inList('c.status', 'status', q.statuses);
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
    const sources = [q.source, ...children.map((r) => r.code)];
    if (sources.length === 1) {
      params.source = q.source;
      where.push('c.source = @source');
    } else {
      inList('c.source', 'source', sources);
    }
  }
  if (q.riskLevels.length > 0) inList('c.risk_level', 'risk', q.riskLevels);
  if (q.mediatorId !== null) {
    params.mediator = q.mediatorId;
    // A lookup per row (case_mediator's key), not `c.id IN (SELECT …)`: that list is built in
    // full on every run, 25,000 ids for a busy mediator. Counting and sorting a mediator's
    // cases start from case_mediator_by_mediator instead (`mediatorFrom`).
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
  if (q.courtCases === 'DELEGATED' || q.courtCases === 'ENTRUSTED') {
    params.courtKind = q.courtCases;
    where.push('c.court_kind = @courtKind');
  } else if (q.courtCases !== null) {
    // `court_received_on IS NOT NULL` is the partial index's own condition, so it is usable.
    where.push('c.court_received_on IS NOT NULL');
    if (q.courtCases === 'OVERDUE') {
      // As courtDeadline() counts it; the case page calls such a case overdue too.
      params.today = today;
      where.push(`${courtDueSql('c')} < @today AND c.status IN ${COURT_OPEN_STATES_SQL}`);
    }
  }
  // The mediator's own cases as the rows to count or sort (`c.id` comes from the index).
  const from =
    q.mediatorId === null
      ? 'case_file c'
      : 'case_mediator mm CROSS JOIN case_file c ON c.id = mm.case_id AND mm.mediator_id = @mediator';
  return { where, params, from };
}

/**
 * Rows of the sort order a walk may read before giving up on it. A walk pays off when matching
 * cases are spread through the sort order; when a filter is tied to the sort (open cases are
 * recent, a date range is one stretch of the ledger) the first page may lie thousands of rows
 * in, and reading the filter's own matches and sorting them is then the cheaper plan.
 */
const WALK_BUDGET = 2000;

/**
 * The ids of one page, in order, or null when `walk` gave up. Only ids are sorted here: the
 * page's 50 rows (with their party and mediator subqueries) are read afterwards, never the
 * thousands a sort may have to look at.
 *
 * - `walk`: read at most `budget` rows of the sort index, in order, and keep those matching.
 *   If the page fills within them it is exactly the page an unbounded walk would return.
 * - `filter`: let SQLite read the matches through the filters' indexes (or `from`, the text
 *   hits) and sort them; `+column` keeps it from walking the sort index instead, which its
 *   statistics cannot tell apart when the filter is tied to the sort order.
 */
function pageIds(
  db: Db,
  q: LedgerQuery,
  conditions: readonly string[],
  params: Record<string, unknown>,
  how:
    { plan: 'walk'; budget: number; range: readonly string[] } | { plan: 'filter'; from: string },
): number[] | null {
  const dir = q.direction === 'ASC' ? 'ASC' : 'DESC';
  const offset = (q.page - 1) * LEDGER_PAGE_SIZE;
  const where = conditions.length > 0 ? conditions.join(' AND ') : '1';
  const tail = `LIMIT ${LEDGER_PAGE_SIZE} OFFSET ${offset}`;
  const column = ORDER[q.sort].slice(2);
  if (how.plan === 'filter') {
    return prepared(
      db,
      `SELECT c.id FROM ${how.from} WHERE ${where}
       ORDER BY +c.${column} ${dir}, c.id ${dir} ${tail}`,
    )
      .pluck()
      .all(params) as number[];
  }
  // Hit tests read the walk's own id, so SQLite asks them before it reads the case row.
  const walkWhere = where.replace(/ledger_hit\((\d+), c\.id\)/g, 'ledger_hit($1, w.id)');
  const range = how.range;
  const ids = prepared(
    db,
    `SELECT w.id FROM (SELECT id, ${column} AS k FROM case_file INDEXED BY ${SORT_INDEX[q.sort]}
       ${range.length > 0 ? `WHERE ${range.join(' AND ')}` : ''}
       ORDER BY ${column} ${dir}, id ${dir} LIMIT ${how.budget}) w
     CROSS JOIN case_file c ON c.id = w.id
     WHERE ${walkWhere} ORDER BY w.k ${dir}, w.id ${dir} ${tail}`,
  )
    .pluck()
    .all(params) as number[];
  if (ids.length === LEDGER_PAGE_SIZE) return ids;
  // A short page is the true end only when the walk read the whole ledger.
  const last = (prepared(db, 'SELECT max(id) FROM case_file').pluck().get() as number | null) ?? 0;
  return how.budget >= last ? ids : null;
}

/**
 * Bounds of the walk's index implied by an accepted-date range: on the accepted-date walk the
 * range is where the walk starts and stops; on the intake-date walk its end is a bound too
 * (intake ≤ accepted, a CHECK of case_file).
 */
function walkRange(q: LedgerQuery, keysOnly = false): string[] {
  const range: string[] = [];
  if (q.sort === 'ACCEPTED_DATE' && q.acceptedFrom !== null) range.push('accepted_date >= @from');
  if (q.sort === 'ACCEPTED_DATE' && q.acceptedTo !== null) range.push('accepted_date <= @to');
  if (q.sort === 'INTAKE_DATE' && q.acceptedTo !== null) range.push('intake_date <= @to');
  if (keysOnly) range.push(`${ORDER[q.sort].slice(2)} IS NOT NULL`);
  return range;
}

/** The page's rows, read by id and put back in the order of `ids`. */
function rowsOf(db: Db, ids: readonly number[]): LedgerSqlRow[] {
  if (ids.length === 0) return [];
  const rows = queryLedgerRows(
    db,
    'c.id IN (SELECT value FROM json_each(@ids))',
    {
      ids: JSON.stringify(ids),
    },
    '',
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is LedgerSqlRow => r !== undefined);
}

const FROM_INDEX = 'case_search CROSS JOIN case_file c ON c.id = case_search.rowid';

/**
 * The text's conditions: the index's match (`@match`) and substring checks for the runs the
 * index only narrows down (a pinyin/identifier prefix hit of such a run is exact and skips the
 * check), their values put in `params` and their hit lists in the hit slots. `scanFirst`: every
 * run is a lone digit, which the checks decide alone (read in sort order, `@match` the
 * fallback). Null: nothing can match.
 */
function textChecks(
  db: Db,
  text: string,
  params: Record<string, unknown>,
  contactsOf: number | null,
): { readonly checks: string[]; readonly scanFirst: boolean } | null {
  const plan = searchPlan(text, digitSuffixesReady(db));
  if (plan.match === null) return null;
  params.match = plan.match;
  useHitSlots(db);
  hitSlots.length = 0;
  const checks: string[] = [];
  plan.runPlans.forEach((run, i) => {
    const kind = {
      letters: /[a-z]/.test(run.text),
      loneDigit: run.loneDigit,
      digits: /^[0-9]+$/.test(run.text),
    };
    let whole: string | null = null;
    if (!run.exact) {
      params[`run${i}`] = run.text;
      whole = textContains(`@run${i}`, kind);
      if (run.exactPart !== null) {
        hitSlots[i + 1] = indexHitBitmap(db, run.exactPart);
        whole = `(ledger_hit(${i + 1}, c.id) OR ${whole})`;
      }
    }
    if (contactsOf !== null && !LATIN_ONLY.test(run.text)) {
      // Reviews SC2/MA3/MA4: a phone or an address typed into the room's search must not tell
      // which case holds it. The searcher's own cases match as anyone's do; the others only
      // where their texts, as their page shows them, hold the run.
      params[`run${i}`] = run.text;
      params.contactsOf = contactsOf;
      const own = `EXISTS (SELECT 1 FROM case_mediator fm WHERE fm.case_id = c.id
        AND fm.mediator_id = @contactsOf)`;
      const ownMatch = whole === null ? own : `(${own} AND ${whole})`;
      checks.push(`(${ownMatch} OR ${textContains(`@run${i}`, kind, 'asRead')})`);
      return;
    }
    if (whole !== null) checks.push(whole);
  });
  return { checks, scanFirst: plan.scanFirst };
}

/**
 * The cases with ids in [lo, hi] that `q` matches, counted without a cap: the exact total is
 * counted slice by slice, so a search typed meanwhile waits for one slice, not for the whole
 * count (37,000 matches of 139 took ~700 ms at 100,000 cases). Each slice sets up its own
 * hit lists: another search may have used them between two slices. `contactsOf` as for
 * searchLedger.
 */
export function countLedgerSlice(
  db: Db,
  q: LedgerQuery,
  today: string,
  registrarAccountId: number | null,
  lo: number,
  hi: number,
  contactsOf: number | null = null,
): number {
  const { where, params, from } = filterSql(q, today, registrarAccountId);
  // BigInt binds as INTEGER, which FTS5 seeks by as a rowid range (see searchLedger).
  Object.assign(params, { lo: BigInt(lo), hi: BigInt(hi) });
  const count = (conditions: readonly string[], source: string) =>
    prepared(db, `SELECT count(*) FROM ${source} WHERE ${conditions.join(' AND ')}`)
      .pluck()
      .get(params) as number;
  if (q.text === null) return count(['c.id BETWEEN @lo AND @hi', ...where], from);
  const text = textChecks(db, q.text, params, contactsOf);
  if (text === null) return 0;
  // A lone digit's slice is read, not asked of the index: "1"* costs as much for 5,000 ids.
  if (text.scanFirst) return count(['c.id BETWEEN @lo AND @hi', ...where, ...text.checks], from);
  return count(
    ['case_search MATCH @match', 'case_search.rowid BETWEEN @lo AND @hi', ...where, ...text.checks],
    FROM_INDEX,
  );
}

/** The highest case id: the end of the last slice an exact count reads. */
export function lastCaseId(db: Db): number {
  return (prepared(db, 'SELECT max(id) FROM case_file').pluck().get() as number | null) ?? 0;
}

/**
 * One page of the ledger: the non-text filters, the search text, a sort, and the number of
 * matching cases counted up to TOTAL_CAP.
 *
 * Plan: when the filters keep at most TOTAL_CAP cases (the count says so), their matches are
 * read and sorted. When they keep more, the sort order is walked for up to WALK_BUDGET rows
 * (more for deep pages); only if that does not fill the page (the filter is correlated with the
 * sort) are the matches read and sorted after all. Text goes to the search index first; its
 * hits are then one more filter, read from the hit list when sorting them is cheap.
 *
 * `contactsOf`: a 调解员 searching the room (全部案件（只读）) reads in full the contacts of
 * the cases of this mediator only; in the others every run (but pinyin-like Latin letters) must be found in their texts as
 * their page shows them (textContains' 'asRead': no contact fields, free texts with their
 * phones masked and their parties' addresses cut), so the search does not name the case
 * holding a phone or an address its page masks. Names, case numbers and ID numbers keep
 * matching as stored: ID numbers are masked for everyone and searched by everyone within their
 * lists.
 */
export function searchLedger(
  db: Db,
  q: LedgerQuery,
  today: string,
  registrarAccountId: number | null = null,
  contactsOf: number | null = null,
): LedgerPage {
  const { where, params, from } = filterSql(q, today, registrarAccountId);
  const offset = (q.page - 1) * LEDGER_PAGE_SIZE;
  const dir = q.direction === 'ASC' ? 'ASC' : 'DESC';
  const budget = Math.max(WALK_BUDGET, 4 * (offset + LEDGER_PAGE_SIZE));
  const result = (ids: readonly number[], total: number, exact: boolean): LedgerPage => ({
    rows: rowsOf(db, ids).map((r) => ledgerRowFromSql(r, today)),
    page: q.page,
    pageSize: LEDGER_PAGE_SIZE,
    total,
    totalIsExact: exact,
  });
  // The first answer counts up to the cap (fast whatever matches); the ledger then asks again
  // with exactTotal for the real number, so every page can be reached.
  const cap = q.exactTotal ? Number.MAX_SAFE_INTEGER - 1 : TOTAL_CAP;
  const cappedCount = (conditions: readonly string[], from = 'case_file c') => {
    const n = (
      prepared(
        db,
        `SELECT count(*) AS n FROM (SELECT 1 FROM ${from}
         WHERE ${conditions.length > 0 ? conditions.join(' AND ') : '1'} LIMIT ${cap + 1})`,
      ).get(params) as { n: number }
    ).n;
    // `many` chooses the plan; it must not change with exactTotal, or the exact answer would
    // sort every match instead of walking the sort order.
    return { total: Math.min(n, cap), exact: n <= cap, many: n > TOTAL_CAP };
  };
  // An accepted-date range is one stretch of every sort order (intake ≤ accepted ≤ due, and
  // numbers run by year): when more than a walk's budget of cases lie before that stretch in
  // the walk's direction, the walk cannot succeed, so it is not tried. Counted in the
  // accepted-date index alone, stopping at the budget.
  const rangeAhead = (): number => {
    const bound = q.direction === 'DESC' ? q.acceptedTo : q.acceptedFrom;
    // The accepted-date walk, and the intake-date walk down from the range's end, start in it.
    if (bound === null || q.sort === 'ACCEPTED_DATE') return 0;
    if (q.sort === 'INTAKE_DATE' && q.direction === 'DESC') return 0;
    const op = q.direction === 'DESC' ? '>' : '<';
    return prepared(
      db,
      `SELECT count(*) FROM (SELECT 1 FROM case_file WHERE accepted_date ${op} ? LIMIT ?)`,
    )
      .pluck()
      .get(bound, budget) as number;
  };
  /**
   * Cases without the sort's key (not yet accepted: no accepted date, due date or number) come
   * first in ascending order, and they are spread over the whole ledger, so the window of ids
   * a walk reads hits from spanned every hit (all 16,700 of 草场). When none of them passes the
   * other filters (closed cases have all three keys) the walk may start after them: the rows
   * it skips could not be on the page. Asked of the filters, not assumed from the states.
   */
  const emptyKeysCannotMatch = (): boolean => {
    if (q.direction !== 'ASC' || q.sort === 'INTAKE_DATE') return false;
    return (
      prepared(
        db,
        `SELECT 1 FROM case_file c WHERE ${[`${ORDER[q.sort]} IS NULL`, ...where].join(' AND ')}
         LIMIT 1`,
      )
        .pluck()
        .get(params) === undefined
    );
  };
  // The walk reads its whole window (its ids are sorted again, see pageIds), so a short
  // window is tried first: with a quarter of the rows matching it already fills the page.
  const walk = (conditions: readonly string[], range = walkRange(q)) =>
    pageIds(db, q, conditions, params, {
      plan: 'walk',
      budget: 4 * (offset + LEDGER_PAGE_SIZE),
      range,
    }) ??
    (budget > 4 * (offset + LEDGER_PAGE_SIZE)
      ? pageIds(db, q, conditions, params, { plan: 'walk', budget, range })
      : null);
  /** Walk first when the matches are many, else (or when the walk gives up) sort them. */
  const ids = (conditions: readonly string[], many: boolean, from = 'case_file c') =>
    (many && rangeAhead() < budget ? walk(conditions) : null) ??
    (pageIds(db, q, conditions, params, { plan: 'filter', from }) as number[]);

  if (q.text === null) {
    const { total, exact, many } = cappedCount(where, from);
    return result(ids(where, many, from), total, exact);
  }

  const text = textChecks(db, q.text, params, contactsOf);
  if (text === null) return emptyPage(q.page);
  const { checks } = text;
  if (text.scanFirst) {
    // A lone digit: most cases hold it, so the newest ledger rows are read and checked until
    // the cap is reached, and the page is walked in sort order. Only when the digit is rare
    // (the cap not reached within SCAN_ROWS of a larger ledger) or the walk gives up does the
    // index narrow them after all.
    const scanned = [...where, ...checks];
    const rows = q.exactTotal ? Number.MAX_SAFE_INTEGER : SCAN_ROWS;
    const { total, exact, many } = cappedCount(
      scanned,
      `(SELECT id FROM case_file ORDER BY id DESC LIMIT ${rows}) s
       CROSS JOIN case_file c ON c.id = s.id`,
    );
    const wholeLedgerRead = rows >= lastCaseId(db);
    if (many || wholeLedgerRead) {
      if (total === 0) return emptyPage(q.page);
      const walked = many && rangeAhead() < budget ? walk(scanned) : null;
      if (walked !== null) return result(walked, total, exact);
      if (wholeLedgerRead) {
        return result(
          pageIds(db, q, scanned, params, { plan: 'filter', from }) ?? [],
          total,
          exact,
        );
      }
    }
  }

  // Counted and (when few) sorted straight from the index's hits, in rowid order: the count
  // stops at the cap, so a word found in most cases (调解) costs no more than a rare one.
  const inIndex = ['case_search MATCH @match', ...where, ...checks];
  const { total, exact, many } = cappedCount(inIndex, FROM_INDEX);
  if (total === 0) return emptyPage(q.page);
  if (many && rangeAhead() < budget) {
    // Many matches: walk the sort order, asking a bitmap of the hits among the rows the walk
    // may read. Those rows' ids lie close together (cases are entered in date order), so
    // only that stretch of each hit list is read, not all 80,000 hits of 调解.
    const range = walkRange(q, emptyKeysCannotMatch());
    const window = prepared(
      db,
      `SELECT min(id) AS lo, max(id) AS hi FROM (SELECT id FROM case_file
         INDEXED BY ${SORT_INDEX[q.sort]} ${range.length > 0 ? `WHERE ${range.join(' AND ')}` : ''}
         ORDER BY ${ORDER[q.sort].slice(2)} ${dir}, id ${dir} LIMIT ${budget})`,
    ).get(params) as { lo: number | null; hi: number | null };
    const first = window.lo ?? 0;
    const bits = bitmapOfIdList(
      prepared(
        db,
        `SELECT group_concat(rowid) FROM case_search
         WHERE case_search MATCH @match AND rowid BETWEEN @lo AND @hi`,
      )
        .pluck()
        // BigInt binds as INTEGER: FTS5 seeks a rowid range only when given integers (a
        // JS number binds as REAL, and then every hit was read: 5 ms instead of 0.4).
        .get({
          match: params.match,
          lo: BigInt(first),
          hi: BigInt(window.hi ?? 0),
        }) as string | null,
      first,
    );
    hitSlots[0] = { bits, first };
    const walked = walk(['ledger_hit(0, c.id)', ...where, ...checks], range);
    if (walked !== null) return result(walked, total, exact);
  }
  const sorted = pageIds(db, q, inIndex, params, { plan: 'filter', from: FROM_INDEX }) as number[];
  return result(sorted, total, exact);
}

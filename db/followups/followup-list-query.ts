import type { FollowUpBucket } from '../../domain/followups/followup-input.js';
import { FOLLOWUP_BUCKETS } from '../../domain/followups/followup-input.js';
import type { CaseFilter } from '../cases/case-filter-sql.js';
import type { Db } from '../connection.js';
import { statement } from '../statement-cache.js';
import { rowsChangedSinceOpen } from '../wal-checkpoint.js';
import { FOLLOWUP_COLUMNS, type FollowUpRow } from './followup-rows.js';

/**
 * The 回访 list: one tab's page and the five tabs' counts (budget 10 ms at 100,000 cases and
 * 30,000 planned visits, issue 9).
 *
 * - Each tab is a range of a partial index (migration 019) walked in its own order, so a page
 *   reads the page and the rows before it, never the whole tab.
 * - The filters (a mediator, a case number or title fragment) become a set of case ids first,
 *   kept as a bitmap that SQL reads through `followup_case_hit(id)` on the index entry: no
 *   join to the case table per visit.
 * - Counts and case sets are kept until the ledger changes. The stamp is this connection's
 *   `rowsChangedSinceOpen` (every insert, update and delete it made, triggers included) with
 *   `data_version` (commits by any other connection), so a stale count is never served; a tab
 *   switch or a page turn then costs the page alone.
 */

export interface FollowUpFilter {
  readonly visitorId: number | null;
  readonly text: string | null;
  /** Whose cases' visits (a 调解员's own, db/cases/case-filter-sql.ts); absent: the room's. */
  readonly cases?: CaseFilter;
}

type Counts = Record<FollowUpBucket, number>;

interface ListCache {
  stamp: string;
  readonly caseSets: Map<string, Uint8Array>;
  readonly counts: Map<string, Counts>;
}

const caches = new WeakMap<Db, ListCache>();
/** The case set the next statement reads; better-sqlite3-multiple-ciphers runs one statement at a time. */
let current: Uint8Array | null = null;
const withHitFunction = new WeakSet<Db>();

function cacheOf(db: Db): ListCache {
  const version = statement(db, 'PRAGMA data_version').get() as { data_version: number };
  const stamp = `${rowsChangedSinceOpen(db)}:${version.data_version}`;
  let cache = caches.get(db);
  if (cache === undefined || cache.stamp !== stamp) {
    cache = { stamp, caseSets: new Map(), counts: new Map() };
    caches.set(db, cache);
  }
  return cache;
}

function useHitFunction(db: Db): void {
  if (withHitFunction.has(db)) return;
  db.function('followup_case_hit', { deterministic: false, directOnly: true }, (id) =>
    current?.[Number(id)] === 1 ? 1 : 0,
  );
  withHitFunction.add(db);
}

const filterKey = (f: FollowUpFilter) => JSON.stringify([f.visitorId, f.text, f.cases ?? null]);

function bitmapOf(ids: readonly number[]): Uint8Array {
  let max = 0;
  for (const id of ids) if (id > max) max = id;
  const bits = new Uint8Array(max + 1);
  for (const id of ids) bits[id] = 1;
  return bits;
}

function idsBitmap(db: Db, sql: string, params: Record<string, unknown>): Uint8Array {
  // One JSON array out of SQLite: handing 100,000 ids over one row at a time cost five times more.
  const row = statement(db, sql).get(params) as { ids: string };
  return bitmapOf(JSON.parse(row.ids) as number[]);
}

/** The cases a filter keeps, or null when it keeps every case. */
function caseSet(db: Db, cache: ListCache, f: FollowUpFilter): Uint8Array | null {
  const cases = f.cases ?? null;
  if (f.visitorId === null && f.text === null && cases === null) return null;
  const key = filterKey(f);
  const known = cache.caseSets.get(key);
  if (known !== undefined) return known;
  let bits: Uint8Array;
  if (cases !== null) {
    // The scope's cases are a mediator's cases, the set the visitor filter reads; an unlinked
    // account has none.
    const own =
      cases.mediatorId === null
        ? new Uint8Array()
        : (caseSet(db, cache, { visitorId: cases.mediatorId, text: null }) ?? new Uint8Array());
    const asked = caseSet(db, cache, { ...f, cases: null });
    bits = asked === null ? own : own.map((v, i) => v & (asked[i] ?? 0));
  } else if (f.visitorId !== null && f.text !== null) {
    const mine = caseSet(db, cache, { visitorId: f.visitorId, text: null }) ?? new Uint8Array();
    const named = caseSet(db, cache, { visitorId: null, text: f.text }) ?? new Uint8Array();
    bits = mine.map((v, i) => v & (named[i] ?? 0));
  } else if (f.visitorId !== null) {
    // A planned visit has no visitor yet (only a recorded visit names one): it belongs to the
    // case's mediators.
    bits = idsBitmap(
      db,
      'SELECT json_group_array(case_id) AS ids FROM case_mediator WHERE mediator_id = @visitorId',
      { visitorId: f.visitorId },
    );
  } else {
    // Read from the (number, title) index of migration 019, not from the wide case rows.
    bits = idsBitmap(
      db,
      `SELECT json_group_array(c.id) AS ids FROM case_file c
       WHERE instr(c.title, @text) > 0 OR instr(coalesce(c.case_number, ''), @text) > 0`,
      { text: f.text },
    );
  }
  cache.caseSets.set(key, bits);
  return bits;
}

interface BucketSql {
  readonly from: string;
  readonly where: string;
  readonly order: string;
}

const OPEN = `followup f INDEXED BY followup_open_by_due`;
const DONE = `followup f INDEXED BY followup_done_by_visit`;

/** Each tab's range of its index, in the index's order (date, case, …). */
function bucketSql(bucket: FollowUpBucket): BucketSql {
  const open = `f.status = 'SCHEDULED'`;
  const byDue = 'f.due_date, f.case_id, f.id';
  switch (bucket) {
    case 'OVERDUE':
      return { from: OPEN, where: `${open} AND f.due_date < @today`, order: byDue };
    case 'TODAY':
      return { from: OPEN, where: `${open} AND f.due_date = @today`, order: byDue };
    case 'WEEK':
      return {
        from: OPEN,
        where: `${open} AND f.due_date > @today AND f.due_date <= @weekEnd`,
        order: byDue,
      };
    case 'UPCOMING':
      return { from: OPEN, where: `${open} AND f.due_date > @weekEnd`, order: byDue };
    case 'DONE':
      return {
        from: DONE,
        where: `f.status = 'DONE' AND f.visit_date IS NOT NULL`,
        order: 'f.visit_date DESC, f.case_id DESC, f.visitor_id DESC, f.id DESC',
      };
    default: {
      const unreachable: never = bucket;
      throw new Error(`unknown bucket ${String(unreachable)}`);
    }
  }
}

function filterWhere(bucket: FollowUpBucket, f: FollowUpFilter): string {
  const parts: string[] = [];
  // A recorded visit belongs to whoever made it; a planned one to the case's mediators.
  if (bucket === 'DONE' && f.visitorId !== null) parts.push('f.visitor_id = @visitorId');
  const cases = bucket === 'DONE' ? { ...f, visitorId: null } : f;
  if (cases.visitorId !== null || cases.text !== null || (cases.cases ?? null) !== null)
    parts.push('followup_case_hit(f.case_id)');
  return parts.map((p) => ` AND ${p}`).join('');
}

function params(bucket: FollowUpBucket, f: FollowUpFilter, today: string, weekEnd: string) {
  const p: Record<string, unknown> = { today, weekEnd };
  if (bucket === 'DONE' && f.visitorId !== null) p.visitorId = f.visitorId;
  return p;
}

/** Runs `fn` with the filter's case set visible to `followup_case_hit`. */
function withCases<T>(
  db: Db,
  cache: ListCache,
  bucket: FollowUpBucket,
  f: FollowUpFilter,
  fn: () => T,
): T {
  useHitFunction(db);
  current = caseSet(db, cache, bucket === 'DONE' ? { ...f, visitorId: null } : f);
  try {
    return fn();
  } finally {
    current = null;
  }
}

export function listFollowUpRows(
  db: Db,
  bucket: FollowUpBucket,
  filter: FollowUpFilter,
  today: string,
  weekEnd: string,
  offset: number,
  limit: number,
): FollowUpRow[] {
  const cache = cacheOf(db);
  const b = bucketSql(bucket);
  return withCases(db, cache, bucket, filter, () => {
    // The page's ids come from the index alone; only those rows are read and joined.
    const ids = statement(
      db,
      `SELECT f.id FROM ${b.from} WHERE ${b.where}${filterWhere(bucket, filter)}
       ORDER BY ${b.order} LIMIT @limit OFFSET @offset`,
    )
      .all({ ...params(bucket, filter, today, weekEnd), limit, offset })
      .map((r) => (r as { id: number }).id);
    if (ids.length === 0) return [];
    const rows = statement(
      db,
      `SELECT ${FOLLOWUP_COLUMNS} FROM followup f JOIN case_file c ON c.id = f.case_id
       WHERE f.id IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify(ids)) as FollowUpRow[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id)).filter((r): r is FollowUpRow => r !== undefined);
  });
}

/** The five tabs' counts under a filter, kept until the ledger changes. */
export function countBuckets(
  db: Db,
  filter: FollowUpFilter,
  today: string,
  weekEnd: string,
): Readonly<Counts> {
  const cache = cacheOf(db);
  const key = `${today}|${weekEnd}|${filterKey(filter)}`;
  const known = cache.counts.get(key);
  if (known !== undefined) return known;
  const counts = Object.fromEntries(
    FOLLOWUP_BUCKETS.map((bucket) => {
      const b = bucketSql(bucket);
      const n = withCases(db, cache, bucket, filter, () =>
        statement(
          db,
          `SELECT count(*) AS n FROM ${b.from} WHERE ${b.where}${filterWhere(bucket, filter)}`,
        ).get(params(bucket, filter, today, weekEnd)),
      ) as { n: number };
      return [bucket, n.n];
    }),
  ) as Counts;
  cache.counts.set(key, counts);
  return counts;
}

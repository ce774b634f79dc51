import type { Db } from './connection.js';
import { jsonIdList } from './json-id-list.js';
import { statement } from './statement-cache.js';

/**
 * Where a bulk read finds its case ids: `list` goes after `IN`, `rows` after `FROM` (its column
 * is `value`), and `params` are bound with the statement's own.
 */
export interface CaseIdSource {
  readonly list: string;
  readonly rows: string;
  readonly params: { readonly ids?: string };
}

/**
 * The case ids of one bulk read, written once into a temporary table (in memory: temp_store)
 * that every statement of the read then searches by rowid. A year's claim pack hands 22,000 ids
 * to a dozen and a half statements; with the JSON list (`json_each`) each statement parsed the
 * array again and built its own ephemeral index from it, about a quarter of those statements'
 * CPU. The table is never dropped (its prepared statements stay valid) and is emptied after each
 * read.
 *
 * The JSON list is kept for a connection that may not write even its temp schema (`query_only`:
 * a damaged ledger still answers its reads) and for a read started inside another one (the
 * table already holds the outer read's ids). The rows a statement answers are the same either way.
 */
const TABLE = 'temp.bulk_case_ids';

const inUse = new WeakSet<Db>();
const rowsWritten = new WeakMap<Db, number>();

/**
 * Rows written to and deleted from the id table on `db`. SQLite counts them in the connection's
 * `total_changes()`, which the desk reads as "the ledger changed" (hourly backups, the idle
 * checkpoint, the follow-up counts' stamp): `rowsChangedSinceOpen` takes them off again.
 */
export function idTableRowsWritten(db: Db): number {
  return rowsWritten.get(db) ?? 0;
}

export function jsonCaseIds(ids: Iterable<number>): CaseIdSource {
  return {
    list: `(SELECT value FROM json_each(@ids))`,
    rows: `json_each(@ids)`,
    params: { ids: jsonIdList(ids) },
  };
}

export function withCaseIds<T>(
  db: Db,
  ids: Iterable<number>,
  read: (source: CaseIdSource) => T,
): T {
  if (inUse.has(db) || db.pragma('query_only', { simple: true }) === 1) {
    return read(jsonCaseIds(ids));
  }
  // Made on every read, not once per connection: a transaction rolled back after a read inside
  // it takes the table's creation with it. IF NOT EXISTS on an existing table changes nothing.
  statement(db, `CREATE TEMP TABLE IF NOT EXISTS bulk_case_ids (id INTEGER PRIMARY KEY)`).run();
  inUse.add(db);
  let written = 0;
  try {
    written += statement(
      db,
      `INSERT OR IGNORE INTO ${TABLE} (id) SELECT value FROM json_each(?)`,
    ).run(jsonIdList(ids)).changes;
    return read({ list: TABLE, rows: `(SELECT id AS value FROM ${TABLE})`, params: {} });
  } finally {
    written += statement(db, `DELETE FROM ${TABLE}`).run().changes;
    rowsWritten.set(db, idTableRowsWritten(db) + written);
    inUse.delete(db);
  }
}

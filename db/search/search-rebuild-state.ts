import type { Db } from '../connection.js';

/**
 * Where a rebuild of the search index stands (db/search/search-index-upgrade.ts), read by the
 * search (which plan the old entries answer) and by every save (whose entry the new index must
 * also get). Apart from the rebuild itself so the index refresh can read it without an import
 * cycle.
 */

/**
 * The index being built beside `case_search` while a rebuild is pending; it replaces it after
 * the last slice. Named with the index's prefix, which the audit leaves out.
 */
export const REBUILD_TABLE = 'case_search_rebuild';

/**
 * The search index's definition since migration 032 (003 made it without `prefix`), shared by
 * the index and the one a rebuild builds. `prefix = '3'`: FTS5 also indexes every token's first
 * three characters, so a three-digit or three-letter prefix query (139, wan) reads one list
 * instead of merging those of every term it starts (migration 032).
 */
export const CASE_SEARCH_DEFINITION = `fts5(
  tokens,
  content = '', contentless_delete = 1, detail = none,
  tokenize = 'unicode61 remove_diacritics 0', prefix = '3'
)`;

const nextStatements = new WeakMap<Db, { get(): unknown }>();
const tableStatements = new WeakMap<Db, { get(): unknown }>();

/** The next case id the rebuild will index, or null when none is pending. */
export function searchUpgradeNext(db: Db): number | null {
  let s = nextStatements.get(db);
  if (s === undefined) {
    const statement = db.prepare('SELECT next_case_id FROM case_search_upgrade').pluck();
    s = { get: () => statement.get() };
    nextStatements.set(db, s);
  }
  const next = s.get();
  return typeof next === 'number' ? next : null;
}

/** Every entry of the index holds the digit suffix tokens: a digit query may rely on them. */
export function digitSuffixesReady(db: Db): boolean {
  return searchUpgradeNext(db) === null;
}

/**
 * Whether the index a rebuild builds exists. Asked of the schema, not of `case_search_upgrade`:
 * the migrations before 031 refresh entries on ledgers that have neither table yet.
 */
export function rebuildTableExists(db: Db): boolean {
  let s = tableStatements.get(db);
  if (s === undefined) {
    const statement = db
      .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?")
      .pluck();
    s = { get: () => statement.get(REBUILD_TABLE) };
    tableStatements.set(db, s);
  }
  return s.get() === 1;
}

/**
 * The case ids whose new entries are already built: below the rebuild's next case id. A save
 * of such a case writes its entry to both indexes; a later one is built when the rebuild
 * reaches it. Null when no rebuild is pending.
 */
export function rebuiltBelow(db: Db): number | null {
  return rebuildTableExists(db) ? searchUpgradeNext(db) : null;
}

import type { Db } from '../connection.js';
import { refreshCaseSearch } from './case-search-index.js';

/**
 * A change to what the search index holds (migration 031: digit suffixes) is applied to the
 * existing cases in slices after the ledger opens, not inside the migration: rebuilding 100,000
 * entries took 54 s on a slow desk, and no window shows until the ledger is open. The one row of
 * `case_search_upgrade` says where the rebuild stands; while it exists the search asks the
 * index only what every entry holds, old or rebuilt (`digitSuffixesReady`), so every answer is
 * complete meanwhile. Each slice is its own transaction: a process killed midway resumes from
 * the last finished slice on the next start. A case saved meanwhile is indexed in full at once.
 * FTS5 merges the slices' segments at some commits: at 100,000 cases one slice in twenty then
 * takes 0.2–6 s on a slow desk (ARCHITECTURE.md, search; left for a second thread).
 */

const pendingStatements = new WeakMap<Db, { get(): unknown }>();

/** The next case id the rebuild will index, or null when none is pending. */
export function searchUpgradeNext(db: Db): number | null {
  let s = pendingStatements.get(db);
  if (s === undefined) {
    const statement = db.prepare('SELECT next_case_id FROM case_search_upgrade').pluck();
    s = { get: () => statement.get() };
    pendingStatements.set(db, s);
  }
  const next = s.get();
  return typeof next === 'number' ? next : null;
}

/** Every entry of the index holds the digit suffix tokens: a digit query may rely on them. */
export function digitSuffixesReady(db: Db): boolean {
  return searchUpgradeNext(db) === null;
}

/** Marks every existing case for the rebuild (in the migration's transaction). */
export function startSearchUpgrade(db: Db): void {
  db.exec('DELETE FROM case_search_upgrade');
  const first = db.prepare('SELECT min(id) FROM case_file').pluck().get() as number | null;
  if (first !== null) {
    db.prepare('INSERT INTO case_search_upgrade (id, next_case_id) VALUES (1, ?)').run(first);
  }
}

/**
 * A slice rebuilds entries until this much time has passed (at least one): a request waits for
 * at most one slice, whatever the desk's speed (an entry took 0.5–1.1 ms on a slow one).
 */
export const SEARCH_UPGRADE_SLICE_MS = 25;

/**
 * Rebuilds the next slice of entries (at most `maxCases`, until `budgetMs` has passed) in its
 * own transaction; false once nothing is left (the row is then gone, and the search uses the
 * new tokens).
 */
export function stepSearchUpgrade(
  db: Db,
  maxCases = 1000,
  budgetMs = SEARCH_UPGRADE_SLICE_MS,
): boolean {
  return db.transaction(() => {
    const next = searchUpgradeNext(db);
    if (next === null) return false;
    const ids = db
      .prepare('SELECT id FROM case_file WHERE id >= ? ORDER BY id LIMIT ?')
      .pluck()
      .all(next, maxCases) as number[];
    const started = performance.now();
    let done = 0;
    for (const id of ids) {
      refreshCaseSearch(db, id);
      done += 1;
      if (performance.now() - started >= budgetMs) break;
    }
    if (done === ids.length && ids.length < maxCases) {
      db.exec('DELETE FROM case_search_upgrade');
      return false;
    }
    db.prepare('UPDATE case_search_upgrade SET next_case_id = ?').run((ids[done - 1] ?? next) + 1);
    return true;
  })();
}

/** Every slice now (tools, tests). */
export function completeSearchUpgrade(db: Db): void {
  while (stepSearchUpgrade(db)) {
    // each step is its own transaction
  }
}

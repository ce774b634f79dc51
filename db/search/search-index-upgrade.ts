import type { Db } from '../connection.js';
import { rebuildCaseEntry } from './case-search-index.js';
import {
  CASE_SEARCH_DEFINITION,
  REBUILD_TABLE,
  rebuildTableExists,
  searchUpgradeNext,
} from './search-rebuild-state.js';

/**
 * A change to what the search index holds (migration 031: digit suffixes) is applied to the
 * existing cases in slices after the ledger opens, not inside the migration: rebuilding 100,000
 * entries took 54 s on a slow desk, and no window shows until the ledger is open. The one row of
 * `case_search_upgrade` says where the rebuild stands; while it exists the search asks the
 * index only what every entry holds, old or rebuilt (`digitSuffixesReady`), so every answer is
 * complete meanwhile. Each slice is its own transaction: a process killed midway resumes from
 * the last finished slice on the next start.
 *
 * The new entries go into a second index (`REBUILD_TABLE`) that replaces `case_search` after
 * the last slice. Rebuilt in place, every entry was a delete from the old index's large
 * segments, and FTS5 rewrote their tombstones and merged them at some commits: at 100,000 cases
 * one slice in fifteen held the desk for 0.2–6.6 s, and the rebuild took 118 s; into a fresh
 * index the longest slice took 0.2 s and the whole 39 s. A save meanwhile writes its entry to
 * both indexes when the rebuild has passed the case (`refreshCaseSearch`).
 */

/** Marks every existing case for a rebuild into a fresh second index (in the caller's transaction). */
export function startSearchUpgrade(db: Db): void {
  db.exec('DELETE FROM case_search_upgrade');
  db.exec(`DROP TABLE IF EXISTS ${REBUILD_TABLE}`);
  const first = db.prepare('SELECT min(id) FROM case_file').pluck().get() as number | null;
  if (first === null) {
    // Nothing to rebuild: the index takes the current definition at once.
    db.exec(
      `DROP TABLE case_search; CREATE VIRTUAL TABLE case_search USING ${CASE_SEARCH_DEFINITION}`,
    );
    return;
  }
  db.exec(`CREATE VIRTUAL TABLE ${REBUILD_TABLE} USING ${CASE_SEARCH_DEFINITION}`);
  db.prepare('INSERT INTO case_search_upgrade (id, next_case_id) VALUES (1, ?)').run(first);
}

/**
 * A slice rebuilds entries until this much time has passed (at least one): a request waits for
 * at most one slice, whatever the desk's speed (an entry took 0.5–1.1 ms on a slow one).
 */
export const SEARCH_UPGRADE_SLICE_MS = 25;

/**
 * Rebuilds the next slice of entries (at most `maxCases`, until `budgetMs` has passed) in its
 * own transaction; false once nothing is left (the new index has then replaced the old, the row
 * is gone, and the search uses the new tokens).
 */
export function stepSearchUpgrade(
  db: Db,
  maxCases = 1000,
  budgetMs = SEARCH_UPGRADE_SLICE_MS,
): boolean {
  return db.transaction(() => {
    if (searchUpgradeNext(db) === null) return false;
    // A pending row without the second index (left by this version's first build, which
    // rebuilt in place, or by a hand) starts the rebuild over: the new index must hold every case.
    if (!rebuildTableExists(db)) startSearchUpgrade(db);
    const next = searchUpgradeNext(db);
    if (next === null) return false;
    const ids = db
      .prepare('SELECT id FROM case_file WHERE id >= ? ORDER BY id LIMIT ?')
      .pluck()
      .all(next, maxCases) as number[];
    const started = performance.now();
    let done = 0;
    for (const id of ids) {
      rebuildCaseEntry(db, id);
      done += 1;
      if (performance.now() - started >= budgetMs) break;
    }
    if (done === ids.length && ids.length < maxCases) {
      db.exec(`
        DROP TABLE case_search;
        ALTER TABLE ${REBUILD_TABLE} RENAME TO case_search;
        DELETE FROM case_search_upgrade;
      `);
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

import { startSearchUpgrade } from '../search/search-index-upgrade.js';
import type { Migration } from './migration.js';

/**
 * The search index gains the suffixes of every stretch of digits (db/search/search-tokens.ts:
 * `digitSuffixTokens`): part of a phone or ID number typed in the ledger search was every one
 * of its digit pairs, which half of all cases hold, and a rare one took 0.2–0.5 s to find at
 * 100,000 cases (seven or more digits were found only at the start of a whole number). The index
 * is contentless, so an entry cannot be extended, only built again from the case's rows: that
 * is done in slices after the ledger opens (db/search/search-index-upgrade.ts), from the row this
 * step leaves. Its table is named with the index's prefix, which the audit leaves out.
 */
export const migration031: Migration = {
  version: 31,
  name: 'digit suffix search',
  changesRows: false,
  up(db) {
    db.exec(`
      CREATE TABLE case_search_upgrade (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        next_case_id INTEGER NOT NULL
      ) STRICT;
    `);
    startSearchUpgrade(db);
  },
};

import { startSearchUpgrade } from '../search/search-index-upgrade.js';
import type { Migration } from './migration.js';

/**
 * The search index gains FTS5's index of three-character prefixes (`prefix = '3'` in
 * `CASE_SEARCH_DEFINITION`). Three digits are a prefix query of the digit suffix tokens, and a
 * common one (139, 138: the start of a third of all phones) merged the doclists of tens of
 * thousands of terms: 12 ms for a page at 100,000 cases on a slow desk, 0.2 ms with the prefix
 * index, which costs about a tenth more index. The definition of a virtual table cannot be
 * altered, so the index is built again beside the old one after the ledger opens
 * (db/search/search-index-upgrade.ts), as 031's was; a rebuild 031 left pending starts over
 * into the new definition.
 */
export const migration032: Migration = {
  version: 32,
  name: 'search prefix index',
  changesRows: false,
  up(db) {
    startSearchUpgrade(db);
  },
};

import type { Migration } from './migration.js';

/**
 * 更正 (domain §3.7, counting rule 9): the version of each case as it last left the ledger in a
 * report (the statistics table or the county package). A case whose version has moved on since
 * is a correction: the next report lists it and the next package carries it flagged.
 * One row per case, replaced at each report that counts it.
 */
export const migration013: Migration = {
  version: 13,
  name: 'reported case versions (更正)',
  up(db) {
    db.exec(`
      CREATE TABLE case_reported (
        case_id INTEGER PRIMARY KEY REFERENCES case_file(id),
        export_id INTEGER NOT NULL REFERENCES export_run(id),
        period TEXT NOT NULL,
        version INTEGER NOT NULL
      ) STRICT;
    `);
  },
};

import type { Migration } from './migration.js';

/**
 * Issue 8, the ledger page at 100,000 cases: the status and category indexes also carry every
 * sort column of the ledger (db/cases/ledger-query.ts), so a page filtered by state, by
 * category and date range, or to overdue cases is read and sorted from the index alone.
 *
 * Before, such a page looked up each matching case row to read its sort key: 1,500 random row
 * reads for the cases 调解中 sorted by number, 16 ms of CPU per page (the ledger's worst). The
 * indexes replace the old two-column ones under the same names (same count of index pages
 * written per intake); each is about twice as large (roughly 3 MB more at 100,000 cases).
 */
export const migration018: Migration = {
  version: 18,
  name: 'ledger covering indexes',
  up(db) {
    db.exec(`
      DROP INDEX case_file_status_due;
      CREATE INDEX case_file_status_due
        ON case_file (status, due_date, accepted_date, intake_date, case_number);
      DROP INDEX case_file_category;
      CREATE INDEX case_file_category
        ON case_file (category, accepted_date, intake_date, due_date, case_number);
    `);
    // The planner's figures for the new indexes now, not at the next start-up's optimize: until
    // then it would know nothing of them and could choose the walk over the covering read.
    if (db.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'`).get()) {
      db.exec('ANALYZE case_file_status_due; ANALYZE case_file_category;');
    }
  },
};

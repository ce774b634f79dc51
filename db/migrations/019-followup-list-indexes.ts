import type { Migration } from './migration.js';

/**
 * Indexes for the 回访 list (issue 9's budget: 10 ms at 100,000 cases and 30,000 planned visits).
 *
 * - Open plans by due date and done visits by visit date, each a partial index holding the case
 *   id (and the visitor of a done visit): a tab's rows and its count are a range walk of one
 *   small index, and the filters are checked on the index entry without reading the visit row.
 *   The list's order follows the index (date, case, id), so paging stops after the page.
 * - Case number and title as a covering index: the text filter reads these two columns of every
 *   case, and the case table's rows (summary, requests) are many times larger. Number first, so
 *   it never competes with the rowid for a lookup by id.
 */
export const migration019: Migration = {
  version: 19,
  name: 'follow-up list indexes',
  up(db) {
    db.exec(`
      CREATE INDEX followup_open_by_due ON followup (due_date, case_id) WHERE status = 'SCHEDULED';
      CREATE INDEX followup_done_by_visit ON followup (visit_date, case_id, visitor_id)
        WHERE status = 'DONE';
      CREATE INDEX case_file_number_title ON case_file (case_number, title);
    `);
  },
};

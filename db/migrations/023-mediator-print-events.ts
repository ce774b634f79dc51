import type { Migration } from './migration.js';

/**
 * Trips to paper of a mediator's papers (issue 15: the 人民调解员登记表). The case register
 * counts every print of a stored version in `print_event` (migration 006); the mediator register
 * (migration 017) stored the versions but not how many copies went to paper. Same columns and
 * the same rule: rows are written once and never changed or removed.
 */
export const migration023: Migration = {
  version: 23,
  name: 'print events of mediator papers',
  up(db) {
    db.exec(`
      CREATE TABLE mediator_print_event (
        id INTEGER PRIMARY KEY,
        printed_id INTEGER NOT NULL REFERENCES mediator_printed_document(id),
        copies INTEGER NOT NULL CHECK (copies BETWEEN 1 AND 99),
        printer TEXT,
        printed_by TEXT NOT NULL,
        printed_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX mediator_print_event_by_document ON mediator_print_event (printed_id, id);
      CREATE TRIGGER mediator_print_event_no_update BEFORE UPDATE ON mediator_print_event
      BEGIN SELECT RAISE(ABORT, 'mediator_print_event rows are immutable'); END;
      CREATE TRIGGER mediator_print_event_no_delete BEFORE DELETE ON mediator_print_event
      BEGIN SELECT RAISE(ABORT, 'mediator_print_event rows are immutable'); END;
    `);
  },
};

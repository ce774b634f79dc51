import type { Migration } from './migration.js';

/**
 * What the 综治 centre and the courts ask of a case (issue 15, domain §4.11).
 *
 * - 综治 fields: date and place of occurrence, persons involved (entered, not derived from the
 *   parties: a dispute between two villages can involve 300 people and two parties), warning
 *   level (预警等级, three levels) and the responsible leader (包案领导). All nullable: cases
 *   registered before this step never had them, and a room need not know them at intake.
 * - Court-delegated cases (委派/委托调解): the court, its reference, how it came (pre-suit
 *   委派 or in-suit 委托) and the day the room received it; the court's 30-day deadline runs
 *   from that day. The one extension of 30 days needs the court's consent, recorded with its
 *   date and a note. Columns of the case, so corrections go through the case's change history.
 */
export const migration016: Migration = {
  version: 16,
  name: 'zongzhi fields and court-delegated cases',
  up(db) {
    db.exec(`
      ALTER TABLE case_file ADD COLUMN occurred_on TEXT;
      ALTER TABLE case_file ADD COLUMN occurred_place TEXT;
      ALTER TABLE case_file ADD COLUMN persons_involved INTEGER
        CHECK (persons_involved BETWEEN 1 AND 1000000);
      ALTER TABLE case_file ADD COLUMN warning_level TEXT
        CHECK (warning_level IN ('LEVEL_1', 'LEVEL_2', 'LEVEL_3'));
      ALTER TABLE case_file ADD COLUMN responsible_leader TEXT;
      ALTER TABLE case_file ADD COLUMN court_kind TEXT
        CHECK (court_kind IN ('DELEGATED', 'ENTRUSTED'));
      ALTER TABLE case_file ADD COLUMN court_name TEXT;
      ALTER TABLE case_file ADD COLUMN court_reference TEXT;
      ALTER TABLE case_file ADD COLUMN court_received_on TEXT;
      ALTER TABLE case_file ADD COLUMN court_extended_on TEXT;
      ALTER TABLE case_file ADD COLUMN court_extension_note TEXT;
      -- The court's deadline is a reminder like the due date: found by date, not by scanning.
      CREATE INDEX case_file_court_received ON case_file (court_received_on)
        WHERE court_received_on IS NOT NULL;
    `);
  },
};

import { LEDGER_APPLICATION_ID } from '../connection.js';
import type { Migration } from './migration.js';

export const migration001: Migration = {
  version: 1,
  name: 'ledger core: room settings',
  up(db) {
    db.pragma(`application_id = ${LEDGER_APPLICATION_ID}`);
    db.exec(`
      CREATE TABLE room_settings (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        committee_name TEXT NOT NULL,
        room_name TEXT NOT NULL,
        organisation_type TEXT NOT NULL,
        division_code TEXT,
        number_abbreviation TEXT NOT NULL,
        case_number_pattern TEXT NOT NULL,
        document_date_style TEXT NOT NULL CHECK (document_date_style IN ('ARABIC', 'CHINESE')),
        county_office_name TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};

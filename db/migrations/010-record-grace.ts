import { DEFAULT_RECORD_GRACE_DAYS } from '../../domain/cases/record-dates.js';
import type { Migration } from './migration.js';

/**
 * Issue 8, date sanity: how many days a session or investigation may be dated before the case's
 * recorded acceptance (rooms often type a case in after work on it began). A room setting, so a
 * column of the one case-settings row; the default is the domain's.
 */
export const migration010: Migration = {
  version: 10,
  name: 'record date grace',
  up(db) {
    db.exec(`
      ALTER TABLE case_settings ADD COLUMN record_grace_days INTEGER NOT NULL
        DEFAULT ${DEFAULT_RECORD_GRACE_DAYS} CHECK (record_grace_days BETWEEN 0 AND 365);
    `);
  },
};

import type { Migration } from './migration.js';

/**
 * The account that registered a case (issue 11, §7.3: a 登记员 sees their own intakes):
 * `case_file.registrar_account_id`, written once at intake and never by an update. Cases
 * registered before this step keep null: who typed them in is known only as a name in their
 * history (the CREATE entry's actor), which no account can be matched to safely, so no
 * 登记员 lists or opens them; the other roles see them as before. No foreign key: an account
 * is never deleted, and a ledger must open even if one were missing. The index serves a
 * 登记员's lists (db/cases/case-filter-sql.ts, the ledger search); nulls are not indexed.
 */
export const migration028: Migration = {
  version: 28,
  name: 'case registrar account',
  // A new column of nulls: no existing row's values change.
  changesRows: false,
  up(db) {
    db.exec(`
      ALTER TABLE case_file ADD COLUMN registrar_account_id INTEGER;
      CREATE INDEX case_file_registrar ON case_file (registrar_account_id)
        WHERE registrar_account_id IS NOT NULL;
    `);
  },
};

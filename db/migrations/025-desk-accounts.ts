import type { Migration } from './migration.js';

/**
 * Accounts of the desk (issue 11, §7.3). A ledger from before accounts gets no account here: the
 * first person to set the desk up becomes its director, which is how a single-user ledger moves
 * to accounts; history written before keeps its actor 本机用户.
 *
 * Failed sign-ins and the time until the next try is allowed live in the row, so restarting the
 * app does not reset the backoff. `desk_security` is one row: the recovery code's hash (the code
 * itself is shown once and never stored), its own backoff, and the idle minutes after which the
 * desk locks.
 */
export const migration025: Migration = {
  version: 25,
  name: 'desk accounts',
  up(db) {
    db.exec(`
      CREATE TABLE desk_account (
        id INTEGER PRIMARY KEY,
        login_name TEXT NOT NULL,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN
          ('RECEPTIONIST', 'MEDIATOR', 'DIRECTOR', 'STATISTICIAN', 'ADMIN', 'AUDITOR')),
        password_hash TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        created_at TEXT NOT NULL,
        last_sign_in_at TEXT,
        failed_count INTEGER NOT NULL DEFAULT 0,
        backoff_until TEXT
      );
      CREATE UNIQUE INDEX desk_account_login ON desk_account (login_name COLLATE NOCASE);
      CREATE TABLE desk_security (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        recovery_hash TEXT,
        recovery_failed_count INTEGER NOT NULL DEFAULT 0,
        recovery_backoff_until TEXT,
        idle_lock_minutes INTEGER NOT NULL DEFAULT 5 CHECK (idle_lock_minutes BETWEEN 1 AND 60)
      );
      INSERT INTO desk_security (id) VALUES (1);
    `);
  },
};

import { randomUUID } from 'node:crypto';
import type { Migration } from './migration.js';

/**
 * A random identity per ledger, carried into every backup's file name. Backup rotation only
 * prunes copies of the ledger in use, so a new ledger started after a loss can never rotate the
 * last good copies of the old one away.
 */
export const migration009: Migration = {
  version: 9,
  name: 'ledger identity',
  up(db) {
    db.exec(`
      CREATE TABLE ledger_identity (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        ledger_id TEXT NOT NULL CHECK (length(ledger_id) = 36),
        created_at TEXT NOT NULL
      ) STRICT;
    `);
    db.prepare('INSERT INTO ledger_identity VALUES (1, ?, ?)').run(
      randomUUID(),
      new Date().toISOString(),
    );
  },
};

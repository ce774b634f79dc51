import type Database from 'better-sqlite3-multiple-ciphers';
import { openOutside } from './outside-connection.js';
import { auditKeyFileFor, readAuditKey } from '../../../db/audit/audit-key';
import { verifyAuditChainNow } from '../../../db/audit/audit-verify';
import { openConnection } from '../../../db/connection';

/**
 * What a technician with a database tool does before editing the ledger behind the app: drops
 * the audit triggers (all of them, or only the per-row `audit_after_*` ones, keeping the log's
 * own append-only guards).
 */
export function dropAuditTriggers(db: Database.Database, which: 'all' | 'row' = 'all'): void {
  const pattern = which === 'all' ? 'audit_%' : 'audit_after_%';
  for (const t of db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE ?")
    .pluck()
    .all(pattern) as string[])
    db.exec(`DROP TRIGGER "${t}"`);
}

/** Verifies the audit chain of a closed ledger file with the key beside it. */
export function verifyLedgerFile(file: string) {
  const db = openConnection(file, { readonly: true });
  try {
    return verifyAuditChainNow(db, readAuditKey(auditKeyFileFor(file)));
  } finally {
    db.close();
  }
}

/**
 * Turns a closed ledger with rows into one the audit chain has never seen, as a ledger looks on
 * its first start after the upgrade that brings the chain: no entries, no baseline, no per-row
 * triggers (the log's own append-only guards are put back as migration 022 made them).
 */
export function forgetAuditChain(file: string): void {
  const db = openOutside(file);
  try {
    const guards = db
      .prepare(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit_%' AND name NOT LIKE 'audit_after_%'",
      )
      .pluck()
      .all() as string[];
    db.transaction(() => {
      dropAuditTriggers(db, 'all');
      db.exec('DELETE FROM audit_baseline; DELETE FROM audit_log;');
      for (const sql of guards) db.exec(sql);
    })();
  } finally {
    db.close();
  }
}

/**
 * Adds a plain table of `rows` numbered notes to a closed ledger: enough rows (more than
 * `BASELINE_AT_OPEN_ROWS`) make the next start build its audit baseline in slices after opening.
 */
export function addFillerRows(file: string, rows: number): void {
  const db = openOutside(file);
  try {
    db.exec(`CREATE TABLE filler_note (id INTEGER PRIMARY KEY, note TEXT NOT NULL);
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${rows})
      INSERT INTO filler_note (id, note) SELECT i, 'note ' || i FROM n;`);
  } finally {
    db.close();
  }
}

import { createHash } from 'node:crypto';
import { openOutside } from './outside-connection.js';

/**
 * A hash of every row of every table (and the schema version), read through a separate
 * read-only connection: "nothing was written" means this did not change.
 */
export function ledgerFingerprint(file: string): string {
  const db = openOutside(file, { readonly: true, fileMustExist: true });
  try {
    const hash = createHash('sha256');
    hash.update(String(db.pragma('user_version', { simple: true })));
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as { name: string }[];
    for (const { name } of tables) {
      hash.update(`\u0000${name}\u0000`);
      const quoted = `"${name.replace(/"/g, '""')}"`;
      for (const row of db.prepare(`SELECT * FROM ${quoted}`).iterate()) {
        hash.update(
          JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)),
        );
      }
    }
    return hash.digest('hex');
  } finally {
    db.close();
  }
}

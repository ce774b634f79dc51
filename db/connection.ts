import Database from 'better-sqlite3';

export type Db = Database.Database;

/** Written into the SQLite header so a restore or import can tell our ledger from any other file. */
export const LEDGER_APPLICATION_ID = 0x4d445331; // 'MDS1'

/**
 * Opens a ledger connection with the durability settings the app relies on. synchronous=FULL
 * because a power cut at a reception desk must not lose an acknowledged intake (NORMAL can).
 */
export function openConnection(file: string, options: { readonly?: boolean } = {}): Db {
  const db = new Database(file, {
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ?? false,
  });
  try {
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('secure_delete = ON');
    }
    db.pragma('foreign_keys = ON');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function schemaVersionOf(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function applicationIdOf(db: Db): number {
  return db.pragma('application_id', { simple: true }) as number;
}

/** True when the file passes SQLite's own structural check. */
export function passesIntegrityCheck(db: Db): boolean {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  return rows.length === 1 && rows[0]?.integrity_check === 'ok';
}

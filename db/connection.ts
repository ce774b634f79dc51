import Database from 'better-sqlite3-multiple-ciphers';
import {
  defaultAuditContext,
  registerAuditFunctions,
  type AuditContext,
} from './audit/audit-functions.js';
import {
  keyConnection,
  ledgerFileKind,
  ledgerKeyStore,
  rememberConnectionKey,
} from './ledger-cipher.js';

export type Db = Database.Database;

/** Written into the SQLite header so a restore or import can tell our ledger from any other file. */
export const LEDGER_APPLICATION_ID = 0x4d445331; // 'MDS1'

/**
 * Opens a ledger connection with the durability settings the app relies on. synchronous=FULL
 * because a power cut at a reception desk must not lose an acknowledged intake (NORMAL can).
 * A writing connection gets the audit chain's SQL functions (the triggers of migration 022
 * call them): the core passes its own context (actor, clock); any other writer gets the key
 * beside the ledger and the system actor.
 *
 * An encrypted file is opened with the data key its device key store keeps (see
 * ledger-cipher.ts); without one SQLite answers "file is not a database". `encryptNew`
 * makes a file that does not exist yet an encrypted one.
 */
export function openConnection(
  file: string,
  options: {
    readonly?: boolean;
    readonly audit?: AuditContext;
    readonly encryptNew?: boolean;
    /** The key to use for an encrypted file instead of the store's (the live ledger's own). */
    readonly key?: Buffer | null;
  } = {},
): Db {
  const key =
    options.key && ledgerFileKind(file) === 'encrypted'
      ? options.key
      : dataKeyFor(file, !options.readonly && options.encryptNew === true);
  const db = new Database(file, {
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ?? false,
  });
  try {
    if (key) {
      rememberConnectionKey(db, key, keyConnection(db, key));
    }
    // Sorts, temporary indexes and materialised views stay in memory: a temporary file would
    // hold plaintext rows of an encrypted ledger.
    db.pragma('temp_store = MEMORY');
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) {
      // Only takes effect on a new, empty file (before WAL): larger pages pack the long Chinese
      // texts of cases and sessions with less per-page overhead (measured: about 3% smaller).
      db.pragma('page_size = 16384');
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('secure_delete = ON');
      // Checkpoint every 4,000 WAL pages (16 MiB) rather than 1,000: an intake writes ~30
      // pages, and each checkpoint (copy back plus fsync, ~5 ms) landed on one intake in 35.
      db.pragma('wal_autocheckpoint = 4000');
    }
    db.pragma('foreign_keys = ON');
    // Validate every cell of a page when it is loaded: a page whose cell pointers were
    // overwritten then fails as SQLITE_CORRUPT (and the ledger turns DAMAGED) instead of
    // silently reading as "case not found".
    db.pragma('cell_size_check = ON');
    // 32 MiB of page cache instead of SQLite's 2 MiB: a ledger page sorts a few thousand case
    // rows at most, and each one read from the OS instead of the cache cost a microsecond.
    db.pragma('cache_size = -32768');
    if (!options.readonly) registerAuditFunctions(db, options.audit ?? defaultAuditContext(file));
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function dataKeyFor(file: string, encryptNew: boolean): Buffer | null {
  if (file === '' || file === ':memory:') return null;
  const store = ledgerKeyStore();
  switch (ledgerFileKind(file)) {
    case 'encrypted':
      return store.read(file);
    case 'new':
      return encryptNew ? (store.read(file) ?? store.create(file)) : null;
    case 'plain':
      return null;
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

/**
 * Keeps the query planner's statistics fresh (sqlite_stat1/stat4), as SQLite recommends:
 * `onOpen` after opening and migrating (only tables that never had statistics or changed a
 * lot are analysed, each within `analysis_limit` rows so it stays quick), and plain before
 * closing a connection that has been used.
 */
export function optimizeStatistics(db: Db, when: 'onOpen' | 'onClose'): void {
  if (!db.open || db.readonly) return;
  db.pragma('analysis_limit = 1000');
  db.pragma(when === 'onOpen' ? 'optimize = 0x10002' : 'optimize');
}

import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { makePrivateDir, makePrivateFile } from './file-modes.js';
import { storageFaultOf } from './storage-errors.js';

/** Another process (a second window of the app, a second dev:web host) holds the data folder. */
export class DataDirLockedError extends Error {
  constructor(readonly dataDir: string) {
    super(`data directory is in use by another process: ${dataDir}`);
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  release(): void;
}

/**
 * One process per data folder: two writers would mean two migrations and two backup rotations
 * at once. The lock is SQLite's own exclusive file lock on `instance.lock` (fcntl on Unix,
 * LockFileEx on Windows), so it works the same on every platform and the operating system
 * drops it when the process dies, even by kill -9: no stale lock file to clear by hand.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  makePrivateDir(dataDir);
  const file = path.join(dataDir, 'instance.lock');
  let db: Database.Database;
  try {
    db = new Database(file);
  } catch (error) {
    // A read-only data folder cannot be written by a second process either; opening the ledger
    // then reports "read-only" in Chinese instead of a start-up failure.
    if (storageFaultOf(error) === 'READ_ONLY') return { release: () => undefined };
    throw error;
  }
  try {
    makePrivateFile(file);
    db.pragma('busy_timeout = 0');
    db.pragma('journal_mode = DELETE');
    db.pragma('locking_mode = EXCLUSIVE');
    // A write transaction takes the exclusive lock; in EXCLUSIVE locking mode SQLite keeps it
    // after the commit until the connection closes.
    db.exec('BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS held (pid INTEGER); COMMIT;');
  } catch (error) {
    db.close();
    if (storageFaultOf(error) === 'READ_ONLY') return { release: () => undefined };
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) {
      throw new DataDirLockedError(dataDir);
    }
    throw error;
  }
  return {
    release: () => {
      if (db.open) db.close();
    },
  };
}

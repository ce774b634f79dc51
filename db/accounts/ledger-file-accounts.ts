import Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../connection.js';
import { keyConnection, keyForExisting, ledgerFileKind } from '../ledger-cipher.js';
import { accountByLogin, accountCount, listAccounts, type AccountRow } from './account-queries.js';

/**
 * The accounts of a ledger file the app did not open (too new, its migration failed, read-only
 * or full media): read through a read-only connection closed at once, so the file is never
 * changed and a newer app's ledger stays as that app left it. Without the ledger's usual
 * five-second busy wait: the desk's polls ask this, and a file another program holds locked
 * should say so at once rather than hold every call.
 */
function readFile<T>(file: string, read: (db: Db) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: 100 });
  try {
    // An encrypted ledger is read with the key from the store (none: the read fails, as for a
    // file nobody can read); its rows never reach a temporary file.
    if (ledgerFileKind(file) === 'encrypted') {
      const key = keyForExisting(file);
      if (key) keyConnection(db, key);
    }
    db.pragma('temp_store = MEMORY');
    return read(db);
  } finally {
    db.close();
  }
}

function hasAccountTable(db: Db): boolean {
  return (
    db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'desk_account'")
      .get() !== undefined
  );
}

/**
 * How many accounts the file holds: 0 for a ledger from before accounts (no table), null when
 * the file cannot be read at all (locked by another program, vanished meanwhile).
 */
export function fileAccountCount(file: string): number | null {
  try {
    return readFile(file, (db) => (hasAccountTable(db) ? accountCount(db) : 0));
  } catch {
    return null;
  }
}

/** The account of this login name in the file; throws when the file cannot be read. */
export function fileAccountByLogin(file: string, loginName: string): AccountRow | null {
  return readFile(file, (db) => (hasAccountTable(db) ? accountByLogin(db, loginName) : null));
}

/**
 * Whether the file holds an active account of this role other than `exceptId`; false when the
 * file cannot be read (then no second person's password could be checked either).
 */
export function fileHasActiveAccountOf(file: string, role: string, exceptId: number): boolean {
  try {
    return readFile(file, (db) =>
      hasAccountTable(db)
        ? listAccounts(db).some((a) => a.role === role && !a.disabled && a.id !== exceptId)
        : false,
    );
  } catch {
    return false;
  }
}

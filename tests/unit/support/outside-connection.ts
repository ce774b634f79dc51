import Database from 'better-sqlite3-multiple-ciphers';
import { keyConnection, keyForExisting } from '../../../db/ledger-cipher.js';

/**
 * A plain driver connection, as an outside tool with the keys folder would open the ledger:
 * the data key from the device key store when the file is encrypted, nothing else of ours
 * (no audit functions, no pragmas).
 */
export function openOutside(file: string, options?: Database.Options): Database.Database {
  const db = new Database(file, options);
  try {
    const key = keyForExisting(file);
    if (key) keyConnection(db, key);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

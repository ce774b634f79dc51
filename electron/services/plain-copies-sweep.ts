import path from 'node:path';
import { ledgerTagOf } from '../../db/backup-rotation.js';
import { connectionKey } from '../../db/ledger-cipher.js';
import {
  encryptBackupInPlace,
  hasEncryptedDaily,
  plainBackups,
  removePlainAsides,
} from '../../db/plain-copies.js';
import { plainAsides } from '../../db/plain-ledger-encryption.js';
import type { LedgerSession } from './ledger-session.js';

/**
 * After the conversion, once an encrypted daily backup has been verified (db/plain-copies.ts):
 * the plain backups in backups/ are encrypted in place one by one and the plain ledger moved
 * aside is removed. Runs beside the app after a scheduled backup, a few backups at a time (each
 * is tens of seconds at 100,000 cases, and quitting waits for the run in progress); a backup
 * that cannot be encrypted now stays as it is and is tried again after the next one.
 */
export const PLAIN_BACKUPS_PER_RUN = 3;

export async function sweepPlainCopies(ledger: LedgerSession): Promise<string[]> {
  const state = ledger.state;
  if (state.state !== 'READY' || ledger.damaged || ledger.converting) return [];
  const key = connectionKey(state.db);
  const backupDir = ledger.paths.backupDir;
  if (!key || !hasEncryptedDaily(backupDir, ledgerTagOf(state.db))) return [];
  const done: string[] = [];
  for (const name of plainBackups(backupDir).slice(0, PLAIN_BACKUPS_PER_RUN)) {
    try {
      await encryptBackupInPlace(path.join(backupDir, name), key);
      done.push(name);
    } catch (error) {
      console.error(`[backup] could not encrypt the plain backup ${name}:`, error);
    }
  }
  if (plainAsides(ledger.paths).length > 0) done.push(...removePlainAsides(ledger.paths));
  return done;
}

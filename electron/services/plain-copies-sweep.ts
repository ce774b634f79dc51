import fs from 'node:fs';
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
 * that cannot be encrypted stays as it is and is not tried again by this process while it is
 * unchanged (name, size, time): the same damaged copies redone every hour kept the later ones
 * from ever being reached (review s27-enc). The next start tries it again.
 */
export const PLAIN_BACKUPS_PER_RUN = 3;

/** Per session (one per process in the app): the backups that failed, as name, size, time. */
const failedBackups = new WeakMap<LedgerSession, Set<string>>();

function fingerprint(file: string): string | null {
  try {
    const { size, mtimeMs } = fs.statSync(file);
    return `${path.basename(file)}\u0000${size}\u0000${mtimeMs}`;
  } catch {
    return null;
  }
}

export async function sweepPlainCopies(
  ledger: LedgerSession,
  encrypt: (file: string, key: Buffer) => Promise<void> = encryptBackupInPlace,
): Promise<string[]> {
  const state = ledger.state;
  if (state.state !== 'READY' || ledger.damaged || ledger.converting) return [];
  const key = connectionKey(state.db);
  const backupDir = ledger.paths.backupDir;
  if (!key || !hasEncryptedDaily(backupDir, ledgerTagOf(state.db))) return [];
  let failed = failedBackups.get(ledger);
  if (!failed) failedBackups.set(ledger, (failed = new Set()));
  const seen = failed;
  const due = plainBackups(backupDir)
    .map((name) => ({ name, print: fingerprint(path.join(backupDir, name)) }))
    .filter(({ print }) => print !== null && !seen.has(print))
    .slice(0, PLAIN_BACKUPS_PER_RUN);
  const done: string[] = [];
  for (const { name, print } of due) {
    try {
      await encrypt(path.join(backupDir, name), key);
      done.push(name);
    } catch (error) {
      if (print !== null) seen.add(print);
      console.error(`[backup] could not encrypt the plain backup ${name}:`, error);
    }
  }
  if (plainAsides(ledger.paths).length > 0) done.push(...removePlainAsides(ledger.paths));
  return done;
}

import fs from 'node:fs';
import path from 'node:path';
import { backupLedger } from './backup.js';
import type { BackupInfo } from './backup.js';
import type { Db } from './connection.js';
import { chinaToday } from '../domain/validation/calendar-date.js';

/**
 * Daily copies of the ledger, kept for a week, plus copies a mediator makes by hand. The
 * ledger is the room's only record, so a deleted or damaged file must always have a recent
 * verified copy next to it (Actual keeps a similar rotation).
 */
export const DAILY_PREFIX = 'daily-';
export const MANUAL_PREFIX = 'manual-';
export const DAILY_BACKUPS_KEPT = 7;

// The room's calendar day (China time), not UTC: a desk opened at 07:30 gets that day's copy.
const dayOf = (now: Date) => chinaToday(now);
const stampOf = (now: Date) => now.toISOString().replace(/[:.]/g, '-');

/** Takes today's backup if there is none yet, then keeps only the newest daily copies. */
export async function takeDailyBackupIfDue(
  db: Db,
  backupDir: string,
  now: Date,
): Promise<BackupInfo | null> {
  const today = `${DAILY_PREFIX}${dayOf(now)}`;
  const existing = fs.existsSync(backupDir) ? fs.readdirSync(backupDir) : [];
  if (existing.some((name) => name.startsWith(today) && name.endsWith('.sqlite'))) return null;
  const info = await backupLedger(db, path.join(backupDir, `${today}.sqlite`));
  pruneDailyBackups(backupDir);
  return info;
}

export function takeManualBackup(db: Db, backupDir: string, now: Date): Promise<BackupInfo> {
  return backupLedger(db, path.join(backupDir, `${MANUAL_PREFIX}${stampOf(now)}.sqlite`));
}

/** Daily names sort by date, so the oldest beyond the limit go; other backups are never pruned. */
export function pruneDailyBackups(backupDir: string, keep = DAILY_BACKUPS_KEPT): void {
  const daily = fs
    .readdirSync(backupDir)
    .filter((name) => name.startsWith(DAILY_PREFIX) && name.endsWith('.sqlite'))
    .sort()
    .reverse();
  for (const name of daily.slice(keep)) fs.rmSync(path.join(backupDir, name), { force: true });
}

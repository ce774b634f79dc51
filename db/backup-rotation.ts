import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { backupLedger, fsyncDirectory } from './backup.js';
import type { BackupInfo } from './backup.js';
import type { Db } from './connection.js';
import { makePrivateDir, makePrivateFile } from './file-modes.js';
import { fsyncFileAsync } from './fsync.js';

/**
 * Rotating copies of the ledger: hourly while it is being changed (24 kept), one per China
 * calendar day (7 kept) and one per ISO week (4 kept), plus copies made by hand, before every
 * migration and before every restore (never pruned). Every name carries the first 8 characters
 * of the ledger's identity: pruning only ever touches copies of the ledger in use, so a new
 * ledger started after a loss cannot rotate away the last good copies of the old one.
 */
export const SCHEDULED_KINDS = ['hourly', 'daily', 'weekly'] as const;
export type ScheduledKind = (typeof SCHEDULED_KINDS)[number];
export type BackupKind = ScheduledKind | 'manual' | 'pre-migration' | 'before-restore';

export const KEPT: Readonly<Record<ScheduledKind, number>> = { hourly: 24, daily: 7, weekly: 4 };

const CHINA_OFFSET_MS = 8 * 3600 * 1000;
const chinaIso = (now: Date) => new Date(now.getTime() + CHINA_OFFSET_MS).toISOString();

/** The slot a scheduled copy fills, in the room's (China) time: one copy per slot. */
export function slotOf(kind: ScheduledKind, now: Date): string {
  const iso = chinaIso(now);
  if (kind === 'hourly') return `${iso.slice(0, 10)}T${iso.slice(11, 13)}`;
  if (kind === 'daily') return iso.slice(0, 10);
  return isoWeek(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
}

function isoWeek(day: Date): string {
  const d = new Date(day.getTime());
  const weekday = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

const stampOf = (now: Date) => now.toISOString().replace(/[:.]/g, '-');

/** The first 8 characters of the ledger's identity (migration 008), `00000000` before it. */
export function ledgerTagOf(db: Db): string {
  try {
    const row = db.prepare('SELECT ledger_id FROM ledger_identity WHERE singleton = 1').get() as
      { ledger_id: string } | undefined;
    if (row) return row.ledger_id.slice(0, 8);
  } catch {
    // A ledger still at an older schema (the pre-migration copy) has no identity yet.
  }
  return '00000000';
}

export function backupFileName(kind: BackupKind, slotOrStamp: string, tag: string): string {
  return `${kind}-${slotOrStamp}-${tag}.sqlite`;
}

const NAME =
  /^(hourly|daily|weekly|manual|pre-migration|before-restore)-(.+)-([0-9a-f]{8})\.sqlite$/;

export interface ParsedBackupName {
  readonly kind: BackupKind;
  readonly slot: string;
  readonly tag: string;
}

/** Null for files of older versions (`daily-2026-11-01.sqlite`): rotation leaves those alone. */
export function parseBackupName(name: string): ParsedBackupName | null {
  const m = NAME.exec(name);
  if (!m) return null;
  return { kind: m[1] as BackupKind, slot: m[2] as string, tag: m[3] as string };
}

/**
 * Makes the scheduled copies that are due (`kinds`, default all three): one verified
 * VACUUM INTO copy, and byte copies of it (checked by SHA-256) for the other due slots.
 * Then prunes old copies of this ledger only.
 */
export async function takeScheduledBackups(
  db: Db,
  backupDir: string,
  now: Date,
  kinds: readonly ScheduledKind[] = SCHEDULED_KINDS,
): Promise<BackupInfo[]> {
  const tag = ledgerTagOf(db);
  const existing = new Set(fs.existsSync(backupDir) ? fs.readdirSync(backupDir) : []);
  const due = kinds
    .map((kind) => backupFileName(kind, slotOf(kind, now), tag))
    .filter((name) => !existing.has(name));
  const [first, ...others] = due;
  if (first === undefined) return [];
  const made = [await backupLedger(db, path.join(backupDir, first))];
  for (const name of others) {
    made.push(await copyVerifiedBackup(made[0] as BackupInfo, backupDir, name));
  }
  pruneScheduledBackups(backupDir, tag);
  return made;
}

export function takeManualBackup(db: Db, backupDir: string, now: Date): Promise<BackupInfo> {
  return backupLedger(db, freshPath(backupDir, 'manual', now, ledgerTagOf(db)));
}

/** The ledger as it was just before a restore replaced it: the restore's undo. */
export function takeBeforeRestoreBackup(db: Db, backupDir: string, now: Date): Promise<BackupInfo> {
  return backupLedger(db, freshPath(backupDir, 'before-restore', now, ledgerTagOf(db)));
}

/**
 * A name no existing copy has: two copies in the same millisecond (a restore undone at once, a
 * clock set back) must never replace one another, least of all the one being restored.
 */
function freshPath(backupDir: string, kind: BackupKind, now: Date, tag: string): string {
  const stamp = stampOf(now);
  for (let n = 1; ; n += 1) {
    const name = backupFileName(kind, n === 1 ? stamp : `${stamp}-${n}`, tag);
    if (!fs.existsSync(path.join(backupDir, name))) return path.join(backupDir, name);
  }
}

export function preMigrationBackupName(from: number, to: number, now: Date, tag: string): string {
  return backupFileName('pre-migration', `v${from}-to-v${to}-${stampOf(now)}`, tag);
}

/**
 * Copies a verified backup byte for byte (to another slot or another folder such as a USB
 * stick): `.partial` → fsync → SHA-256 of the copy read back equals the source's → rename.
 * Asynchronous, one MiB at a time: it runs on the core thread beside the app, and done in one
 * go the two copies of the start-up backup at 100,000 cases held every request for 3–8 s (the
 * day's first intake waited for them; notes s34-firstsave).
 */
export async function copyVerifiedBackup(
  source: BackupInfo,
  targetDir: string,
  name = source.fileName,
): Promise<BackupInfo> {
  makePrivateDir(targetDir);
  const target = path.join(targetDir, name);
  // Its own partial: another copy to the same name (start-up backup beside 立即备份) must not
  // rewrite a file this one has verified and is renaming. The start-up sweep takes any `*.partial`.
  const partial = `${target}.${randomBytes(4).toString('hex')}.partial`;
  try {
    await fs.promises.copyFile(source.path, partial);
    makePrivateFile(partial);
    await fsyncFileAsync(partial);
    if ((await sha256Of(partial)) !== (await sha256Of(source.path))) {
      throw new Error(`copy of ${source.fileName} differs from its source`);
    }
    fs.renameSync(partial, target);
    fsyncDirectory(targetDir);
  } catch (error) {
    try {
      fs.rmSync(partial, { force: true });
    } catch {
      // Left for the next clean-up.
    }
    throw error;
  }
  return { ...source, fileName: name, path: target };
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  const handle = await fs.promises.open(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1 << 20);
    let read: number;
    // Each read awaits the thread pool, so requests are answered between the MiB hashed.
    while ((read = (await handle.read(buffer, 0, buffer.length, null)).bytesRead) > 0) {
      hash.update(buffer.subarray(0, read));
    }
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}

/** Slots sort by time, so the oldest beyond each limit go; only this ledger's copies count. */
export function pruneScheduledBackups(backupDir: string, tag: string): string[] {
  const removed: string[] = [];
  const names = fs.readdirSync(backupDir);
  for (const kind of SCHEDULED_KINDS) {
    const mine = names
      .map((name) => ({ name, parsed: parseBackupName(name) }))
      .filter(({ parsed }) => parsed?.kind === kind && parsed.tag === tag)
      .sort((a, b) => (b.parsed?.slot ?? '').localeCompare(a.parsed?.slot ?? ''));
    for (const { name } of mine.slice(KEPT[kind])) {
      fs.rmSync(path.join(backupDir, name), { force: true });
      removed.push(name);
    }
  }
  return removed;
}

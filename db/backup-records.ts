import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomically } from './ledger-files.js';

/**
 * What the last backups did, and where the second copy goes. Kept in small files beside the
 * ledger, not in it: they must be readable and writable when the ledger is damaged or locked,
 * and a failed backup must still be on screen after a restart.
 */
export interface BackupOutcome {
  readonly at: string;
  readonly fileName: string | null;
  /** Chinese sentence for the screen (null on success). */
  readonly message: string | null;
}

export interface BackupRecord {
  readonly lastSuccess: BackupOutcome | null;
  readonly lastFailure: BackupOutcome | null;
  readonly secondCopyLastSuccess: BackupOutcome | null;
  readonly secondCopyLastFailure: BackupOutcome | null;
}

export interface BackupSettings {
  /** An absolute folder (e.g. a USB stick) that receives a copy of every backup; null = none. */
  readonly secondFolder: string | null;
}

const EMPTY_RECORD: BackupRecord = {
  lastSuccess: null,
  lastFailure: null,
  secondCopyLastSuccess: null,
  secondCopyLastFailure: null,
};

const recordFile = (dataDir: string) => path.join(dataDir, 'backup-status.json');
const settingsFile = (dataDir: string) => path.join(dataDir, 'backup-settings.json');

function readJson(file: string): Record<string, unknown> | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
    return typeof parsed === 'object' && parsed !== null
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function outcomeOf(value: unknown): BackupOutcome | null {
  const v = value as Partial<BackupOutcome> | null | undefined;
  if (!v || typeof v.at !== 'string') return null;
  return {
    at: v.at,
    fileName: typeof v.fileName === 'string' ? v.fileName : null,
    message: typeof v.message === 'string' ? v.message : null,
  };
}

export function readBackupRecord(dataDir: string): BackupRecord {
  const raw = readJson(recordFile(dataDir));
  if (!raw) return EMPTY_RECORD;
  return {
    lastSuccess: outcomeOf(raw.lastSuccess),
    lastFailure: outcomeOf(raw.lastFailure),
    secondCopyLastSuccess: outcomeOf(raw.secondCopyLastSuccess),
    secondCopyLastFailure: outcomeOf(raw.secondCopyLastFailure),
  };
}

/** Best effort: a disk too full for this small file is already reported by the failure itself. */
export function updateBackupRecord(
  dataDir: string,
  change: Partial<BackupRecord>,
  base: BackupRecord = readBackupRecord(dataDir),
): BackupRecord {
  const next = { ...base, ...change };
  try {
    writeFileAtomically(recordFile(dataDir), `${JSON.stringify(next, null, 2)}\n`);
  } catch {
    // Kept in memory by the caller for this session.
  }
  return next;
}

export function readBackupSettings(dataDir: string): BackupSettings {
  const raw = readJson(settingsFile(dataDir));
  const folder = raw?.secondFolder;
  return { secondFolder: typeof folder === 'string' && folder.length > 0 ? folder : null };
}

export function writeBackupSettings(dataDir: string, settings: BackupSettings): void {
  writeFileAtomically(settingsFile(dataDir), `${JSON.stringify(settings, null, 2)}\n`);
}

import fs from 'node:fs';
import path from 'node:path';
import { backupLedger, verifyLedgerCopy } from './backup.js';
import type { BackupInfo } from './backup.js';
import { backupFileName, ledgerTagOf } from './backup-rotation.js';
import { schemaVersionOf } from './connection.js';
import type { Db } from './connection.js';
import { makePrivateFile } from './file-modes.js';
import {
  PLAIN_COPY_SLOT_PREFIX,
  checkSpaceForConversion,
  CONVERSION_SPACE_FACTOR,
  REUSED_COPY_SPACE_FACTOR,
  removeOlderPlainCopies,
  reusablePlainCopy,
} from './plain-conversion-copy.js';
import { fsyncDirectory, fsyncFile } from './fsync.js';
import { ledgerFileKind, ledgerKeyStore } from './ledger-cipher.js';
import { sidecarFiles } from './ledger-files.js';
import type { LedgerPaths } from './ledger-files.js';
import { renameWithRetry, type RenameRetry } from './rename-retry.js';
import { runSqliteJob } from './sqlite-worker.js';

/**
 * Converting a ledger made before encryption into an encrypted one. SQLite3MC's VACUUM INTO
 * writes with the source's key and URI filenames are off in this build, so the encrypted file is
 * made from a byte copy: the live file is never rekeyed in place, and until the final rename the
 * plain ledger is the ledger. Each step leaves a state that `settleInterruptedEncryption` (at
 * the next open) turns into a working ledger, plain or encrypted, without losing a write.
 */
export const ENCRYPTION_STEPS = [
  /** The data key exists and its folder is fsynced (ledger-cipher's writeKeyFile). */
  'key',
  /** A verified plain copy in backups/ (`pre-migration-plain-to-encrypted-…`). */
  'backup',
  /** Every WAL frame is in the main file; the WAL is empty. */
  'checkpoint',
  /** `<ledger>.encrypting`: a byte copy of the main file, fsynced. */
  'copy',
  /** The copy rekeyed under the data key (rollback journal, not WAL). */
  'rekey',
  /** The copy fsynced and fully checked with the key. */
  'verify',
  /** The writer closed, having written nothing since the checkpoint. */
  'close',
  /** The plain ledger and its sidecars renamed `<name>.unencrypted-<time>`. */
  'aside',
  /** The encrypted copy renamed to the ledger's name, the folder fsynced. */
  'swap',
] as const;
export type EncryptionStep = (typeof ENCRYPTION_STEPS)[number];

export const ENCRYPTING_SUFFIX = '.encrypting';
export const UNENCRYPTED_INFIX = '.unencrypted-';

export function encryptingFileOf(ledgerFile: string): string {
  return `${ledgerFile}${ENCRYPTING_SUFFIX}`;
}

/** Writes reached the plain ledger after its checkpoint: the copy would lack them. */
export class WritesDuringEncryptionError extends Error {
  constructor() {
    super('the ledger was written while it was being encrypted');
    this.name = 'WritesDuringEncryptionError';
  }
}

export interface PlainLedgerEncryption {
  readonly paths: LedgerPaths;
  /** The open writer of the plain ledger; the caller holds every write until this settles. */
  readonly db: Db;
  /** Closes `db` (the caller owns it and stops handing it out). */
  readonly closeWriter: () => void;
  readonly now: () => Date;
  /** Awaited after each step: the caller shows progress; tests stop or hold the run here. */
  readonly afterStep?: (step: EncryptionStep) => Promise<void> | void;
  /** Between the tries of a rename Windows refused for a moment (tests: at once). */
  readonly renameRetry?: RenameRetry;
  /** Free bytes on a folder's disk (default: statfs; tests: any figure). */
  readonly freeBytes?: (dir: string) => number;
  /**
   * True when the start-up check of this file passed and nothing was written since: the plain
   * copy then skips its check of the ledger (the copy itself is still fully checked).
   */
  readonly ledgerChecked?: () => boolean;
}

export interface EncryptionOutcome {
  /** The verified plain copy made before anything else. */
  readonly backup: BackupInfo;
  /** The plain ledger, kept beside the encrypted one until the plaintext copies are cleared. */
  readonly plainAside: string;
}

/**
 * Runs every step. On a throw nothing is cleaned up here: the caller settles the files the same
 * way the next start would (settleInterruptedEncryption), so a failure and a crash end alike.
 */
export async function encryptPlainLedger(run: PlainLedgerEncryption): Promise<EncryptionOutcome> {
  const { paths, db } = run;
  const file = paths.ledgerFile;
  const staging = encryptingFileOf(file);
  const step = async (name: EncryptionStep) => {
    await run.afterStep?.(name);
  };
  if (ledgerFileKind(file) !== 'plain') throw new Error('only a plain ledger is encrypted');

  // An existing key is kept: the room's encrypted backups (a plain backup restored over an
  // encrypted ledger) are under it.
  const store = ledgerKeyStore();
  const key = store.read(file) ?? store.create(file);
  await step('key');

  const stamp = run.now().toISOString().replace(/[:.]/g, '-');
  let backup = reusablePlainCopy(db, paths.backupDir);
  // Before any copy: a full disk would fail half-way, at every start (review s27 finding 5). A
  // reused copy needs no room again; only the staging file does (review s28-encfix E6).
  checkSpaceForConversion(
    file,
    path.dirname(file),
    run.freeBytes,
    backup ? REUSED_COPY_SPACE_FACTOR : CONVERSION_SPACE_FACTOR,
  );
  if (!backup) {
    backup = await backupLedger(
      db,
      path.join(
        paths.backupDir,
        backupFileName('pre-migration', `${PLAIN_COPY_SLOT_PREFIX}${stamp}`, ledgerTagOf(db)),
      ),
      { ledgerChecked: run.ledgerChecked?.() === true },
    );
    removeOlderPlainCopies(db, paths.backupDir, backup.fileName);
  }
  await step('backup');

  const [checkpoint] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  if (!checkpoint || checkpoint.busy !== 0) throw new Error('the WAL could not be checkpointed');
  await step('checkpoint');

  for (const leftover of [staging, ...sidecarFiles(staging)]) fs.rmSync(leftover, { force: true });
  fs.copyFileSync(file, staging);
  makePrivateFile(staging);
  fsyncFile(staging);
  await step('copy');

  await runSqliteJob({ op: 'encrypt', file: staging }, key);
  await step('rekey');

  fsyncFile(staging);
  const checked = await verifyLedgerCopy(staging, undefined, key);
  if (ledgerFileKind(staging) !== 'encrypted' || checked.schemaVersion !== schemaVersionOf(db)) {
    throw new Error('the encrypted copy does not match the ledger');
  }
  await step('verify');

  // Every write goes through this one connection into the WAL, which the checkpoint emptied: a
  // frame there now is a write the copy does not have. (After the close there is no WAL to
  // look at: the last connection's close deletes it.)
  if (walBytes(file) > 0) throw new WritesDuringEncryptionError();
  run.closeWriter();
  await step('close');

  const plainAside = `${file}${UNENCRYPTED_INFIX}${stamp}`;
  for (const sidecar of sidecarFiles(file)) {
    if (fs.existsSync(sidecar)) {
      await renameWithRetry(sidecar, `${sidecar}${UNENCRYPTED_INFIX}${stamp}`, run.renameRetry);
    }
  }
  await renameWithRetry(file, plainAside, run.renameRetry);
  await step('aside');

  await renameWithRetry(staging, file, run.renameRetry);
  fsyncDirectory(path.dirname(file));
  await step('swap');
  return { backup, plainAside };
}

function walBytes(file: string): number {
  try {
    return fs.statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
}

/**
 * Brings the files of a conversion that stopped (a crash, a failure) to a working state, before
 * the ledger is opened: with the ledger in place the staging copy is unfinished or unused and is
 * removed; with the ledger moved aside the copy was verified before the move, so it goes in.
 * Returns what it did, for the log.
 */
export async function settleInterruptedEncryption(
  paths: LedgerPaths,
  renameRetry?: RenameRetry,
): Promise<'none' | 'discarded' | 'finished'> {
  const file = paths.ledgerFile;
  const staging = encryptingFileOf(file);
  if (!fs.existsSync(staging)) return 'none';
  if (fs.existsSync(file)) {
    for (const leftover of [staging, ...sidecarFiles(staging)]) {
      fs.rmSync(leftover, { force: true });
    }
    return 'discarded';
  }
  if (!plainAsides(paths).some((name) => !/-(wal|shm|journal)\./.test(name))) return 'none';
  for (const leftover of sidecarFiles(staging)) fs.rmSync(leftover, { force: true });
  await renameWithRetry(staging, file, renameRetry);
  fsyncDirectory(path.dirname(file));
  return 'finished';
}

/** Names in the ledger folder of plain ledgers (and their sidecars) moved aside by a conversion. */
export function plainAsides(paths: LedgerPaths): string[] {
  const ledgerName = path.basename(paths.ledgerFile);
  let names: string[];
  try {
    names = fs.readdirSync(path.dirname(paths.ledgerFile));
  } catch {
    return [];
  }
  return names.filter((name) => name.startsWith(ledgerName) && name.includes(UNENCRYPTED_INFIX));
}

import fs from 'node:fs';
import path from 'node:path';
import {
  BackupVerificationError,
  fsyncDirectory,
  listBackups,
  verifyLedgerFile,
} from './backup.js';
import type { BackupInfo } from './backup.js';
import {
  LEDGER_APPLICATION_ID,
  applicationIdOf,
  openConnection,
  schemaVersionOf,
} from './connection.js';
import type { Db } from './connection.js';
import { readMarker, sidecarFiles, writeMarker } from './ledger-files.js';
import type { LedgerPaths } from './ledger-files.js';
import { DatabaseFromFutureError, MigrationFailedError, migrate } from './migrate.js';
import type { Migration } from './migrations/migration.js';

/**
 * Every way opening the ledger can end. Only READY hands out a connection; every other state
 * leaves the files exactly as they were found so nothing is lost while the user decides.
 */
export type LedgerOpenResult =
  | { readonly state: 'READY'; readonly db: Db; readonly migratedFrom: number | null }
  | { readonly state: 'MISSING'; readonly backups: readonly BackupInfo[] }
  | { readonly state: 'TOO_NEW'; readonly found: number; readonly supported: number }
  | {
      readonly state: 'MIGRATION_FAILED';
      readonly failedVersion: number;
      readonly stoppedAt: number;
      readonly backup: BackupInfo | null;
    }
  | { readonly state: 'NOT_A_LEDGER'; readonly backups: readonly BackupInfo[] };

export interface OpenLedgerOptions {
  readonly migrations: readonly Migration[];
  readonly now: () => Date;
}

export async function openLedger(
  paths: LedgerPaths,
  options: OpenLedgerOptions,
): Promise<LedgerOpenResult> {
  const marker = readMarker(paths);
  const exists = fs.existsSync(paths.ledgerFile);
  if (!exists && marker !== null) {
    return { state: 'MISSING', backups: listBackups(paths.backupDir) };
  }
  fs.mkdirSync(path.dirname(paths.ledgerFile), { recursive: true });

  let db: Db;
  try {
    db = openConnection(paths.ledgerFile);
  } catch {
    return { state: 'NOT_A_LEDGER', backups: listBackups(paths.backupDir) };
  }
  try {
    const version = schemaVersionOf(db);
    const appId = applicationIdOf(db);
    if (version > 0 && appId !== LEDGER_APPLICATION_ID) {
      db.close();
      return { state: 'NOT_A_LEDGER', backups: listBackups(paths.backupDir) };
    }
    const result = await migrate(db, {
      migrations: options.migrations,
      backupDir: paths.backupDir,
      now: options.now,
    });
    const nowIso = options.now().toISOString();
    writeMarker(paths, {
      format: 1,
      ledgerCreatedAt: marker?.ledgerCreatedAt ?? nowIso,
      lastOpenedAt: nowIso,
    });
    return { state: 'READY', db, migratedFrom: result.from === result.to ? null : result.from };
  } catch (error) {
    db.close();
    if (error instanceof DatabaseFromFutureError) {
      return { state: 'TOO_NEW', found: error.found, supported: error.supported };
    }
    if (error instanceof MigrationFailedError) {
      return {
        state: 'MIGRATION_FAILED',
        failedVersion: error.failedVersion,
        stoppedAt: error.stoppedAt,
        backup: error.backup,
      };
    }
    if (isNotADatabaseError(error)) {
      return { state: 'NOT_A_LEDGER', backups: listBackups(paths.backupDir) };
    }
    throw error;
  }
}

function isNotADatabaseError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT';
}

/**
 * Puts a verified backup in place of the ledger. Whatever is at the ledger path (a damaged file,
 * stale WAL files) is moved aside, never deleted, so the restore itself can be undone by hand.
 * The caller must have closed its connection.
 */
export function restoreBackup(paths: LedgerPaths, backupFileName: string, now: Date): BackupInfo {
  const safeName = path.basename(backupFileName);
  if (safeName !== backupFileName || !safeName.endsWith('.sqlite')) {
    throw new BackupVerificationError('备份文件名无效');
  }
  const source = path.join(paths.backupDir, safeName);
  if (!fs.existsSync(source)) throw new BackupVerificationError('找不到该备份文件');
  const info = verifyLedgerFile(source);

  fs.mkdirSync(path.dirname(paths.ledgerFile), { recursive: true });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  for (const file of [paths.ledgerFile, ...sidecarFiles(paths.ledgerFile)]) {
    if (fs.existsSync(file)) fs.renameSync(file, `${file}.before-restore-${stamp}`);
  }
  const staging = `${paths.ledgerFile}.restoring`;
  fs.copyFileSync(source, staging);
  verifyLedgerFile(staging);
  fs.renameSync(staging, paths.ledgerFile);
  fsyncDirectory(path.dirname(paths.ledgerFile));
  return info;
}

/**
 * Starts an empty ledger after the user has confirmed that the old one is gone for good. The
 * marker is rewritten so the loss is not reported again.
 */
export function acknowledgeLossAndStartEmpty(paths: LedgerPaths, now: Date): void {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  for (const file of [paths.ledgerFile, ...sidecarFiles(paths.ledgerFile)]) {
    if (fs.existsSync(file)) fs.renameSync(file, `${file}.abandoned-${stamp}`);
  }
  fs.rmSync(paths.markerFile, { force: true });
}

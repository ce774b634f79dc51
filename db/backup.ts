import fs from 'node:fs';
import path from 'node:path';
import {
  LEDGER_APPLICATION_ID,
  applicationIdOf,
  openConnection,
  passesIntegrityCheck,
  schemaVersionOf,
} from './connection.js';
import type { Db } from './connection.js';

export interface BackupInfo {
  readonly fileName: string;
  readonly path: string;
  readonly bytes: number;
  readonly createdAt: string;
  readonly schemaVersion: number;
}

export class BackupVerificationError extends Error {}

/**
 * Copies a live ledger with SQLite's online backup API (never a file copy: the WAL may hold
 * committed pages), fsyncs the copy, then opens it and checks it before calling it a backup.
 */
export async function backupLedger(db: Db, destination: string): Promise<BackupInfo> {
  fs.mkdirSync(path.dirname(destination), { recursive: true });
  const partial = `${destination}.partial`;
  fs.rmSync(partial, { force: true });
  await db.backup(partial);
  // The copy inherits WAL mode from the live ledger; as a standalone file it must be a single
  // self-contained file, so switch it to rollback-journal mode before it is verified or moved.
  const copy = openConnection(partial);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  fsyncFile(partial);
  const info = verifyLedgerFile(partial);
  fs.renameSync(partial, destination);
  fsyncDirectory(path.dirname(destination));
  return { ...info, fileName: path.basename(destination), path: destination };
}

/**
 * Opens a ledger file read-only and checks that it is intact, ours (our application_id and a
 * schema of at least 1) and, when `maxSchemaVersion` is given, not from a newer app: a file
 * that passes can be put in place of the ledger and opened.
 */
export function verifyLedgerFile(file: string, maxSchemaVersion?: number): BackupInfo {
  let copy: Db | undefined;
  try {
    copy = openConnection(file, { readonly: true });
    if (!passesIntegrityCheck(copy)) {
      throw new BackupVerificationError(`备份文件未通过完整性检查：${path.basename(file)}`);
    }
    const schemaVersion = schemaVersionOf(copy);
    const appId = applicationIdOf(copy);
    if (schemaVersion < 1 || appId !== LEDGER_APPLICATION_ID) {
      throw new BackupVerificationError(`该文件不是调解工作台的台账：${path.basename(file)}`);
    }
    if (maxSchemaVersion !== undefined && schemaVersion > maxSchemaVersion) {
      throw new BackupVerificationError(
        `该备份由更新版本的调解工作台创建，请先安装新版本：${path.basename(file)}`,
      );
    }
    const stat = fs.statSync(file);
    return {
      fileName: path.basename(file),
      path: file,
      bytes: stat.size,
      createdAt: stat.mtime.toISOString(),
      schemaVersion,
    };
  } catch (error) {
    if (error instanceof BackupVerificationError) throw error;
    throw new BackupVerificationError(`无法读取备份文件：${path.basename(file)}`);
  } finally {
    copy?.close();
  }
}

export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function fsyncDirectory(dir: string): void {
  // Windows cannot open a directory for fsync; NTFS metadata is journaled there anyway.
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function listBackups(backupDir: string): BackupInfo[] {
  if (!fs.existsSync(backupDir)) return [];
  return fs
    .readdirSync(backupDir)
    .filter((name) => name.endsWith('.sqlite'))
    .map((name) => {
      const file = path.join(backupDir, name);
      const stat = fs.statSync(file);
      return {
        fileName: name,
        path: file,
        bytes: stat.size,
        createdAt: stat.mtime.toISOString(),
        schemaVersion: -1,
      };
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.fileName.localeCompare(a.fileName));
}

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
import { makePrivateDir, makePrivateFile } from './file-modes.js';
import { LedgerKeyUnusableError, connectionKey, isKeyProblem } from './ledger-cipher.js';
import { runSqliteJob } from './sqlite-worker.js';
import type { CheckFindings } from './sqlite-worker.js';
import { storageFaultOf } from './storage-errors.js';
import { fsyncDirectory, fsyncFile, fsyncFileAsync } from './fsync.js';

// Here before db/fsync.ts existed; kept so its importers need not change.
export { fsyncDirectory, fsyncFile };

export interface BackupInfo {
  readonly fileName: string;
  readonly path: string;
  readonly bytes: number;
  readonly createdAt: string;
  readonly schemaVersion: number;
}

export class BackupVerificationError extends Error {}

/** SQLite found structural damage in the live ledger: nothing may be copied or written. */
export class LedgerDamagedError extends Error {
  constructor(readonly findings: readonly string[]) {
    super(`ledger failed its check: ${findings.slice(0, 3).join('; ')}`);
    this.name = 'LedgerDamagedError';
  }
}

/**
 * Runs SQLite's structural check on a file off the main thread: `quick_check` (pages, cells,
 * b-tree order) or the full `integrity_check` (also every index against its table). A file so
 * broken that SQLite refuses to read it counts as a finding, not as an error — except an
 * encrypted file the key does not open (LedgerKeyUnusableError): a key problem is not damage.
 */
export async function checkLedgerFile(
  file: string,
  full: boolean,
  key?: Buffer | null,
): Promise<CheckFindings> {
  try {
    return await runSqliteJob({ op: 'check', file, full }, key);
  } catch (error) {
    if (isKeyProblem(file, error)) throw new LedgerKeyUnusableError(file);
    if (storageFaultOf(error) === 'CORRUPT') return [(error as Error).message];
    throw error;
  }
}

/**
 * A verified copy of the live ledger: `VACUUM INTO` a `.partial` file (a consistent, compacted
 * snapshot that also works on an encrypted ledger, where the page-copying backup API does not),
 * fsync (SQLite does not sync VACUUM INTO output), check of the copy (full when plain, every
 * page's tag through quick_check when encrypted), and only then the
 * rename that makes it a backup. The full check of the ledger itself runs meanwhile on a thread
 * of its own (each is one whole-file pass, and two threads take the longer of the two instead of
 * their sum); the rename waits for both, so a damaged ledger still gets no backup and cannot
 * rotate good copies away — its findings win over whatever the copy met. The ledger must be
 * checked itself: a copy rebuilt by VACUUM INTO can pass where the ledger does not.
 */
export async function backupLedger(
  db: Db,
  destination: string,
  options: {
    /**
     * The caller knows the ledger passed its start-up check with nothing written since (the
     * conversion's plain copy, which no rotation follows): the check of the copy is enough.
     */
    readonly ledgerChecked?: boolean;
    /** Each step as it starts and ends (tests: the order; benches: the split). */
    readonly onStep?: (step: BackupStep, phase: 'start' | 'end') => void;
  } = {},
): Promise<BackupInfo> {
  const key = connectionKey(db);
  const step = options.onStep ?? (() => undefined);
  const ledgerFindings: Promise<CheckFindings> = options.ledgerChecked
    ? Promise.resolve([])
    : timedStep(step, 'ledgerCheck', () => checkLedgerFile(db.name, true, key));
  // Awaited below, after the copy: until then a rejection must not count as unhandled.
  ledgerFindings.catch(() => undefined);
  const partial = `${destination}.partial`;
  try {
    let copied: { info: BackupInfo } | { error: unknown };
    try {
      copied = { info: await verifiedPartialCopy(db, partial, key, step) };
    } catch (error) {
      copied = { error };
    }
    const findings = await ledgerFindings;
    if (findings.length > 0) throw new LedgerDamagedError(findings);
    if ('error' in copied) throw copied.error;
    step('rename', 'start');
    fs.renameSync(partial, destination);
    fsyncDirectory(path.dirname(destination));
    step('rename', 'end');
    return { ...copied.info, fileName: path.basename(destination), path: destination };
  } catch (error) {
    // A failed copy must not linger as a half-written file (a full disk stays full otherwise).
    try {
      fs.rmSync(partial, { force: true });
    } catch {
      // Left for the start-up clean-up.
    }
    throw error;
  }
}

export type BackupStep = 'ledgerCheck' | 'vacuumInto' | 'fsync' | 'copyCheck' | 'rename';

async function timedStep<T>(
  step: (name: BackupStep, phase: 'start' | 'end') => void,
  name: BackupStep,
  run: () => Promise<T>,
): Promise<T> {
  step(name, 'start');
  const result = await run();
  step(name, 'end');
  return result;
}

/** VACUUM INTO `partial` → 0600 → fsync → check of the copy; the caller renames it. */
async function verifiedPartialCopy(
  db: Db,
  partial: string,
  key: Buffer | null,
  step: (name: BackupStep, phase: 'start' | 'end') => void,
): Promise<BackupInfo> {
  makePrivateDir(path.dirname(partial));
  fs.rmSync(partial, { force: true });
  try {
    await timedStep(step, 'vacuumInto', () =>
      runSqliteJob({ op: 'vacuumInto', file: db.name, destination: partial }, key),
    );
  } catch (error) {
    if (isKeyProblem(db.name, error)) throw new LedgerKeyUnusableError(db.name);
    if (storageFaultOf(error) === 'CORRUPT') {
      throw new LedgerDamagedError([(error as Error).message]);
    }
    throw error;
  }
  makePrivateFile(partial);
  await timedStep(step, 'fsync', () => fsyncFileAsync(partial));
  // An encrypted copy: quick_check reads every page of it (every b-tree page and overflow
  // chain; VACUUM INTO leaves no free page), and each read checks the page's tag (AEGIS-256, or Poly1305 on a legacy ChaCha20 file), so
  // any byte changed since it was written fails the check. What only the full check adds, an
  // index against its table, is the ledger's content, which VACUUM INTO transfers as it is and
  // the ledger's own full check proves beside this copy. A plain copy has no tag: full check.
  return timedStep(step, 'copyCheck', () =>
    verifyLedgerCopy(partial, undefined, key, { full: key === null }),
  );
}

/**
 * verifyLedgerFile with the check on a worker thread (for copies of a large ledger): the full
 * one unless the caller says `full: false` (backupLedger, for an encrypted copy only).
 */
export async function verifyLedgerCopy(
  file: string,
  maxSchemaVersion?: number,
  key?: Buffer | null,
  options: { readonly full?: boolean } = {},
): Promise<BackupInfo> {
  let findings: CheckFindings;
  try {
    findings = await checkLedgerFile(file, options.full ?? true, key);
  } catch (error) {
    if (error instanceof LedgerKeyUnusableError) {
      throw new BackupVerificationError(
        `备份文件已加密，本机的密钥打不开它（需要建立该备份的那台电脑的 keys 文件夹）：${path.basename(file)}`,
      );
    }
    throw new BackupVerificationError(`无法读取备份文件：${path.basename(file)}`);
  }
  if (findings.length > 0) {
    throw new BackupVerificationError(`备份文件未通过完整性检查：${path.basename(file)}`);
  }
  return verifyLedgerFile(file, maxSchemaVersion, { skipIntegrity: true, key });
}

/**
 * Opens a ledger file read-only and checks that it is intact, ours (our application_id and a
 * schema of at least 1) and, when `maxSchemaVersion` is given, not from a newer app: a file
 * that passes can be put in place of the ledger and opened.
 */
export function verifyLedgerFile(
  file: string,
  maxSchemaVersion?: number,
  options: { readonly skipIntegrity?: boolean; readonly key?: Buffer | null } = {},
): BackupInfo {
  let copy: Db | undefined;
  try {
    copy = openConnection(file, { readonly: true, key: options.key ?? null });
    if (!options.skipIntegrity && !passesIntegrityCheck(copy)) {
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

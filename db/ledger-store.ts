import fs from 'node:fs';
import path from 'node:path';
import {
  BackupVerificationError,
  fsyncDirectory,
  fsyncFile,
  listBackups,
  verifyLedgerCopy,
} from './backup.js';
import type { BackupInfo } from './backup.js';
import {
  LEDGER_APPLICATION_ID,
  applicationIdOf,
  openConnection,
  schemaVersionOf,
} from './connection.js';
import type { Db } from './connection.js';
import { SYSTEM_ACTOR, type AuditContext } from './audit/audit-functions.js';
import { auditKeyFileFor, loadOrCreateAuditKey, type AuditKey } from './audit/audit-key.js';
import { appendAuditEvent } from './audit/audit-log.js';
import { makePrivateDir, makePrivateFile, tightenExisting } from './file-modes.js';
import { readMarker, sidecarFiles, writeMarker } from './ledger-files.js';
import { ledgerFileKind, ledgerKeyStore } from './ledger-cipher.js';
import { keyOpening, ledgerKeyRing, makeLedgerKeyCurrent } from './ledger-key-ring.js';
import type { LedgerPaths } from './ledger-files.js';
import { settleInterruptedEncryption } from './plain-ledger-encryption.js';
import { DatabaseFromFutureError, MigrationFailedError, migrate } from './migrate.js';
import type { Migration } from './migrations/migration.js';
import { storageFaultOf } from './storage-errors.js';

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
  | { readonly state: 'NOT_A_LEDGER'; readonly backups: readonly BackupInfo[] }
  /** Locked by another program, read-only, disk full, a disk error: never start empty. */
  | { readonly state: 'UNAVAILABLE'; readonly reason: UnavailableReason; readonly detail: string };

export type UnavailableReason = 'READ_ONLY' | 'FULL' | 'KEY_MISSING' | 'KEY_MISMATCH' | 'OTHER';

export function unavailable(error: unknown): Extract<LedgerOpenResult, { state: 'UNAVAILABLE' }> {
  const fault = storageFaultOf(error);
  const reason = fault === 'READ_ONLY' ? 'READ_ONLY' : fault === 'FULL' ? 'FULL' : 'OTHER';
  return { state: 'UNAVAILABLE', reason, detail: describe(error) };
}

export interface OpenLedgerOptions {
  readonly migrations: readonly Migration[];
  readonly now: () => Date;
  /** Who the audit chain names for writes through this connection (default: the system). */
  readonly actor?: () => string;
  /** `later`: the caller records the audit baseline's rows after opening (see `migrate`). */
  readonly auditBaseline?: 'now' | 'later';
  /** A ledger made by this open is encrypted (the app's; db tests keep plain ledgers). */
  readonly encryptNew?: boolean;
}

export async function openLedger(
  paths: LedgerPaths,
  options: OpenLedgerOptions,
): Promise<LedgerOpenResult> {
  // Before anything looks at the ledger's name: a conversion to encryption that stopped between
  // its two renames has the ledger under another name.
  try {
    await settleInterruptedEncryption(paths);
  } catch (error) {
    return unavailable(error);
  }
  const marker = readMarker(paths);
  const exists = fs.existsSync(paths.ledgerFile);
  if (!exists && marker !== null) {
    return { state: 'MISSING', backups: listBackups(paths.backupDir) };
  }
  // The marker can vanish with the ledger (a folder emptied by hand, a profile copied without
  // it). Backups beside it still prove there was a ledger: offer them, never start empty.
  if (!exists && marker === null) {
    const backups = listBackups(paths.backupDir);
    if (backups.length > 0) return { state: 'MISSING', backups };
  }
  // A ledger that existed (marker) but is now an empty file was truncated or replaced: opening
  // it would silently start a new empty ledger, and the daily backups would then rotate the
  // good copies away.
  if (exists && marker !== null && fs.statSync(paths.ledgerFile).size === 0) {
    return { state: 'NOT_A_LEDGER', backups: listBackups(paths.backupDir) };
  }

  // Look before touching: the read-write open below switches the file to WAL mode, which
  // would already change a file that turns out not to be ours. SQLite would open a
  // write-protected file read-only and fail at the first write; say what it is instead.
  if (exists) {
    const readOnly = notWritable(paths.ledgerFile) ?? notWritable(path.dirname(paths.ledgerFile));
    if (readOnly) return { state: 'UNAVAILABLE', reason: 'READ_ONLY', detail: readOnly };
    const keyProblem = keyProblemOf(paths.ledgerFile);
    if (keyProblem) return keyProblem;
    const verdict = inspectExisting(paths.ledgerFile, marker !== null);
    if (verdict === 'NOT_A_LEDGER') {
      return { state: 'NOT_A_LEDGER', backups: listBackups(paths.backupDir) };
    }
    if (verdict !== 'OURS') return verdict;
  }

  let db: Db;
  let audit: ReturnType<typeof auditContextFor>;
  try {
    makePrivateDir(paths.dataDir);
    makePrivateDir(path.dirname(paths.ledgerFile));
    audit = auditContextFor(paths, options);
    db = openConnection(paths.ledgerFile, {
      audit: audit.context,
      encryptNew: options.encryptNew === true,
    });
    for (const file of [paths.ledgerFile, ...sidecarFiles(paths.ledgerFile)]) {
      if (fs.existsSync(file)) makePrivateFile(file);
    }
    tightenExisting(paths.backupDir);
  } catch (error) {
    return isNotADatabaseError(error)
      ? { state: 'NOT_A_LEDGER', backups: listBackups(paths.backupDir) }
      : unavailable(error);
  }
  try {
    const result = await migrate(db, {
      migrations: options.migrations,
      ...(options.auditBaseline ? { auditBaseline: options.auditBaseline } : {}),
      backupDir: paths.backupDir,
      now: options.now,
    });
    // Make (or load) the key now, with the ledger, not at the first write.
    db.prepare('SELECT audit_key_id()').get();
    if (audit.madeNewKey()) noteNewAuditKey(db);
    const nowIso = options.now().toISOString();
    writeMarker(paths, {
      format: 1,
      ledgerCreatedAt: marker?.ledgerCreatedAt ?? nowIso,
      lastOpenedAt: nowIso,
      ...(ledgerFileKind(paths.ledgerFile) === 'encrypted' ? { encrypted: true } : {}),
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
    return unavailable(error);
  }
}

/**
 * Decided by the file, not by the marker (a ledger copied without `ledger-state.json` or
 * `keys/`): a file that is not plain SQLite is an encrypted ledger, and without a key that
 * opens its first page it is a key problem, never "not a ledger" — that state offers starting
 * empty, which would abandon the only copy. Garbage bytes read the same way; that is the safe
 * side. The file is not touched.
 */
function keyProblemOf(file: string): Extract<LedgerOpenResult, { state: 'UNAVAILABLE' }> | null {
  if (ledgerFileKind(file) !== 'encrypted') return null;
  let key: Buffer | null;
  try {
    key = ledgerKeyStore().read(file);
  } catch (error) {
    // A damaged key file or one this user may not read: still a key problem, with its sentence.
    return { state: 'UNAVAILABLE', reason: 'KEY_MISSING', detail: describe(error) };
  }
  if (!key) {
    if (keptKeyMadeCurrent(file)) return null;
    return { state: 'UNAVAILABLE', reason: 'KEY_MISSING', detail: `no data key for ${file}` };
  }
  let probe: Db | undefined;
  try {
    probe = openConnection(file, { readonly: true, key });
    probe.prepare('SELECT count(*) FROM sqlite_master').get();
    return null;
  } catch (error) {
    // Only NOTADB: a wrong key fails page 1 that way, while SQLITE_CORRUPT is damage.
    if ((error as { code?: unknown }).code === 'SQLITE_NOTADB') {
      probe?.close();
      probe = undefined;
      if (keptKeyMadeCurrent(file)) return null;
      return {
        state: 'UNAVAILABLE',
        reason: 'KEY_MISMATCH',
        detail: `the data key does not open ${file}`,
      };
    }
    return null; // Locked, unreadable, …: the checks that follow say which.
  } finally {
    probe?.close();
  }
}

/**
 * A restore of a backup under another key puts the file in place and then switches the current
 * key; killed between the two, the ledger's own key is in the ring: it becomes current again.
 */
function keptKeyMadeCurrent(file: string): boolean {
  const key = keyOpening(file, ledgerKeyRing(file));
  if (!key) return false;
  makeLedgerKeyCurrent(file, key);
  return true;
}

/**
 * The audit key lives in `<dataDir>/keys/audit.key`, made with the ledger. When it is missing
 * beside a ledger that already has a chain (a restore on another computer, a lost keys folder),
 * a new key is made and the chain says so (AUDIT_KEY_NEW): entries made before stay linked but
 * their MACs say "密钥缺失" until the old key file is put back.
 */
function auditContextFor(
  paths: LedgerPaths,
  options: OpenLedgerOptions,
): { context: AuditContext; madeNewKey: () => boolean } {
  let key: AuditKey | null = null;
  let created = false;
  return {
    context: {
      key: () => {
        if (!key) {
          const loaded = loadOrCreateAuditKey(auditKeyFileFor(paths.ledgerFile));
          key = loaded.key;
          created = loaded.created;
        }
        return key;
      },
      actor: options.actor ?? (() => SYSTEM_ACTOR),
      now: options.now,
    },
    madeNewKey: () => created,
  };
}

/** Records that the key was made anew while earlier entries exist (once, after migrating). */
function noteNewAuditKey(db: Db): void {
  const earlier = db
    .prepare('SELECT count(*) FROM audit_log WHERE key_id <> audit_key_id()')
    .pluck()
    .get() as number;
  if (earlier > 0) {
    appendAuditEvent(db, { action: 'AUDIT_KEY_NEW', detail: { entriesWithOtherKey: earlier } });
  }
}

function notWritable(file: string): string | null {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    return null;
  } catch (error) {
    return describe(error);
  }
}

function isNotADatabaseError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT';
}

/**
 * Reads the header of an existing file through a read-only connection. Ours: our application_id
 * with a schema ≥ 1, or (before the first start ever completed) an empty database. Version 0
 * after a successful start means the schema vanished: not a ledger any more.
 */
function inspectExisting(
  file: string,
  openedBefore: boolean,
): 'OURS' | 'NOT_A_LEDGER' | Extract<LedgerOpenResult, { state: 'UNAVAILABLE' }> {
  let probe: Db | undefined;
  try {
    probe = openConnection(file, { readonly: true });
    const version = schemaVersionOf(probe);
    if (version > 0)
      return applicationIdOf(probe) === LEDGER_APPLICATION_ID ? 'OURS' : 'NOT_A_LEDGER';
    return openedBefore || hasTables(probe) ? 'NOT_A_LEDGER' : 'OURS';
  } catch (error) {
    return isNotADatabaseError(error) ? 'NOT_A_LEDGER' : unavailable(error);
  } finally {
    probe?.close();
  }
}

function hasTables(db: Db): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' LIMIT 1").get() !== undefined;
}

/** For the log and the technician; the mediator sees a fixed Chinese sentence. */
function describe(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' ? `${code}: ${message}` : message;
}

/**
 * Puts a verified backup in place of the ledger. Whatever is at the ledger path (a damaged file,
 * stale WAL files) is moved aside, never deleted, so the restore itself can be undone by hand.
 * The caller must have closed its connection.
 */
export async function restoreBackup(
  paths: LedgerPaths,
  backupFileName: string,
  now: Date,
  latestSchemaVersion: number,
  options: { readonly sourceVerified?: BackupInfo; readonly key?: Buffer } = {},
): Promise<BackupInfo> {
  const safeName = path.basename(backupFileName);
  if (safeName !== backupFileName || !safeName.endsWith('.sqlite')) {
    throw new BackupVerificationError('备份文件名无效');
  }
  const source = path.join(paths.backupDir, safeName);
  if (!fs.existsSync(source)) throw new BackupVerificationError('找不到该备份文件');
  const info =
    options.sourceVerified ?? (await verifyLedgerCopy(source, latestSchemaVersion, options.key));

  // The copy is made, flushed to disk and checked before anything at the ledger path moves, so
  // a full disk or a power cut mid-restore leaves the current files where they were.
  fs.mkdirSync(path.dirname(paths.ledgerFile), { recursive: true });
  const staging = `${paths.ledgerFile}.restoring`;
  fs.rmSync(staging, { force: true });
  fs.copyFileSync(source, staging);
  makePrivateFile(staging);
  fsyncFile(staging);
  await verifyLedgerCopy(staging, latestSchemaVersion, options.key);

  const stamp = now.toISOString().replace(/[:.]/g, '-');
  for (const file of [paths.ledgerFile, ...sidecarFiles(paths.ledgerFile)]) {
    if (fs.existsSync(file)) fs.renameSync(file, `${file}.before-restore-${stamp}`);
  }
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

import { copyAuditKeyTo } from '../../db/audit/audit-key.js';
import {
  LedgerKeyUnusableError,
  connectionKey,
  isKeyProblem,
  ledgerFileKind,
} from '../../db/ledger-cipher.js';
import { plainBackups } from '../../db/plain-copies.js';
import { backoffSecondsAfter } from '../../domain/accounts/sign-in-backoff.js';
import {
  keepLedgerKey,
  keyOpening,
  ledgerKeyRing,
  makeLedgerKeyCurrent,
  placeRecoverySlotBesideBackups,
  recoverySlotsBesideBackups,
} from '../../db/ledger-key-ring.js';
import type { AuditVerification } from '../../domain/audit/audit-views.js';
import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo } from '../../db/backup.js';
import {
  BackupVerificationError,
  LedgerDamagedError,
  listBackups,
  verifyLedgerCopy,
} from '../../db/backup.js';
import {
  copyVerifiedBackup,
  parseBackupName,
  pruneScheduledBackups,
  takeBeforeRestoreBackup,
  takeManualBackup,
  takeScheduledBackups,
} from '../../db/backup-rotation.js';
import type { ScheduledKind } from '../../db/backup-rotation.js';
import {
  readBackupRecord,
  readBackupSettings,
  updateBackupRecord,
  writeBackupSettings,
} from '../../db/backup-records.js';
import type { BackupOutcome, BackupRecord } from '../../db/backup-records.js';
import { acknowledgeLossAndStartEmpty, restoreBackup } from '../../db/ledger-store.js';
import { compareWithBackup } from '../../db/restore-compare.js';
import { getRoomSettings } from '../../db/room-settings-queries.js';
import { storageFaultOf } from '../../db/storage-errors.js';
import type {
  BackupEncryption,
  BackupHealth,
  BackupKindLabel,
  BackupSummary,
  LedgerStatus,
  RestorePreview,
  SystemStatus,
} from '../../domain/api/system-contract.js';
import { RESTORE_CONFIRMATION } from '../../domain/api/system-contract.js';
import { ApiError } from '../../domain/api/errors.js';
import { apiMessagesZhCN } from '../../domain/messages/zh-CN.js';
import { storageMessagesZhCN as msg } from '../../domain/messages/storage-zh-CN.js';
import { unavailableMessage } from './ledger-session.js';
import { sweepPlainCopies } from './plain-copies-sweep.js';
import {
  SECOND_COPY_SUBFOLDER,
  currentRecoverySlot,
  ledgerRecoveryCodeId,
  recoverySlotState,
  secondCopySlotState,
} from './recovery-key-slot-store.js';
import {
  RecoveryKeySlotError,
  parseRecoveryKeySlot,
  unwrapWithRecoveryCode,
} from './recovery-key-slot.js';
import type { LedgerSession } from './ledger-session.js';
import type { RestoreSigners } from './accounts-service.js';

/** A backup in backups/ as copyVerifiedBackup takes it (it was verified when it was made). */
function verifiedLocal(file: string): BackupInfo {
  const stat = fs.statSync(file);
  return {
    fileName: path.basename(file),
    path: file,
    bytes: stat.size,
    createdAt: stat.mtime.toISOString(),
    schemaVersion: -1,
  };
}

const summary = (b: BackupInfo): BackupSummary => ({
  fileName: b.fileName,
  bytes: b.bytes,
  createdAt: b.createdAt,
  kind: (parseBackupName(b.fileName)?.kind ?? 'other') as BackupKindLabel,
  encryption: encryptionOf(b.path),
});

/** 已加密 / 未加密 in the backup lists: 16 bytes of each file, read here, never by the page. */
function encryptionOf(file: string): BackupEncryption {
  try {
    const kind = ledgerFileKind(file);
    if (kind === 'plain') return 'PLAIN';
    return kind === 'encrypted' ? 'ENCRYPTED' : 'UNKNOWN';
  } catch {
    return 'UNKNOWN';
  }
}

/** The sentence for a backup that did not happen; the ledger itself is never the worse for it. */
export function backupFailureMessage(error: unknown): string {
  if (error instanceof LedgerDamagedError) return msg.backupLedgerDamaged;
  if (error instanceof LedgerKeyUnusableError) return msg.backupKeyUnusable;
  if (error instanceof BackupVerificationError) return msg.backupCopyBad;
  switch (storageFaultOf(error)) {
    case 'FULL':
      return msg.backupFull;
    case 'READ_ONLY':
      return msg.backupReadOnly;
    case 'CORRUPT':
      return msg.backupLedgerDamaged;
    default:
      return msg.backupOther;
  }
}

function secondFolderReason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return msg.secondFolderMissing;
  const fault = storageFaultOf(error);
  if (fault === 'FULL') return msg.secondFolderFull;
  if (fault === 'READ_ONLY') return msg.secondFolderReadOnly;
  return msg.secondFolderOther;
}

/** The preview as this service knows it; the accounts add who must confirm (handlers.ts). */
export type PreviewWithoutWitness = Omit<RestorePreview, 'witnessRole' | 'witnessNotice'>;

export class SystemService {
  private readonly inFlight = new Set<Promise<unknown>>();
  /** The last outcomes also in memory: on a full disk the record file cannot be written. */
  private record: BackupRecord | null = null;

  constructor(
    private readonly ledger: LedgerSession,
    private readonly appVersion: string,
    private readonly latestSchemaVersion: number,
    private readonly restartedAfterCrashAt: string | null = null,
  ) {}

  private get dataDir(): string {
    return this.ledger.paths.dataDir;
  }

  status(): SystemStatus {
    return {
      appVersion: this.appVersion,
      schemaVersion: this.latestSchemaVersion,
      ledger: this.ledgerStatus(),
      backup: this.backupHealth(),
      restartedAfterCrashAt: this.restartedAfterCrashAt,
      auditProblem: this.auditProblemOf(),
      auditBaseline: this.ledger.auditBaseline,
      encryption: this.ledger.encryptionProgress,
    };
  }

  /** Set by the core: the audit service's last verification, when it found a problem. */
  auditProblem: () => AuditVerification | null = () => null;

  private auditProblemOf(): SystemStatus['auditProblem'] {
    const problem = this.auditProblem();
    if (!problem || problem.verdict === 'OK') return null;
    return { verdict: problem.verdict, summary: problem.summary, finishedAt: problem.finishedAt };
  }

  private backupHealth(): BackupHealth {
    const record = this.record ?? readBackupRecord(this.dataDir);
    const newer = (failure: BackupOutcome | null, success: BackupOutcome | null) =>
      failure && failure.message && (!success || failure.at > success.at)
        ? { at: failure.at, message: failure.message }
        : null;
    return {
      running: this.inFlight.size > 0,
      lastSuccessAt: record.lastSuccess?.at ?? null,
      failure: newer(record.lastFailure, record.lastSuccess),
      secondFolder: readBackupSettings(this.dataDir).secondFolder,
      secondCopyLastSuccessAt: record.secondCopyLastSuccess?.at ?? null,
      secondCopyFailure: newer(record.secondCopyLastFailure, record.secondCopyLastSuccess),
      recoveryKeySlot: recoverySlotState(
        this.ledger.paths.ledgerFile,
        this.liveKey() ?? null,
        this.recoveryCodeId(),
      ),
      recoveryKeySlotOnSecondCopy: secondCopySlotState(this.dataDir, this.currentSlot()),
    };
  }

  private ledgerStatus(): LedgerStatus {
    const result = this.ledger.state;
    if (result.state === 'READY') {
      const health = this.ledger.health;
      if (health.state === 'DAMAGED') {
        return {
          state: 'DAMAGED',
          message: msg.ledgerDamaged,
          findings: health.findings,
          backups: this.listBackups(),
        };
      }
      let settingsComplete = false;
      try {
        settingsComplete = getRoomSettings(result.db) !== null;
      } catch (error) {
        if (storageFaultOf(error) !== 'CORRUPT') throw error;
        this.ledger.markDamaged([(error as Error).message]);
        return this.ledgerStatus();
      }
      return {
        state: 'READY',
        settingsComplete,
        checking: health.state === 'CHECKING',
        encrypted: connectionKey(result.db) !== null,
      };
    }
    const message = unavailableMessage(result);
    switch (result.state) {
      case 'MISSING':
      case 'NOT_A_LEDGER':
        return { state: result.state, message, backups: result.backups.map(summary) };
      case 'TOO_NEW':
        return { state: 'TOO_NEW', message, found: result.found, supported: result.supported };
      case 'UNAVAILABLE':
        return { state: 'UNAVAILABLE', message, reason: result.reason };
      case 'MIGRATION_FAILED':
        return {
          state: 'MIGRATION_FAILED',
          message,
          failedVersion: result.failedVersion,
          stoppedAt: result.stoppedAt,
          backup: result.backup ? summary(result.backup) : null,
        };
      default: {
        const unreachable: never = result;
        throw new Error(`unknown ledger state ${String(unreachable)}`);
      }
    }
  }

  listBackups(): BackupSummary[] {
    return listBackups(this.ledger.paths.backupDir).map(summary);
  }

  /** "立即备份": a verified copy now, or a Chinese sentence saying why not. */
  async backupNow(): Promise<BackupSummary> {
    this.refuseWhileEncrypting();
    const db = this.ledger.db();
    const made = await this.track(
      this.recorded(() => takeManualBackup(db, this.ledger.paths.backupDir, this.ledger.now())),
    );
    return summary(made);
  }

  /**
   * The rotating copies that are due (all at start-up; hourly by the timer while the ledger
   * changes). Never throws: a failure is recorded and shown on 设置 and 工作台.
   */
  async scheduledBackup(kinds?: readonly ScheduledKind[]): Promise<BackupInfo[]> {
    // After a conversion the copies are of the encrypted ledger (its own start-up check first).
    await this.ledger.whenEncrypted();
    await this.ledger.whenChecked();
    const state = this.ledger.state;
    if (state.state !== 'READY' || this.ledger.damaged) return [];
    try {
      const made = await this.track(
        this.recordedMany(() =>
          takeScheduledBackups(state.db, this.ledger.paths.backupDir, this.ledger.now(), kinds),
        ),
      );
      await this.track(sweepPlainCopies(this.ledger));
      return made;
    } catch (error) {
      console.error('[backup] scheduled backup failed:', error);
      return [];
    }
  }

  private async recorded(take: () => Promise<BackupInfo>): Promise<BackupInfo> {
    const [made] = await this.recordedMany(async () => [await take()]);
    return made as BackupInfo;
  }

  /** Runs a backup, records the outcome in backup-status.json and sends a second copy. */
  private async recordedMany(take: () => Promise<BackupInfo[]>): Promise<BackupInfo[]> {
    const at = () => this.ledger.now().toISOString();
    let made: BackupInfo[];
    try {
      made = await take();
    } catch (error) {
      if (error instanceof LedgerDamagedError) this.ledger.markDamaged(error.findings);
      const message = backupFailureMessage(error);
      console.error('[backup] failed:', error);
      this.remember({ lastFailure: { at: at(), fileName: null, message } });
      throw new ApiError(
        error instanceof LedgerDamagedError ? 'LEDGER_DAMAGED' : 'BACKUP_FAILED',
        message,
      );
    }
    const last = made.at(-1);
    if (last) {
      this.remember({
        lastSuccess: { at: at(), fileName: last.fileName, message: null },
      });
      await this.sendSecondCopies(made);
    }
    return made;
  }

  /** A copy of each new backup in the folder the room chose (USB stick); its own record. */
  private async sendSecondCopies(made: readonly BackupInfo[]): Promise<void> {
    const folder = readBackupSettings(this.dataDir).secondFolder;
    if (folder === null) return;
    const at = this.ledger.now().toISOString();
    try {
      if (!fs.statSync(folder).isDirectory()) {
        throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
      }
      const target = path.join(folder, SECOND_COPY_SUBFOLDER);
      // The data key goes only wrapped by the recovery code (a lost stick must not open the
      // copies), and before any copy it opens; with a code printed before slots existed, no
      // key goes (设置 says so).
      const slot = this.currentSlot();
      if (slot) placeRecoverySlotBesideBackups(target, slot.keyId, slot.text);
      for (const info of made) await copyVerifiedBackup(info, target);
      // Plain copies there of backups encrypted here since (after the conversion) are replaced,
      // but only once the stick carries the key that opens their encrypted twins.
      const local = this.ledger.paths.backupDir;
      for (const name of slot ? plainBackups(target) : []) {
        const here = path.join(local, name);
        if (fs.existsSync(here) && ledgerFileKind(here) === 'encrypted') {
          await copyVerifiedBackup(verifiedLocal(here), target);
        }
      }
      // The audit key travels with the copies, or they could not be verified elsewhere.
      copyAuditKeyTo(this.ledger.paths.ledgerFile, target);
      const tag = parseBackupName(made[0]?.fileName ?? '')?.tag;
      if (tag) pruneScheduledBackups(target, tag);
      this.remember({
        secondCopyLastSuccess: { at, fileName: made.at(-1)?.fileName ?? null, message: null },
      });
    } catch (error) {
      console.error('[backup] second copy failed:', error);
      this.remember({
        secondCopyLastFailure: {
          at,
          fileName: null,
          message: msg.secondCopyFailed(folder, secondFolderReason(error)),
        },
      });
    }
  }

  setBackupFolder(folder: string | null): SystemStatus {
    if (folder !== null) {
      const resolved = path.resolve(folder);
      let isDir = false;
      try {
        isDir = path.isAbsolute(folder) && fs.statSync(resolved).isDirectory();
      } catch {
        isDir = false;
      }
      if (!isDir) {
        throw new ApiError('BAD_INPUT', msg.secondFolderInvalid, [
          { path: ['folder'], message: msg.secondFolderInvalid },
        ]);
      }
      const data = path.resolve(this.dataDir);
      if (resolved === data || resolved.startsWith(`${data}${path.sep}`)) {
        throw new ApiError('BAD_INPUT', msg.secondFolderInsideData, [
          { path: ['folder'], message: msg.secondFolderInsideData },
        ]);
      }
      writeBackupSettings(this.dataDir, { secondFolder: resolved });
    } else {
      writeBackupSettings(this.dataDir, { secondFolder: null });
    }
    return this.status();
  }

  private remember(change: Partial<BackupRecord>): void {
    this.record = updateBackupRecord(this.dataDir, change, this.record ?? undefined);
  }

  /** Copies still being written; the shell waits for them before it closes the ledger. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work)).catch(() => undefined);
    return work;
  }

  /** The recovery methods skip the write gate; the conversion's files must not move under it. */
  private refuseWhileEncrypting(): void {
    if (this.ledger.converting) throw new ApiError('LEDGER_ENCRYPTING', msg.encryptionRunning);
  }

  /** The id of the recovery code the open ledger holds the hash of; null without one. */
  private recoveryCodeId(): string | null {
    const state = this.ledger.state;
    return state.state === 'READY' ? ledgerRecoveryCodeId(state.db) : null;
  }

  /** The slot that may travel: the live key's, wrapped by the code the ledger holds. */
  private currentSlot(): ReturnType<typeof currentRecoverySlot> {
    return currentRecoverySlot(
      this.ledger.paths.ledgerFile,
      this.liveKey() ?? null,
      this.recoveryCodeId(),
    );
  }

  /** The open ledger's data key (read once when it opened); undefined: ask the key store. */
  private liveKey(): Buffer | undefined {
    const state = this.ledger.state;
    return state.state === 'READY' ? (connectionKey(state.db) ?? undefined) : undefined;
  }

  /**
   * The newest backup first; without a name, the newest one that passes its full check. An
   * encrypted backup is opened with whichever key of the ring opens it (the live ledger's first);
   * a named one no key here opens is BACKUP_OTHER_KEY (unlock it with its recovery code), never
   * "damaged"; without a name such backups are passed over.
   */
  private async chooseBackup(
    fileName: string | undefined,
  ): Promise<BackupInfo & { readonly key: Buffer | null }> {
    const all = listBackups(this.ledger.paths.backupDir);
    const candidates = fileName === undefined ? all : all.filter((b) => b.fileName === fileName);
    if (candidates.length === 0) {
      throw new ApiError('NOT_FOUND', apiMessagesZhCN.backupInvalid('找不到该备份文件'));
    }
    let lastError: unknown = null;
    for (const candidate of candidates) {
      const key = this.backupKey(candidate.path);
      if (key === undefined) {
        lastError = new ApiError('BACKUP_OTHER_KEY', msg.backupOtherKey(candidate.fileName));
        continue;
      }
      try {
        const checked = await verifyLedgerCopy(candidate.path, this.latestSchemaVersion, key);
        return { ...checked, createdAt: candidate.createdAt, key };
      } catch (error) {
        lastError = error;
      }
    }
    if (fileName !== undefined && lastError instanceof ApiError) throw lastError;
    const reason =
      lastError instanceof Error && !(lastError instanceof ApiError)
        ? lastError.message
        : '没有完好的备份';
    throw new ApiError('BAD_INPUT', apiMessagesZhCN.backupInvalid(reason));
  }

  /** The ring's key that opens `file`; null for a plain file; undefined when none does. */
  private backupKey(file: string): Buffer | null | undefined {
    let kind: ReturnType<typeof ledgerFileKind>;
    try {
      kind = ledgerFileKind(file);
    } catch {
      return null; // unreadable: the check that follows says so
    }
    if (kind !== 'encrypted') return null;
    const ring = ledgerKeyRing(this.ledger.paths.ledgerFile, this.liveKey());
    return keyOpening(file, ring) ?? undefined;
  }

  async restorePreview(fileName: string | undefined): Promise<PreviewWithoutWitness> {
    const backup = await this.chooseBackup(fileName);
    const state = this.ledger.state;
    let loss: ReturnType<typeof compareWithBackup> | null = null;
    if (state.state === 'READY') {
      try {
        loss = compareWithBackup(state.db, backup.path, backup.key);
      } catch (error) {
        // A backup under another key is not damage of the ledger.
        if (storageFaultOf(error) === 'CORRUPT' && !isKeyProblem(backup.path, error))
          this.ledger.markDamaged([(error as Error).message]);
        loss = null;
      }
    }
    return {
      backup: summary(backup),
      requiresConfirmation: this.restoreNeedsConfirmation(),
      lostCases: loss?.lostCases ?? null,
      changedCases: loss?.changedCases ?? null,
    };
  }

  /** Wrong recovery codes for unlocking a backup, in memory (the ledger may be missing). */
  private unlockFailures = { count: 0, untilMs: 0 };
  private unlocking: Promise<unknown> = Promise.resolve();

  /**
   * A backup under another key (BACKUP_OTHER_KEY), with the recovery code of the room it came
   * from: each key slot copied beside the backups is unwrapped with the code, and a key that
   * opens the chosen backup is kept in the ring (never in place of the current key). One guess
   * at a time, with the sign-in's backoff; a wrong code costs an Argon2 run per slot.
   */
  unlockBackup(fileName: string, recoveryCode: string): Promise<PreviewWithoutWitness> {
    const turn = this.unlocking.then(
      () => this.unlockNow(fileName, recoveryCode),
      () => this.unlockNow(fileName, recoveryCode),
    );
    this.unlocking = turn.catch(() => undefined);
    return turn;
  }

  private async unlockNow(fileName: string, recoveryCode: string): Promise<PreviewWithoutWitness> {
    const waitMs = this.unlockFailures.untilMs - this.ledger.now().getTime();
    if (waitMs > 0) {
      throw new ApiError('SIGN_IN_BACKOFF', msg.unlockBackoff(Math.ceil(waitMs / 1000)));
    }
    const backup = listBackups(this.ledger.paths.backupDir).find((b) => b.fileName === fileName);
    if (!backup) throw new ApiError('NOT_FOUND', apiMessagesZhCN.backupInvalid('找不到该备份文件'));
    if (this.backupKey(backup.path) !== undefined) return this.restorePreview(fileName);
    const files = recoverySlotsBesideBackups(this.ledger.paths.backupDir);
    if (files.length === 0) throw new ApiError('NOT_FOUND', msg.unlockSlotMissing);
    const slots = files.flatMap(({ text }) => {
      try {
        return [parseRecoveryKeySlot(text)];
      } catch {
        return [];
      }
    });
    const field = (message: string) => [{ path: ['recoveryCode'], message }];
    // A damaged slot file is not a wrong code: said so, and no wait for the next try.
    const damaged = () =>
      new ApiError('BAD_INPUT', msg.unlockSlotDamaged, field(msg.unlockSlotDamaged));
    if (slots.length === 0) throw damaged();
    let opened = false;
    let wrongCode = false;
    for (const slot of slots) {
      let key: Buffer;
      try {
        key = await unwrapWithRecoveryCode(slot, recoveryCode);
      } catch (error) {
        if (!(error instanceof RecoveryKeySlotError) || error.reason === 'WRONG_CODE') {
          wrongCode = true;
        }
        continue;
      }
      opened = true;
      if (keyOpening(backup.path, [key])) {
        keepLedgerKey(this.ledger.paths.ledgerFile, key);
        this.unlockFailures = { count: 0, untilMs: 0 };
        return this.restorePreview(fileName);
      }
    }
    if (opened) {
      throw new ApiError(
        'BAD_INPUT',
        msg.unlockKeyNotThisBackup,
        field(msg.unlockKeyNotThisBackup),
      );
    }
    if (!wrongCode) throw damaged();
    const count = this.unlockFailures.count + 1;
    this.unlockFailures = {
      count,
      untilMs: this.ledger.now().getTime() + backoffSecondsAfter(count) * 1000,
    };
    throw new ApiError('BAD_INPUT', msg.unlockCodeWrong, field(msg.unlockCodeWrong));
  }

  /**
   * A ledger that may still hold everything is replaced only with the typed sentence: a healthy
   * one, and an intact file the app did not open (a newer app's, a failed migration's, one on
   * read-only or full media). A missing, foreign or damaged one has nothing left to keep.
   */
  private restoreNeedsConfirmation(): boolean {
    const state = this.ledger.state.state;
    if (state === 'READY') return !this.ledger.damaged;
    return state === 'TOO_NEW' || state === 'MIGRATION_FAILED' || state === 'UNAVAILABLE';
  }

  /**
   * Restores a backup and reopens (migrating it if it is older). Over a healthy ledger it needs
   * the typed confirmation, and the ledger it replaces is first saved as a verified
   * `before-restore-…` backup, listed like any other, so the restore can itself be undone.
   * `signers` checks the second person (§7.4) where the sentence is asked; the restored ledger's
   * chain then records who restored which backup with whom.
   */
  async restoreBackup(
    fileName: string,
    confirmation: string | undefined,
    signers: (needed: boolean) => Promise<RestoreSigners>,
  ): Promise<SystemStatus> {
    this.refuseWhileEncrypting();
    await this.idle();
    const state = this.ledger.state;
    const healthy = state.state === 'READY' && !this.ledger.damaged;
    if (this.restoreNeedsConfirmation() && confirmation !== RESTORE_CONFIRMATION) {
      throw new ApiError('INVALID_STATE', msg.restoreNeedsConfirmation(RESTORE_CONFIRMATION));
    }
    // The chosen file is checked before anything else happens, so a bad one changes nothing.
    const source = await this.chooseBackup(fileName);
    const signed = await signers(this.restoreNeedsConfirmation());
    const key = source.key ?? undefined;
    if (state.state === 'READY' && healthy) {
      await this.recorded(() =>
        takeBeforeRestoreBackup(state.db, this.ledger.paths.backupDir, this.ledger.now()),
      );
    } else if (state.state === 'READY') {
      // A damaged ledger cannot be copied by SQLite; try anyway (it may be readable enough),
      // and otherwise it is moved aside untouched in the ledger folder by the restore itself.
      await takeBeforeRestoreBackup(state.db, this.ledger.paths.backupDir, this.ledger.now()).catch(
        () => null,
      );
    }
    this.ledger.close();
    try {
      await restoreBackup(
        this.ledger.paths,
        fileName,
        this.ledger.now(),
        this.latestSchemaVersion,
        { sourceVerified: source, ...(key ? { key } : {}) },
      );
      // The restored ledger keeps its own key: it becomes the current one and the one it
      // replaces stays in the ring, so the older backups (and before-restore) still open. A
      // crash before this line is mended at the next open (a kept key that opens the ledger).
      if (key) makeLedgerKeyCurrent(this.ledger.paths.ledgerFile, key);
    } catch (error) {
      await this.ledger.open();
      if (error instanceof BackupVerificationError) {
        throw new ApiError('BAD_INPUT', apiMessagesZhCN.backupInvalid(error.message));
      }
      const fault = storageFaultOf(error);
      if (fault === 'FULL') throw new ApiError('STORAGE_FULL', msg.writeDiskFull);
      if (fault === 'READ_ONLY') throw new ApiError('STORAGE_READ_ONLY', msg.writeReadOnly);
      throw error;
    }
    await this.ledger.open();
    await this.ledger.whenChecked();
    this.recordRestore(fileName, signed);
    return this.status();
  }

  /**
   * A restored plain backup is converted at once: the entry then waits for the encrypted ledger
   * (`recordEntry`). A damaged restored ledger takes no writes and gets none.
   */
  private recordRestore(fileName: string, signed: RestoreSigners): void {
    this.ledger.recordEntry({ action: 'RESTORE', detail: { fileName, ...signed } });
  }

  async startEmptyLedger(): Promise<SystemStatus> {
    const state = this.ledger.state.state;
    const damaged = state === 'READY' && this.ledger.damaged;
    if (state !== 'MISSING' && state !== 'NOT_A_LEDGER' && !damaged) {
      throw new ApiError('INVALID_STATE', apiMessagesZhCN.ledgerNotMissing);
    }
    this.refuseWhileEncrypting();
    await this.idle();
    this.ledger.close();
    acknowledgeLossAndStartEmpty(this.ledger.paths, this.ledger.now());
    await this.ledger.open();
    return this.status();
  }
}

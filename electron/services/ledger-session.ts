import {
  AuditBaselineFill,
  BASELINE_AT_OPEN_ROWS,
  type BaselineProgress,
} from '../../db/audit/audit-baseline.js';
import { appendAuditEvent, type AuditEvent } from '../../db/audit/audit-log.js';
import { checkLedgerFile } from '../../db/backup.js';
import { optimizeStatistics, type Db } from '../../db/connection.js';
import { refreshCodeTables } from '../../db/code-tables.js';
import { removeOwnerlessDrafts } from '../../db/drafts/form-draft-queries.js';
import { connectionKey, ledgerKeyStore } from '../../db/ledger-cipher.js';
import { ledgerPaths } from '../../db/ledger-files.js';
import { stepSearchUpgrade } from '../../db/search/search-index-upgrade.js';
import type { LedgerPaths } from '../../db/ledger-files.js';
import { openLedger, unavailable } from '../../db/ledger-store.js';
import { NotEnoughSpaceError } from '../../db/plain-conversion-copy.js';
import {
  encryptPlainLedger,
  settleInterruptedEncryption,
  type EncryptionStep,
} from '../../db/plain-ledger-encryption.js';
import type { RenameRetry } from '../../db/rename-retry.js';
import type { LedgerEncryptionProgress } from '../../domain/api/system-contract.js';
import type { LedgerOpenResult } from '../../db/ledger-store.js';
import type { Migration } from '../../db/migrations/migration.js';
import { storageFaultOf } from '../../db/storage-errors.js';
import { checkpointPassive, rowsWrittenSinceOpen } from '../../db/wal-checkpoint.js';
import { ApiError } from '../../domain/api/errors.js';
import { currentActor } from './desk-actor.js';
import { HeldAuditEntries } from './held-audit-entries.js';
import { currentRecoverySlot, ledgerRecoveryCodeId } from './recovery-key-slot-store.js';
import { apiMessagesZhCN } from '../../domain/messages/zh-CN.js';
import { storageMessagesZhCN } from '../../domain/messages/storage-zh-CN.js';

/**
 * Rows changed since the last checkpoint after which an idle moment copies the WAL back: an
 * intake with two parties changes about 13 (its rows, their audit entries, the search index),
 * so about every 15 intakes, some 300–450 frames of 16 KiB. See `checkpointWhenIdle`.
 */
export const IDLE_CHECKPOINT_ROWS = 200;

/**
 * The result of SQLite's structural check of an open ledger. It runs on a worker thread after
 * start-up (at 100,000 cases it takes longer than the whole start-up may), so the window and the
 * reads are not held up; writes wait for it, and once damage is found they are refused.
 */
export type LedgerHealth =
  | { readonly state: 'CHECKING' }
  | { readonly state: 'OK'; readonly checkMs: number }
  | { readonly state: 'DAMAGED'; readonly findings: readonly string[] };

/**
 * Owns the one writer connection of this process and the outcome of opening the ledger.
 * Services ask it for the connection; when the ledger is not usable they get a clear error.
 */
export class LedgerSession {
  readonly paths: LedgerPaths;
  private result: LedgerOpenResult | null = null;
  private healthState: LedgerHealth = { state: 'CHECKING' };
  private checked: Promise<void> = Promise.resolve();
  private baselineFill: AuditBaselineFill | null = null;
  private baselined: Promise<void> = Promise.resolve();
  private encryption: LedgerEncryptionProgress | null = null;
  /** The connection and its changed-row count at the last idle checkpoint. */
  private lastCheckpoint: { db: Db; rows: number } | null = null;
  private encrypted: Promise<void> = Promise.resolve();
  /** The search index's rebuild after an upgrade (db/search/search-index-upgrade.ts). */
  private searchUpgraded: Promise<void> = Promise.resolve();
  /** Counts opens: a rebuild begun by an earlier open (before a restore) stops. */
  private opens = 0;
  /**
   * Convert a plain ledger (made before encryption, or a plain backup just restored) after it
   * opens. The app and dev:web do; unit tests opt in, as they do for the daily backup.
   */
  encryptPlain = false;
  /** See AppCoreOptions.conversionNeedsRecoveryCode. */
  conversionNeedsRecoveryCode = false;
  /** Awaited after each conversion step (tests hold or stop the conversion there). */
  afterEncryptionStep: ((step: EncryptionStep) => Promise<void> | void) | null = null;
  /** Between the tries of a refused rename (db/rename-retry.ts; tests: at once). */
  renameRetry: RenameRetry = {};
  /** Free bytes on a folder's disk (default: statfs; tests inject a figure). */
  freeBytes: ((dir: string) => number) | undefined = undefined;
  /** Set when the app quits: a conversion not yet past its writer's close stops at its next step. */
  private encryptionStopped = false;
  /** The writer's changes when the start-up check began (the check covers the file as it was). */
  private changesAtCheck: number | null = null;
  /** Entries made while converting, appended once it ends; see `recordEntry`. */
  private readonly heldEntries = new HeldAuditEntries();
  /** Long reads on their own connections (审计核验) the conversion must wait out; see `longRead`. */
  private readonly longReads = new Set<Promise<unknown>>();

  /**
   * `betweenSlices` is awaited before each slice of the audit baseline: by default the next
   * turn of the event loop, so requests are answered between slices; tests pass a gate.
   */
  constructor(
    dataDir: string,
    private readonly migrations: readonly Migration[],
    readonly now: () => Date,
    private readonly betweenSlices: () => Promise<void> = nextTurn,
  ) {
    this.paths = ledgerPaths(dataDir);
  }

  async open(): Promise<LedgerOpenResult> {
    const result = await this.openOnly();
    if (result.state === 'READY' && this.encryptPlain && connectionKey(result.db) === null) {
      this.encryption = { state: 'WAITING' };
      this.encrypted = this.encryptInBackground(result.db);
    }
    return result;
  }

  /**
   * Rebuilds the search entries an upgrade left pending (migration 031), one slice per
   * transaction with the event loop free between them, after the start-up check, the audit
   * baseline and any conversion: requests are answered meanwhile, writes go on (a saved case is
   * indexed in full at once), and the search asks only what old entries hold until the last
   * slice. A slice never runs while the plain ledger is being converted (the copy would miss it).
   */
  private async searchUpgradeInSlices(opened: number): Promise<void> {
    await this.checked;
    await this.baselined;
    try {
      for (;;) {
        await this.betweenSlices();
        if (this.converting) await this.encrypted;
        const state = this.result;
        if (this.opens !== opened || state?.state !== 'READY' || !state.db.open) return;
        if (this.damaged || !stepSearchUpgrade(state.db)) return;
      }
    } catch (error) {
      if (storageFaultOf(error) === 'CORRUPT') {
        this.markDamaged([(error as Error).message]);
        return;
      }
      // The rebuild is optional work: on a full disk or a medium that became read-only the ledger
      // stays readable (the next write says why it cannot be saved), the search stays on what the
      // old entries hold, and the next start resumes the rebuild.
      console.error('[ledger] search index rebuild stopped:', error);
    }
  }

  /** Resolves when the search index's rebuild begun by the last open has finished or stopped. */
  whenSearchUpgraded(): Promise<void> {
    return this.searchUpgraded;
  }

  private async openOnly(): Promise<LedgerOpenResult> {
    this.close();
    this.opens += 1;
    let result = await openLedger(this.paths, {
      migrations: this.migrations,
      now: this.now,
      actor: currentActor,
      auditBaseline: 'later',
      encryptNew: true,
    });
    this.healthState = { state: 'CHECKING' };
    this.baselineFill = null;
    if (result.state === 'READY') {
      try {
        const fill = new AuditBaselineFill(result.db);
        const left = fill.total - fill.progress.done;
        if (left > 0 && left <= BASELINE_AT_OPEN_ROWS) fill.completeNow();
        // Writes only when this version brings newer code tables (after an update), which the
        // screens need from their first call on; while a baseline is pending they wait for it,
        // since no row may change between its BASELINE entry and its baseline row.
        if (fill.finished) refreshCodeTables(result.db, this.now().toISOString());
        else this.baselineFill = fill;
      } catch (error) {
        if (storageFaultOf(error) === 'CORRUPT') {
          this.result = result;
          this.markDamaged([(error as Error).message]);
          return result;
        }
        // A full disk or a medium that became read-only: say which, never crash start-up.
        result.db.close();
        result = unavailable(error);
      }
    }
    this.result = result;
    if (result.state === 'READY') {
      this.checked = this.checkInBackground(result.db);
      if (this.baselineFill) this.baselined = this.baselineInSlices(result.db, this.baselineFill);
      // Also after the conversion's reopen: the rebuild goes on in the encrypted ledger.
      this.searchUpgraded = this.searchUpgradeInSlices(this.opens);
    }
    return result;
  }

  /**
   * The first start after the upgrade that brings the audit chain records every existing row
   * (tens of seconds at 100,000 cases, once inside the migration): one slice per transaction, the
   * event loop free between them, so status and reads are answered and the screens show the
   * progress. Writes are refused until it is done (`beforeWrite`). A process killed meanwhile
   * resumes on the next start (`AuditBaselineFill`).
   */
  private async baselineInSlices(db: Db, fill: AuditBaselineFill): Promise<void> {
    try {
      for (;;) {
        await this.betweenSlices();
        if (this.result?.state !== 'READY' || this.result.db !== db || !db.open) return;
        if (this.damaged || !fill.step()) break;
      }
      if (this.damaged) return;
      refreshCodeTables(db, this.now().toISOString());
    } catch (error) {
      const fault = storageFaultOf(error);
      if (fault === 'CORRUPT') this.markDamaged([(error as Error).message]);
      else if (fault === 'READ_ONLY' || fault === 'FULL') {
        db.close();
        this.result = unavailable(error);
      } else {
        // Writes stay refused (the chain would not be provably complete); the next start
        // resumes from the last finished slice.
        console.error('[ledger] audit baseline stopped:', error);
      }
    }
  }

  /**
   * Encrypts the plain ledger after the start-up check and the audit baseline, beside the app
   * (25–30 s at 100,000 cases under load, plus its verified plain backup): reads go on from the
   * plain file, writes are refused until the encrypted one is in place (`beforeWrite`). A
   * failure leaves the plain ledger in service and is shown until the next start tries again.
   */
  private async encryptInBackground(db: Db): Promise<void> {
    try {
      await this.convertPlain(db);
    } finally {
      this.appendHeldEntries();
    }
  }

  private async convertPlain(db: Db): Promise<void> {
    await this.checked;
    await this.baselined;
    // A read begun while the conversion waited for a recovery code would hold off its
    // checkpoint until busy_timeout, and the attempt would fail (review s28-encfix E3).
    while (this.longReads.size > 0) await Promise.allSettled([...this.longReads]);
    if (this.result?.state !== 'READY' || this.result.db !== db || !db.open || this.damaged) {
      this.encryption = null;
      return;
    }
    if (this.encryptionStopped) {
      this.encryption = null;
      return;
    }
    if (this.conversionNeedsRecoveryCode && !this.conversionKeyRecoverable()) {
      this.encryption = {
        state: 'WAITING_FOR_CODE',
        message: storageMessagesZhCN.encryptionWaitsForRecoveryCode,
      };
      return;
    }
    let closed = false;
    this.encryption = { state: 'RUNNING', phase: 'BACKUP' };
    try {
      await encryptPlainLedger({
        paths: this.paths,
        db,
        now: this.now,
        closeWriter: () => {
          // The swap follows at once; a request or the hourly timer in between is told the
          // ledger is unavailable for that moment (never handed the closed connection).
          closed = true;
          this.result = {
            state: 'UNAVAILABLE',
            reason: 'OTHER',
            detail: 'swapping in the encrypted ledger',
          };
          db.close();
        },
        afterStep: async (step) => {
          this.encryption = { state: 'RUNNING', phase: phaseAfter(step) };
          await this.afterEncryptionStep?.(step);
          if (this.encryptionStopped && !closed) throw new EncryptionStoppedError();
        },
        renameRetry: this.renameRetry,
        ...(this.freeBytes ? { freeBytes: this.freeBytes } : {}),
        ledgerChecked: () =>
          this.healthState.state === 'OK' &&
          this.healthState.checkMs >= 0 &&
          this.changesAtCheck === rowsWrittenSinceOpen(db),
      });
      await this.openOnly();
      this.encryption = null;
    } catch (error) {
      const failed: LedgerEncryptionProgress = {
        state: 'FAILED',
        at: this.now().toISOString(),
        message:
          error instanceof NotEnoughSpaceError
            ? storageMessagesZhCN.encryptionWaitsForSpace(mb(error.needed), mb(error.free))
            : storageMessagesZhCN.encryptionFailed,
      };
      if (error instanceof EncryptionStoppedError)
        console.info('[ledger] encryption stopped: quitting');
      else console.error('[ledger] encrypting the plain ledger failed:', error);
      this.encryption = error instanceof EncryptionStoppedError ? null : failed;
      // Once the writer closed, the plain ledger is no longer in service: if it cannot be put
      // back to work now (a rename Windows keeps refusing), only a restart settles it.
      const needsRestart: LedgerEncryptionProgress = {
        ...failed,
        message: storageMessagesZhCN.encryptionNeedsRestart,
      };
      try {
        // As the next start would: the unfinished copy goes, or the verified one goes in.
        await settleInterruptedEncryption(this.paths, this.renameRetry);
        if (closed) {
          const reopened = await this.openOnly();
          if (reopened.state === 'READY' && connectionKey(reopened.db) !== null) {
            this.encryption = null;
          } else if (reopened.state !== 'READY') {
            this.encryption = needsRestart;
          }
        }
      } catch (settleError) {
        console.error('[ledger] settling the stopped encryption failed:', settleError);
        if (closed) this.encryption = needsRestart;
      }
    }
  }

  /**
   * The key a pending conversion will encrypt with, made now if there is none (durably: temp,
   * fsync, rename, fsync of keys/), so a recovery code issued before the conversion wraps it;
   * null when no conversion is pending (an encrypted ledger's key is its connection's).
   */
  pendingConversionKey(): Buffer | null {
    const state = this.result;
    if (!this.encryptPlain || state?.state !== 'READY' || connectionKey(state.db) !== null) {
      return null;
    }
    const store = ledgerKeyStore();
    return store.read(this.paths.ledgerFile) ?? store.create(this.paths.ledgerFile);
  }

  private conversionKeyRecoverable(): boolean {
    const key = this.pendingConversionKey();
    const state = this.result;
    if (key === null || state?.state !== 'READY') return false;
    return currentRecoverySlot(this.paths.ledgerFile, key, ledgerRecoveryCodeId(state.db)) !== null;
  }

  /**
   * The app is quitting: a conversion still waiting does not start, and one running stops after
   * its current step unless its writer is already closed (the swap then follows at once). What
   * it made is settled as a failure is; the next start tries again (reusing its plain copy).
   */
  stopEncryption(): void {
    this.encryptionStopped = true;
  }

  /**
   * A read that keeps its own connection's transaction open across many turns (审计核验): a
   * conversion about to start waits until it has settled. New long reads are refused while one
   * is converting (`converting`), so this only meets those already running.
   */
  longRead<T>(read: Promise<T>): Promise<T> {
    this.longReads.add(read);
    const done = () => this.longReads.delete(read);
    read.then(done, done);
    return read;
  }

  /** A recovery code was issued: a conversion waiting for one starts now. */
  recoveryCodeIssued(): void {
    const state = this.result;
    if (this.encryption?.state !== 'WAITING_FOR_CODE' || state?.state !== 'READY') return;
    this.encryption = { state: 'WAITING' };
    this.encrypted = this.encryptInBackground(state.db);
  }

  /** Converting the plain ledger to an encrypted one: waiting, running (phase), failed; else null. */
  get encryptionProgress(): LedgerEncryptionProgress | null {
    return this.encryption;
  }

  /** Resolves when the conversion started by the last open (if any) has finished or failed. */
  whenEncrypted(): Promise<void> {
    return this.encrypted;
  }

  /**
   * Appends a chain entry that goes with no write of its own (a refusal at the case door or of
   * a paper, a restore's record, the desk's own sign-ins, sign-outs and locks), in its own
   * transaction: at once while the ledger takes writes; held while the plain ledger is being
   * converted and appended when the conversion ends, to the encrypted ledger or the plain one
   * still in service (review s29 S7, s30 RS1); left out on a damaged ledger, which takes no
   * writes (the refusal itself stands). Entries still held after a failed append go first.
   */
  recordEntry(event: AuditEvent): void {
    // During the start-up check too: a sign-in then holds its entry (its row waits for the
    // verdict), and the entries made after it must follow it in the chain (review s33 SE1).
    if (this.converting || this.checking) {
      this.heldEntries.hold(event, this.now());
      return;
    }
    const result = this.result;
    if (result?.state !== 'READY' || !result.db.open || this.damaged) return;
    this.appendHeldEntries();
    result.db.transaction(() => appendAuditEvent(result.db, event)).immediate();
  }

  /**
   * Held entries go to the ledger in service once no conversion runs. A failed append (a busy
   * or full disk) keeps them for the next entry or write (`beforeWrite`); they are dropped,
   * with a line in the log, only when the ledger is gone or damaged (no entry is written then).
   */
  appendHeldEntries(): void {
    if (this.converting || this.checking || this.heldEntries.count === 0) return;
    const result = this.result;
    if (result?.state !== 'READY' || !result.db.open || this.damaged) {
      const dropped = this.heldEntries.drop();
      console.error('[ledger] audit entries held during the conversion were not written:', {
        ledger: result?.state ?? 'closed',
        dropped,
      });
      return;
    }
    try {
      this.heldEntries.appendTo(result.db);
    } catch (error) {
      console.error('[ledger] appending the held audit entries failed; they stay held:', error, {
        held: this.heldEntries.count,
      });
    }
  }

  /** Entries held (made while converting, or kept after a failed append); for the tests. */
  get heldEntryCount(): number {
    return this.heldEntries.count;
  }

  /** While the plain ledger is being converted nothing may write (the copy would miss it). */
  get converting(): boolean {
    const state = this.encryption?.state;
    return state === 'WAITING' || state === 'RUNNING';
  }

  /** Rows of the audit baseline recorded so far, while one is being built; else null. */
  get auditBaseline(): BaselineProgress | null {
    const fill = this.baselineFill;
    return fill && !fill.finished ? fill.progress : null;
  }

  /** Resolves when the audit baseline (if one was pending at open) has been built or stopped. */
  whenBaselined(): Promise<void> {
    return this.baselined;
  }

  private async checkInBackground(db: Db): Promise<void> {
    const started = performance.now();
    this.changesAtCheck = rowsWrittenSinceOpen(db);
    try {
      const findings = await checkLedgerFile(db.name, false, connectionKey(db));
      if (this.result?.state !== 'READY' || this.result.db !== db) return;
      if (findings.length > 0) {
        this.markDamaged(findings);
        this.appendHeldEntries(); // drops what the check's time held: nothing is written now
        return;
      }
      this.healthState = { state: 'OK', checkMs: performance.now() - started };
      this.afterCheck(db);
    } catch (error) {
      // The check itself could not run (out of memory, a worker refused): the ledger opened and
      // migrated fine, so keep working rather than lock the room out; the next backup checks
      // again in full.
      console.error('[ledger] start-up check did not run:', error);
      if (this.healthState.state === 'CHECKING' && this.result?.state === 'READY') {
        this.healthState = { state: 'OK', checkMs: -1 };
        this.afterCheck(db);
      }
    }
  }

  /** The routine start-up write (planner statistics) waits until the ledger is known intact. */
  private afterCheck(db: Db): void {
    try {
      this.appendHeldEntries();
      optimizeStatistics(db, 'onOpen');
      // Drafts nobody can open any more (in practice once: the app saves under an account),
      // like every start-up write only once the file is known intact.
      removeOwnerlessDrafts(db);
    } catch (error) {
      const fault = storageFaultOf(error);
      if (fault === 'CORRUPT') {
        this.markDamaged([(error as Error).message]);
      } else if (fault === 'READ_ONLY' || fault === 'FULL') {
        // The ledger opened but cannot be written: say which, never crash start-up.
        db.close();
        this.result = unavailable(error);
      } else {
        console.error('[ledger] start-up refresh failed:', error);
      }
    }
  }

  /** Resolves when the start-up check has finished (tests, benchmarks, quitting). */
  whenChecked(): Promise<void> {
    return this.checked;
  }

  /** True while the start-up check of the open ledger runs (no verdict yet). */
  get checking(): boolean {
    return this.result?.state === 'READY' && this.healthState.state === 'CHECKING';
  }

  get health(): LedgerHealth {
    return this.healthState;
  }

  get damaged(): boolean {
    return this.healthState.state === 'DAMAGED';
  }

  /**
   * Stops every write from now on: the connection becomes query_only, so even a write that
   * slipped past the API gate fails inside SQLite.
   */
  markDamaged(findings: readonly string[]): void {
    this.healthState = { state: 'DAMAGED', findings: findings.slice(0, 20) };
    if (this.result?.state === 'READY' && this.result.db.open) {
      try {
        this.result.db.pragma('query_only = ON');
      } catch {
        // query_only is a flag on the connection, it does not touch the file.
      }
    }
  }

  /** Called by the API door before any method that may write. */
  async beforeWrite(): Promise<void> {
    await this.checked;
    if (this.result?.state === 'READY' && this.damaged) {
      throw new ApiError('LEDGER_DAMAGED', storageMessagesZhCN.writeRefusedDamaged);
    }
    if (this.converting) {
      throw new ApiError('LEDGER_ENCRYPTING', storageMessagesZhCN.encryptionRunning);
    }
    const baseline = this.auditBaseline;
    if (this.result?.state === 'READY' && baseline) {
      throw new ApiError(
        'INVALID_STATE',
        storageMessagesZhCN.auditBaselineRunning(baseline.done, baseline.total),
      );
    }
    this.appendHeldEntries();
  }

  get state(): LedgerOpenResult {
    if (!this.result) throw new Error('ledger session used before open()');
    return this.result;
  }

  db(): Db {
    const result = this.state;
    if (result.state === 'READY') return result.db;
    throw new ApiError('LEDGER_UNAVAILABLE', unavailableMessage(result));
  }

  /**
   * Copies the WAL back into the ledger while nobody waits (the core calls it when no request
   * is running), once `minRows` rows have changed since the last time. Without it SQLite's
   * auto-checkpoint (wal_autocheckpoint, 4,000 frames) ran inside the commit that crossed the
   * limit: about one intake in 140 copied 64 MiB and synced the main file before it answered,
   * the slowest intakes of all (notes s28-intake). The auto-checkpoint stays as the cap for a
   * run of writes with no pause between them. PASSIVE: never waits for a reader or a backup's
   * checkpoint (busy: tried again next time). Durability is unchanged: a commit is synced in
   * the WAL before it is answered, whether or not it has been copied back yet.
   * Returns true when a checkpoint ran.
   */
  checkpointWhenIdle(minRows = IDLE_CHECKPOINT_ROWS): boolean {
    const result = this.result;
    if (result?.state !== 'READY' || !result.db.open || this.damaged || this.converting) {
      return false;
    }
    const db = result.db;
    const rows = rowsWrittenSinceOpen(db);
    const since = this.lastCheckpoint?.db === db ? this.lastCheckpoint.rows : 0;
    if (rows - since < minRows) return false;
    const outcome = checkpointPassive(db);
    if (!outcome.busy) this.lastCheckpoint = { db, rows };
    return !outcome.busy;
  }

  close(): void {
    if (this.result?.state === 'READY' && this.result.db.open) {
      if (!this.damaged) {
        try {
          optimizeStatistics(this.result.db, 'onClose');
        } catch {
          // Statistics are an optimisation; a full or read-only disk must not block closing.
        }
      }
      this.result.db.close();
    }
    this.result = null;
  }
}

/** What the user is told the conversion is doing, after `step` finished. */
function phaseAfter(step: EncryptionStep): 'BACKUP' | 'ENCRYPT' | 'VERIFY' | 'SWAP' {
  switch (step) {
    case 'key':
      return 'BACKUP';
    case 'backup':
    case 'checkpoint':
    case 'copy':
      return 'ENCRYPT';
    case 'rekey':
      return 'VERIFY';
    case 'verify':
    case 'close':
    case 'aside':
    case 'swap':
      return 'SWAP';
    default: {
      const unreachable: never = step;
      throw new Error(`unknown step ${String(unreachable)}`);
    }
  }
}

class EncryptionStoppedError extends Error {
  constructor() {
    super('the conversion was stopped: the app is quitting');
    this.name = 'EncryptionStoppedError';
  }
}

const mb = (bytes: number) => Math.ceil(bytes / 1_048_576);

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export function unavailableMessage(result: Exclude<LedgerOpenResult, { state: 'READY' }>): string {
  switch (result.state) {
    case 'MISSING':
      return apiMessagesZhCN.ledgerMissing;
    case 'TOO_NEW':
      return apiMessagesZhCN.ledgerTooNew(result.found, result.supported);
    case 'MIGRATION_FAILED':
      return apiMessagesZhCN.ledgerMigrationFailed(result.stoppedAt);
    case 'NOT_A_LEDGER':
      return apiMessagesZhCN.ledgerNotALedger;
    case 'UNAVAILABLE':
      if (result.reason === 'READ_ONLY') return storageMessagesZhCN.ledgerReadOnly;
      if (result.reason === 'FULL') return storageMessagesZhCN.ledgerDiskFull;
      if (result.reason === 'KEY_MISSING') return apiMessagesZhCN.ledgerKeyMissing;
      if (result.reason === 'KEY_MISMATCH') return apiMessagesZhCN.ledgerKeyMismatch;
      return apiMessagesZhCN.ledgerUnavailable;
    default: {
      const unreachable: never = result;
      throw new Error(`unknown ledger state ${String(unreachable)}`);
    }
  }
}

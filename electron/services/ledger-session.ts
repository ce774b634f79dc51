import { checkLedgerFile } from '../../db/backup.js';
import { optimizeStatistics, type Db } from '../../db/connection.js';
import { refreshCodeTables } from '../../db/code-tables.js';
import { ledgerPaths } from '../../db/ledger-files.js';
import type { LedgerPaths } from '../../db/ledger-files.js';
import { openLedger, unavailable } from '../../db/ledger-store.js';
import type { LedgerOpenResult } from '../../db/ledger-store.js';
import type { Migration } from '../../db/migrations/migration.js';
import { storageFaultOf } from '../../db/storage-errors.js';
import { ApiError } from '../../domain/api/errors.js';
import { currentActor } from './desk-actor.js';
import { apiMessagesZhCN } from '../../domain/messages/zh-CN.js';
import { storageMessagesZhCN } from '../../domain/messages/storage-zh-CN.js';

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

  constructor(
    dataDir: string,
    private readonly migrations: readonly Migration[],
    readonly now: () => Date,
  ) {
    this.paths = ledgerPaths(dataDir);
  }

  async open(): Promise<LedgerOpenResult> {
    this.close();
    let result = await openLedger(this.paths, {
      migrations: this.migrations,
      now: this.now,
      actor: currentActor,
    });
    this.healthState = { state: 'CHECKING' };
    if (result.state === 'READY') {
      try {
        // Writes only when this version brings newer code tables (after an update), which the
        // screens need from their first call on.
        refreshCodeTables(result.db, this.now().toISOString());
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
    if (result.state === 'READY') this.checked = this.checkInBackground(result.db);
    return result;
  }

  private async checkInBackground(db: Db): Promise<void> {
    const started = performance.now();
    try {
      const findings = await checkLedgerFile(db.name, false);
      if (this.result?.state !== 'READY' || this.result.db !== db) return;
      if (findings.length > 0) {
        this.markDamaged(findings);
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
      optimizeStatistics(db, 'onOpen');
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
      return apiMessagesZhCN.ledgerUnavailable;
    default: {
      const unreachable: never = result;
      throw new Error(`unknown ledger state ${String(unreachable)}`);
    }
  }
}

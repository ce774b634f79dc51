import type { BackupInfo } from '../../db/backup.js';
import { BackupVerificationError, listBackups } from '../../db/backup.js';
import { takeDailyBackupIfDue, takeManualBackup } from '../../db/backup-rotation.js';
import { acknowledgeLossAndStartEmpty, restoreBackup } from '../../db/ledger-store.js';
import { getRoomSettings } from '../../db/room-settings-queries.js';
import type {
  BackupSummary,
  LedgerStatus,
  SystemStatus,
} from '../../domain/api/system-contract.js';
import { ApiError } from '../../domain/api/errors.js';
import { apiMessagesZhCN } from '../../domain/messages/zh-CN.js';
import { unavailableMessage } from './ledger-session.js';
import type { LedgerSession } from './ledger-session.js';

const summary = (b: BackupInfo): BackupSummary => ({
  fileName: b.fileName,
  bytes: b.bytes,
  createdAt: b.createdAt,
});

export class SystemService {
  constructor(
    private readonly ledger: LedgerSession,
    private readonly appVersion: string,
    private readonly latestSchemaVersion: number,
  ) {}

  status(): SystemStatus {
    return {
      appVersion: this.appVersion,
      schemaVersion: this.latestSchemaVersion,
      ledger: this.ledgerStatus(),
    };
  }

  private ledgerStatus(): LedgerStatus {
    const result = this.ledger.state;
    if (result.state === 'READY') {
      return { state: 'READY', settingsComplete: getRoomSettings(result.db) !== null };
    }
    const message = unavailableMessage(result);
    switch (result.state) {
      case 'MISSING':
      case 'NOT_A_LEDGER':
        return { state: result.state, message, backups: result.backups.map(summary) };
      case 'TOO_NEW':
        return { state: 'TOO_NEW', message, found: result.found, supported: result.supported };
      case 'UNAVAILABLE':
        return { state: 'UNAVAILABLE', message };
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

  async backupNow(): Promise<BackupSummary> {
    return summary(
      await this.track(
        takeManualBackup(this.ledger.db(), this.ledger.paths.backupDir, this.ledger.now()),
      ),
    );
  }

  private readonly inFlight = new Set<Promise<unknown>>();

  /** Copies still being written; the shell waits for them before it closes the ledger. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work)).catch(() => undefined);
    return work;
  }

  /**
   * Run after start-up without holding it up; a failure is logged, never fatal, because the
   * ledger itself is fine and the next start tries again.
   */
  async dailyBackup(): Promise<void> {
    const state = this.ledger.state;
    if (state.state !== 'READY') return;
    await this.track(
      takeDailyBackupIfDue(state.db, this.ledger.paths.backupDir, this.ledger.now()),
    );
  }

  /** Restores a backup and reopens (migrating it if it is older). */
  async restoreBackup(fileName: string): Promise<SystemStatus> {
    this.ledger.close();
    try {
      restoreBackup(this.ledger.paths, fileName, this.ledger.now(), this.latestSchemaVersion);
    } catch (error) {
      await this.ledger.open();
      if (error instanceof BackupVerificationError) {
        throw new ApiError('BAD_INPUT', apiMessagesZhCN.backupInvalid(error.message));
      }
      throw error;
    }
    await this.ledger.open();
    return this.status();
  }

  async startEmptyLedger(): Promise<SystemStatus> {
    const state = this.ledger.state.state;
    if (state !== 'MISSING' && state !== 'NOT_A_LEDGER') {
      throw new ApiError('INVALID_STATE', apiMessagesZhCN.ledgerNotMissing);
    }
    this.ledger.close();
    acknowledgeLossAndStartEmpty(this.ledger.paths, this.ledger.now());
    await this.ledger.open();
    return this.status();
  }
}

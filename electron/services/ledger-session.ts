import { optimizeStatistics, type Db } from '../../db/connection.js';
import { refreshCodeTables } from '../../db/code-tables.js';
import { ledgerPaths } from '../../db/ledger-files.js';
import type { LedgerPaths } from '../../db/ledger-files.js';
import { openLedger } from '../../db/ledger-store.js';
import type { LedgerOpenResult } from '../../db/ledger-store.js';
import type { Migration } from '../../db/migrations/migration.js';
import { ApiError } from '../../domain/api/errors.js';
import { apiMessagesZhCN } from '../../domain/messages/zh-CN.js';

/**
 * Owns the one writer connection of this process and the outcome of opening the ledger.
 * Services ask it for the connection; when the ledger is not usable they get a clear error.
 */
export class LedgerSession {
  readonly paths: LedgerPaths;
  private result: LedgerOpenResult | null = null;

  constructor(
    dataDir: string,
    private readonly migrations: readonly Migration[],
    readonly now: () => Date,
  ) {
    this.paths = ledgerPaths(dataDir);
  }

  async open(): Promise<LedgerOpenResult> {
    this.close();
    this.result = await openLedger(this.paths, { migrations: this.migrations, now: this.now });
    if (this.result.state === 'READY') {
      refreshCodeTables(this.result.db, this.now().toISOString());
      optimizeStatistics(this.result.db, 'onOpen');
    }
    return this.result;
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
      optimizeStatistics(this.result.db, 'onClose');
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
      return apiMessagesZhCN.ledgerUnavailable;
    default: {
      const unreachable: never = result;
      throw new Error(`unknown ledger state ${String(unreachable)}`);
    }
  }
}

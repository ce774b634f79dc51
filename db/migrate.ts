import path from 'node:path';
import { AuditBaselineFill } from './audit/audit-baseline.js';
import { syncAuditTriggers } from './audit/audit-triggers.js';
import { backupLedger } from './backup.js';
import { ledgerTagOf, preMigrationBackupName } from './backup-rotation.js';
import type { BackupInfo } from './backup.js';
import { schemaVersionOf } from './connection.js';
import type { Db } from './connection.js';
import type { Migration } from './migrations/migration.js';
import { clearClaimSummaries } from './subsidy/claim-summary-queries.js';

export class DatabaseFromFutureError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(`ledger schema ${found} is newer than this app supports (${supported})`);
  }
}

export class MigrationFailedError extends Error {
  constructor(
    readonly failedVersion: number,
    readonly stoppedAt: number,
    readonly backup: BackupInfo | null,
    cause: unknown,
  ) {
    super(`migration to schema ${failedVersion} failed; ledger left at ${stoppedAt}`, { cause });
  }
}

export interface MigrateOptions {
  readonly migrations: readonly Migration[];
  /** Where the pre-migration backup goes. Null only for a brand-new empty ledger. */
  readonly backupDir: string | null;
  readonly now: () => Date;
  /**
   * `later`: the rows of tables that meet the audit chain for the first time are recorded by
   * the caller (`AuditBaselineFill`, the app does it in slices after start-up). Default `now`.
   */
  readonly auditBaseline?: 'now' | 'later';
}

export interface MigrateResult {
  readonly from: number;
  readonly to: number;
  readonly backup: BackupInfo | null;
}

export function assertMigrationList(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`migration list is not contiguous at index ${i} (version ${m.version})`);
    }
  });
}

/**
 * Brings the ledger to the newest schema. A verified backup is taken before the first pending
 * step; each step runs in its own transaction with the user_version bump inside it, so a
 * failure leaves the ledger at the last completed version and the backup beside it.
 */
export async function migrate(db: Db, options: MigrateOptions): Promise<MigrateResult> {
  const { migrations } = options;
  assertMigrationList(migrations);
  const latest = migrations.length;
  const from = schemaVersionOf(db);
  if (from > latest) throw new DatabaseFromFutureError(from, latest);
  const baseline = options.auditBaseline ?? 'now';
  if (from === latest) {
    syncAuditTriggers(db, { baseline });
    return { from, to: from, backup: null };
  }

  let backup: BackupInfo | null = null;
  if (options.backupDir !== null && from > 0) {
    try {
      backup = await backupLedger(
        db,
        path.join(
          options.backupDir,
          preMigrationBackupName(from, latest, options.now(), ledgerTagOf(db)),
        ),
      );
    } catch (cause) {
      // No verified copy (disk full, folder not writable): do not touch the ledger at all.
      throw new MigrationFailedError(from + 1, from, null, cause);
    }
  }

  for (const step of migrations.slice(from)) {
    try {
      db.transaction(() => {
        const changesRows =
          typeof step.changesRows === 'function' ? step.changesRows(db) : step.changesRows;
        if (changesRows) new AuditBaselineFill(db).completeNow();
        step.up(db);
        clearClaimSummaries(db);
        db.pragma(`user_version = ${step.version}`);
      })();
    } catch (cause) {
      throw new MigrationFailedError(step.version, schemaVersionOf(db), backup, cause);
    }
  }
  // A table a later migration added or changed gets its audit triggers (and baseline) now.
  syncAuditTriggers(db, { baseline });
  db.pragma('optimize');
  return { from, to: latest, backup };
}

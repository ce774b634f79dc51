import { z } from 'zod';
import { method } from './method.js';

export interface BackupSummary {
  readonly fileName: string;
  readonly bytes: number;
  readonly createdAt: string;
}

/** What the renderer needs to know before it can show any screen. */
export type LedgerStatus =
  | { readonly state: 'READY'; readonly settingsComplete: boolean }
  | ({ readonly message: string } & (
      | { readonly state: 'MISSING'; readonly backups: readonly BackupSummary[] }
      | { readonly state: 'TOO_NEW'; readonly found: number; readonly supported: number }
      | {
          readonly state: 'MIGRATION_FAILED';
          readonly failedVersion: number;
          readonly stoppedAt: number;
          readonly backup: BackupSummary | null;
        }
      | { readonly state: 'NOT_A_LEDGER'; readonly backups: readonly BackupSummary[] }
      | { readonly state: 'UNAVAILABLE' }
    ));

export interface SystemStatus {
  readonly appVersion: string;
  readonly schemaVersion: number;
  readonly ledger: LedgerStatus;
}

/** Typed, not free text, so nobody starts an empty ledger by a stray click. */
export const START_EMPTY_CONFIRMATION = '我确认原台账已无法找回';

const backupFileName = z
  .string({ error: '请选择备份文件' })
  .min(1, { error: '请选择备份文件' })
  .max(200, { error: '备份文件名无效' })
  .regex(/^[A-Za-z0-9._-]+\.sqlite$/, { error: '备份文件名无效' });

export const systemContract = {
  'system.status': method<SystemStatus>()(z.strictObject({})),
  'system.restoreBackup': method<SystemStatus>()(z.strictObject({ fileName: backupFileName })),
  'system.listBackups': method<readonly BackupSummary[]>()(z.strictObject({})),
  /** A verified copy made now, e.g. before moving the ledger to another computer. */
  'system.backupNow': method<BackupSummary>()(z.strictObject({})),
  'system.startEmptyLedger': method<SystemStatus>()(
    z.strictObject({
      confirmation: z.literal(START_EMPTY_CONFIRMATION, {
        error: `请输入“${START_EMPTY_CONFIRMATION}”以确认`,
      }),
    }),
  ),
} as const;

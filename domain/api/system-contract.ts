import { z } from 'zod';
import { optionalSingleLine } from '../text-input.js';
import { loginNameField, passwordField, recoveryCodeField } from './accounts-contract.js';
import { method } from './method.js';

export type BackupKindLabel =
  'hourly' | 'daily' | 'weekly' | 'manual' | 'pre-migration' | 'before-restore' | 'other';

/**
 * Told by the file's first bytes, read in the core (a plain SQLite file begins with
 * "SQLite format 3\0"; an encrypted one does not). UNKNOWN: the file could not be read just
 * then, or is empty.
 */
export type BackupEncryption = 'ENCRYPTED' | 'PLAIN' | 'UNKNOWN';

export interface BackupSummary {
  readonly fileName: string;
  readonly bytes: number;
  readonly createdAt: string;
  readonly kind: BackupKindLabel;
  readonly encryption: BackupEncryption;
}

/** A failed backup stays on screen (设置, 工作台) until a later one succeeds. */
export interface BackupProblem {
  readonly at: string;
  readonly message: string;
}

export interface BackupHealth {
  /** A backup (scheduled or manual) is being made right now. */
  readonly running: boolean;
  readonly lastSuccessAt: string | null;
  /** Only when newer than the last success. */
  readonly failure: BackupProblem | null;
  /** The folder (e.g. a USB stick) that gets a copy of every backup; null = none chosen. */
  readonly secondFolder: string | null;
  readonly secondCopyLastSuccessAt: string | null;
  readonly secondCopyFailure: BackupProblem | null;
  /** Whether the second backup place can get the data key wrapped by the recovery code. */
  readonly recoveryKeySlot: RecoveryKeySlotState;
  /** Whether the second place holds that slot now; null without a second place or a slot. */
  readonly recoveryKeySlotOnSecondCopy: SecondCopySlotState | null;
}

/**
 * UPDATED: the second backup place holds the slot of the current code (the old printout can go);
 * NOT_UPDATED: it does not yet (unreachable, or no backup since the code was printed).
 */
export type SecondCopySlotState = 'UPDATED' | 'NOT_UPDATED';

/**
 * PRESENT: the current recovery code wraps the ledger's key (the slot travels with the second
 * copies); NEEDS_NEW_CODE: the code was printed before slots named their code (or for another
 * key, or the slot is for another code: a crash before it was written, an older ledger restored), so
 * the second copies travel without any key until a director prints a new code; NOT_ENCRYPTED:
 * a plain ledger needs no key.
 */
export type RecoveryKeySlotState = 'PRESENT' | 'NEEDS_NEW_CODE' | 'NOT_ENCRYPTED';

/** What a restore would throw away, shown before the mediator confirms it. */
export interface RestorePreview {
  readonly backup: BackupSummary;
  /** The current ledger passed its check: the restore needs the typed confirmation. */
  readonly requiresConfirmation: boolean;
  /**
   * The room role whose second person must confirm the restore (§7.4: a director's restore needs
   * a 技术管理员, and the reverse); null when one person restores (a damaged or missing ledger,
   * or a file the app did not open whose accounts hold nobody of that role, who could not be
   * created there either).
   */
  readonly witnessRole: 'DIRECTOR' | 'ADMIN' | null;
  /**
   * What the dialog says of that second person before anything is typed: `NO_ACCOUNT`, the room
   * has no other active account of that role (the restore answers RESTORE_WITNESS_NONE until
   * the director makes one); `UNOPENED_FILE`, the ledger file was not opened (too new, its
   * migration failed, unwritable), so the name and password are checked against it only when
   * the restore is confirmed; null otherwise, and whenever `witnessRole` is null.
   */
  readonly witnessNotice: 'NO_ACCOUNT' | 'UNOPENED_FILE' | null;
  /** Null when the current ledger cannot be read to compare (damaged beyond reading). */
  readonly lostCases: {
    readonly count: number;
    readonly sample: readonly {
      readonly caseNumber: string | null;
      /** Null for a 技术管理员: the title names the parties (case-title.ts). */
      readonly title: string | null;
      readonly createdAt: string;
    }[];
  } | null;
  /** Cases in both, changed after the backup was made (their later changes are lost). */
  readonly changedCases: number | null;
}

/**
 * A ledger made before encryption (or restored from a plain backup) being converted after the
 * start: waiting for the start-up check, running (writes refused, reads answered), or failed
 * (the plain ledger stays in service; the next start tries again).
 */
export type LedgerEncryptionProgress =
  | { readonly state: 'WAITING' }
  /**
   * The data key exists but no recovery code wraps it yet (codes printed before this version):
   * the conversion waits, or the stick's copies would be encrypted with no key anyone holds.
   */
  | { readonly state: 'WAITING_FOR_CODE'; readonly message: string }
  | { readonly state: 'RUNNING'; readonly phase: 'BACKUP' | 'ENCRYPT' | 'VERIFY' | 'SWAP' }
  | { readonly state: 'FAILED'; readonly at: string; readonly message: string };

/** What the renderer needs to know before it can show any screen. */
export type LedgerStatus =
  | {
      readonly state: 'READY';
      readonly settingsComplete: boolean;
      /** The start-up check is still running (writes wait for it; reads do not). */
      readonly checking: boolean;
      /**
       * Whether the ledger is encrypted at rest: a ledger made before encryption (or restored
       * from such a backup) is still plain, and 设置 says so rather than let anyone assume.
       */
      readonly encrypted: boolean;
    }
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
      | {
          readonly state: 'UNAVAILABLE';
          readonly reason: 'READ_ONLY' | 'FULL' | 'KEY_MISSING' | 'KEY_MISMATCH' | 'OTHER';
        }
      | {
          /** Failed its check: writes stopped, reads still work, restore offered. */
          readonly state: 'DAMAGED';
          readonly findings: readonly string[];
          readonly backups: readonly BackupSummary[];
        }
    ));

export interface SystemStatus {
  readonly appVersion: string;
  readonly schemaVersion: number;
  readonly ledger: LedgerStatus;
  readonly backup: BackupHealth;
  /**
   * When the core's thread died unexpectedly and was restarted (ISO time), else null: the
   * user is told that the step in progress may not have been saved.
   */
  readonly restartedAfterCrashAt: string | null;
  /**
   * The first start after the upgrade that brings the audit chain is recording the existing
   * rows (writes are refused until it is done; reads are answered); null otherwise.
   */
  readonly auditBaseline: { readonly done: number; readonly total: number } | null;
  /** Converting a plain ledger to an encrypted one; null when there is nothing to convert. */
  readonly encryption: LedgerEncryptionProgress | null;
  /** The last audit verification found edits made outside the app, or cannot check (no key). */
  readonly auditProblem: {
    readonly verdict: 'KEY_MISSING' | 'BROKEN';
    readonly summary: string;
    readonly finishedAt: string;
  } | null;
}

/** Typed, not free text, so nobody starts an empty ledger by a stray click. */
export const START_EMPTY_CONFIRMATION = '我确认原台账已无法找回';

/** Typed before a healthy ledger is replaced by a backup. */
export const RESTORE_CONFIRMATION = '我确认用备份替换当前台账';

const backupFileName = z
  .string({ error: '请选择备份文件' })
  .min(1, { error: '请选择备份文件' })
  .max(200, { error: '备份文件名无效' })
  .regex(/^[A-Za-z0-9._-]+\.sqlite$/, { error: '备份文件名无效' });

export const systemContract = {
  'system.status': method<SystemStatus>()(z.strictObject({})),
  /** Checks a backup (the newest good one when no name is given) and says what would be lost. */
  'system.restorePreview': method<RestorePreview>()(
    z.strictObject({ fileName: backupFileName.optional() }),
  ),
  'system.restoreBackup': method<SystemStatus>()(
    z.strictObject({
      fileName: backupFileName,
      confirmation: z
        .literal(RESTORE_CONFIRMATION, { error: `请输入“${RESTORE_CONFIRMATION}”以确认` })
        .optional(),
      /**
       * The second person (§7.4): an active account of the other room role (the director's
       * restore needs a technical administrator, and the reverse). Asked whenever the sentence
       * is, except where nobody's password can be read (a file no key here opens).
       */
      witness: z
        .strictObject({ loginName: loginNameField, password: passwordField('第二人的密码') })
        .optional(),
    }),
  ),
  /**
   * A backup under another key (BACKUP_OTHER_KEY): the recovery code of the room it came from
   * unwraps the key slot copied beside it (`ledger-key-<id>.recovery.json` in backups/); a key
   * that opens this backup is kept in the key ring. Answers the restore preview.
   */
  'system.unlockBackup': method<RestorePreview>()(
    z.strictObject({ fileName: backupFileName, recoveryCode: recoveryCodeField }),
  ),
  /** The second backup folder (USB stick, another disk); null turns it off. */
  'system.setBackupFolder': method<SystemStatus>()(
    z.strictObject({
      folder: optionalSingleLine({ max: 500, label: '第二备份位置' }),
    }),
  ),
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

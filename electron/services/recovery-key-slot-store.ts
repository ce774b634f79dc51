import fs from 'node:fs';
import path from 'node:path';
import { deskSecurity } from '../../db/accounts/account-queries.js';
import { readBackupSettings } from '../../db/backup-records.js';
import type { Db } from '../../db/connection.js';
import {
  placeRecoverySlotBesideBackups,
  readRecoverySlotText,
  removeRecoverySlot,
  writeRecoverySlotText,
} from '../../db/ledger-key-ring.js';
import { ledgerKeyId } from '../../db/ledger-cipher.js';
import type { LedgerPaths } from '../../db/ledger-files.js';
import type {
  RecoveryKeySlotState,
  SecondCopySlotState,
} from '../../domain/api/system-contract.js';
import type { PasswordHashParams } from './password-hash.js';
import {
  parseRecoveryKeySlot,
  recoveryCodeId,
  recoverySlotKdf,
  wrapWithRecoveryCode,
} from './recovery-key-slot.js';

/** The folder on the second backup place the copies (and the slot) go to. */
export const SECOND_COPY_SUBFOLDER = 'mediation-desk-backups';

/** The id of the recovery code whose hash the ledger holds; null before one was issued. */
export function ledgerRecoveryCodeId(db: Db): string | null {
  const hash = deskSecurity(db).recoveryHash;
  return hash === null ? null : recoveryCodeId(hash);
}

/**
 * The slot's text for a new recovery code, made before the code is stored (Argon2 takes a
 * moment, and must not run inside the write transaction); null for a plain ledger.
 * `recoveryHash`: the hash about to be stored for the code (it names the code in the slot).
 */
export async function recoverySlotFor(
  key: Buffer | null,
  code: string,
  params: PasswordHashParams,
  recoveryHash: string,
): Promise<string | null> {
  if (!key) return null;
  const slot = await wrapWithRecoveryCode(
    key,
    code,
    recoverySlotKdf(params),
    recoveryCodeId(recoveryHash),
  );
  return `${JSON.stringify(slot, null, 2)}\n`;
}

/**
 * Written after the code's hash is committed, so a code that was never handed out never
 * replaces the slot. If the write fails the old slot (the old code's) is removed rather than
 * left to travel to the stick: 设置 then asks for a new code. The code itself stays issued.
 * Then beside the local backups (review s27 finding 6: without a stick, `keys/` must not be its
 * only place; unlockBackup looks there) and, when it is reachable, on the second backup place
 * at once, so the stick never waits for the next backup to drop the old code's slot.
 */
export function keepRecoverySlot(paths: LedgerPaths, text: string | null): void {
  if (text === null) return;
  try {
    writeRecoverySlotText(paths.ledgerFile, text);
  } catch (error) {
    console.error('[keys] the recovery key slot was not written:', error);
    try {
      removeRecoverySlot(paths.ledgerFile);
    } catch {
      // 设置 reads the stale slot's code id and still says a new code is needed.
    }
    return;
  }
  const keyId = parseRecoveryKeySlot(text).keyId;
  for (const folder of [paths.backupDir, secondCopyTarget(paths.dataDir)]) {
    if (folder === null) continue;
    try {
      fs.mkdirSync(folder, { recursive: true });
      placeRecoverySlotBesideBackups(folder, keyId, text);
    } catch (error) {
      // The next backup places it again (sendSecondCopies); 设置 says whether the stick has it.
      console.error(`[keys] the recovery key slot was not placed in ${folder}:`, error);
    }
  }
}

/** `<second folder>/mediation-desk-backups` when one is chosen and reachable now; else null. */
export function secondCopyTarget(dataDir: string): string | null {
  const folder = readBackupSettings(dataDir).secondFolder;
  if (folder === null) return null;
  try {
    return fs.statSync(folder).isDirectory() ? path.join(folder, SECOND_COPY_SUBFOLDER) : null;
  } catch {
    return null;
  }
}

/**
 * The slot of the open ledger's key for the code the ledger holds, ready to travel; null when
 * there is none, or it is for another key or another code (`codeId`: ledgerRecoveryCodeId).
 */
export function currentRecoverySlot(
  ledgerFile: string,
  liveKey: Buffer | null,
  codeId: string | null,
): { readonly keyId: string; readonly text: string } | null {
  if (!liveKey || codeId === null) return null;
  let text: string | null;
  try {
    text = readRecoverySlotText(ledgerFile);
  } catch {
    return null;
  }
  if (text === null) return null;
  try {
    const keyId = ledgerKeyId(liveKey);
    const slot = parseRecoveryKeySlot(text);
    return slot.keyId === keyId && slot.codeId === codeId ? { keyId, text } : null;
  } catch {
    return null;
  }
}

export function recoverySlotState(
  ledgerFile: string,
  liveKey: Buffer | null,
  codeId: string | null,
): RecoveryKeySlotState {
  if (!liveKey) return 'NOT_ENCRYPTED';
  return currentRecoverySlot(ledgerFile, liveKey, codeId) ? 'PRESENT' : 'NEEDS_NEW_CODE';
}

/**
 * Whether the second backup place holds the slot of the current key for the current code: what
 * the new-code screen tells the room to wait for before throwing the old printout away. Null
 * when there is no second place or no current slot to send.
 */
export function secondCopySlotState(
  dataDir: string,
  slot: { readonly keyId: string; readonly text: string } | null,
): SecondCopySlotState | null {
  if (slot === null || readBackupSettings(dataDir).secondFolder === null) return null;
  const target = secondCopyTarget(dataDir);
  if (target === null) return 'NOT_UPDATED';
  try {
    const there = fs.readFileSync(
      path.join(target, `ledger-key-${slot.keyId}.recovery.json`),
      'utf8',
    );
    return there === slot.text ? 'UPDATED' : 'NOT_UPDATED';
  } catch {
    return 'NOT_UPDATED';
  }
}

import {
  readRecoverySlotText,
  removeRecoverySlot,
  writeRecoverySlotText,
} from '../../db/ledger-key-ring.js';
import { ledgerKeyId } from '../../db/ledger-cipher.js';
import type { RecoveryKeySlotState } from '../../domain/api/system-contract.js';
import type { PasswordHashParams } from './password-hash.js';
import {
  parseRecoveryKeySlot,
  recoverySlotKdf,
  wrapWithRecoveryCode,
} from './recovery-key-slot.js';

/**
 * The slot's text for a new recovery code, made before the code is stored (Argon2 takes a
 * moment, and must not run inside the write transaction); null for a plain ledger.
 */
export async function recoverySlotFor(
  key: Buffer | null,
  code: string,
  params: PasswordHashParams,
): Promise<string | null> {
  if (!key) return null;
  const slot = await wrapWithRecoveryCode(key, code, recoverySlotKdf(params));
  return `${JSON.stringify(slot, null, 2)}\n`;
}

/**
 * Written after the code's hash is committed, so a code that was never handed out never
 * replaces the slot. If the write fails the old slot (the old code's) is removed rather than
 * left to travel to the stick: 设置 then asks for a new code. The code itself stays issued.
 */
export function keepRecoverySlot(ledgerFile: string, text: string | null): void {
  if (text === null) return;
  try {
    writeRecoverySlotText(ledgerFile, text);
  } catch (error) {
    console.error('[keys] the recovery key slot was not written:', error);
    try {
      removeRecoverySlot(ledgerFile);
    } catch {
      // 设置 reads the stale slot's key id and still says a new code is needed if it differs.
    }
  }
}

/** The slot of the open ledger's key, ready to travel; null when there is none or it is stale. */
export function currentRecoverySlot(
  ledgerFile: string,
  liveKey: Buffer | null,
): { readonly keyId: string; readonly text: string } | null {
  if (!liveKey) return null;
  let text: string | null;
  try {
    text = readRecoverySlotText(ledgerFile);
  } catch {
    return null;
  }
  if (text === null) return null;
  try {
    const keyId = ledgerKeyId(liveKey);
    return parseRecoveryKeySlot(text).keyId === keyId ? { keyId, text } : null;
  } catch {
    return null;
  }
}

export function recoverySlotState(
  ledgerFile: string,
  liveKey: Buffer | null,
): RecoveryKeySlotState {
  if (!liveKey) return 'NOT_ENCRYPTED';
  return currentRecoverySlot(ledgerFile, liveKey) ? 'PRESENT' : 'NEEDS_NEW_CODE';
}

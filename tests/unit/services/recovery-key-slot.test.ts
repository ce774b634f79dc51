import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ledgerKeyId } from '../../../db/ledger-cipher.js';
import { DEFAULT_PASSWORD_HASH } from '../../../electron/services/password-hash.js';
import {
  RECOVERY_SLOT_KDF,
  RecoveryKeySlotError,
  recoverySlotKdf,
  parseRecoveryKeySlot,
  unwrapWithRecoveryCode,
  wrapWithRecoveryCode,
  type RecoveryKeySlot,
} from '../../../electron/services/recovery-key-slot.js';
import { TEST_PASSWORD_HASH } from '../support/signed-in-core.js';

const CODE = 'ABCDEFGHJKMNPQRSTUVWXYZ2';
const OTHER_CODE = 'ABCDEFGHJKMNPQRSTUVWXYZ3';

async function slotText(key: Buffer): Promise<string> {
  return JSON.stringify(await wrapWithRecoveryCode(key, CODE, TEST_PASSWORD_HASH));
}

async function refusal(work: () => Promise<unknown>): Promise<string> {
  try {
    await work();
  } catch (error) {
    if (error instanceof RecoveryKeySlotError) return error.reason;
    throw error;
  }
  return 'OPENED';
}

describe('the data key wrapped by the recovery code', () => {
  it('unwraps with the code it was wrapped with, and states its parameters', async () => {
    const key = randomBytes(32);
    const slot = parseRecoveryKeySlot(await slotText(key));
    expect(slot).toMatchObject({
      format: 'mediation-desk/ledger-key-slot',
      version: 1,
      wrappedBy: 'recovery-code',
      keyId: ledgerKeyId(key),
      kdf: { name: 'argon2id', version: 19, ...TEST_PASSWORD_HASH },
      cipher: 'aes-256-gcm',
    });
    expect(Buffer.from(slot.salt, 'base64')).toHaveLength(16);
    expect(Buffer.from(slot.nonce, 'base64')).toHaveLength(12);
    expect((await unwrapWithRecoveryCode(slot, CODE)).equals(key)).toBe(true);
    // Neither the key nor its hex is in the slot.
    const text = JSON.stringify(slot);
    expect(text).not.toContain(key.toString('hex'));
    expect(text).not.toContain(key.toString('base64'));
  });

  it('the app wraps at a fixed, stated cost: Argon2id 19 MiB × 2, never above the password hash', () => {
    expect(RECOVERY_SLOT_KDF).toEqual({ memoryKiB: 19_456, iterations: 2, parallelism: 1 });
    expect(recoverySlotKdf(DEFAULT_PASSWORD_HASH)).toEqual(RECOVERY_SLOT_KDF);
    expect(recoverySlotKdf(TEST_PASSWORD_HASH)).toEqual(TEST_PASSWORD_HASH);
  });

  it('each wrap has its own salt and nonce', async () => {
    const key = randomBytes(32);
    const a = parseRecoveryKeySlot(await slotText(key));
    const b = parseRecoveryKeySlot(await slotText(key));
    expect(a.salt).not.toBe(b.salt);
    expect(a.nonce).not.toBe(b.nonce);
  });

  it('a wrong code is a clear refusal, not a wrong key', async () => {
    const slot = parseRecoveryKeySlot(await slotText(randomBytes(32)));
    expect(await refusal(() => unwrapWithRecoveryCode(slot, OTHER_CODE))).toBe('WRONG_CODE');
  });

  it('a tampered slot is refused: its bytes, its header, its shape', async () => {
    const key = randomBytes(32);
    const slot = parseRecoveryKeySlot(await slotText(key));
    const flip = (b64: string) => {
      const bytes = Buffer.from(b64, 'base64');
      bytes[0] = (bytes[0] ?? 0) ^ 1;
      return bytes.toString('base64');
    };
    const tampered: RecoveryKeySlot[] = [
      { ...slot, ciphertext: flip(slot.ciphertext) },
      { ...slot, tag: flip(slot.tag) },
      { ...slot, nonce: flip(slot.nonce) },
      { ...slot, salt: flip(slot.salt) },
      { ...slot, keyId: ledgerKeyId(randomBytes(32)) },
      { ...slot, kdf: { ...slot.kdf, iterations: slot.kdf.iterations + 1 } },
    ];
    for (const t of tampered) {
      expect(await refusal(() => unwrapWithRecoveryCode(t, CODE))).toBe('WRONG_CODE');
    }
    const damaged = [
      'not json',
      '{}',
      JSON.stringify({ ...slot, version: 2 }),
      JSON.stringify({ ...slot, ciphertext: Buffer.alloc(31).toString('base64') }),
      JSON.stringify({ ...slot, extra: 1 }),
      // a cost that would hold the core for minutes on one guess
      JSON.stringify({ ...slot, kdf: { ...slot.kdf, memoryKiB: 64 * 1024 * 1024 } }),
    ];
    for (const text of damaged) {
      expect(await refusal(async () => parseRecoveryKeySlot(text))).toBe('DAMAGED');
    }
  });
});

import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ledgerKeyId } from '../../../db/ledger-cipher.js';
import { DEFAULT_PASSWORD_HASH } from '../../../electron/services/password-hash.js';
import {
  RECOVERY_SLOT_KDF,
  RecoveryKeySlotError,
  recoveryCodeId,
  recoverySlotKdf,
  parseRecoveryKeySlot,
  unwrapWithRecoveryCode,
  wrapWithRecoveryCode,
  type RecoveryKeySlot,
} from '../../../electron/services/recovery-key-slot.js';
import { TEST_PASSWORD_HASH } from '../support/signed-in-core.js';

const CODE = 'ABCDEFGHJKMNPQRSTUVWXYZ2';
const OTHER_CODE = 'ABCDEFGHJKMNPQRSTUVWXYZ3';
const CODE_ID = recoveryCodeId('$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaA');

async function slotText(key: Buffer): Promise<string> {
  return JSON.stringify(await wrapWithRecoveryCode(key, CODE, TEST_PASSWORD_HASH, CODE_ID));
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
      version: 2,
      wrappedBy: 'recovery-code',
      keyId: ledgerKeyId(key),
      codeId: CODE_ID,
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
      // the code it names is part of what the tag covers
      { ...slot, codeId: recoveryCodeId('$argon2id$another') },
      { ...slot, version: 1, codeId: undefined },
      { ...slot, kdf: { ...slot.kdf, iterations: slot.kdf.iterations + 1 } },
    ];
    for (const t of tampered) {
      expect(await refusal(() => unwrapWithRecoveryCode(t, CODE))).toBe('WRONG_CODE');
    }
    const damaged = [
      'not json',
      '{}',
      JSON.stringify({ ...slot, version: 3 }),
      JSON.stringify({ ...slot, codeId: undefined }),
      JSON.stringify({ ...slot, version: 1 }),
      JSON.stringify({ ...slot, ciphertext: Buffer.alloc(31).toString('base64') }),
      JSON.stringify({ ...slot, extra: 1 }),
      // a cost that would hold the core for minutes on one guess
      JSON.stringify({ ...slot, kdf: { ...slot.kdf, memoryKiB: 64 * 1024 * 1024 } }),
      // within the password hash's limits, but more than four times what the app writes
      JSON.stringify({ ...slot, kdf: { ...slot.kdf, memoryKiB: 1024 * 1024, iterations: 16 } }),
      JSON.stringify({
        ...slot,
        kdf: { ...slot.kdf, memoryKiB: RECOVERY_SLOT_KDF.memoryKiB * 4, iterations: 8 },
      }),
    ];
    for (const text of damaged) {
      expect(await refusal(async () => parseRecoveryKeySlot(text))).toBe('DAMAGED');
    }
  });

  it('a slot written before slots named their code (version 1) still unwraps its key', async () => {
    const key = randomBytes(32);
    const v2 = await wrapWithRecoveryCode(key, CODE, TEST_PASSWORD_HASH, CODE_ID);
    // Version 1's associated data, as an s27 build wrote it: no code id.
    const { createCipheriv, randomBytes: bytes } = await import('node:crypto');
    const { deriveFromSecret } = await import('../../../electron/services/password-hash.js');
    const salt = bytes(16);
    const nonce = bytes(12);
    const k = v2.kdf;
    const aad = [
      v2.format,
      1,
      v2.wrappedBy,
      v2.keyId,
      `${k.name}:${k.version}:${k.memoryKiB}:${k.iterations}:${k.parallelism}`,
      v2.cipher,
    ].join('\u0000');
    const cipher = createCipheriv(
      'aes-256-gcm',
      await deriveFromSecret(CODE, salt, TEST_PASSWORD_HASH),
      nonce,
    );
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(key), cipher.final()]);
    const { codeId: _codeId, ...header } = v2;
    const v1 = parseRecoveryKeySlot(
      JSON.stringify({
        ...header,
        version: 1,
        salt: salt.toString('base64'),
        nonce: nonce.toString('base64'),
        ciphertext: ciphertext.toString('base64'),
        tag: cipher.getAuthTag().toString('base64'),
      }),
    );
    expect((await unwrapWithRecoveryCode(v1, CODE)).equals(key)).toBe(true);
  });

  it('each issued code has its own id (a digest of its salted hash)', () => {
    expect(recoveryCodeId('$argon2id$a')).toMatch(/^[0-9a-f]{16}$/);
    expect(recoveryCodeId('$argon2id$a')).toBe(recoveryCodeId('$argon2id$a'));
    expect(recoveryCodeId('$argon2id$a')).not.toBe(recoveryCodeId('$argon2id$b'));
  });
});

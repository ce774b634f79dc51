import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ledgerKeyId } from '../../db/ledger-cipher.js';
import {
  deriveFromSecret,
  hashParamsWithinLimits,
  type PasswordHashParams,
} from './password-hash.js';

/**
 * The ledger's data key wrapped by the room's recovery code (issue 11 must-have 6): what travels
 * to the second backup place instead of the raw key, so a lost stick does not open the backups
 * on it. Argon2id(code, own salt) → AES-256-GCM(data key). The header (format, key id, cost)
 * is the GCM's associated data: changing any of it fails like a wrong code. The cost is stated
 * in the slot (RECOVERY_SLOT_KDF).
 *
 * Version 2 names the code it is wrapped by (`codeId`, review s27 finding 3): a slot is current
 * only while the ledger holds that code's hash, so a slot left by a crash between a new code's
 * commit and its slot write, or a restored older ledger under the same key, is never taken for
 * the printed code's. Version 1 slots (no code id) still unwrap a backup's key; they are never
 * current.
 */
export const RECOVERY_KEY_SLOT_FORMAT = 'mediation-desk/ledger-key-slot';
export const RECOVERY_KEY_SLOT_VERSION = 2;

/**
 * The code's id: a digest of its stored Argon2 hash (which has its own random salt), so each
 * issued code has its own id and nothing beside the hash needs storing. It says nothing of the
 * code that the slot beside it does not.
 */
export function recoveryCodeId(recoveryHash: string): string {
  return createHash('sha256')
    .update(`mediation-desk/recovery-code-id\u0000${recoveryHash}`, 'utf8')
    .digest('hex')
    .slice(0, 16);
}

/**
 * The slot's Argon2id cost: OWASP's minimum for Argon2id (19 MiB, 2 passes). The code is 24
 * random letters of 31 (~119 bits): no guesser gets through that, so the cost is a second line,
 * and a code's issue (first run, recovery, a new code) already runs two Argon2 hashes at the
 * password's 64 MiB × 3. Never more than the caller's password hash (the tests' is cheaper).
 */
export const RECOVERY_SLOT_KDF: PasswordHashParams = {
  memoryKiB: 19_456,
  iterations: 2,
  parallelism: 1,
};

export function recoverySlotKdf(passwordHash: PasswordHashParams): PasswordHashParams {
  const cost = (p: PasswordHashParams) => p.memoryKiB * p.iterations;
  return cost(passwordHash) < cost(RECOVERY_SLOT_KDF) ? passwordHash : RECOVERY_SLOT_KDF;
}

const SALT_BYTES = 16;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

const base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/);

const hexId = z.string().regex(/^[0-9a-f]{16}$/);

const slotSchema = z.strictObject({
  format: z.literal(RECOVERY_KEY_SLOT_FORMAT),
  version: z.union([z.literal(1), z.literal(RECOVERY_KEY_SLOT_VERSION)]),
  wrappedBy: z.literal('recovery-code'),
  keyId: hexId,
  codeId: hexId.optional(),
  kdf: z.strictObject({
    name: z.literal('argon2id'),
    version: z.literal(19),
    memoryKiB: z.number().int(),
    iterations: z.number().int(),
    parallelism: z.number().int(),
  }),
  cipher: z.literal('aes-256-gcm'),
  salt: base64,
  nonce: base64,
  ciphertext: base64,
  tag: base64,
});

export type RecoveryKeySlot = z.infer<typeof slotSchema>;

/**
 * The most a slot may ask of the core per guess: four times what the app writes. A planted slot
 * at the password hash's own limits (1 GiB, 16 passes) would hold the core for a minute.
 */
export const RECOVERY_SLOT_KDF_MAX = {
  memoryKiB: RECOVERY_SLOT_KDF.memoryKiB * 4,
  iterations: RECOVERY_SLOT_KDF.iterations * 4,
  parallelism: RECOVERY_SLOT_KDF.parallelism * 4,
  cost: RECOVERY_SLOT_KDF.memoryKiB * RECOVERY_SLOT_KDF.iterations * 4,
} as const;

function withinSlotCost(p: PasswordHashParams): boolean {
  const max = RECOVERY_SLOT_KDF_MAX;
  return (
    hashParamsWithinLimits(p) &&
    p.memoryKiB <= max.memoryKiB &&
    p.iterations <= max.iterations &&
    p.parallelism <= max.parallelism &&
    p.memoryKiB * p.iterations <= max.cost
  );
}

/** DAMAGED: not a slot of ours (or an absurd cost); WRONG_CODE: the code (or the slot's bytes) do not match. */
export class RecoveryKeySlotError extends Error {
  constructor(readonly reason: 'DAMAGED' | 'WRONG_CODE') {
    super(reason === 'DAMAGED' ? 'recovery key slot damaged' : 'recovery code does not open slot');
    this.name = 'RecoveryKeySlotError';
  }
}

function associatedData(slot: Omit<RecoveryKeySlot, 'salt' | 'nonce' | 'ciphertext' | 'tag'>) {
  const k = slot.kdf;
  return Buffer.from(
    [
      slot.format,
      slot.version,
      slot.wrappedBy,
      slot.keyId,
      // Version 1 had no code id: its data stays as it was, so its slots still unwrap.
      ...(slot.version === 1 ? [] : [slot.codeId ?? '']),
      `${k.name}:${k.version}:${k.memoryKiB}:${k.iterations}:${k.parallelism}`,
      slot.cipher,
    ].join('\u0000'),
    'utf8',
  );
}

/**
 * `code`: the recovery code as stored (normalised by the contract: 24 letters, no dashes);
 * `codeId`: recoveryCodeId of the hash stored for it.
 */
export async function wrapWithRecoveryCode(
  key: Buffer,
  code: string,
  params: PasswordHashParams,
  codeId: string,
): Promise<RecoveryKeySlot> {
  const salt = randomBytes(SALT_BYTES);
  const nonce = randomBytes(NONCE_BYTES);
  const header = {
    format: RECOVERY_KEY_SLOT_FORMAT,
    version: RECOVERY_KEY_SLOT_VERSION,
    wrappedBy: 'recovery-code',
    keyId: ledgerKeyId(key),
    codeId,
    kdf: { name: 'argon2id', version: 19, ...params },
    cipher: 'aes-256-gcm',
  } as const;
  const wrapping = await deriveFromSecret(code, salt, params);
  const cipher = createCipheriv('aes-256-gcm', wrapping, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(header));
  const ciphertext = Buffer.concat([cipher.update(key), cipher.final()]);
  return {
    ...header,
    kdf: { ...header.kdf },
    salt: salt.toString('base64'),
    nonce: nonce.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

/** The slot from its file's text; RecoveryKeySlotError('DAMAGED') when it is not one. */
export function parseRecoveryKeySlot(text: string): RecoveryKeySlot {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new RecoveryKeySlotError('DAMAGED');
  }
  const slot = slotSchema.safeParse(parsed);
  if (!slot.success) throw new RecoveryKeySlotError('DAMAGED');
  if ((slot.data.version === 1) !== (slot.data.codeId === undefined)) {
    throw new RecoveryKeySlotError('DAMAGED');
  }
  const { memoryKiB, iterations, parallelism } = slot.data.kdf;
  if (!withinSlotCost({ memoryKiB, iterations, parallelism })) {
    throw new RecoveryKeySlotError('DAMAGED');
  }
  const sizes: [string, number][] = [
    [slot.data.salt, SALT_BYTES],
    [slot.data.nonce, NONCE_BYTES],
    [slot.data.ciphertext, KEY_BYTES],
    [slot.data.tag, TAG_BYTES],
  ];
  if (sizes.some(([b64, bytes]) => Buffer.from(b64, 'base64').length !== bytes)) {
    throw new RecoveryKeySlotError('DAMAGED');
  }
  return slot.data;
}

export async function unwrapWithRecoveryCode(slot: RecoveryKeySlot, code: string): Promise<Buffer> {
  const { memoryKiB, iterations, parallelism } = slot.kdf;
  const wrapping = await deriveFromSecret(code, Buffer.from(slot.salt, 'base64'), {
    memoryKiB,
    iterations,
    parallelism,
  });
  const decipher = createDecipheriv('aes-256-gcm', wrapping, Buffer.from(slot.nonce, 'base64'), {
    authTagLength: TAG_BYTES,
  });
  decipher.setAAD(associatedData(slot));
  decipher.setAuthTag(Buffer.from(slot.tag, 'base64'));
  let key: Buffer;
  try {
    key = Buffer.concat([
      decipher.update(Buffer.from(slot.ciphertext, 'base64')),
      decipher.final(),
    ]);
  } catch {
    throw new RecoveryKeySlotError('WRONG_CODE');
  }
  // The key id is authenticated, so this only fails for a slot written wrongly by us.
  if (ledgerKeyId(key) !== slot.keyId) throw new RecoveryKeySlotError('DAMAGED');
  return key;
}

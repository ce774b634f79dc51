import { randomBytes, timingSafeEqual } from 'node:crypto';
import { argon2id } from 'hash-wasm';

/** Argon2id's cost. Stored with every hash, so raising it later leaves old hashes verifiable. */
export interface PasswordHashParams {
  /** KiB of memory. */
  readonly memoryKiB: number;
  readonly iterations: number;
  readonly parallelism: number;
}

/**
 * ~220 ms on a quiet machine here: inside the 800 ms unlock budget under load, still 64 MiB per
 * guess for anyone who copies the ledger. scrypt at N=2^17 took 600 ms quiet and over 1.5 s under
 * load.
 */
export const DEFAULT_PASSWORD_HASH: PasswordHashParams = {
  memoryKiB: 65_536,
  iterations: 3,
  parallelism: 1,
};

const HASH_BYTES = 32;
const SALT_BYTES = 16;
// The PHC string format (as the reference argon2 tool prints it): algorithm, version,
// parameters, salt and hash, each self-describing.
const PHC = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

// What a stored hash may ask for. A planted hash with an absurd cost would otherwise hold the core
// worker (every request behind it) for as long as it asks; one outside the library's range would
// throw instead of counting as a failed sign-in.
const LIMITS = { memoryKiB: [8, 1_048_576], iterations: [1, 16], parallelism: [1, 8] } as const;
const within = (value: number, [low, high]: readonly [number, number]) =>
  Number.isSafeInteger(value) && value >= low && value <= high;

/** Whether a stored cost (a hash's, a key slot's) is one we agree to spend a guess on. */
export function hashParamsWithinLimits(p: PasswordHashParams): boolean {
  return (
    within(p.memoryKiB, LIMITS.memoryKiB) &&
    within(p.iterations, LIMITS.iterations) &&
    within(p.parallelism, LIMITS.parallelism) &&
    p.memoryKiB >= 8 * p.parallelism
  );
}

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64').replace(/=+$/, '');

/** Argon2id of `secret` to 32 bytes: a password's hash, or a key-wrapping key (key slots). */
export async function deriveFromSecret(
  secret: string,
  salt: Uint8Array,
  p: PasswordHashParams,
): Promise<Uint8Array> {
  return argon2id({
    password: secret,
    salt,
    iterations: p.iterations,
    parallelism: p.parallelism,
    memorySize: p.memoryKiB,
    hashLength: HASH_BYTES,
    outputType: 'binary',
  });
}

export async function hashPassword(
  secret: string,
  params: PasswordHashParams = DEFAULT_PASSWORD_HASH,
): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await deriveFromSecret(secret, salt, params);
  return `$argon2id$v=19$m=${params.memoryKiB},t=${params.iterations},p=${params.parallelism}$${b64(salt)}$${b64(hash)}`;
}

/** Compares in constant time; a stored value that is not ours never matches. */
export async function verifyPassword(secret: string, stored: string): Promise<boolean> {
  const m = PHC.exec(stored);
  if (!m) return false;
  const [, mem, it, par, salt64, hash64] = m as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const params = { memoryKiB: Number(mem), iterations: Number(it), parallelism: Number(par) };
  const salt = Buffer.from(salt64, 'base64');
  const expected = Buffer.from(hash64, 'base64');
  if (!hashParamsWithinLimits(params) || salt.length < 8 || expected.length !== HASH_BYTES) {
    return false;
  }
  const actual = await deriveFromSecret(secret, salt, params);
  return timingSafeEqual(expected, actual);
}

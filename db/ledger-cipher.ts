import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { makePrivateDir } from './file-modes.js';
import { fsyncDirectory } from './fsync.js';

/**
 * Encryption at rest (SQLite3 Multiple Ciphers, AEGIS-256; ledgers made before stop 32 use
 * ChaCha20-Poly1305 and keep opening, see LEDGER_CIPHERS): every page of the ledger, its WAL and
 * every VACUUM INTO copy is encrypted and authenticated with one random 32-byte data key per
 * ledger. The key is given raw (`x'…'`), so no passphrase KDF runs on each open
 * (a hex passphrase costs ~120 ms of PBKDF2 per connection; the raw key well under 1 ms).
 *
 * The key is kept by a device key store, never in the ledger. The default store is a 0600 file
 * in `<dataDir>/keys/` beside the audit key: it protects a copied ledger or backup that travels
 * without the keys folder, not a stolen whole data folder.
 */
export interface LedgerKeyStore {
  /** The data key kept for the ledger (or backup) at `file`, or null when none is kept. */
  read(file: string): Buffer | null;
  /** Makes, keeps and returns a new data key for `file`. */
  create(file: string): Buffer;
}

export const LEDGER_KEY_FILE_NAME = 'ledger.key';
const KEY_BYTES = 32;
const SQLITE_HEADER = Buffer.from('SQLite format 3\u0000', 'latin1');

export class LedgerKeyDamagedError extends Error {}

/** A ledger under `<dataDir>/ledger/` and its backups under `<dataDir>/backups/` share one key. */
export function ledgerKeyFileFor(file: string): string {
  const dir = path.dirname(file);
  const folder = path.basename(dir);
  return folder === 'ledger' || folder === 'backups'
    ? path.join(path.dirname(dir), 'keys', LEDGER_KEY_FILE_NAME)
    : `${file}.${LEDGER_KEY_FILE_NAME}`;
}

export const fileKeyStore: LedgerKeyStore = {
  read(file) {
    const keyFile = ledgerKeyFileFor(file);
    let text: string;
    try {
      text = fs.readFileSync(keyFile, 'utf8').trim();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    if (!/^[0-9a-f]{64}$/.test(text))
      throw new LedgerKeyDamagedError(`台账密钥文件已损坏：${keyFile}`);
    return Buffer.from(text, 'hex');
  },
  create(file) {
    const key = randomBytes(KEY_BYTES);
    writeKeyFile(ledgerKeyFileFor(file), key);
    return key;
  },
};

/**
 * Atomically (temp file, fsync, rename) with mode 0600, like the audit key, and the folder
 * fsynced after the rename: data encrypted under a key whose name a power cut can undo is lost.
 */
export function writeKeyFile(file: string, key: Buffer): void {
  writePrivateFileAtomic(file, key.toString('hex'));
}

/**
 * Temp file `<file>.tmp-<pid>` (0600), fsync, rename, then fsync of the folder: without the last
 * step a power cut soon after the first start could lose the key's directory entry while the
 * ledger written with it survives (review finding 9). Also the key slots' writer.
 */
export function writePrivateFileAtomic(file: string, contents: string): void {
  const dir = path.dirname(file);
  makePrivateDir(dir);
  const tmp = `${file}.tmp-${process.pid}`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeSync(fd, contents);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  fsyncDirectory(dir);
}

let keyStore: LedgerKeyStore = fileKeyStore;

/** The core's process sets its device key store once, before it opens a ledger. */
export function useLedgerKeyStore(store: LedgerKeyStore): void {
  keyStore = store;
}

export function ledgerKeyStore(): LedgerKeyStore {
  return keyStore;
}

/** 'new': absent or empty; 'plain': an unencrypted SQLite file; 'encrypted': anything else. */
export function ledgerFileKind(file: string): 'new' | 'plain' | 'encrypted' {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'new';
    throw error;
  }
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    if (read === 0) return 'new';
    return read === head.length && head.equals(SQLITE_HEADER) ? 'plain' : 'encrypted';
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The data key a connection to `file` needs: null for a plain file or an unknown one. `known`
 * is the key the open ledger was read with: the live ledger and its copies use it rather than
 * the store, so a key file removed while the app runs cannot make a healthy ledger unreadable.
 */
export function keyForExisting(file: string, known?: Buffer | null): Buffer | null {
  if (ledgerFileKind(file) !== 'encrypted') return null;
  return known ?? keyStore.read(file);
}

/** An encrypted file that the key at hand (or no key at all) does not open: not damage. */
export class LedgerKeyUnusableError extends Error {
  constructor(readonly file: string) {
    super(`台账密钥缺失或与文件不符：${path.basename(file)}`);
    this.name = 'LedgerKeyUnusableError';
  }
}

// "file is not a database" from SQLite on an encrypted-kind file means the key (or its absence)
// did not decrypt page 1; garbage bytes read the same way, and the safe reading is "key".
export function isKeyProblem(file: string, error: unknown): boolean {
  return isNotADatabase(error) && ledgerFileKind(file) === 'encrypted';
}

/**
 * A SQLite3MC page cipher, named by the pragmas that select it before the key. The file does
 * not say which one wrote it: an existing file is opened by trying each in LEDGER_CIPHERS.
 */
export interface LedgerCipher {
  readonly name: 'aegis-256' | 'chacha20';
  readonly pragmas: readonly string[];
}

/**
 * New encryptions (new ledgers, plain → encrypted conversions) use AEGIS-256: an AEAD like
 * ChaCha20-Poly1305 (every page carries a 256-bit tag, so reading a page proves its bytes), but
 * built on the AES round that AES-NI/VAES run in hardware: on the 100k ledger quick_check took
 * 0.74 s of CPU against ChaCha20's 2.2 s. The 256 variant takes our whole 32-byte key (the
 * 128-bit variants would read `x'<64 hex>'` as a 16-byte key plus a salt) and a 256-bit random
 * nonce per page write. The algorithm is named, not left to SQLite3MC's default: the file does
 * not record it, and a changed default would make every ledger unreadable.
 */
export const CURRENT_LEDGER_CIPHER: LedgerCipher = {
  name: 'aegis-256',
  pragmas: ["cipher = 'aegis'", "algorithm = 'aegis-256'"],
};

/** Ledgers, backups and copies encrypted before stop 32. */
export const LEGACY_LEDGER_CIPHER: LedgerCipher = {
  name: 'chacha20',
  pragmas: ["cipher = 'chacha20'"],
};

/** In the order an existing encrypted file is tried. */
export const LEDGER_CIPHERS: readonly LedgerCipher[] = [
  CURRENT_LEDGER_CIPHER,
  LEGACY_LEDGER_CIPHER,
];

const keysOfConnections = new WeakMap<
  Database.Database,
  { readonly key: Buffer; readonly cipher: LedgerCipher }
>();

/** Remembers the key (and cipher) a connection was opened with (see connectionKey). */
export function rememberConnectionKey(
  db: Database.Database,
  key: Buffer,
  cipher: LedgerCipher = CURRENT_LEDGER_CIPHER,
): void {
  keysOfConnections.set(db, { key, cipher });
}

/** The cipher of the file `db` was opened on; null for a plain ledger. */
export function connectionCipher(db: Database.Database): LedgerCipher | null {
  return keysOfConnections.get(db)?.cipher ?? null;
}

/** The data key `db` was opened with, read once at open; null for a plain ledger. */
export function connectionKey(db: Database.Database): Buffer | null {
  return keysOfConnections.get(db)?.key ?? null;
}

/** The raw-key pragma: SQLite3MC takes `x'<64 hex>'` as the page key itself, without a KDF. */
export function keyPragma(key: Buffer): string {
  return `key = "x'${key.toString('hex')}'"`;
}

/**
 * Must run before the first statement that reads a page. An existing encrypted file is read
 * (page 1) under each cipher in turn: the first one whose tag checks is the file's. When none
 * does, SQLite's own "file is not a database" is thrown, as a wrong key always gave (isKeyProblem
 * and LedgerKeyUnusableError read it). Returns the file's cipher.
 */
export function keyConnection(db: Database.Database, key: Buffer): LedgerCipher {
  if (ledgerFileKind(db.name) !== 'encrypted') {
    // New (or empty): nothing to read, and a read now could fix the page size too early.
    applyCipher(db, CURRENT_LEDGER_CIPHER, key);
    return CURRENT_LEDGER_CIPHER;
  }
  let refused: unknown;
  for (const cipher of LEDGER_CIPHERS) {
    applyCipher(db, cipher, key);
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
      return cipher;
    } catch (error) {
      if (!isNotADatabase(error)) throw error;
      refused = error;
    }
  }
  throw refused;
}

/** The pragmas selecting `cipher` and the key, for a connection or the worker's. */
export function cipherPragmas(cipher: LedgerCipher, key: Buffer): string[] {
  return [...cipher.pragmas, keyPragma(key)];
}

function applyCipher(db: Database.Database, cipher: LedgerCipher, key: Buffer): void {
  for (const pragma of cipherPragmas(cipher, key)) db.pragma(pragma);
}

function isNotADatabase(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_NOTADB');
}

/** 16 hex characters naming a data key without revealing it. */
export function ledgerKeyId(key: Buffer): string {
  return createHash('sha256')
    .update('mediation-desk ledger key id\u0000')
    .update(key)
    .digest('hex')
    .slice(0, 16);
}

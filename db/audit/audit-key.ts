import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { makePrivateDir } from '../file-modes.js';
import { fsyncDirectory } from '../fsync.js';

/**
 * The audit chain's secret: 32 random bytes, hex in `<dataDir>/keys/audit.key` (0600, folder
 * 0700), made with the ledger and never stored inside it. Every chain entry, every row hash and
 * every agreement seal is an HMAC-SHA-256 under it, so someone who can run SQL on the ledger
 * file cannot edit a row and recompute what vouches for it.
 *
 * Not wrapped with Electron's safeStorage on purpose: a key that only the OS store can open
 * makes every backup unverifiable on a new machine (Signal's experience, see
 * reliability-security.md §1.4). The key travels with the backups instead (the second backup
 * folder gets a copy), and a ledger opened without its key says "密钥缺失", never "broken".
 */
export interface AuditKey {
  /** 16 hex characters derived from the key: which key an entry was made with. */
  readonly id: string;
  readonly bytes: Buffer;
}

export const AUDIT_KEY_FILE_NAME = 'audit.key';

/** The key of a ledger at `<dataDir>/ledger/<file>`; anything else keeps its key beside it. */
export function auditKeyFileFor(ledgerFile: string): string {
  const dir = path.dirname(ledgerFile);
  return path.basename(dir) === 'ledger'
    ? path.join(path.dirname(dir), 'keys', AUDIT_KEY_FILE_NAME)
    : `${ledgerFile}.${AUDIT_KEY_FILE_NAME}`;
}

export function auditKeyOf(bytes: Buffer): AuditKey {
  const id = createHash('sha256')
    .update('mediation-desk audit key id\u0000')
    .update(bytes)
    .digest('hex')
    .slice(0, 16);
  return { id, bytes };
}

export function randomAuditKey(): AuditKey {
  return auditKeyOf(randomBytes(32));
}

export class AuditKeyDamagedError extends Error {}

/** The key in `file`, or null when there is none. A file that is not a key is an error. */
export function readAuditKey(file: string): AuditKey | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  if (!/^[0-9a-f]{64}$/.test(text)) throw new AuditKeyDamagedError(`审计密钥文件已损坏：${file}`);
  return auditKeyOf(Buffer.from(text, 'hex'));
}

/** Writes a key atomically (temp file, fsync, rename, fsync of the folder) with mode 0600. */
export function writeAuditKey(file: string, key: AuditKey): void {
  makePrivateDir(path.dirname(file));
  const tmp = `${file}.tmp-${process.pid}`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeSync(fd, key.bytes.toString('hex'));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  // Without it a power cut can keep the entries and lose the key that makes them verifiable.
  fsyncDirectory(path.dirname(file));
}

/**
 * The key in `file`, made when there is none. `created` tells the caller a new key was made,
 * so an existing chain can record that entries before it were made with a key that is gone.
 */
export function loadOrCreateAuditKey(file: string): { key: AuditKey; created: boolean } {
  const existing = readAuditKey(file);
  if (existing) return { key: existing, created: false };
  const key = randomAuditKey();
  writeAuditKey(file, key);
  return { key, created: true };
}

/**
 * Puts a copy of the ledger's audit key beside the backups in `folder` (the second backup
 * place), as `audit-key-<id>.key`: a backup restored on another computer can then be verified
 * once that file is copied to `<dataDir>/keys/audit.key`. Written once per key.
 */
export function copyAuditKeyTo(ledgerFile: string, folder: string): void {
  const key = readAuditKey(auditKeyFileFor(ledgerFile));
  if (!key) return;
  const target = path.join(folder, `audit-key-${key.id}.key`);
  if (fs.existsSync(target)) return;
  writeAuditKey(target, key);
}

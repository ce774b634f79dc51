import { createHmac, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';

/**
 * The room's secret for pseudonymous keys in county packages. A bare hash of an ID number can
 * be reversed by hashing every possible ID (there are only ~10^10 plausible ones), so party
 * keys are HMAC-SHA256 under this 256-bit key. It lives in its own file next to the ledger —
 * never inside a package or an export — and is made once; losing it only means the county
 * sees new pseudonyms from then on.
 */
export class PseudonymKey {
  private key: Buffer | null = null;
  /** The key imported once: a package makes tens of thousands of HMACs under it. */
  private keyObject: KeyObject | null = null;

  constructor(private readonly file: string) {}

  static inDataDir(dataDir: string): PseudonymKey {
    return new PseudonymKey(path.join(dataDir, 'keys', 'county-pseudonym.key'));
  }

  /** The key as read by another thread of this process (the export thread has no file). */
  static fromKey(key: Uint8Array): PseudonymKey {
    const keys = new PseudonymKey('');
    keys.key = Buffer.from(key);
    return keys;
  }

  /** The key itself, made on first use; only for handing to the export thread. */
  keyBytes(): Uint8Array {
    return new Uint8Array(this.load());
  }

  private load(): Buffer {
    if (this.key) return this.key;
    try {
      const hex = readFileSync(this.file, 'utf8').trim();
      if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error('县级上报密钥文件已损坏');
      this.key = Buffer.from(hex, 'hex');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
      const fresh = randomBytes(32);
      const tmp = `${this.file}.tmp`;
      const fd = openSync(tmp, 'wx', 0o600);
      try {
        writeSync(fd, fresh.toString('hex'));
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(tmp, this.file);
      this.key = fresh;
    }
    return this.key;
  }

  private secret(): KeyObject {
    this.keyObject ??= createSecretKey(this.load());
    return this.keyObject;
  }

  /** 32 hex characters of HMAC-SHA256(key, purpose + value). */
  keyOf(purpose: 'case' | 'person' | 'organisation' | 'round', value: string): string {
    return createHmac('sha256', this.secret())
      .update(`${purpose}\u0000${value}`)
      .digest('hex')
      .slice(0, 32);
  }

  roomKey(): string {
    return createHmac('sha256', this.secret()).update('room').digest('hex').slice(0, 16);
  }
}

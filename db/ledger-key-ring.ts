import fs from 'node:fs';
import path from 'node:path';
import { openConnection } from './connection.js';
import {
  LEDGER_KEY_FILE_NAME,
  LedgerKeyDamagedError,
  ledgerKeyFileFor,
  ledgerKeyId,
  ledgerKeyStore,
  writeKeyFile,
  writePrivateFileAtomic,
} from './ledger-cipher.js';

/**
 * The keys a data folder holds (review finding 7): the current one (`keys/ledger.key`, the
 * store's) and the keys it was handed or used before (`keys/ledger-<id>.key`), so a backup made
 * under an earlier key, or brought from another computer and unlocked once, still opens. A key
 * only joins the ring after it opened a backup; the current key is never overwritten by one,
 * except by a restore that puts that backup in service (the old one is kept first).
 *
 * Beside them, the current key wrapped by the room's recovery code
 * (`keys/ledger-key.recovery.json`, electron/services/recovery-key-slot.ts): what the second
 * backup place gets instead of the raw key.
 */
export const RECOVERY_SLOT_FILE_NAME = 'ledger-key.recovery.json';
const KEPT_KEY = /^ledger-([0-9a-f]{16})\.key$/;
const SLOT_BESIDE_BACKUPS = /^ledger-key-[0-9a-f]{16}\.recovery\.json$/;

function keysDirOf(ledgerFile: string): string | null {
  const keyFile = ledgerKeyFileFor(ledgerFile);
  return path.basename(keyFile) === LEDGER_KEY_FILE_NAME ? path.dirname(keyFile) : null;
}

function keptKeyFile(ledgerFile: string, key: Buffer): string {
  const dir = keysDirOf(ledgerFile);
  const name = `ledger-${ledgerKeyId(key)}.key`;
  return dir ? path.join(dir, name) : `${ledgerFile}.${name}`;
}

export function recoverySlotFileFor(ledgerFile: string): string {
  const dir = keysDirOf(ledgerFile);
  return dir ? path.join(dir, RECOVERY_SLOT_FILE_NAME) : `${ledgerFile}.${RECOVERY_SLOT_FILE_NAME}`;
}

function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export function readRecoverySlotText(ledgerFile: string): string | null {
  return readText(recoverySlotFileFor(ledgerFile));
}

export function writeRecoverySlotText(ledgerFile: string, text: string): void {
  writePrivateFileAtomic(recoverySlotFileFor(ledgerFile), text);
}

export function removeRecoverySlot(ledgerFile: string): void {
  fs.rmSync(recoverySlotFileFor(ledgerFile), { force: true });
}

/**
 * Writes the slot beside the copies on the second backup place as
 * `ledger-key-<id>.recovery.json` (one per key, so copies made under an earlier key keep
 * theirs), and only then removes the raw `ledger-key-<id>.key` an older version put there for
 * the same key: it opened every backup for whoever found the stick.
 */
export function placeRecoverySlotBesideBackups(folder: string, keyId: string, text: string): void {
  writePrivateFileAtomic(path.join(folder, `ledger-key-${keyId}.recovery.json`), text);
  // Only the raw copy of this key: another id's raw file may be the last copy of a key older
  // backups on the stick need (a replaced PC's), and this slot does not open them.
  fs.rmSync(path.join(folder, `ledger-key-${keyId}.key`), { force: true });
}

/** The slot files that came with backups into `dir` (copied from a stick with them). */
export function recoverySlotsBesideBackups(dir: string): { file: string; text: string }[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => SLOT_BESIDE_BACKUPS.test(name))
    .sort()
    .flatMap((name) => {
      const file = path.join(dir, name);
      const text = readText(file);
      return text === null ? [] : [{ file, text }];
    });
}

/** `first` (the open ledger's key) first, then the store's current key, then the kept ones. */
export function ledgerKeyRing(ledgerFile: string, first?: Buffer | null): Buffer[] {
  const keys: Buffer[] = [];
  const add = (key: Buffer | null | undefined) => {
    if (key && !keys.some((k) => k.equals(key))) keys.push(key);
  };
  add(first);
  try {
    add(ledgerKeyStore().read(ledgerFile));
  } catch {
    // A damaged current key file: the kept keys may still open a backup.
  }
  const dir = keysDirOf(ledgerFile);
  if (!dir) return keys;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return keys;
  }
  for (const name of names.sort()) {
    const id = KEPT_KEY.exec(name)?.[1];
    if (!id) continue;
    const text = (readText(path.join(dir, name)) ?? '').trim();
    if (!/^[0-9a-f]{64}$/.test(text)) continue;
    const key = Buffer.from(text, 'hex');
    if (ledgerKeyId(key) === id) add(key);
  }
  return keys;
}

/** Keeps `key` in the ring (when it is not the current key already). */
export function keepLedgerKey(ledgerFile: string, key: Buffer): void {
  let current: Buffer | null = null;
  try {
    current = ledgerKeyStore().read(ledgerFile);
  } catch {
    current = null;
  }
  if (current?.equals(key)) return;
  const file = keptKeyFile(ledgerFile, key);
  if (!fs.existsSync(file)) writeKeyFile(file, key);
}

/**
 * The current key, or null when there is none. A key file whose contents are damaged (saved over
 * by an editor) may still be repaired by hand, so it is set aside, never written over; a file
 * that cannot be read now (locked, no access) is not taken for a missing one: that error stands.
 */
function currentKeySettingAsideDamaged(ledgerFile: string): Buffer | null {
  try {
    return ledgerKeyStore().read(ledgerFile);
  } catch (error) {
    if (!(error instanceof LedgerKeyDamagedError)) throw error;
    const file = ledgerKeyFileFor(ledgerFile);
    fs.renameSync(file, `${file}.unreadable-${Date.now()}`);
    return null;
  }
}

/**
 * Makes `key` the current one (a restored backup's, or a kept key that opens the ledger after a
 * crash between a restore and the key switch): the key it replaces is kept first.
 */
export function makeLedgerKeyCurrent(ledgerFile: string, key: Buffer): void {
  const currentFile = ledgerKeyFileFor(ledgerFile);
  const current = currentKeySettingAsideDamaged(ledgerFile);
  if (current?.equals(key)) return;
  if (current) {
    const kept = keptKeyFile(ledgerFile, current);
    if (!fs.existsSync(kept)) writeKeyFile(kept, current);
  }
  writeKeyFile(currentFile, key);
}

/**
 * The first of `keys` that opens `file`'s first page, or null. A wrong key fails there with
 * "file is not a database" in well under a millisecond; a key that decrypts the file into a
 * damaged schema is still the file's key (the full check that follows says what is wrong); any
 * other error (busy, unreadable) proves nothing about the key and that key is passed over.
 */
export function keyOpening(file: string, keys: readonly Buffer[]): Buffer | null {
  for (const key of keys) {
    let probe;
    try {
      probe = openConnection(file, { readonly: true, key });
      probe.prepare('SELECT count(*) FROM sqlite_master').get();
      return key;
    } catch (error) {
      // A key is proven by a read, or by a file it decrypts into a damaged schema; a busy or
      // unreadable file proves nothing (a locked file must not make a wrong key current).
      const code = String((error as { code?: unknown }).code ?? '');
      if (code.startsWith('SQLITE_CORRUPT')) return key;
    } finally {
      probe?.close();
    }
  }
  return null;
}

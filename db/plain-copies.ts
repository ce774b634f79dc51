import fs from 'node:fs';
import path from 'node:path';
import { verifyLedgerCopy } from './backup.js';
import { parseBackupName } from './backup-rotation.js';
import { makePrivateFile } from './file-modes.js';
import { fsyncDirectory, fsyncFile } from './fsync.js';
import { ledgerFileKind } from './ledger-cipher.js';
import type { LedgerPaths } from './ledger-files.js';
import { plainAsides } from './plain-ledger-encryption.js';
import { runSqliteJob } from './sqlite-worker.js';

/**
 * What becomes of the plaintext copies once the ledger is encrypted. They are not deleted: a
 * manual, before-restore or pre-migration copy may be the only copy of an earlier state. Each
 * backup is encrypted in place instead (a `.partial` copy rekeyed under the ledger's key,
 * checked in full, renamed over the plain one, its time kept so the list's order stays), once an
 * encrypted daily backup has been verified. The plain ledger moved aside by the conversion holds
 * nothing that copy lacks, so it is the one file removed. On an SSD a removed or overwritten file
 * may stay readable in freed flash blocks; only whole-disk encryption covers that.
 */
export function hasEncryptedDaily(backupDir: string, tag: string): boolean {
  return listSqlite(backupDir).some((name) => {
    const parsed = parseBackupName(name);
    return (
      parsed?.kind === 'daily' &&
      parsed.tag === tag &&
      ledgerFileKind(path.join(backupDir, name)) === 'encrypted'
    );
  });
}

/** Backups in `backupDir` still in plaintext (any ledger's: they are all this room's). */
export function plainBackups(backupDir: string): string[] {
  return listSqlite(backupDir).filter(
    (name) => ledgerFileKind(path.join(backupDir, name)) === 'plain',
  );
}

/** Encrypts one plain backup in place; the plain file stays until the encrypted one is checked. */
export async function encryptBackupInPlace(file: string, key: Buffer): Promise<void> {
  const partial = `${file}.partial`;
  fs.rmSync(partial, { force: true });
  try {
    const { atime, mtime } = fs.statSync(file);
    fs.copyFileSync(file, partial);
    makePrivateFile(partial);
    await runSqliteJob({ op: 'encrypt', file: partial }, key);
    fsyncFile(partial);
    await verifyLedgerCopy(partial, undefined, key);
    if (ledgerFileKind(partial) !== 'encrypted') throw new Error('the copy is not encrypted');
    fs.utimesSync(partial, atime, mtime);
    fs.renameSync(partial, file);
    fsyncDirectory(path.dirname(file));
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

/** Removes the plain ledger (and sidecars) a conversion moved aside; returns what it removed. */
export function removePlainAsides(paths: LedgerPaths): string[] {
  const dir = path.dirname(paths.ledgerFile);
  const names = plainAsides(paths);
  for (const name of names) fs.rmSync(path.join(dir, name), { force: true });
  return names;
}

function listSqlite(dir: string): string[] {
  try {
    return fs.readdirSync(dir).filter((name) => name.endsWith('.sqlite'));
  } catch {
    return [];
  }
}

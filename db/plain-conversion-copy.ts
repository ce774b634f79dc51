import fs from 'node:fs';
import path from 'node:path';
import { auditHead, onlyEventsSince } from './audit/audit-log.js';
import { listBackups, type BackupInfo } from './backup.js';
import { ledgerTagOf, parseBackupName } from './backup-rotation.js';
import { openConnection, schemaVersionOf, type Db } from './connection.js';
import { ledgerFileKind } from './ledger-cipher.js';

/**
 * The conversion's plain safety copy (`pre-migration-plain-to-encrypted-…`) without one more
 * full copy per start when the conversion keeps failing (review s27 finding 5): the newest copy
 * is used again while the ledger has not changed since, and older ones go once a newer one is
 * verified. And the disk is asked first: the copy and the encrypted staging file together need
 * about twice the ledger.
 */
export const PLAIN_COPY_SLOT_PREFIX = 'plain-to-encrypted-';

/** Free space the conversion needs, in multiples of the ledger (its copy, the staging file). */
export const CONVERSION_SPACE_FACTOR = 2.2;
/** The same when an earlier plain copy is used again: the staging file only. */
export const REUSED_COPY_SPACE_FACTOR = 1.1;

export class NotEnoughSpaceError extends Error {
  constructor(
    readonly needed: number,
    readonly free: number,
  ) {
    super(`the conversion needs ${needed} bytes free, ${free} are`);
    this.name = 'NotEnoughSpaceError';
  }
}

/** Bytes the current user may still write on the disk holding `dir`. */
export function freeBytesOf(dir: string): number {
  const stat = fs.statfsSync(dir);
  return stat.bavail * stat.bsize;
}

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/**
 * Throws NotEnoughSpaceError unless `dir`'s disk has room for the conversion of `ledgerFile`;
 * `factor` is REUSED_COPY_SPACE_FACTOR when no new plain copy will be made.
 */
export function checkSpaceForConversion(
  ledgerFile: string,
  dir: string,
  freeBytes: (dir: string) => number = freeBytesOf,
  factor: number = CONVERSION_SPACE_FACTOR,
): void {
  const needed = Math.ceil((sizeOf(ledgerFile) + sizeOf(`${ledgerFile}-wal`)) * factor);
  const free = freeBytes(dir);
  if (free < needed) throw new NotEnoughSpaceError(needed, free);
}

/** This ledger's plain safety copies in `backupDir`, newest first. */
function plainCopiesOf(db: Db, backupDir: string): string[] {
  const tag = ledgerTagOf(db);
  let names: string[];
  try {
    names = fs.readdirSync(backupDir);
  } catch {
    return [];
  }
  return names
    .filter((name) => {
      const parsed = parseBackupName(name);
      return (
        parsed?.kind === 'pre-migration' &&
        parsed.tag === tag &&
        parsed.slot.startsWith(PLAIN_COPY_SLOT_PREFIX)
      );
    })
    .sort()
    .reverse();
}

/** The copy's schema version and audit head; null when it is not a plain file we can read. */
function copyState(file: string): { schema: number; seq: number; mac: string } | null {
  try {
    if (ledgerFileKind(file) !== 'plain') return null;
  } catch {
    return null;
  }
  let copy: Db | undefined;
  try {
    copy = openConnection(file, { readonly: true, key: null });
    const head = auditHead(copy);
    return head ? { schema: schemaVersionOf(copy), seq: head.seq, mac: head.mac } : null;
  } catch {
    return null;
  } finally {
    copy?.close();
  }
}

/**
 * The newest plain copy, when the ledger's rows have not changed since it was made: same
 * schema, and the copy's audit chain head is an entry of the ledger's chain with no row entry
 * after it (every change to the cases, parties and papers is an audited row). Entries that
 * record no row (the sign-ins and refusals held during a failed conversion and appended after
 * it, review s30 RS1) and a change no audit entry records (a form draft) are no reason for
 * another full copy. It was verified before it got its name (backupLedger).
 */
export function reusablePlainCopy(db: Db, backupDir: string): BackupInfo | null {
  const newest = plainCopiesOf(db, backupDir)[0];
  if (!newest) return null;
  const file = path.join(backupDir, newest);
  const state = copyState(file);
  const head = auditHead(db);
  if (!state || !head) return null;
  if (state.schema !== schemaVersionOf(db) || state.seq > head.seq || !onlyEventsSince(db, state)) {
    return null;
  }
  const listed = listBackups(backupDir).find((b) => b.fileName === newest);
  return listed ? { ...listed, schemaVersion: state.schema } : null;
}

/**
 * Removes the plain copies older than `kept` (just verified) that hold an earlier state of this
 * same ledger: their audit head is an entry of the ledger's chain, so `kept` has all they have.
 * Any other (another history, unreadable, already encrypted) stays.
 */
export function removeOlderPlainCopies(db: Db, backupDir: string, kept: string): string[] {
  const removed: string[] = [];
  const inChain = db.prepare('SELECT hex(mac) AS mac FROM audit_log WHERE seq = ?');
  for (const name of plainCopiesOf(db, backupDir)) {
    if (name >= kept) continue;
    const file = path.join(backupDir, name);
    const state = copyState(file);
    if (!state) continue;
    const row = inChain.get(state.seq) as { mac: string } | undefined;
    if (row?.mac.toLowerCase() !== state.mac) continue;
    try {
      fs.rmSync(file, { force: true });
      removed.push(name);
    } catch (error) {
      console.error(`[ledger] could not remove the older plain copy ${name}:`, error);
    }
  }
  return removed;
}

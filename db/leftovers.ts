import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { auditHead, type AuditHead } from './audit/audit-log.js';
import { openConnection, type Db } from './connection.js';
import { ledgerFileKind, ledgerKeyFileFor } from './ledger-cipher.js';
import { ledgerKeyRing } from './ledger-key-ring.js';
import type { LedgerPaths } from './ledger-files.js';

/** The prefix electron/main/print-pdf.ts gives its private temp folders (mkdtemp). */
export const PRINT_TEMP_PREFIX = 'mediation-desk-print-';

/** How long a moved-aside ledger (before a restore, or abandoned after a loss) is kept. */
export const SET_ASIDE_KEPT_DAYS = 30;
const PRINT_TEMP_MAX_AGE_MS = 3600 * 1000;

/**
 * Whether the temp file of an atomic write (`<file>.tmp-<pid>`) may still be in use: its
 * writer is alive. Two writers share a folder only in tests and tools that skip the data-folder
 * lock; removing such a file under a live writer made its rename fail (ENOENT).
 */
function writerAlive(name: string): boolean {
  const pid = Number(/\.tmp-(\d+)$/.exec(name)?.[1]);
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but another user's; only ESRCH says nobody has that pid.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes what a killed process leaves behind, at start-up under the data-folder lock (so no
 * other process of ours is still writing them): half-made backups and their journals, staging
 * copies of a restore or an encryption, temp files of atomic writes (also of the keys), exports
 * killed half-written, print temp folders, and ledgers moved aside
 * more than 30 days ago (the restore that replaced them has long been in use, and the
 * before-restore backup in `backups/` is the undo). Returns what it removed, for the log.
 */
export function removeLeftovers(
  paths: LedgerPaths,
  now: Date,
  extraBackupDirs: readonly string[] = [],
): string[] {
  const removed: string[] = [];
  const remove = (file: string) => {
    try {
      fs.rmSync(file, { force: true, recursive: true });
      removed.push(file);
    } catch {
      // Still there next start; nothing depends on it being gone.
    }
  };
  const list = (dir: string) => {
    try {
      return fs.readdirSync(dir);
    } catch {
      return [];
    }
  };

  for (const dir of [paths.backupDir, ...extraBackupDirs]) {
    for (const name of list(dir)) {
      if (
        /\.partial(-journal|-wal|-shm)?$/.test(name) ||
        (/\.tmp-\d+$/.test(name) && !writerAlive(name))
      ) {
        remove(path.join(dir, name));
      } else if (/-(journal|wal|shm)$/.test(name)) {
        // A backup is a single rollback-mode file that is never written after its rename, so a
        // journal beside one can only belong to a copy that no longer exists.
        const base = name.replace(/-(journal|wal|shm)$/, '');
        if (!fs.existsSync(path.join(dir, base))) remove(path.join(dir, name));
      }
    }
  }

  const ledgerDir = path.dirname(paths.ledgerFile);
  const ledgerName = path.basename(paths.ledgerFile);
  const cutoff = now.getTime() - SET_ASIDE_KEPT_DAYS * 86_400_000;
  const stagingKept = !setAsideFinishedStaging(paths.ledgerFile, now);
  for (const name of list(ledgerDir)) {
    if (!name.startsWith(ledgerName)) continue;
    const rest = name.slice(ledgerName.length);
    if (/^\.restoring(-journal|-wal|-shm)?$/.test(rest)) {
      remove(path.join(ledgerDir, name));
      continue;
    }
    // An unfinished encrypted copy, while the ledger it was made from is in place (a finished
    // one was set aside above). Without the ledger, the copy is the ledger-to-be: opening
    // settles it (settleInterruptedEncryption).
    if (/^\.encrypting(-journal|-wal|-shm)?$/.test(rest)) {
      if (fs.existsSync(paths.ledgerFile) && !stagingKept) remove(path.join(ledgerDir, name));
      continue;
    }
    const aside =
      /^(?:-wal|-shm|-journal)?\.(?:before-restore|abandoned)-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/.exec(
        rest,
      );
    if (aside) {
      const [, day, h, m, s, ms] = aside;
      const at = Date.parse(`${day}T${h}:${m}:${s}.${ms}Z`);
      const mainFile = path.join(
        ledgerDir,
        name.replace(/^(.+?)(?:-wal|-shm|-journal)(\..+)$/, '$1$2'),
      );
      if (Number.isFinite(at) && at < cutoff && !keptForItsKey(mainFile, paths.ledgerFile)) {
        remove(path.join(ledgerDir, name));
      }
    }
  }

  // The data folder's own atomic writes, the key files' (a stray copy of a key: review finding
  // 12), and exports killed while being written (`.<hex>.part` in the default export folder).
  for (const dir of [paths.dataDir, path.dirname(ledgerKeyFileFor(paths.ledgerFile))]) {
    for (const name of list(dir)) {
      if (/\.tmp-\d+$/.test(name) && !writerAlive(name)) remove(path.join(dir, name));
    }
  }
  const exportsDir = path.join(paths.dataDir, 'exports');
  for (const name of list(exportsDir)) {
    if (/^\.[0-9a-f]+\.part$/.test(name)) remove(path.join(exportsDir, name));
  }

  const tmp = os.tmpdir();
  for (const name of list(tmp)) {
    if (!name.startsWith(PRINT_TEMP_PREFIX)) continue;
    const full = path.join(tmp, name);
    try {
      if (now.getTime() - fs.statSync(full).mtimeMs > PRINT_TEMP_MAX_AGE_MS) remove(full);
    } catch {
      // Gone already.
    }
  }
  return removed;
}

/**
 * A conversion's staging copy beside a ledger in place is usually unfinished, or a copy of that
 * very ledger (a stop before the swap), and goes. But a finished one — no rekey journal beside
 * it, a key of this computer opens it — whose audit head the ledger in place does not hold has
 * outlived its ledger (the ledger lost and an empty one started, or a backup restored, while it
 * waited: review s27-enc): it is set aside as `.abandoned-<time>` for the usual 30 days instead
 * of deleted unprobed. A plain staging copy is not kept: the conversion made a verified plain
 * copy in `backups/` before it, and keeping it would leave plaintext behind. False when such a
 * copy could not be moved: then it stays where it is.
 */
function setAsideFinishedStaging(ledgerFile: string, now: Date): boolean {
  const staging = `${ledgerFile}.encrypting`;
  if (!fs.existsSync(ledgerFile) || !fs.existsSync(staging)) return true;
  if (fs.existsSync(`${staging}-journal`)) return true;
  const head = probeWithRingKey(staging, ledgerFile, (db) => auditHead(db));
  if (head === undefined || ledgerHolds(ledgerFile, head)) return true;
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  try {
    fs.renameSync(staging, `${ledgerFile}.abandoned-${stamp}`);
    return true;
  } catch {
    // Refused (antivirus holding it): left where it is until a later start, never deleted.
    return false;
  }
}

/** Whether the ledger in place has the entry `head` in its audit chain (so all it had). */
function ledgerHolds(ledgerFile: string, head: AuditHead | null): boolean {
  if (head === null) return true;
  const read = (db: Db) =>
    (
      db.prepare('SELECT hex(mac) AS mac FROM audit_log WHERE seq = ?').get(head.seq) as
        { mac: string } | undefined
    )?.mac.toLowerCase() === head.mac;
  let kind: ReturnType<typeof ledgerFileKind>;
  try {
    kind = ledgerFileKind(ledgerFile);
  } catch {
    return false;
  }
  const held =
    kind === 'encrypted'
      ? probeWithRingKey(ledgerFile, ledgerFile, read)
      : probe(ledgerFile, null, read);
  return held === true;
}

/**
 * An encrypted set-aside ledger that no key of this computer opens may be the only copy of
 * a ledger whose own key is elsewhere (moved without its keys folder, abandoned after a wrong
 * key was put in): it is kept until someone brings the key, never deleted by age.
 */
function keptForItsKey(asideFile: string, ledgerFile: string): boolean {
  let kind: ReturnType<typeof ledgerFileKind>;
  try {
    kind = ledgerFileKind(asideFile);
  } catch {
    return true;
  }
  if (kind !== 'encrypted') return false;
  return !opensWithRingKey(asideFile, ledgerFile);
}

/** Whether `file` is an encrypted ledger that a key of this computer's ring opens. */
function opensWithRingKey(file: string, ledgerFile: string): boolean {
  return probeWithRingKey(file, ledgerFile, () => true) === true;
}

/**
 * `read` on `file` opened read-only with the first key of the ring that opens it; undefined
 * when it is not an encrypted file or no key opens it.
 */
function probeWithRingKey<T>(file: string, ledgerFile: string, read: (db: Db) => T): T | undefined {
  try {
    if (ledgerFileKind(file) !== 'encrypted') return undefined;
  } catch {
    return undefined;
  }
  // Any key of the ring: a ledger set aside by a restore under another key has the old one.
  for (const key of ledgerKeyRing(ledgerFile)) {
    const result = probe(file, key, read);
    if (result !== undefined) return result;
  }
  return undefined;
}

/** `read` on `file` opened read-only with `key`; undefined when it does not open or read. */
function probe<T>(file: string, key: Buffer | null, read: (db: Db) => T): T | undefined {
  const sidecars = [`${file}-wal`, `${file}-shm`].filter((f) => !fs.existsSync(f));
  try {
    const db = openConnection(file, { readonly: true, key });
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
      return read(db);
    } finally {
      db.close();
    }
  } catch {
    return undefined;
  } finally {
    // The probe's read-only WAL open may have made these; they are not part of the file.
    for (const made of sidecars) fs.rmSync(made, { force: true });
  }
}

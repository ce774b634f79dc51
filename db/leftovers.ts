import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openConnection } from './connection.js';
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
  for (const name of list(ledgerDir)) {
    if (!name.startsWith(ledgerName)) continue;
    const rest = name.slice(ledgerName.length);
    if (/^\.restoring(-journal|-wal|-shm)?$/.test(rest)) {
      remove(path.join(ledgerDir, name));
      continue;
    }
    // An unfinished encrypted copy, while the ledger it was made from is in place. Without the
    // ledger, the copy is the ledger-to-be: opening settles it (settleInterruptedEncryption).
    if (/^\.encrypting(-journal|-wal|-shm)?$/.test(rest)) {
      if (fs.existsSync(paths.ledgerFile)) remove(path.join(ledgerDir, name));
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
  const sidecars = [`${asideFile}-wal`, `${asideFile}-shm`].filter((f) => !fs.existsSync(f));
  try {
    // Any key of the ring: a ledger set aside by a restore under another key has the old one.
    for (const key of ledgerKeyRing(ledgerFile)) {
      try {
        const probe = openConnection(asideFile, { readonly: true, key });
        try {
          probe.prepare('SELECT count(*) FROM sqlite_master').get();
        } finally {
          probe.close();
        }
        return false;
      } catch {
        // the next key
      }
    }
    return true;
  } finally {
    // The probe's read-only WAL open may have made these; they are not part of the file.
    for (const file of sidecars) fs.rmSync(file, { force: true });
  }
}

import fs from 'node:fs';
import path from 'node:path';

/**
 * The ledger and its copies hold ID numbers and family disputes: on a shared Unix account only
 * the app's own user may read them. Windows has no mode bits (ACLs of the profile folder apply),
 * so these are no-ops there.
 */
const PRIVATE_FILE = 0o600;
const PRIVATE_DIR = 0o700;
const unix = process.platform !== 'win32';

export function makePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
  if (!unix) return;
  try {
    fs.chmodSync(dir, PRIVATE_DIR);
  } catch (error) {
    // A folder on a read-only medium keeps its mode; writing into it fails, and is reported, later.
    if ((error as { code?: unknown }).code !== 'EROFS') throw error;
  }
}

export function makePrivateFile(file: string): void {
  if (unix) fs.chmodSync(file, PRIVATE_FILE);
}

/** Tightens what an older version created with the default umask (0644/0755). */
export function tightenExisting(dir: string): void {
  if (!unix) return;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return; // Missing or not a folder: whoever needs it reports that.
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    try {
      if (entry.isDirectory()) fs.chmodSync(full, PRIVATE_DIR);
      else if (entry.isFile()) fs.chmodSync(full, PRIVATE_FILE);
    } catch {
      // A file we cannot chmod (read-only medium) is reported by the open that follows.
    }
  }
  try {
    fs.chmodSync(dir, PRIVATE_DIR);
  } catch {
    // As above.
  }
}

import fs from 'node:fs';

export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * fsyncFile without holding the calling thread: syncing a freshly written copy of a ~600 MB
 * ledger can take seconds on a slow disk, and the core thread must answer requests meanwhile.
 */
export async function fsyncFileAsync(file: string): Promise<void> {
  const handle = await fs.promises.open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** A rename or a new file is durable only once its folder is: SQLite does this for its own files. */
export function fsyncDirectory(dir: string): void {
  // Windows cannot open a directory for fsync; NTFS metadata is journaled there anyway.
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

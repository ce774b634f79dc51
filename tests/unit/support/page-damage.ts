import fs from 'node:fs';
import { openOutside } from './outside-connection.js';

/**
 * Damage as disks and stray writes make it, on a closed ledger (no WAL beside it): pages found
 * through SQLite's dbstat table, bytes overwritten in place.
 */
export function pagesOf(file: string, table: string, pagetype: 'leaf' | 'internal'): number[] {
  const db = openOutside(file, { readonly: true });
  try {
    return (
      db
        .prepare('SELECT pageno FROM dbstat WHERE name = ? AND pagetype = ? ORDER BY pageno')
        .pluck()
        .all(table, pagetype) as number[]
    ).filter((p) => p > 1);
  } finally {
    db.close();
  }
}

function pageSizeOf(file: string): number {
  const header = Buffer.alloc(2);
  const fd = fs.openSync(file, 'r');
  fs.readSync(fd, header, 0, 2, 16);
  fs.closeSync(fd);
  const size = header.readUInt16BE(0);
  return size === 1 ? 65536 : size;
}

function overwrite(file: string, offset: number, bytes: Buffer): void {
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, bytes, 0, bytes.length, offset);
  fs.fsyncSync(fd);
  fs.closeSync(fd);
}

/** Overwrites the cell-pointer array of a b-tree leaf page (the first reported damage). */
export function smashCellPointers(file: string, page: number): void {
  const size = pageSizeOf(file);
  // A leaf page header is 8 bytes; the 2-byte cell pointers follow it.
  overwrite(file, (page - 1) * size + 8, Buffer.alloc(16, 0xff));
}

/** Flips `count` bytes starting at the page header of a page in the middle of the file. */
export function flipBytes(file: string, page: number, count = 64): void {
  const size = pageSizeOf(file);
  const offset = (page - 1) * size;
  const fd = fs.openSync(file, 'r');
  const original = Buffer.alloc(count);
  fs.readSync(fd, original, 0, count, offset);
  fs.closeSync(fd);
  overwrite(file, offset, Buffer.from(original.map((b) => b ^ 0xff)));
}

import fs from 'node:fs';

/**
 * Reads the WAL-index header of a ledger in WAL mode without touching the database: how many
 * frames the WAL holds (mxFrame) and how many of them a checkpoint has copied back (nBackfill).
 * Offsets from SQLite's file format (wal.c: WalIndexHdr, then WalCkptInfo at byte 96),
 * little-endian on the machines we run on. A test that asks SQLite instead would run a
 * checkpoint itself.
 */
export function walIndexOf(ledgerFile: string): { frames: number; copiedBack: number } {
  const header = Buffer.alloc(100);
  const fd = fs.openSync(`${ledgerFile}-shm`, 'r');
  try {
    fs.readSync(fd, header, 0, header.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  return { frames: header.readUInt32LE(16), copiedBack: header.readUInt32LE(96) };
}

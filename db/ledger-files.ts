import fs from 'node:fs';
import path from 'node:path';
import { fsyncDirectory, fsyncFile } from './backup.js';
import { makePrivateDir } from './file-modes.js';

/** Where a ledger's files live inside the app's data directory. */
export interface LedgerPaths {
  readonly dataDir: string;
  readonly ledgerFile: string;
  /** Kept outside the database so that a vanished database is noticed, not silently recreated. */
  readonly markerFile: string;
  readonly backupDir: string;
}

export function ledgerPaths(dataDir: string): LedgerPaths {
  return {
    dataDir,
    ledgerFile: path.join(dataDir, 'ledger', 'mediation-desk.sqlite'),
    markerFile: path.join(dataDir, 'ledger-state.json'),
    backupDir: path.join(dataDir, 'backups'),
  };
}

export interface LedgerMarker {
  readonly format: 1;
  readonly ledgerCreatedAt: string;
  readonly lastOpenedAt: string;
  /** The ledger was encrypted when last opened: a missing data key then is said as such. */
  readonly encrypted?: boolean;
}

export function readMarker(paths: LedgerPaths): LedgerMarker | null {
  let text: string;
  try {
    text = fs.readFileSync(paths.markerFile, 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = JSON.parse(text) as Partial<LedgerMarker>;
    if (typeof parsed.ledgerCreatedAt === 'string') {
      return {
        format: 1,
        ledgerCreatedAt: parsed.ledgerCreatedAt,
        lastOpenedAt: typeof parsed.lastOpenedAt === 'string' ? parsed.lastOpenedAt : '',
        ...(parsed.encrypted === true ? { encrypted: true } : {}),
      };
    }
  } catch {
    // A damaged marker still proves a ledger existed here.
  }
  return { format: 1, ledgerCreatedAt: 'unknown', lastOpenedAt: '' };
}

export function writeMarker(paths: LedgerPaths, marker: LedgerMarker): void {
  writeFileAtomically(paths.markerFile, `${JSON.stringify(marker, null, 2)}\n`);
}

export function writeFileAtomically(file: string, contents: string): void {
  makePrivateDir(path.dirname(file));
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    fs.writeFileSync(tmp, contents, { mode: 0o600 });
    fsyncFile(tmp);
    fs.renameSync(tmp, file);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw error;
  }
  fsyncDirectory(path.dirname(file));
}

/** The WAL and shared-memory files that belong to a database file. */
export function sidecarFiles(file: string): string[] {
  return [`${file}-wal`, `${file}-shm`, `${file}-journal`];
}

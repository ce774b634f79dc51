import { openConnection } from './connection.js';
import { connectionKey } from './ledger-cipher.js';
import type { Db } from './connection.js';

export interface RestoreLoss {
  /** Cases in the current ledger that the backup does not have. */
  readonly lostCases: {
    readonly count: number;
    readonly sample: readonly { caseNumber: string | null; title: string; createdAt: string }[];
  };
  /** Cases in both whose current row was changed after the backup's copy of it. */
  readonly changedCases: number;
}

const SAMPLE_SIZE = 20;

/**
 * What restoring `backupFile` over `current` would throw away, by case (the unit a mediator
 * thinks in): new cases since the backup by number and title, and how many others changed.
 * Throws when either ledger cannot be read (a damaged current ledger): the caller says so.
 */
export function compareWithBackup(
  current: Db,
  backupFile: string,
  backupKey?: Buffer | null,
): RestoreLoss {
  // The live ledger's key, not the store's: its backups were made with it (unless the caller
  // found that the backup has another key of the ring).
  const backup = openConnection(backupFile, {
    readonly: true,
    key: backupKey ?? connectionKey(current),
  });
  let inBackup: Map<number, number>;
  try {
    inBackup = new Map(
      (
        backup.prepare('SELECT id, updated_at FROM case_file').raw().all() as [number, number][]
      ).map(([id, updated]) => [id, updated]),
    );
  } finally {
    backup.close();
  }
  let count = 0;
  let changed = 0;
  const sample: { caseNumber: string | null; title: string; createdAt: string }[] = [];
  const rows = current
    .prepare(
      'SELECT id, case_number, title, created_at, updated_at FROM case_file ORDER BY id DESC',
    )
    .raw()
    .iterate() as IterableIterator<[number, string | null, string, number, number]>;
  for (const [id, caseNumber, title, createdAt, updatedAt] of rows) {
    const backupUpdated = inBackup.get(id);
    if (backupUpdated === undefined) {
      count += 1;
      if (sample.length < SAMPLE_SIZE) {
        sample.push({ caseNumber, title, createdAt: new Date(createdAt).toISOString() });
      }
    } else if (updatedAt > backupUpdated) {
      changed += 1;
    }
  }
  return { lostCases: { count, sample }, changedCases: changed };
}

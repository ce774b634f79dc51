import { auditHead } from '../audit/audit-log.js';
import { openConnection, type Db } from '../connection.js';
import {
  packageCases,
  packageParties,
  packageRounds,
  type PackageCaseRow,
  type PackagePartyRow,
} from './package-query.js';

/** What a county package carries from the ledger, as one snapshot saw it. */
export interface PackageRead {
  readonly auditChainHead: string | null;
  readonly cases: PackageCaseRow[];
  readonly parties: PackagePartyRow[];
  readonly rounds: ReturnType<typeof packageRounds>;
}

/**
 * A second, read-only connection to the live ledger inside one read transaction. In WAL mode
 * every read on it sees the ledger as of its first read, however long it is held and whatever
 * the main connection commits meanwhile; the main connection keeps answering and writing.
 * `key`: the live connection's own data key (null for a plain ledger).
 */
export function openSnapshotReader(file: string, key: Buffer | null): Db {
  const db = openConnection(file, { readonly: true, key });
  try {
    db.exec('BEGIN');
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

export function closeSnapshotReader(db: Db): void {
  if (!db.open) return;
  if (db.inTransaction) db.exec('COMMIT');
  db.close();
}

/**
 * Reads a period's package `sliceCases` cases at a time (each with its parties), pausing
 * (`yield`) before every slice so the caller can let other work run. On a snapshot reader the
 * slices add up to exactly what one statement would have read: cases and parties come in case
 * id order either way.
 */
export function* readPackageSlices(
  db: Db,
  start: string,
  end: string,
  sinceMs: number | null,
  sliceCases: number,
): Generator<void, PackageRead, void> {
  yield;
  const head = auditHead(db, { exceptExportRegister: true });
  const rounds = packageRounds(db, start, end, sinceMs);
  const cases: PackageCaseRow[] = [];
  const parties: PackagePartyRow[] = [];
  for (let afterId = 0; ;) {
    yield;
    const slice = packageCases(db, start, end, sinceMs, { afterId, limit: sliceCases });
    const last = slice.at(-1);
    if (!last) break;
    cases.push(...slice);
    parties.push(
      ...packageParties(
        db,
        slice.map((c) => c.id),
      ),
    );
    if (slice.length < sliceCases) break;
    afterId = last.id;
  }
  // The chain's head as this package leaves: the county keeps it as an outside anchor.
  return { auditChainHead: head ? `${head.seq}:${head.mac}` : null, cases, parties, rounds };
}

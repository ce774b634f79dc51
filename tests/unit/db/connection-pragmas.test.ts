import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openConnection, type Db } from '../../../db/connection.js';
import { ledgerFileKind } from '../../../db/ledger-cipher.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * What every ledger connection runs with, plain or encrypted, new or reopened: the durability
 * (WAL, synchronous=FULL, fsync per commit), the checks (foreign keys, cell size check), the
 * page size and checkpoint interval the commit cost was measured with (issue 8), and
 * temporary b-trees kept in memory (no plaintext temp file beside an encrypted ledger).
 */
const EVERY_CONNECTION = {
  foreign_keys: 1,
  cell_size_check: 1,
  cache_size: -32768,
  temp_store: 2, // MEMORY
  busy_timeout: 5000,
};
const WRITER = {
  ...EVERY_CONNECTION,
  journal_mode: 'wal',
  synchronous: 2, // FULL
  secure_delete: 1,
  wal_autocheckpoint: 4000,
  page_size: 16384,
};

function pragmas(db: Db, names: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(names.map((n) => [n, db.pragma(n, { simple: true })]));
}

function expectPragmas(db: Db, expected: Record<string, unknown>): void {
  expect(pragmas(db, Object.keys(expected))).toEqual(expected);
}

describe.each([
  ['plain', false, 'plain'],
  ['encrypted', true, 'encrypted'],
] as const)('a %s ledger', (_label, encryptNew, kind) => {
  it('gets the same settings when made, when reopened and when read only', () => {
    const file = path.join(tempDir('md-pragmas'), 'l.sqlite');
    const made = openConnection(file, { encryptNew });
    expectPragmas(made, WRITER);
    made.exec('CREATE TABLE t (x INTEGER)');
    made.prepare('INSERT INTO t (x) VALUES (1)').run();
    made.close();
    expect(ledgerFileKind(file)).toBe(kind);

    const reopened = openConnection(file);
    expectPragmas(reopened, WRITER);
    expect(reopened.prepare('SELECT x FROM t').get()).toEqual({ x: 1 });
    reopened.close();

    const reader = openConnection(file, { readonly: true });
    expectPragmas(reader, EVERY_CONNECTION);
    reader.close();
  });
});

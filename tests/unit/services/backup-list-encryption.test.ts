import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { ledgerPaths } from '../../../db/ledger-files.js';
import type { BackupSummary } from '../../../domain/api/system-contract.js';
import { openTestLedger, type TestLedger } from './case-fixtures.js';

// 设置's backup list says of each copy whether it is encrypted, from the file's first bytes read
// in the core (a plain SQLite file begins "SQLite format 3\0"), so a room sees which copies
// would give a finder the parties' data.

let l: TestLedger | null = null;
afterEach(async () => {
  await l?.core.whenIdle();
  l?.close();
  l = null;
});

describe('the backup list says which copies are encrypted', () => {
  it('已加密 for the app’s own backups, 未加密 for a plain copy, UNKNOWN for an empty file', async () => {
    l = await openTestLedger();
    await l.core.ledger.whenChecked();
    const made = await l.call<BackupSummary>('system.backupNow', {});
    expect(made.encryption).toBe('ENCRYPTED');

    const backupDir = ledgerPaths(l.dir).backupDir;
    const plainFile = path.join(backupDir, 'ledger-2026-01-05T08-00-00-000Z-manual.sqlite');
    const plain = new Database(plainFile);
    plain.exec('CREATE TABLE t (x)');
    plain.close();
    fs.writeFileSync(path.join(backupDir, 'ledger-2026-01-04T08-00-00-000Z-manual.sqlite'), '');

    const listed = await l.call<BackupSummary[]>('system.listBackups', {});
    const byName = Object.fromEntries(listed.map((b) => [b.fileName, b.encryption]));
    expect(byName).toEqual({
      [made.fileName]: 'ENCRYPTED',
      'ledger-2026-01-05T08-00-00-000Z-manual.sqlite': 'PLAIN',
      'ledger-2026-01-04T08-00-00-000Z-manual.sqlite': 'UNKNOWN',
    });
  });
});

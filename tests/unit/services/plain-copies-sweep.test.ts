import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupFileName, ledgerTagOf } from '../../../db/backup-rotation.js';
import { ledgerFileKind } from '../../../db/ledger-cipher.js';
import {
  PLAIN_BACKUPS_PER_RUN,
  sweepPlainCopies,
} from '../../../electron/services/plain-copies-sweep.js';
import { openTestLedger, type TestLedger } from './case-fixtures.js';
import { openSignedInCore } from '../support/signed-in-core.js';

const now = () => new Date('2026-03-10T02:00:00Z');
const PLAIN_HEADER = 'SQLite format 3\u0000 a plain backup';

const open: TestLedger[] = [];
afterEach(async () => {
  for (const l of open.splice(0)) {
    await l.core.whenIdle();
    l.close();
  }
});

/**
 * An encrypted room with its encrypted daily copy verified, and five plain backups left from
 * before. The encrypting itself is injected: the ones named `damaged` fail, the others become
 * "encrypted" (no longer a plain SQLite header), and every attempt is counted.
 */
async function roomWithPlainBackups() {
  const l = await openTestLedger(now);
  open.push(l);
  const state = l.core.ledger.state;
  if (state.state !== 'READY') throw new Error('the ledger did not open');
  const backupDir = l.core.ledger.paths.backupDir;
  fs.mkdirSync(backupDir, { recursive: true });
  const tag = ledgerTagOf(state.db);
  state.db.pragma('wal_checkpoint(TRUNCATE)');
  fs.copyFileSync(state.db.name, path.join(backupDir, backupFileName('daily', '2026-03-10', tag)));
  const names = ['1-damaged', '2-damaged', '3-damaged', '4', '5'].map((n) =>
    backupFileName('manual', `2026-01-0${n}`, tag),
  );
  for (const name of names) fs.writeFileSync(path.join(backupDir, name), PLAIN_HEADER);
  const attempts: string[] = [];
  const encrypt = (file: string) => {
    attempts.push(path.basename(file));
    if (file.includes('damaged'))
      return Promise.reject(new Error('database disk image is malformed'));
    fs.writeFileSync(file, 'encrypted bytes, no plain header');
    return Promise.resolve();
  };
  return { l, backupDir, names, attempts, encrypt };
}

describe('the hourly sweep of plain backups', () => {
  it('does not retry a backup that failed while it is unchanged, so the later ones are reached', async () => {
    const { l, backupDir, names, attempts, encrypt } = await roomWithPlainBackups();
    expect(PLAIN_BACKUPS_PER_RUN).toBe(3);
    const sweep = () => sweepPlainCopies(l.core.ledger, encrypt);

    expect(await sweep()).toEqual([]);
    expect(attempts.splice(0)).toEqual(names.slice(0, 3));
    // The next hour: the two not yet tried, not the same three again.
    expect(await sweep()).toEqual(names.slice(3));
    expect(attempts.splice(0)).toEqual(names.slice(3));
    expect(await sweep()).toEqual([]);
    expect(attempts).toEqual([]);
    for (const name of names.slice(3)) {
      expect(ledgerFileKind(path.join(backupDir, name))).not.toBe('plain');
    }

    // A failed backup that changes (copied again by hand, say) is tried again.
    fs.writeFileSync(path.join(backupDir, names[0]!), `${PLAIN_HEADER}, copied again`);
    await sweep();
    expect(attempts.splice(0)).toEqual([names[0]]);
  });

  it('the next start tries the failed ones again', async () => {
    const { l, names, attempts, encrypt } = await roomWithPlainBackups();
    await sweepPlainCopies(l.core.ledger, encrypt);
    expect(attempts.splice(0)).toEqual(names.slice(0, 3));

    const dir = l.dir;
    await l.core.whenIdle();
    l.core.close();
    open.splice(0);
    const again = await openSignedInCore({ dataDir: dir, appVersion: 'test', now });
    try {
      await sweepPlainCopies(again.ledger, encrypt);
      expect(attempts).toEqual(names.slice(0, 3));
    } finally {
      await again.whenIdle();
      again.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

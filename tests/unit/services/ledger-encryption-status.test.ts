import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ledgerPaths } from '../../../db/ledger-files.js';
import { openLedger } from '../../../db/ledger-store.js';
import { MIGRATIONS } from '../../../db/migrations/index.js';
import { openSignedInCore } from '../support/signed-in-core.js';
import { tempDir } from '../support/temp-dir.js';

const now = () => new Date('2026-03-10T02:00:00Z');

/** 设置 must not let anyone assume a ledger is encrypted when it is not. */
describe('system.status says whether the ledger is encrypted', () => {
  it('a ledger made by this version: encrypted', async () => {
    const core = await openSignedInCore({ dataDir: tempDir(), appVersion: 'test', now });
    try {
      await core.whenIdle();
      expect(await core.dispatch('system.status', {})).toMatchObject({
        ok: true,
        value: { ledger: { state: 'READY', encrypted: true } },
      });
    } finally {
      core.close();
    }
  });

  it('a plain ledger from before the upgrade: not encrypted', async () => {
    const dataDir = tempDir();
    const paths = ledgerPaths(dataDir);
    // What an older version left: the same schema, no data key.
    const old = await openLedger(paths, { migrations: MIGRATIONS, now });
    if (old.state !== 'READY') throw new Error(old.state);
    old.db.close();
    expect(fs.readFileSync(paths.ledgerFile).subarray(0, 15).toString('latin1')).toBe(
      'SQLite format 3',
    );

    const core = await openSignedInCore({ dataDir, appVersion: 'test', now });
    try {
      await core.whenIdle();
      expect(await core.dispatch('system.status', {})).toMatchObject({
        ok: true,
        value: { ledger: { state: 'READY', encrypted: false } },
      });
    } finally {
      core.close();
    }
  });
});

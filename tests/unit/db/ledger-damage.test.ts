import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { openOutside } from '../support/outside-connection.js';
import { describe, expect, it } from 'vitest';
import {
  RESTORE_CONFIRMATION,
  START_EMPTY_CONFIRMATION,
} from '../../../domain/api/system-contract';
import { ledgerPaths } from '../../../db/ledger-files';
import { openLedger } from '../../../db/ledger-store';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../db/migrations/index';
import { openSignedInCore } from '../support/signed-in-core';
import { SAMPLE_ROOM_SETTINGS } from '../support/room-settings-sample';
import { tempDir } from '../support/temp-dir';

const now = () => new Date('2026-11-23T08:00:00Z');
const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A ledger that has been used: settings saved, marker written, one manual backup. */
async function usedLedger() {
  const dataDir = tempDir();
  const core = await openSignedInCore({ dataDir, appVersion: 'test', now });
  await core.dispatch('settings.save', { settings: SAMPLE_ROOM_SETTINGS, expectedVersion: 0 });
  const backup = await core.dispatch('system.backupNow', {});
  core.close();
  return {
    dataDir,
    paths: ledgerPaths(dataDir),
    backupName: (backup.ok && (backup.value as { fileName: string }).fileName) || '',
  };
}

describe('a damaged or replaced ledger is never silently replaced by an empty one', () => {
  it('refuses a ledger file that became empty (0 bytes) and leaves it as it is', async () => {
    const { paths } = await usedLedger();
    for (const f of fs.readdirSync(path.dirname(paths.ledgerFile))) {
      fs.rmSync(path.join(path.dirname(paths.ledgerFile), f));
    }
    fs.writeFileSync(paths.ledgerFile, '');
    const result = await openLedger(paths, { migrations: MIGRATIONS, now });
    expect(result.state).toBe('NOT_A_LEDGER');
    expect(fs.statSync(paths.ledgerFile).size).toBe(0);
  });

  it('refuses a SQLite file of another program put at the ledger path', async () => {
    const { paths } = await usedLedger();
    for (const f of fs.readdirSync(path.dirname(paths.ledgerFile))) {
      fs.rmSync(path.join(path.dirname(paths.ledgerFile), f));
    }
    const other = openOutside(paths.ledgerFile);
    other.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');");
    other.close();
    const before = sha256(paths.ledgerFile);
    const result = await openLedger(paths, { migrations: MIGRATIONS, now });
    expect(result.state).toBe('NOT_A_LEDGER');
    expect(sha256(paths.ledgerFile)).toBe(before);
  });

  it('says a locked ledger is unavailable (not lost) and will not start an empty one over it', async () => {
    const { dataDir, paths } = await usedLedger();
    const holder = openOutside(paths.ledgerFile);
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec('BEGIN EXCLUSIVE');
    try {
      const core = await openSignedInCore({ dataDir, appVersion: 'test', now });
      expect(await core.dispatch('system.status', {})).toMatchObject({
        ok: true,
        value: { ledger: { state: 'UNAVAILABLE', message: expect.stringContaining('占用') } },
      });
      // its accounts cannot be read, so nobody's password can be checked: the door refuses
      expect(
        await core.dispatch('system.startEmptyLedger', { confirmation: START_EMPTY_CONFIRMATION }),
      ).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
      // and the service itself never starts empty over an unavailable ledger
      expect(
        await core.system.startEmptyLedger().then(
          () => null,
          (e: { code?: string }) => e.code,
        ),
      ).toBe('INVALID_STATE');
      expect(fs.existsSync(paths.ledgerFile)).toBe(true);
      core.close();
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    const reopened = await openSignedInCore({ dataDir, appVersion: 'test', now });
    expect(await reopened.dispatch('settings.get', {})).toMatchObject({
      ok: true,
      value: { committeeName: SAMPLE_ROOM_SETTINGS.committeeName },
    });
    reopened.close();
  }, 20_000);

  it('refuses to restore a file that is not our ledger or is from a newer version, touching nothing', async () => {
    const { dataDir, paths } = await usedLedger();
    const foreign = openOutside(path.join(paths.backupDir, 'foreign.sqlite'));
    foreign.exec('CREATE TABLE t (x); PRAGMA user_version = 7;');
    foreign.close();
    const core = await openSignedInCore({ dataDir, appVersion: 'test', now });
    core.ledger.db().pragma('wal_checkpoint(TRUNCATE)');
    const newer = path.join(paths.backupDir, 'newer.sqlite');
    // VACUUM INTO, not db.backup(): the online backup API refuses an encrypted source.
    core.ledger.db().prepare('VACUUM INTO ?').run(newer);
    const n = openOutside(newer);
    n.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    n.pragma('journal_mode = DELETE');
    n.close();
    const before = sha256(paths.ledgerFile);
    const refusals: Array<[string, RegExp]> = [
      ['foreign.sqlite', /./],
      // The sentence, not only the code: an unreadable copy (wrong key, bad bytes) is BAD_INPUT too.
      ['newer.sqlite', /更新版本/],
    ];
    for (const [fileName, sentence] of refusals) {
      const res = await core.dispatch('system.restoreBackup', {
        fileName,
        confirmation: RESTORE_CONFIRMATION,
      });
      expect(res, fileName).toMatchObject({
        ok: false,
        error: { code: 'BAD_INPUT', message: expect.stringMatching(sentence) },
      });
    }
    expect(sha256(paths.ledgerFile)).toBe(before);
    expect(
      fs.readdirSync(path.dirname(paths.ledgerFile)).some((f) => f.includes('before-restore')),
    ).toBe(false);
    expect(await core.dispatch('settings.get', {})).toMatchObject({ ok: true });
    core.close();
  });

  it('leaves the ledger untouched when the pre-migration backup cannot be written', async () => {
    const { dataDir, paths } = await usedLedger();
    fs.rmSync(paths.backupDir, { recursive: true, force: true });
    fs.writeFileSync(paths.backupDir, 'a file where the backup folder should be');
    const extra = {
      version: LATEST_SCHEMA_VERSION + 1,
      name: 'test step',
      up: (db: Database.Database) => db.exec('CREATE TABLE test_step (x)'),
    };
    const core = await openSignedInCore({
      dataDir,
      appVersion: 'test',
      now,
      migrations: [...MIGRATIONS, extra],
    });
    expect(await core.dispatch('system.status', {})).toMatchObject({
      ok: true,
      value: { ledger: { state: 'MIGRATION_FAILED', stoppedAt: LATEST_SCHEMA_VERSION } },
    });
    core.close();
    const db = openOutside(paths.ledgerFile, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });
});

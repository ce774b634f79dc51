import { createHash } from 'node:crypto';
import fs from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { START_EMPTY_CONFIRMATION } from '../../../domain/api/system-contract';
import { openSignedInCore, signInAs } from '../support/signed-in-core';
import { ledgerPaths } from '../../../db/ledger-files';
import { SAMPLE_ROOM_SETTINGS } from '../support/room-settings-sample';
import { tempDir } from '../support/temp-dir';

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function coreWithSettings(dataDir: string) {
  const core = await openSignedInCore({ dataDir, appVersion: 'test' });
  const saved = await core.dispatch('settings.save', {
    settings: SAMPLE_ROOM_SETTINGS,
    expectedVersion: 0,
  });
  expect(saved.ok).toBe(true);
  return core;
}

describe('opening the ledger', () => {
  it('creates the ledger on first run with the durability pragmas', async () => {
    const dataDir = tempDir();
    const core = await openSignedInCore({ dataDir, appVersion: 'test' });
    const db = core.ledger.db();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(Number(db.pragma('busy_timeout', { simple: true }))).toBeGreaterThan(0);
    expect(await core.dispatch('system.status', {})).toMatchObject({
      ok: true,
      value: { ledger: { state: 'READY', settingsComplete: false } },
    });
    core.close();
    expect(fs.existsSync(ledgerPaths(dataDir).markerFile)).toBe(true);
  });

  it('says the ledger is missing instead of starting an empty one, and restores a backup', async () => {
    const dataDir = tempDir();
    const paths = ledgerPaths(dataDir);
    const core = await coreWithSettings(dataDir);
    // A backup exists (as the pre-migration or daily backup would leave one).
    const { backupLedger } = await import('../../../db/backup');
    await backupLedger(core.ledger.db(), `${paths.backupDir}/manual-2026-11-23.sqlite`);
    core.close();
    for (const f of fs.readdirSync(`${dataDir}/ledger`)) fs.rmSync(`${dataDir}/ledger/${f}`);

    const reopened = await openSignedInCore({ dataDir, appVersion: 'test' });
    const status = await reopened.dispatch('system.status', {});
    expect(status).toMatchObject({
      ok: true,
      value: { ledger: { state: 'MISSING', backups: [{ fileName: 'manual-2026-11-23.sqlite' }] } },
    });
    expect(fs.existsSync(paths.ledgerFile)).toBe(false);
    // Nobody can sign in to a missing ledger, and signing in says why.
    expect(
      await reopened.dispatch('accounts.signIn', { loginName: 'zhuoma', password: 'whatever-1' }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'LEDGER_UNAVAILABLE',
        message: expect.stringContaining('找不到原有的案件台账'),
      },
    });

    const restored = await reopened.dispatch('system.restoreBackup', {
      fileName: 'manual-2026-11-23.sqlite',
    });
    expect(restored).toMatchObject({
      ok: true,
      value: { ledger: { state: 'READY', settingsComplete: true } },
    });
    // nobody could sign in to a missing ledger; the restored one has its accounts again
    expect(await reopened.dispatch('settings.get', {})).toMatchObject({
      ok: false,
      error: { code: 'NOT_SIGNED_IN' },
    });
    await signInAs(reopened);
    expect(await reopened.dispatch('settings.get', {})).toMatchObject({
      ok: true,
      value: { committeeName: SAMPLE_ROOM_SETTINGS.committeeName },
    });
    reopened.close();
  });

  it('starts an empty ledger only with the typed confirmation', async () => {
    const dataDir = tempDir();
    const core = await coreWithSettings(dataDir);
    core.close();
    fs.rmSync(ledgerPaths(dataDir).ledgerFile);
    const reopened = await openSignedInCore({ dataDir, appVersion: 'test' });
    expect(
      await reopened.dispatch('system.startEmptyLedger', { confirmation: '确认' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
    expect(fs.existsSync(ledgerPaths(dataDir).ledgerFile)).toBe(false);
    expect(
      await reopened.dispatch('system.startEmptyLedger', {
        confirmation: START_EMPTY_CONFIRMATION,
      }),
    ).toMatchObject({ ok: true, value: { ledger: { state: 'READY', settingsComplete: false } } });
    reopened.close();
  });

  it('refuses to start an empty ledger over a working one', async () => {
    const core = await coreWithSettings(tempDir());
    expect(
      await core.dispatch('system.startEmptyLedger', { confirmation: START_EMPTY_CONFIRMATION }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    core.close();
  });

  it('never overwrites a file that is not a ledger', async () => {
    const dataDir = tempDir();
    const paths = ledgerPaths(dataDir);
    fs.mkdirSync(`${dataDir}/ledger`, { recursive: true });
    // Another program's SQLite database: plain, readable, not ours.
    const foreign = new Database(paths.ledgerFile);
    foreign.exec('CREATE TABLE notes (x); INSERT INTO notes VALUES (1);');
    foreign.close();
    const before = sha256(paths.ledgerFile);
    const core = await openSignedInCore({ dataDir, appVersion: 'test' });
    expect(await core.dispatch('system.status', {})).toMatchObject({
      ok: true,
      value: { ledger: { state: 'NOT_A_LEDGER' } },
    });
    expect(sha256(paths.ledgerFile)).toBe(before);
    core.close();
  });

  it('never overwrites bytes that are not SQLite either: they read as an encrypted ledger without its key', async () => {
    const dataDir = tempDir();
    const paths = ledgerPaths(dataDir);
    fs.mkdirSync(`${dataDir}/ledger`, { recursive: true });
    // Indistinguishable from an encrypted ledger whose keys folder was not copied along, so it
    // gets the key sentence (the safe side: "not a ledger" would offer starting empty).
    fs.writeFileSync(paths.ledgerFile, 'this is a Word document, not a ledger'.repeat(200));
    const before = sha256(paths.ledgerFile);
    const core = await openSignedInCore({ dataDir, appVersion: 'test' });
    expect(await core.dispatch('system.status', {})).toMatchObject({
      ok: true,
      value: { ledger: { state: 'UNAVAILABLE', reason: 'KEY_MISSING' } },
    });
    expect(sha256(paths.ledgerFile)).toBe(before);
    core.close();
  });

  it('refuses a backup name that tries to leave the backup folder', async () => {
    const core = await coreWithSettings(tempDir());
    for (const fileName of [
      '../ledger/mediation-desk.sqlite',
      '/etc/passwd',
      'x.sqlite/../../y.sqlite',
      'nope.sqlite',
    ]) {
      const res = await core.dispatch('system.restoreBackup', { fileName });
      expect(res.ok, fileName).toBe(false);
    }
    expect(await core.dispatch('settings.get', {})).toMatchObject({ ok: true });
    core.close();
  });
});

import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { START_EMPTY_CONFIRMATION } from '../../../domain/api/system-contract.js';
import { apiMessagesZhCN } from '../../../domain/messages/zh-CN.js';
import { ledgerPaths } from '../../../db/ledger-files.js';
import { ledgerKeyFileFor, writeKeyFile } from '../../../db/ledger-cipher.js';
import { createAppCore } from '../../../electron/core/app-core.js';
import { openTestLedger, ROOM_SETTINGS, type TestLedger } from './case-fixtures.js';

/**
 * A key problem must never read as damage or as "not a ledger": both states lead to starting
 * empty, which abandons the only copy of an encrypted ledger.
 */
describe('ledger key problems', () => {
  let l: TestLedger | undefined;
  afterEach(() => {
    l?.close();
    l = undefined;
  });

  /** A set-up encrypted ledger, closed after its start-up check; returns its paths. */
  async function closedLedger() {
    l = await openTestLedger();
    await l.call('settings.save', { settings: ROOM_SETTINGS, expectedVersion: 0 });
    await l.core.whenIdle();
    l.core.close();
    const paths = ledgerPaths(l.dir);
    return { paths, keyFile: ledgerKeyFileFor(paths.ledgerFile) };
  }

  async function statusAfterStart(dir: string) {
    const core = await createAppCore({ dataDir: dir, appVersion: 'test' });
    try {
      await core.whenIdle();
      const status = await core.dispatch('system.status', {});
      const startEmpty = await core.dispatch('system.startEmptyLedger', {
        confirmation: START_EMPTY_CONFIRMATION,
      });
      return { status, startEmpty };
    } finally {
      core.close();
    }
  }

  it('keeps a healthy ledger healthy when its key file disappears while the app runs', async () => {
    l = await openTestLedger();
    await l.call('settings.save', { settings: ROOM_SETTINGS, expectedVersion: 0 });
    await l.core.whenIdle();
    fs.rmSync(path.dirname(ledgerKeyFileFor(ledgerPaths(l.dir).ledgerFile)), {
      recursive: true,
    });

    // The backup checks the ledger and its copy with the key read when the ledger opened.
    const backup = await l.raw('system.backupNow', {});
    expect(backup).toMatchObject({ ok: true });
    const status = await l.raw('system.status', {});
    expect(status).toMatchObject({ ok: true, value: { ledger: { state: 'READY' } } });
    await l.core.whenIdle();
  });

  it('a ledger copied without its keys folder and state file: key missing, not "not a ledger"', async () => {
    const { paths, keyFile } = await closedLedger();
    fs.rmSync(path.dirname(keyFile), { recursive: true });
    fs.rmSync(paths.markerFile);
    fs.rmSync(paths.backupDir, { recursive: true, force: true });
    const before = fs.readFileSync(paths.ledgerFile);

    const { status, startEmpty } = await statusAfterStart(l!.dir);

    expect(status).toMatchObject({
      ok: true,
      value: {
        ledger: {
          state: 'UNAVAILABLE',
          reason: 'KEY_MISSING',
          message: apiMessagesZhCN.ledgerKeyMissing,
        },
      },
    });
    expect(startEmpty).toMatchObject({ ok: false });
    expect(fs.readFileSync(paths.ledgerFile).equals(before)).toBe(true);
    // The way back when the keys folder is gone for good: the stick's backups and the code.
    for (const hint of ['第二备份位置', 'ledger-key-….recovery.json', '恢复码', '不要新建空台账'])
      expect(apiMessagesZhCN.ledgerKeyMissing).toContain(hint);
  });

  it('a key that does not open the ledger: its own sentence, no start-empty, the file untouched', async () => {
    const { paths, keyFile } = await closedLedger();
    writeKeyFile(keyFile, randomBytes(32)); // keys copied from another desk
    const before = fs.readFileSync(paths.ledgerFile);

    const { status, startEmpty } = await statusAfterStart(l!.dir);

    expect(status).toMatchObject({
      ok: true,
      value: {
        ledger: {
          state: 'UNAVAILABLE',
          reason: 'KEY_MISMATCH',
          message: apiMessagesZhCN.ledgerKeyMismatch,
        },
      },
    });
    expect(startEmpty).toMatchObject({ ok: false });
    expect(fs.readFileSync(paths.ledgerFile).equals(before)).toBe(true);
  });

  it('a damaged key file at start-up is a key problem with its sentence, not a start-up failure', async () => {
    const { paths, keyFile } = await closedLedger();
    fs.writeFileSync(keyFile, 'not a key');
    const before = fs.readFileSync(paths.ledgerFile);

    const { status } = await statusAfterStart(l!.dir);

    expect(status).toMatchObject({
      ok: true,
      value: {
        ledger: {
          state: 'UNAVAILABLE',
          reason: 'KEY_MISSING',
          message: apiMessagesZhCN.ledgerKeyMissing,
        },
      },
    });
    expect(fs.readFileSync(paths.ledgerFile).equals(before)).toBe(true);
  });

  it('a garbage file without a key reads as key missing (the safe side), never as start-empty', async () => {
    const { paths, keyFile } = await closedLedger();
    fs.rmSync(path.dirname(keyFile), { recursive: true });
    fs.rmSync(paths.markerFile);
    fs.writeFileSync(paths.ledgerFile, randomBytes(64 * 1024));
    for (const side of ['-wal', '-shm']) fs.rmSync(`${paths.ledgerFile}${side}`, { force: true });

    const { status, startEmpty } = await statusAfterStart(l!.dir);

    expect(status).toMatchObject({
      ok: true,
      value: { ledger: { state: 'UNAVAILABLE', reason: 'KEY_MISSING' } },
    });
    expect(startEmpty).toMatchObject({ ok: false });
  });
});

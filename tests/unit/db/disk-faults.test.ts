import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ledgerPaths } from '../../../db/ledger-files';
import type { SystemStatus } from '../../../domain/api/system-contract';
import { openSignedInCore } from '../support/signed-in-core';
import type { AppCore } from '../../../electron/core/app-core';
import { backupFailureMessage } from '../../../electron/services/system-service';
import { ledgerGuard } from '../../../electron/services/ledger-guard';
import { intake, ROOM_SETTINGS } from '../services/case-fixtures';
import { fillDisk, mountSmallDisk } from '../support/small-disk';
import type { SmallDisk } from '../support/small-disk';
import { tempDir } from '../support/temp-dir';

const now = () => new Date('2026-03-10T02:00:00Z');
const quiet = { error: () => undefined };
let disk: SmallDisk | null = null;
afterEach(() => {
  disk?.release();
  disk = null;
});

async function openCore(dataDir: string): Promise<AppCore> {
  const core = await openSignedInCore({ dataDir, appVersion: 'test', now, log: quiet });
  await core.whenIdle();
  return core;
}

async function roomWithCases(dataDir: string, count: number): Promise<number[]> {
  const core = await openCore(dataDir);
  await core.dispatch('settings.save', { settings: ROOM_SETTINGS, expectedVersion: 0 });
  const ids: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const res = await core.dispatch('cases.create', intake());
    if (!res.ok) throw new Error(res.error.message);
    ids.push((res.value as { case: { id: number } }).case.id);
  }
  core.close();
  return ids;
}

const status = async (core: AppCore) =>
  ((await core.dispatch('system.status', {})) as { value: SystemStatus }).value;

describe('read-only and full disks get their own Chinese messages and lose nothing', () => {
  it('a read-only ledger opens as UNAVAILABLE (read-only) instead of crashing start-up', async () => {
    disk = mountSmallDisk(64);
    const root = process.getuid?.() === 0;
    if (!disk && root) return; // Root ignores mode bits and cannot mount here: nothing to test.
    const dataDir = disk ? path.join(disk.dir, 'data') : tempDir();
    const ids = await roomWithCases(dataDir, 2);
    const paths = ledgerPaths(dataDir);
    if (disk) disk.readOnly(true);
    else {
      fs.chmodSync(paths.ledgerFile, 0o444);
      fs.chmodSync(path.dirname(paths.ledgerFile), 0o555);
    }
    const core = await openCore(dataDir);
    const s = await status(core);
    expect(s.ledger).toMatchObject({
      state: 'UNAVAILABLE',
      reason: 'READ_ONLY',
      message: expect.stringContaining('只读'),
    });
    // nobody can sign in to it: the sign-in says why
    expect(
      await core.dispatch('accounts.signIn', { loginName: 'zhuoma', password: 'whatever-1' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'LEDGER_UNAVAILABLE', message: expect.stringContaining('只读') },
    });
    expect(await core.dispatch('cases.create', intake())).toMatchObject({
      ok: false,
      error: { code: 'NOT_SIGNED_IN' },
    });
    core.close();
    if (disk) disk.readOnly(false);
    else {
      fs.chmodSync(path.dirname(paths.ledgerFile), 0o700);
      fs.chmodSync(paths.ledgerFile, 0o600);
    }
    const again = await openCore(dataDir);
    for (const id of ids) {
      expect(await again.dispatch('cases.get', { caseId: id })).toMatchObject({ ok: true });
    }
    again.close();
  }, 60_000);

  it('a full disk: saves and backups refused in Chinese, the failure shown, every acknowledged case kept', async () => {
    disk = mountSmallDisk(24);
    if (!disk) {
      // Simulated ENOSPC where no small filesystem can be mounted: the same translation path.
      expect(backupFailureMessage({ code: 'ENOSPC' })).toContain('空间已满');
      const guard = ledgerGuard({ markDamaged: () => undefined, damaged: false } as never);
      expect(guard.translate('cases.create', { code: 'SQLITE_FULL' })?.code).toBe('STORAGE_FULL');
      return;
    }
    const dataDir = path.join(disk.dir, 'data');
    const acknowledged = await roomWithCases(dataDir, 1);
    const core = await openCore(dataDir);
    const filler = fillDisk(disk.dir);
    let refused: { code: string; message: string } | null = null;
    for (let i = 0; i < 300 && refused === null; i += 1) {
      const res = await core.dispatch('cases.create', intake());
      if (res.ok) acknowledged.push((res.value as { case: { id: number } }).case.id);
      else refused = res.error;
    }
    expect(refused).toMatchObject({
      code: 'STORAGE_FULL',
      message: expect.stringContaining('磁盘空间已满'),
    });

    const backup = await core.dispatch('system.backupNow', {});
    expect(backup).toMatchObject({
      ok: false,
      error: { code: 'BACKUP_FAILED', message: expect.stringContaining('空间已满') },
    });
    expect((await status(core)).backup.failure?.message).toContain('空间已满');
    const backupDir = ledgerPaths(dataDir).backupDir;
    expect(fs.readdirSync(backupDir).filter((n) => n.includes('.partial'))).toEqual([]);

    fs.rmSync(filler);
    core.close();
    const again = await openCore(dataDir);
    expect((await status(again)).ledger.state).toBe('READY');
    for (const id of acknowledged) {
      expect(await again.dispatch('cases.get', { caseId: id }), String(id)).toMatchObject({
        ok: true,
      });
    }
    // Space is back: the next backup succeeds and the failure leaves the screen.
    expect(await again.dispatch('system.backupNow', {})).toMatchObject({ ok: true });
    expect((await status(again)).backup.failure).toBeNull();
    again.close();
  }, 120_000);
});

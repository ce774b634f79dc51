import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyLedgerFile } from '../../../db/backup';
import { DAILY_BACKUPS_KEPT, takeDailyBackupIfDue } from '../../../db/backup-rotation';
import { ledgerPaths } from '../../../db/ledger-files';
import { createAppCore } from '../../../electron/core/app-core';
import { SAMPLE_ROOM_SETTINGS } from '../support/room-settings-sample';
import { tempDir } from '../support/temp-dir';

describe('backups', () => {
  it('takes one verified daily backup at start-up and keeps only the last week of them', async () => {
    const dataDir = tempDir();
    const { backupDir } = ledgerPaths(dataDir);
    let day = new Date('2026-11-01T02:00:00Z');
    const core = await createAppCore({
      dataDir,
      appVersion: 'test',
      dailyBackup: true,
      now: () => day,
    });
    await core.whenIdle();
    expect(fs.readdirSync(backupDir)).toEqual(['daily-2026-11-01.sqlite']);
    const db = core.ledger.db();
    // A second start on the same day adds nothing.
    expect(await takeDailyBackupIfDue(db, backupDir, day)).toBeNull();
    for (let i = 2; i <= 12; i += 1) {
      day = new Date(`2026-11-${String(i).padStart(2, '0')}T02:00:00Z`);
      await takeDailyBackupIfDue(db, backupDir, day);
    }
    const names = fs.readdirSync(backupDir).sort();
    expect(names).toHaveLength(DAILY_BACKUPS_KEPT);
    expect(names[0]).toBe('daily-2026-11-06.sqlite');
    expect(names.at(-1)).toBe('daily-2026-11-12.sqlite');
    // Each copy is a single self-contained, verified file (no -wal/-shm beside it).
    expect(verifyLedgerFile(path.join(backupDir, names[0]!)).schemaVersion).toBeGreaterThan(0);
    expect(fs.readdirSync(backupDir).every((n) => n.endsWith('.sqlite'))).toBe(true);
    core.close();
  });

  it('makes a manual backup that restores the ledger after the file is lost', async () => {
    const dataDir = tempDir();
    const core = await createAppCore({ dataDir, appVersion: 'test' });
    await core.dispatch('settings.save', { settings: SAMPLE_ROOM_SETTINGS, expectedVersion: 0 });
    const made = await core.dispatch('system.backupNow', {});
    expect(made).toMatchObject({
      ok: true,
      value: { fileName: expect.stringMatching(/^manual-.*\.sqlite$/) },
    });
    const listed = await core.dispatch('system.listBackups', {});
    expect(listed.ok && (listed.value as readonly unknown[]).length).toBe(1);
    core.close();

    fs.rmSync(path.join(dataDir, 'ledger'), { recursive: true });
    const reopened = await createAppCore({ dataDir, appVersion: 'test' });
    const status = await reopened.dispatch('system.status', {});
    expect(status).toMatchObject({ ok: true, value: { ledger: { state: 'MISSING' } } });
    const fileName = made.ok ? (made.value as { fileName: string }).fileName : '';
    expect(await reopened.dispatch('system.restoreBackup', { fileName })).toMatchObject({
      ok: true,
      value: { ledger: { state: 'READY', settingsComplete: true } },
    });
    reopened.close();
  });
});

import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyLedgerFile } from '../../../db/backup';
import {
  KEPT,
  copyVerifiedBackup,
  ledgerTagOf,
  parseBackupName,
  takeScheduledBackups,
} from '../../../db/backup-rotation';
import { ledgerPaths } from '../../../db/ledger-files';
import { openSignedInCore } from '../support/signed-in-core';
import { SAMPLE_ROOM_SETTINGS } from '../support/room-settings-sample';
import { tempDir } from '../support/temp-dir';

describe('backups', () => {
  it('takes verified daily and weekly backups at start-up and keeps 7 days and 4 weeks of them', async () => {
    const dataDir = tempDir();
    const { backupDir } = ledgerPaths(dataDir);
    let day = new Date('2026-11-01T02:00:00Z');
    const core = await openSignedInCore({
      dataDir,
      appVersion: 'test',
      dailyBackup: true,
      now: () => day,
    });
    await core.whenIdle();
    const db = core.ledger.db();
    const tag = ledgerTagOf(db);
    expect(tag).toMatch(/^[0-9a-f]{8}$/);
    // Beside the copies, the key wrapped by the recovery code (written when the code was issued).
    expect(fs.readdirSync(backupDir).sort()).toEqual([
      `daily-2026-11-01-${tag}.sqlite`,
      `hourly-2026-11-01T10-${tag}.sqlite`,
      expect.stringMatching(/^ledger-key-[0-9a-f]{16}\.recovery\.json$/),
      `weekly-2026-W44-${tag}.sqlite`,
    ]);
    // A second start in the same hour adds nothing.
    expect(await takeScheduledBackups(db, backupDir, day)).toEqual([]);
    for (const i of [2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 19, 26, 33, 40]) {
      day = new Date(Date.UTC(2026, 10, i, 2));
      await takeScheduledBackups(db, backupDir, day, ['daily', 'weekly']);
    }
    const names = fs.readdirSync(backupDir).sort();
    const ofKind = (kind: string) => names.filter((n) => parseBackupName(n)?.kind === kind);
    expect(ofKind('daily')).toHaveLength(KEPT.daily);
    expect(ofKind('daily')[0]).toBe(`daily-2026-11-09-${tag}.sqlite`);
    expect(ofKind('daily').at(-1)).toBe(`daily-2026-12-10-${tag}.sqlite`);
    expect(ofKind('weekly')).toHaveLength(KEPT.weekly);
    expect(ofKind('weekly').at(-1)).toBe(`weekly-2026-W50-${tag}.sqlite`);
    // Each copy is a single self-contained, verified file (no -wal/-shm beside it).
    expect(verifyLedgerFile(path.join(backupDir, names[0]!)).schemaVersion).toBeGreaterThan(0);
    expect(
      fs.readdirSync(backupDir).every((n) => n.endsWith('.sqlite') || n.endsWith('.recovery.json')),
    ).toBe(true);
    core.close();
  }, 120_000);

  it('makes a manual backup that restores the ledger after the file is lost', async () => {
    const dataDir = tempDir();
    const core = await openSignedInCore({ dataDir, appVersion: 'test' });
    await core.dispatch('settings.save', { settings: SAMPLE_ROOM_SETTINGS, expectedVersion: 0 });
    const made = await core.dispatch('system.backupNow', {});
    expect(made).toMatchObject({
      ok: true,
      value: { fileName: expect.stringMatching(/^manual-.*-[0-9a-f]{8}\.sqlite$/) },
    });
    const listed = await core.dispatch('system.listBackups', {});
    expect(listed.ok && (listed.value as readonly unknown[]).length).toBe(1);
    core.close();

    fs.rmSync(path.join(dataDir, 'ledger'), { recursive: true });
    const reopened = await openSignedInCore({ dataDir, appVersion: 'test' });
    const status = await reopened.dispatch('system.status', {});
    expect(status).toMatchObject({ ok: true, value: { ledger: { state: 'MISSING' } } });
    const fileName = made.ok ? (made.value as { fileName: string }).fileName : '';
    expect(await reopened.dispatch('system.restoreBackup', { fileName })).toMatchObject({
      ok: true,
      value: { ledger: { state: 'READY', settingsComplete: true } },
    });
    reopened.close();
  });

  it('copies a backup to another slot without holding the thread: other work runs between its MiB', async () => {
    // At 100,000 cases the start-up backup's two byte copies (daily, weekly) held the core
    // thread for 3–8 s, and the day's first intake waited for them.
    const dir = tempDir();
    const source = path.join(dir, 'hourly-2026-11-01T10-0123abcd.sqlite');
    const bytes = randomBytes(8 << 20);
    fs.writeFileSync(source, bytes);
    let turns = 0;
    let copying = true;
    const turn = () => {
      if (!copying) return;
      turns += 1;
      setImmediate(turn);
    };
    setImmediate(turn);
    const made = await copyVerifiedBackup(
      {
        fileName: path.basename(source),
        path: source,
        bytes: bytes.length,
        createdAt: '2026-11-01T02:00:00.000Z',
        schemaVersion: 1,
      },
      path.join(dir, 'backups'),
      'daily-2026-11-01-0123abcd.sqlite',
    );
    copying = false;
    // 8 MiB read back twice, one MiB a turn (0 when the copy ran in one go).
    expect(turns).toBeGreaterThanOrEqual(8);
    expect(made.path).toBe(path.join(dir, 'backups', 'daily-2026-11-01-0123abcd.sqlite'));
    expect(fs.readFileSync(made.path).equals(bytes)).toBe(true);
    expect(fs.readdirSync(path.join(dir, 'backups'))).toEqual([made.fileName]);
  });

  it('two copies to the same name at once each write their own partial, and both end whole', async () => {
    // The copies are asynchronous, so the start-up backup and 立即备份 (or the hourly timer) can
    // copy to one name together: with one shared `.partial`, the second truncated and rewrote the
    // file the first had just verified and was renaming.
    const dir = tempDir();
    const source = path.join(dir, 'hourly-2026-11-01T10-0123abcd.sqlite');
    const bytes = randomBytes(8 << 20);
    fs.writeFileSync(source, bytes);
    const info = {
      fileName: path.basename(source),
      path: source,
      bytes: bytes.length,
      createdAt: '2026-11-01T02:00:00.000Z',
      schemaVersion: 1,
    };
    const backups = path.join(dir, 'backups');
    const name = 'daily-2026-11-01-0123abcd.sqlite';
    const [a, b] = await Promise.all([
      copyVerifiedBackup(info, backups, name),
      copyVerifiedBackup(info, backups, name),
    ]);
    expect(a.path).toBe(b.path);
    expect(fs.readFileSync(a.path).equals(bytes)).toBe(true);
    expect(fs.readdirSync(backups)).toEqual([name]);
  });
});

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ledgerPaths } from '../../../db/ledger-files';
import { API_METHODS } from '../../../domain/api/contract';
import { METHODS_ALLOWED_WHEN_DAMAGED } from '../../../domain/api/ledger-writes';
import type { RestorePreview, SystemStatus } from '../../../domain/api/system-contract';
import { openSignedInCore } from '../support/signed-in-core';
import { intake, openTestLedger, setUpRoom } from '../services/case-fixtures';
import { flipBytes, pagesOf, smashCellPointers } from '../support/page-damage';

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const now = () => new Date('2026-03-10T02:00:00Z');

/** A room with `before` cases in its last backup and `after` cases entered since. */
async function ledgerWithBackup(before: number, after: number) {
  const l = await openTestLedger(now);
  await setUpRoom(l);
  for (let i = 0; i < before; i += 1) await l.call('cases.create', intake());
  const backup = await l.call<{ fileName: string }>('system.backupNow', {});
  const titles: string[] = [];
  for (let i = 0; i < after; i += 1) {
    const made = await l.call<{ case: { title: string } }>(
      'cases.create',
      intake({ title: `备份后登记的第${i + 1}件纠纷` }),
    );
    titles.push(made.case.title);
  }
  l.core.close();
  return { dir: l.dir, paths: ledgerPaths(l.dir), backup: backup.fileName, titles };
}

async function open(dir: string) {
  const core = await openSignedInCore({
    dataDir: dir,
    appVersion: 'test',
    now,
    log: { error: () => undefined },
  });
  await core.whenIdle();
  return core;
}

describe('damage is found, said and contained', () => {
  it('a table page with overwritten cell pointers: DAMAGED, writes refused, reads work, restore offered with the loss', async () => {
    const { dir, paths, backup, titles } = await ledgerWithBackup(3, 2);
    const leaves = pagesOf(paths.ledgerFile, 'party', 'leaf');
    smashCellPointers(paths.ledgerFile, leaves[0]!);
    const damagedBytes = sha256(paths.ledgerFile);

    const core = await open(dir);
    const status = await core.dispatch('system.status', {});
    expect(status).toMatchObject({
      ok: true,
      value: { ledger: { state: 'DAMAGED', message: expect.stringContaining('损坏') } },
    });

    // Every method that may write answers LEDGER_DAMAGED in Chinese, whatever its input.
    for (const method of API_METHODS) {
      if (METHODS_ALLOWED_WHEN_DAMAGED.has(method)) continue;
      const res = await core.dispatch(method, {});
      expect(res, method).toMatchObject({
        ok: false,
        error: { code: 'LEDGER_DAMAGED', message: expect.stringMatching(/损坏.*没有保存/) },
      });
    }
    // Reads that do not touch the damaged page still work.
    expect(await core.dispatch('settings.get', {})).toMatchObject({ ok: true });
    // No backup of a damaged ledger (it would push good copies out), and nothing half-made.
    const backupNow = await core.dispatch('system.backupNow', {});
    expect(backupNow).toMatchObject({
      ok: false,
      error: { code: 'LEDGER_DAMAGED', message: expect.stringContaining('备份没有完成') },
    });
    // Only copies and the key slot that lies beside them (written when the code was issued).
    expect(
      fs
        .readdirSync(paths.backupDir)
        .filter((n) => !n.endsWith('.sqlite') && !n.endsWith('.recovery.json')),
    ).toEqual([]);

    // The newest good backup is offered with what would be lost; party pages are damaged, the
    // case table is not, so the cases entered since the backup are named.
    const preview = await core.dispatch('system.restorePreview', {});
    expect(preview).toMatchObject({ ok: true });
    const p = (preview as { value: RestorePreview }).value;
    expect(p.backup.fileName).toBe(backup);
    expect(p.requiresConfirmation).toBe(false);
    expect(p.lostCases?.count).toBe(2);
    expect(p.lostCases?.sample.map((c) => c.title).sort()).toEqual([...titles].sort());

    // The damaged file was never written to.
    core.ledger.close();
    expect(sha256(paths.ledgerFile)).toBe(damagedBytes);
    await core.ledger.open();
    await core.ledger.whenChecked();

    const restored = await core.dispatch('system.restoreBackup', { fileName: backup });
    expect(restored).toMatchObject({ ok: true, value: { ledger: { state: 'READY' } } });
    const search = await core.dispatch('cases.search', {});
    expect(search.ok).toBe(true);
    expect(await core.dispatch('cases.create', intake())).toMatchObject({ ok: true });
    // The damaged ledger is kept aside in the ledger folder, not deleted.
    expect(
      fs.readdirSync(path.dirname(paths.ledgerFile)).some((n) => n.includes('.before-restore-')),
    ).toBe(true);
    core.close();
  }, 120_000);

  it('64 flipped bytes at the head of a middle page are found at start-up', async () => {
    const { dir, paths } = await ledgerWithBackup(4, 0);
    const pages = pagesOf(paths.ledgerFile, 'case_file', 'leaf');
    flipBytes(paths.ledgerFile, pages[Math.floor(pages.length / 2)]!, 64);
    const core = await open(dir);
    const status = (await core.dispatch('system.status', {})) as { value: SystemStatus };
    expect(status.value.ledger.state).toBe('DAMAGED');
    expect(await core.dispatch('cases.create', intake())).toMatchObject({
      ok: false,
      error: { code: 'LEDGER_DAMAGED' },
    });
    core.close();
  }, 60_000);

  it('damage found by a read mid-session switches the ledger to DAMAGED at once', async () => {
    const { dir, paths } = await ledgerWithBackup(30, 0);
    const core = await open(dir);
    expect((await core.dispatch('system.status', {})) as object).toMatchObject({
      value: { ledger: { state: 'READY' } },
    });
    // Damage the case pages behind the open connection's back, drop its page cache, read.
    core.ledger.db().pragma('wal_checkpoint(TRUNCATE)');
    for (const page of pagesOf(paths.ledgerFile, 'case_file', 'leaf')) {
      smashCellPointers(paths.ledgerFile, page);
    }
    core.ledger.db().pragma('shrink_memory');
    const answers = [await core.dispatch('cases.search', {})];
    for (let id = 1; id <= 30; id += 1)
      answers.push(await core.dispatch('cases.get', { caseId: id }));
    expect(answers.some((a) => !a.ok && a.error.code === 'LEDGER_DAMAGED')).toBe(true);
    expect((await core.dispatch('system.status', {})) as object).toMatchObject({
      value: { ledger: { state: 'DAMAGED' } },
    });
    expect(await core.dispatch('cases.create', intake())).toMatchObject({
      ok: false,
      error: { code: 'LEDGER_DAMAGED' },
    });
    core.close();
  }, 60_000);
});

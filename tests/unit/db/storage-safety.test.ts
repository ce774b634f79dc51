import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupFileName, ledgerTagOf, takeScheduledBackups } from '../../../db/backup-rotation';
import { DataDirLockedError } from '../../../db/data-dir-lock';
import { ledgerPaths } from '../../../db/ledger-files';
import { removeLeftovers } from '../../../db/leftovers';
import { openConnection } from '../../../db/connection';
import { fileKeyStore } from '../../../db/ledger-cipher';
import { keepLedgerKey } from '../../../db/ledger-key-ring';
import type {
  BackupSummary,
  RestorePreview,
  SystemStatus,
} from '../../../domain/api/system-contract';
import { confirmedRestore, openSignedInCore } from '../support/signed-in-core';
import { intake, openTestLedger, setUpRoom } from '../services/case-fixtures';
import { tempDir } from '../support/temp-dir';

const now = () => new Date('2026-03-10T02:00:00Z');
const valueOf = <T>(res: unknown) => (res as { value: T }).value;

describe('restore is safe', () => {
  it('over a healthy ledger: typed confirmation, the loss shown, and the replaced ledger kept as an undo', async () => {
    const l = await openTestLedger(now);
    await setUpRoom(l);
    await l.call('cases.create', intake());
    const backup = await l.call<BackupSummary>('system.backupNow', {});
    const late = await l.call<{ case: { id: number; title: string } }>(
      'cases.create',
      intake({ title: '恢复前最后登记的纠纷' }),
    );

    const preview = valueOf<RestorePreview>(
      await l.raw('system.restorePreview', { fileName: backup.fileName }),
    );
    expect(preview.requiresConfirmation).toBe(true);
    expect(preview.lostCases).toMatchObject({
      count: 1,
      sample: [{ title: '恢复前最后登记的纠纷' }],
    });

    // Without (or with a wrong) confirmation nothing happens.
    for (const input of [
      { fileName: backup.fileName },
      { fileName: backup.fileName, confirmation: '确认' },
    ]) {
      const res = await l.raw('system.restoreBackup', input);
      expect(res.ok).toBe(false);
    }
    expect(await l.raw('cases.get', { caseId: late.case.id })).toMatchObject({ ok: true });

    const restored = await l.raw(
      'system.restoreBackup',
      await confirmedRestore(l.core.dispatch, backup.fileName),
    );
    expect(restored).toMatchObject({ ok: true, value: { ledger: { state: 'READY' } } });
    expect(await l.raw('cases.get', { caseId: late.case.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });

    // The replaced ledger is listed as a backup; restoring it undoes the restore.
    const listed = valueOf<BackupSummary[]>(await l.raw('system.listBackups', {}));
    const undo = listed.find((b) => b.kind === 'before-restore');
    expect(undo).toBeDefined();
    const undone = await l.raw(
      'system.restoreBackup',
      await confirmedRestore(l.core.dispatch, undo!.fileName),
    );
    expect(undone.ok).toBe(true);
    expect(await l.raw('cases.get', { caseId: late.case.id })).toMatchObject({
      ok: true,
      value: { title: '恢复前最后登记的纠纷' },
    });
    l.close();
  }, 120_000);

  it('finds the backups when both the ledger and its state file are gone: no silent empty start', async () => {
    const l = await openTestLedger(now);
    await setUpRoom(l);
    await l.call('system.backupNow', {});
    l.core.close();
    const paths = ledgerPaths(l.dir);
    fs.rmSync(path.dirname(paths.ledgerFile), { recursive: true });
    fs.rmSync(paths.markerFile);
    const core = await openSignedInCore({ dataDir: l.dir, appVersion: 'test', now });
    const status = valueOf<SystemStatus>(await core.dispatch('system.status', {}));
    expect(status.ledger).toMatchObject({ state: 'MISSING', backups: [expect.anything()] });
    expect(fs.existsSync(paths.ledgerFile)).toBe(false);
    core.close();
    fs.rmSync(l.dir, { recursive: true, force: true });
  }, 60_000);

  it('rotation never deletes the backups of a different ledger', async () => {
    const l = await openTestLedger(now);
    const { backupDir } = ledgerPaths(l.dir);
    fs.mkdirSync(backupDir, { recursive: true });
    // Ten daily copies of an older ledger (another identity) and one from an older version.
    const foreign = Array.from({ length: 10 }, (_, i) =>
      backupFileName('daily', `2026-02-${String(i + 10).padStart(2, '0')}`, 'aaaaaaaa'),
    );
    for (const name of [...foreign, 'daily-2026-02-01.sqlite']) {
      fs.writeFileSync(path.join(backupDir, name), 'x');
    }
    const db = l.core.ledger.db();
    for (let day = 1; day <= 9; day += 1) {
      await takeScheduledBackups(db, backupDir, new Date(Date.UTC(2026, 2, day, 2)), ['daily']);
    }
    const names = fs.readdirSync(backupDir);
    for (const name of [...foreign, 'daily-2026-02-01.sqlite']) expect(names).toContain(name);
    expect(names.filter((n) => n.endsWith(`-${ledgerTagOf(db)}.sqlite`))).toHaveLength(7);
    l.close();
  }, 120_000);
});

describe('files and processes', () => {
  it('a second process on the same data folder is refused; the first keeps working', async () => {
    const l = await openTestLedger(now);
    await expect(
      openSignedInCore({ dataDir: l.dir, appVersion: 'test', now }),
    ).rejects.toBeInstanceOf(DataDirLockedError);
    await setUpRoom(l);
    l.core.close();
    const again = await openSignedInCore({ dataDir: l.dir, appVersion: 'test', now });
    expect(await again.dispatch('settings.get', {})).toMatchObject({ ok: true });
    again.close();
    fs.rmSync(l.dir, { recursive: true, force: true });
  }, 60_000);

  it.skipIf(process.platform === 'win32')(
    'ledger, backups and state files are 0600, their folders 0700',
    async () => {
      const l = await openTestLedger(now);
      await setUpRoom(l);
      await l.call('system.backupNow', {});
      const paths = ledgerPaths(l.dir);
      const mode = (p: string) => fs.statSync(p).mode & 0o777;
      for (const dir of [l.dir, path.dirname(paths.ledgerFile), paths.backupDir]) {
        expect(mode(dir), dir).toBe(0o700);
      }
      const files = [
        paths.ledgerFile,
        `${paths.ledgerFile}-wal`,
        paths.markerFile,
        path.join(l.dir, 'backup-status.json'),
        ...fs.readdirSync(paths.backupDir).map((n) => path.join(paths.backupDir, n)),
      ];
      for (const file of files) expect(mode(file), file).toBe(0o600);
      l.close();
    },
    60_000,
  );

  it('leftovers of killed backups and restores are removed at start; recent set-aside ledgers are kept', async () => {
    // A process that has exited: its pid names nobody now.
    const deadPid = spawnSync(process.execPath, ['-e', '']).pid;
    const dir = tempDir();
    const paths = ledgerPaths(dir);
    const ledgerDir = path.dirname(paths.ledgerFile);
    fs.mkdirSync(paths.backupDir, { recursive: true });
    fs.mkdirSync(ledgerDir, { recursive: true });
    fs.mkdirSync(path.join(dir, 'keys'));
    const junk = [
      path.join(paths.backupDir, 'manual-x-0000aaaa.sqlite.partial'),
      path.join(paths.backupDir, 'manual-x-0000aaaa.sqlite.partial-journal'),
      path.join(paths.backupDir, 'gone.sqlite-journal'),
      `${paths.ledgerFile}.restoring`,
      `${paths.ledgerFile}.before-restore-2026-01-01T00-00-00-000Z`,
      `${paths.ledgerFile}-wal.abandoned-2026-01-02T00-00-00-000Z`,
      `${paths.markerFile}.tmp-${deadPid}`,
      path.join(paths.backupDir, `backup-status.json.tmp-${deadPid}`),
      // a stray copy of a key from a killed key write
      path.join(dir, 'keys', `ledger.key.tmp-${deadPid}`),
      path.join(dir, 'keys', `ledger-key.recovery.json.tmp-${deadPid}`),
    ];
    const keep = [
      // A live writer's temp file (another process on the folder): removing it under the writer
      // made its rename fail.
      `${paths.markerFile}.tmp-${process.pid}`,
      path.join(paths.backupDir, `backup-status.json.tmp-${process.pid}`),
      path.join(dir, 'keys', `ledger.key.tmp-${process.pid}`),
      path.join(paths.backupDir, 'manual-x-0000aaaa.sqlite'),
      `${paths.ledgerFile}.before-restore-2026-03-01T00-00-00-000Z`,
    ];
    // A plain SQLite header: an old set-aside ledger that is not encrypted (an encrypted one is
    // kept unless this computer's key opens it, see the next test).
    for (const f of [...junk, ...keep]) fs.writeFileSync(f, 'SQLite format 3\u0000 and the rest');
    const removed = removeLeftovers(paths, now());
    for (const f of junk) expect(fs.existsSync(f), f).toBe(false);
    for (const f of keep) expect(fs.existsSync(f), f).toBe(true);
    expect(removed.sort()).toEqual([...junk].sort());
  });

  it('leftovers of a killed conversion, key writes and exports; the copy that is the ledger-to-be is kept', () => {
    const deadPid = spawnSync(process.execPath, ['-e', '']).pid;
    const dir = tempDir();
    const paths = ledgerPaths(dir);
    const ledgerDir = path.dirname(paths.ledgerFile);
    const keysDir = path.join(dir, 'keys');
    const exportsDir = path.join(dir, 'exports');
    for (const d of [ledgerDir, keysDir, exportsDir]) fs.mkdirSync(d, { recursive: true });
    const junk = [
      `${paths.ledgerFile}.encrypting`,
      `${paths.ledgerFile}.encrypting-journal`,
      path.join(keysDir, `ledger.key.tmp-${deadPid}`),
      path.join(exportsDir, '.0a1b2c3d4e5f.part'),
    ];
    const keep = [
      paths.ledgerFile,
      `${paths.ledgerFile}.unencrypted-2026-01-01T00-00-00-000Z`,
      path.join(keysDir, `ledger.key.tmp-${process.pid}`),
      path.join(exportsDir, '台账.xlsx'),
    ];
    for (const f of [...junk, ...keep]) fs.writeFileSync(f, 'SQLite format 3\u0000 and the rest');
    expect(removeLeftovers(paths, now()).sort()).toEqual([...junk].sort());
    for (const f of keep) expect(fs.existsSync(f), f).toBe(true);

    // Without the ledger in place the encrypted copy is what opening puts in: never swept.
    fs.renameSync(paths.ledgerFile, `${paths.ledgerFile}.unencrypted-2026-03-10T00-00-00-000Z`);
    fs.writeFileSync(`${paths.ledgerFile}.encrypting`, 'the verified copy');
    expect(removeLeftovers(paths, now())).toEqual([]);
    expect(fs.existsSync(`${paths.ledgerFile}.encrypting`)).toBe(true);
  });

  it('a finished staging copy whose history the ledger in place lacks is set aside, not deleted', () => {
    const dir = tempDir();
    const paths = ledgerPaths(dir);
    fs.mkdirSync(path.dirname(paths.ledgerFile), { recursive: true });
    const staging = `${paths.ledgerFile}.encrypting`;
    // An encrypted ledger whose audit chain ends at `entries` (the mac stands for the chain).
    const ledgerWith = (file: string, entries: number) => {
      const db = openConnection(file, { encryptNew: true });
      db.exec('CREATE TABLE audit_log (seq INTEGER PRIMARY KEY, at TEXT, mac BLOB)');
      for (let seq = 1; seq <= entries; seq++) {
        db.prepare('INSERT INTO audit_log VALUES (?, ?, ?)').run(seq, 'at', Buffer.from([seq]));
      }
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    };
    ledgerWith(paths.ledgerFile, 3);

    // A stop before the swap: the copy is of the ledger in place, which holds all of it.
    fs.copyFileSync(paths.ledgerFile, staging);
    expect(removeLeftovers(paths, now())).toEqual([staging]);

    // The ledger-to-be of a conversion whose ledger was since replaced by an empty one.
    fs.copyFileSync(paths.ledgerFile, staging);
    const bytes = fs.readFileSync(staging);
    for (const f of [paths.ledgerFile, `${paths.ledgerFile}-wal`, `${paths.ledgerFile}-shm`])
      fs.rmSync(f, { force: true });
    ledgerWith(paths.ledgerFile, 1);
    expect(removeLeftovers(paths, now())).toEqual([]);
    expect(fs.existsSync(staging)).toBe(false);
    const aside = `${paths.ledgerFile}.abandoned-${now().toISOString().replace(/[:.]/g, '-')}`;
    expect(fs.readFileSync(aside).equals(bytes)).toBe(true);

    // Not while its rekey journal says it is unfinished: then it goes.
    fs.copyFileSync(aside, staging);
    fs.writeFileSync(`${staging}-journal`, 'a hot journal');
    expect(removeLeftovers(paths, now()).sort()).toEqual([staging, `${staging}-journal`].sort());
    expect(fs.existsSync(aside)).toBe(true);
  });

  it("keeps an old encrypted set-aside ledger unless this computer's key opens it", () => {
    const dir = tempDir();
    const paths = ledgerPaths(dir);
    fs.mkdirSync(path.dirname(paths.ledgerFile), { recursive: true });
    const makeEncrypted = (file: string) => {
      const db = openConnection(file, { encryptNew: true });
      db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    };
    makeEncrypted(paths.ledgerFile); // keys/ledger.key: this computer's key
    // Another ledger, under another key (its key kept beside it, elsewhere).
    const elsewhere = path.join(tempDir(), 'other.sqlite');
    makeEncrypted(elsewhere);

    const stamp = (day: string) => `2026-01-${day}T00-00-00-000Z`;
    const ours = `${paths.ledgerFile}.abandoned-${stamp('02')}`;
    const otherKey = `${paths.ledgerFile}.abandoned-${stamp('03')}`;
    const otherKeyWal = `${paths.ledgerFile}-wal.abandoned-${stamp('03')}`;
    const garbage = `${paths.ledgerFile}.before-restore-${stamp('04')}`;
    fs.copyFileSync(paths.ledgerFile, ours);
    fs.copyFileSync(elsewhere, otherKey);
    fs.writeFileSync(otherKeyWal, 'wal bytes of that ledger');
    fs.writeFileSync(garbage, Buffer.alloc(4096, 0x5a));

    const removed = removeLeftovers(paths, now());

    expect(removed).toEqual([ours]);
    for (const kept of [otherKey, otherKeyWal, garbage])
      expect(fs.existsSync(kept), kept).toBe(true);
    // Once that ledger's key is in the ring (kept after a restore under another key), it opens.
    const elsewhereKey = fileKeyStore.read(elsewhere);
    if (!elsewhereKey) throw new Error('no key beside the other ledger');
    keepLedgerKey(paths.ledgerFile, elsewhereKey);
    expect(removeLeftovers(paths, now()).sort()).toEqual([otherKey, otherKeyWal].sort());
    // The key probe leaves nothing of its own behind.
    expect(
      fs.readdirSync(path.dirname(paths.ledgerFile)).filter((f) => /-(wal|shm)$/.test(f)),
    ).toEqual([]);
  });
});

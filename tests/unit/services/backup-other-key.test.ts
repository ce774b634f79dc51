import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  RESTORE_CONFIRMATION,
  type BackupSummary,
  type RestorePreview,
  type SystemStatus,
} from '../../../domain/api/system-contract.js';
import { storageMessagesZhCN as msg } from '../../../domain/messages/storage-zh-CN.js';
import { fileKeyStore, ledgerKeyFileFor, ledgerKeyId } from '../../../db/ledger-cipher.js';
import { makeLedgerKeyCurrent } from '../../../db/ledger-key-ring.js';
import { ledgerPaths } from '../../../db/ledger-files.js';
import { confirmedRestore, TEST_PASSWORD, openSignedInCore } from '../support/signed-in-core.js';
import { intake, openTestLedger, setUpRoom, type TestLedger } from './case-fixtures.js';

const rooms: TestLedger[] = [];
const folders: string[] = [];

afterEach(async () => {
  for (const l of rooms.splice(0)) {
    await l.core.whenIdle();
    l.close();
  }
  for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function room(): Promise<{ l: TestLedger; key: Buffer; ledgerFile: string }> {
  const l = await openTestLedger();
  rooms.push(l);
  await l.core.ledger.whenChecked();
  const ledgerFile = ledgerPaths(l.dir).ledgerFile;
  const key = fileKeyStore.read(ledgerFile);
  if (!key) throw new Error('the test ledger is not encrypted');
  return { l, key, ledgerFile };
}

const caseCount = (l: TestLedger) =>
  l.core.ledger.db().prepare('SELECT count(*) FROM case_file').pluck().get();

describe('a backup made under another key (review finding 7)', () => {
  it('reads as "another key", unlocks with its room’s recovery code, restores, and older backups still open', async () => {
    // Room A (key K1): one case, a recovery code, a backup to its stick.
    const a = await room();
    const stick = fs.mkdtempSync(path.join(os.tmpdir(), 'md-stick-a-'));
    folders.push(stick);
    await a.l.call('system.setBackupFolder', { folder: stick });
    const { mediatorId } = await setUpRoom(a.l);
    await a.l.call('cases.create', intake({ mediatorIds: [mediatorId] }));
    const { recoveryCode } = await a.l.call<{ recoveryCode: string }>('accounts.newRecoveryCode', {
      currentPassword: TEST_PASSWORD,
    });
    const fromA = await a.l.call<BackupSummary>('system.backupNow', {});
    const onStick = path.join(stick, 'mediation-desk-backups');

    // Room B (key K2), its own backup; then A's backup and slot are copied in from the stick.
    const b = await room();
    expect(b.key.equals(a.key)).toBe(false);
    const ownBackup = await b.l.call<BackupSummary>('system.backupNow', {});
    const backupDir = ledgerPaths(b.l.dir).backupDir;
    for (const name of fs.readdirSync(onStick)) {
      if (name === fromA.fileName || name.endsWith('.recovery.json')) {
        fs.copyFileSync(path.join(onStick, name), path.join(backupDir, name));
      }
    }

    const preview = await b.l.raw('system.restorePreview', { fileName: fromA.fileName });
    expect(preview).toEqual({
      ok: false,
      error: { code: 'BACKUP_OTHER_KEY', message: msg.backupOtherKey(fromA.fileName) },
    });
    expect(msg.backupOtherKey(fromA.fileName)).toContain('备份使用了另一把密钥');
    const asRestore = await b.l.raw('system.restoreBackup', {
      fileName: fromA.fileName,
      confirmation: RESTORE_CONFIRMATION,
    });
    expect(asRestore).toMatchObject({ ok: false, error: { code: 'BACKUP_OTHER_KEY' } });

    const wrong = await b.l.raw('system.unlockBackup', {
      fileName: fromA.fileName,
      recoveryCode: 'ABCD-EFGH-JKMN-PQRS-TUVW-XYZ2',
    });
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: msg.unlockCodeWrong },
    });
    expect(
      fs.existsSync(
        path.join(path.dirname(ledgerKeyFileFor(b.ledgerFile)), `ledger-${ledgerKeyId(a.key)}.key`),
      ),
    ).toBe(false);

    const unlocked = await b.l.call<RestorePreview>('system.unlockBackup', {
      fileName: fromA.fileName,
      recoveryCode: recoveryCode.toLowerCase(),
    });
    expect(unlocked.backup.fileName).toBe(fromA.fileName);
    expect(unlocked.requiresConfirmation).toBe(true);
    // Kept in the ring; the current key is not replaced by unlocking.
    const keysDir = path.dirname(ledgerKeyFileFor(b.ledgerFile));
    expect(fs.readFileSync(path.join(keysDir, `ledger-${ledgerKeyId(a.key)}.key`), 'utf8')).toBe(
      a.key.toString('hex'),
    );
    expect(fileKeyStore.read(b.ledgerFile)?.equals(b.key)).toBe(true);
    // Now an ordinary preview opens it too.
    const again = await b.l.call<RestorePreview>('system.restorePreview', {
      fileName: fromA.fileName,
    });
    expect(again.lostCases?.count).toBe(0);

    const restored = await b.l.call<SystemStatus>(
      'system.restoreBackup',
      await confirmedRestore(b.l.core.dispatch, fromA.fileName),
    );
    expect(restored.ledger).toMatchObject({ state: 'READY', encrypted: true });
    expect(caseCount(b.l)).toBe(1);
    // The restored ledger keeps its own key; the one it replaced stays in the ring.
    expect(fileKeyStore.read(b.ledgerFile)?.equals(a.key)).toBe(true);
    expect(fs.readFileSync(path.join(keysDir, `ledger-${ledgerKeyId(b.key)}.key`), 'utf8')).toBe(
      b.key.toString('hex'),
    );
    // B's own backup (under K2) and the before-restore one still open.
    const older = await b.l.call<RestorePreview>('system.restorePreview', {
      fileName: ownBackup.fileName,
    });
    expect(older.backup.fileName).toBe(ownBackup.fileName);
    const backups = await b.l.call<BackupSummary[]>('system.listBackups', {});
    const beforeRestore = backups.find((x) => x.kind === 'before-restore');
    expect(beforeRestore).toBeDefined();
    await b.l.call('system.restorePreview', { fileName: beforeRestore?.fileName });
    // And the new ledger's backups are made with its key.
    await b.l.call('system.backupNow', {});
  }, 180_000);

  it('a restore killed before the key switch: the kept key that opens the ledger becomes current again', async () => {
    const a = await room();
    const dir = a.l.dir;
    await a.l.core.whenIdle();
    a.l.core.close();
    rooms.splice(rooms.indexOf(a.l), 1);
    folders.push(dir);
    // The ledger is under K1; make a new key current (K1 is kept in the ring), as a restore of
    // a backup under another key would leave it when killed between the file and the key.
    const other = Buffer.alloc(32, 7);
    makeLedgerKeyCurrent(a.ledgerFile, other);
    expect(fileKeyStore.read(a.ledgerFile)?.equals(other)).toBe(true);
    const core = await openSignedInCore({ dataDir: dir, appVersion: 'test' });
    try {
      const status = await core.dispatch('system.status', {});
      expect(status).toMatchObject({ ok: true, value: { ledger: { state: 'READY' } } });
      expect(fileKeyStore.read(a.ledgerFile)?.equals(a.key)).toBe(true);
      await core.whenIdle();
    } finally {
      core.close();
    }
  }, 120_000);

  it('wrong recovery codes back off as a sign-in does; without a slot beside the backups it says where to put it', async () => {
    const a = await room();
    const b = await room();
    const fromA = await a.l.call<BackupSummary>('system.backupNow', {});
    const backupDir = ledgerPaths(b.l.dir).backupDir;
    fs.mkdirSync(backupDir, { recursive: true });
    fs.copyFileSync(
      path.join(ledgerPaths(a.l.dir).backupDir, fromA.fileName),
      path.join(backupDir, fromA.fileName),
    );
    const guess = () =>
      b.l.raw('system.unlockBackup', {
        fileName: fromA.fileName,
        recoveryCode: 'ABCD-EFGH-JKMN-PQRS-TUVW-XYZ2',
      });
    // The room's own slot lies beside its backups (review s27 finding 6): without it, none.
    const own = fs.readdirSync(backupDir).filter((n) => n.endsWith('.recovery.json'));
    expect(own).toEqual([`ledger-key-${ledgerKeyId(b.key)}.recovery.json`]);
    for (const name of own) fs.rmSync(path.join(backupDir, name));
    expect(await guess()).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: msg.unlockSlotMissing },
    });
    const slot = path.join(
      path.dirname(ledgerKeyFileFor(a.ledgerFile)),
      'ledger-key.recovery.json',
    );
    // A damaged slot file says so, and is no guess: it does not count toward the wait.
    const slotThere = path.join(backupDir, `ledger-key-${ledgerKeyId(a.key)}.recovery.json`);
    for (let i = 0; i < 6; i += 1) {
      fs.writeFileSync(
        slotThere,
        i % 2 === 0
          ? 'not json'
          : fs.readFileSync(slot, 'utf8').replace(/"memoryKiB": \d+/, '"memoryKiB": 1048576'),
      );
      expect(await guess()).toMatchObject({
        ok: false,
        error: { code: 'BAD_INPUT', message: msg.unlockSlotDamaged },
      });
    }
    fs.copyFileSync(slot, slotThere);
    for (let i = 0; i < 5; i += 1) {
      expect(await guess()).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    }
    // The test's clock stands still: the wait never ends here.
    expect(await guess()).toMatchObject({ ok: false, error: { code: 'SIGN_IN_BACKOFF' } });
  }, 120_000);
});

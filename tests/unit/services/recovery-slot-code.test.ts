import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackupSummary, SystemStatus } from '../../../domain/api/system-contract.js';
import { ledgerKeyId } from '../../../db/ledger-cipher.js';
import { recoverySlotFileFor, recoverySlotsBesideBackups } from '../../../db/ledger-key-ring.js';
import { ledgerPaths } from '../../../db/ledger-files.js';
import {
  parseRecoveryKeySlot,
  unwrapWithRecoveryCode,
} from '../../../electron/services/recovery-key-slot.js';
import { confirmedRestore, TEST_PASSWORD } from '../support/signed-in-core.js';
import type { TestLedger } from './case-fixtures.js';
import { encryptedRoomWithStick } from '../support/room-with-stick.js';

/**
 * Review s27 finding 3: a slot is current only for the code the ledger holds, not merely for
 * the key, and a new code's slot reaches the stick at once.
 */
async function room(): Promise<{ l: TestLedger; usb: string; key: Buffer; slotFile: string }> {
  const made = await encryptedRoomWithStick();
  return { ...made, slotFile: recoverySlotFileFor(ledgerPaths(made.l.dir).ledgerFile) };
}

const status = (l: TestLedger) => l.call<SystemStatus>('system.status', {});
const newCode = async (l: TestLedger) =>
  (
    await l.call<{ recoveryCode: string }>('accounts.newRecoveryCode', {
      currentPassword: TEST_PASSWORD,
    })
  ).recoveryCode.replace(/-/g, '');

describe('the key slot belongs to the code the ledger holds', () => {
  it('(a) killed between the new code and its slot: the old code’s slot is not current and never travels', async () => {
    const { l, usb, slotFile } = await room();
    const oldSlot = fs.readFileSync(slotFile, 'utf8');
    await newCode(l);
    // What a kill between the code's commit and the slot write leaves: the old code's slot.
    fs.writeFileSync(slotFile, oldSlot);
    expect((await status(l)).backup.recoveryKeySlot).toBe('NEEDS_NEW_CODE');

    await l.call('system.setBackupFolder', { folder: usb });
    await l.call('system.backupNow', {});
    const target = path.join(usb, 'mediation-desk-backups');
    expect(fs.readdirSync(target).some((n) => n.endsWith('.sqlite'))).toBe(true);
    expect(fs.readdirSync(target).filter((n) => n.endsWith('.recovery.json'))).toEqual([]);
    expect((await status(l)).backup.recoveryKeySlotOnSecondCopy).toBeNull();
  }, 120_000);

  it('(b) an older backup under the same key restored: the newer code’s slot is not current', async () => {
    const { l } = await room();
    const older = await l.call<BackupSummary>('system.backupNow', {});
    await newCode(l);
    expect((await status(l)).backup.recoveryKeySlot).toBe('PRESENT');

    await l.call('system.restoreBackup', await confirmedRestore(l.core.dispatch, older.fileName));
    // The restored ledger holds the older code's hash; the slot wraps the newer code.
    expect((await status(l)).backup.recoveryKeySlot).toBe('NEEDS_NEW_CODE');
    await newCode(l);
    expect((await status(l)).backup.recoveryKeySlot).toBe('PRESENT');
  }, 120_000);

  it('a new code’s slot goes to a reachable stick at once and beside the local backups', async () => {
    const { l, usb, key } = await room();
    await l.call('system.setBackupFolder', { folder: usb });
    const target = path.join(usb, 'mediation-desk-backups');
    const onStick = path.join(target, `ledger-key-${ledgerKeyId(key)}.recovery.json`);
    await l.call('system.backupNow', {});
    const before = parseRecoveryKeySlot(fs.readFileSync(onStick, 'utf8'));
    expect((await status(l)).backup.recoveryKeySlotOnSecondCopy).toBe('UPDATED');

    const code = await newCode(l);
    // No backup since: the stick's slot is already the new code's.
    const after = parseRecoveryKeySlot(fs.readFileSync(onStick, 'utf8'));
    expect(after.codeId).not.toBe(before.codeId);
    expect((await unwrapWithRecoveryCode(after, code)).equals(key)).toBe(true);
    expect((await status(l)).backup.recoveryKeySlotOnSecondCopy).toBe('UPDATED');

    // Beside the local backups too, where unlocking a backup looks (keys/ is not its only place).
    const local = recoverySlotsBesideBackups(ledgerPaths(l.dir).backupDir);
    expect(local).toHaveLength(1);
    const localSlot = parseRecoveryKeySlot(local[0]!.text);
    expect((await unwrapWithRecoveryCode(localSlot, code)).equals(key)).toBe(true);
    expect(fs.statSync(local[0]!.file).mode & 0o777).toBe(0o600);
  }, 120_000);

  it('a stick that is not there when the code is printed: 设置 says it is not updated yet', async () => {
    const { l, usb } = await room();
    await l.call('system.setBackupFolder', { folder: usb });
    await l.call('system.backupNow', {});
    fs.rmSync(usb, { recursive: true, force: true });
    await newCode(l);
    expect((await status(l)).backup.recoveryKeySlotOnSecondCopy).toBe('NOT_UPDATED');
    fs.mkdirSync(usb);
    expect((await status(l)).backup.recoveryKeySlotOnSecondCopy).toBe('NOT_UPDATED');
    await l.call('system.backupNow', {});
    expect((await status(l)).backup.recoveryKeySlotOnSecondCopy).toBe('UPDATED');
  }, 120_000);
});

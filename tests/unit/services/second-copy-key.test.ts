import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SystemStatus } from '../../../domain/api/system-contract.js';
import { ledgerKeyId } from '../../../db/ledger-cipher.js';
import { recoverySlotFileFor } from '../../../db/ledger-key-ring.js';
import { ledgerPaths } from '../../../db/ledger-files.js';
import {
  parseRecoveryKeySlot,
  unwrapWithRecoveryCode,
} from '../../../electron/services/recovery-key-slot.js';
import { TEST_PASSWORD } from '../support/signed-in-core.js';
import { encryptedRoomWithStick } from '../support/room-with-stick.js';

// Every form the data key could take in a file: raw bytes, hex (either case), base64.
function keyFoundIn(dir: string, key: Buffer): string[] {
  const forms = [
    key,
    Buffer.from(key.toString('hex')),
    Buffer.from(key.toString('hex').toUpperCase()),
    Buffer.from(key.toString('base64')),
  ];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .filter((file) => {
      const bytes = fs.readFileSync(file);
      return forms.some((form) => bytes.includes(form));
    })
    .map((file) => path.relative(dir, file));
}

describe('the second backup place gets the key only wrapped by the recovery code', () => {
  it('no raw key on the stick; the slot opens with the code; old raw key files are removed', async () => {
    const { l, usb, key } = await encryptedRoomWithStick({ asBackupFolder: true });
    const target = path.join(usb, 'mediation-desk-backups');
    // An older version left the raw key there. Positive control: the scan finds it.
    fs.mkdirSync(target);
    const oldRawKey = path.join(target, `ledger-key-${ledgerKeyId(key)}.key`);
    fs.writeFileSync(oldRawKey, key.toString('hex'));
    fs.writeFileSync(path.join(target, 'probe.bin'), key);
    expect(keyFoundIn(usb, key).sort()).toEqual(
      [path.join('mediation-desk-backups', 'probe.bin'), path.relative(usb, oldRawKey)].sort(),
    );
    fs.rmSync(path.join(target, 'probe.bin'));

    const { recoveryCode } = await l.call<{ recoveryCode: string }>('accounts.newRecoveryCode', {
      currentPassword: TEST_PASSWORD,
    });
    await l.call('system.backupNow', {});

    expect(keyFoundIn(usb, key)).toEqual([]);
    expect(fs.existsSync(oldRawKey)).toBe(false);
    const slotFile = path.join(target, `ledger-key-${ledgerKeyId(key)}.recovery.json`);
    expect(fs.statSync(slotFile).mode & 0o777).toBe(0o600);
    const slot = parseRecoveryKeySlot(fs.readFileSync(slotFile, 'utf8'));
    const code = recoveryCode.replace(/-/g, '');
    expect((await unwrapWithRecoveryCode(slot, code)).equals(key)).toBe(true);
    const status = await l.call<SystemStatus>('system.status', {});
    expect(status.backup.recoveryKeySlot).toBe('PRESENT');
  }, 120_000);

  it('a code printed before slots existed: no key goes to the stick and 设置 asks for a new code', async () => {
    const { l, usb, key } = await encryptedRoomWithStick({ asBackupFolder: true });
    const target = path.join(usb, 'mediation-desk-backups');
    fs.rmSync(recoverySlotFileFor(ledgerPaths(l.dir).ledgerFile));
    fs.mkdirSync(target);
    const oldRawKey = path.join(target, `ledger-key-${ledgerKeyId(key)}.key`);
    fs.writeFileSync(oldRawKey, key.toString('hex'));
    expect((await l.call<SystemStatus>('system.status', {})).backup.recoveryKeySlot).toBe(
      'NEEDS_NEW_CODE',
    );

    await l.call('system.backupNow', {});
    const names = fs.readdirSync(target);
    expect(names.some((n) => n.endsWith('.sqlite'))).toBe(true);
    expect(names.filter((n) => n.endsWith('.recovery.json'))).toEqual([]);
    // The old raw key stays until a slot is beside the backups (they would open nowhere else).
    expect(fs.existsSync(oldRawKey)).toBe(true);
    fs.rmSync(oldRawKey);
    expect(keyFoundIn(usb, key)).toEqual([]);

    await l.call('accounts.newRecoveryCode', { currentPassword: TEST_PASSWORD });
    expect((await l.call<SystemStatus>('system.status', {})).backup.recoveryKeySlot).toBe(
      'PRESENT',
    );
    await l.call('system.backupNow', {});
    expect(fs.readdirSync(target).filter((n) => n.endsWith('.recovery.json'))).toEqual([
      `ledger-key-${ledgerKeyId(key)}.recovery.json`,
    ]);
    expect(keyFoundIn(usb, key)).toEqual([]);
  }, 120_000);

  it("another key's raw file on the stick stays: it may be the last copy of a replaced computer's key", async () => {
    const { l, usb, key } = await encryptedRoomWithStick({ asBackupFolder: true });
    const target = path.join(usb, 'mediation-desk-backups');
    fs.mkdirSync(target);
    const otherKey = Buffer.alloc(32, 7);
    const otherRaw = path.join(target, `ledger-key-${ledgerKeyId(otherKey)}.key`);
    fs.writeFileSync(otherRaw, otherKey.toString('hex'));
    const ownRaw = path.join(target, `ledger-key-${ledgerKeyId(key)}.key`);
    fs.writeFileSync(ownRaw, key.toString('hex'));

    await l.call('system.backupNow', {});
    expect(fs.existsSync(ownRaw)).toBe(false);
    expect(fs.readFileSync(otherRaw, 'utf8')).toBe(otherKey.toString('hex'));
  }, 120_000);
});

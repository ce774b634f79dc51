// An encrypted test room with an empty folder standing for the USB stick (the second backup
// place), both removed after each test. The key-slot tests start from it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { fileKeyStore } from '../../../db/ledger-cipher.js';
import { ledgerPaths } from '../../../db/ledger-files.js';
import { openTestLedger, type TestLedger } from '../services/case-fixtures.js';

const open: { l: TestLedger; usb: string }[] = [];

afterEach(async () => {
  for (const { l, usb } of open.splice(0)) {
    await l.core.whenIdle();
    l.close();
    fs.rmSync(usb, { recursive: true, force: true });
  }
});

/** `asBackupFolder`: the stick is already set as the second backup place. */
export async function encryptedRoomWithStick(
  options: { asBackupFolder?: boolean } = {},
): Promise<{ l: TestLedger; usb: string; key: Buffer }> {
  const l = await openTestLedger();
  const usb = fs.mkdtempSync(path.join(os.tmpdir(), 'md-stick-'));
  open.push({ l, usb });
  await l.core.ledger.whenChecked();
  if (options.asBackupFolder) await l.call('system.setBackupFolder', { folder: usb });
  const key = fileKeyStore.read(ledgerPaths(l.dir).ledgerFile);
  if (!key) throw new Error('the test ledger is not encrypted');
  return { l, usb, key };
}

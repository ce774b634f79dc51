// A room upgraded from a plain ledger holds a recovery code printed before key slots existed: no
// code wraps the data key. Converting then would leave the second backup place with encrypted
// copies and no key anyone holds (review s27-enc finding 1). The conversion waits for a new code;
// after it, the stick's copies open with the printed code alone.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openConnection } from '../../../db/connection.js';
import { ledgerFileKind } from '../../../db/ledger-cipher.js';
import { ledgerPaths } from '../../../db/ledger-files.js';
import { recoveryCodeField } from '../../../domain/api/accounts-contract.js';
import type { SystemStatus } from '../../../domain/api/system-contract.js';
import { storageMessagesZhCN } from '../../../domain/messages/storage-zh-CN.js';
import type { AppCore, AppCoreOptions } from '../../../electron/core/app-core.js';
import {
  parseRecoveryKeySlot,
  unwrapWithRecoveryCode,
} from '../../../electron/services/recovery-key-slot.js';
import { intake } from './case-fixtures.js';
import { isPlainSqlite, plainRoomOfFile } from '../support/plain-room.js';
import { openSignedInCore, TEST_PASSWORD } from '../support/signed-in-core.js';

const now = () => new Date('2026-03-10T02:00:00Z');

const room = plainRoomOfFile(now);

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const undo of cleanup.splice(0)) undo();
});

async function call<T>(core: AppCore, method: string, input: unknown): Promise<T> {
  const res = await core.dispatch(method, input);
  if (!res.ok) throw new Error(`${method}: ${res.error.code} ${res.error.message}`);
  return res.value as T;
}

async function upgradedRoomWithStick(
  options: Partial<AppCoreOptions> = {},
): Promise<{ core: AppCore; dir: string; stick: string }> {
  const dir = room.copy();
  const stick = fs.mkdtempSync(path.join(os.tmpdir(), 'md-stick-'));
  const core = await openSignedInCore({
    dataDir: dir,
    appVersion: 'test',
    now,
    encryptPlainLedger: true,
    conversionNeedsRecoveryCode: true,
    ...options,
  });
  cleanup.push(() => fs.rmSync(stick, { recursive: true, force: true }));
  await call(core, 'system.setBackupFolder', { folder: stick });
  return { core, dir, stick };
}

function caseCountWith(file: string, key: Buffer): number {
  const db = openConnection(file, { readonly: true, key });
  try {
    return (db.prepare('SELECT count(*) AS n FROM case_file').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('converting a plain ledger waits for a recovery code that wraps its key', () => {
  it('stays plain and writable, says why, and sends no encrypted copy to the stick meanwhile', async () => {
    const { core, dir, stick } = await upgradedRoomWithStick();
    try {
      await core.whenIdle();
      const status = await call<SystemStatus>(core, 'system.status', {});
      expect(status.encryption).toEqual({
        state: 'WAITING_FOR_CODE',
        message: storageMessagesZhCN.encryptionWaitsForRecoveryCode,
      });
      const file = ledgerPaths(dir).ledgerFile;
      expect(isPlainSqlite(file)).toBe(true);
      // Writes are not held while it waits (only a running conversion refuses them).
      await call(core, 'cases.create', intake());
      await call(core, 'system.backupNow', {});
      const target = path.join(stick, 'mediation-desk-backups');
      const copies = fs.readdirSync(target).filter((n) => n.endsWith('.sqlite'));
      expect(copies.length).toBeGreaterThan(0);
      for (const name of copies) expect(ledgerFileKind(path.join(target, name))).toBe('plain');
    } finally {
      await core.whenIdle();
      core.close();
    }
  }, 120_000);

  it('a new code starts it; afterwards every copy on the stick opens with that code alone', async () => {
    const { core, dir, stick } = await upgradedRoomWithStick();
    try {
      await core.whenIdle();
      const { recoveryCode } = await call<{ recoveryCode: string }>(
        core,
        'accounts.newRecoveryCode',
        { currentPassword: TEST_PASSWORD },
      );
      await core.whenIdle();
      const file = ledgerPaths(dir).ledgerFile;
      expect(ledgerFileKind(file)).toBe('encrypted');
      const status = await call<SystemStatus>(core, 'system.status', {});
      expect(status.encryption).toBeNull();
      expect(status.backup.recoveryKeySlot).toBe('PRESENT');

      await call(core, 'system.backupNow', {});
      const target = path.join(stick, 'mediation-desk-backups');
      const slots = fs.readdirSync(target).filter((n) => n.endsWith('.recovery.json'));
      expect(slots).toHaveLength(1);
      const key = await unwrapWithRecoveryCode(
        parseRecoveryKeySlot(fs.readFileSync(path.join(target, slots[0] as string), 'utf8')),
        // As typed at the restore dialog: the printed code, normalised by the API's field.
        recoveryCodeField.parse(recoveryCode),
      );
      const encrypted = fs
        .readdirSync(target)
        .filter(
          (n) => n.endsWith('.sqlite') && ledgerFileKind(path.join(target, n)) === 'encrypted',
        );
      expect(encrypted.length).toBeGreaterThan(0);
      for (const name of encrypted) {
        expect(caseCountWith(path.join(target, name), key)).toBeGreaterThan(0);
      }
    } finally {
      await core.whenIdle();
      core.close();
    }
  }, 120_000);

  it('a 审计核验 already running when the code is printed is waited out, not met by the checkpoint', async () => {
    // The verify holds its read transaction open at its first slice until the test lets it go.
    let reachedSlice!: () => void;
    const atSlice = new Promise<void>((resolve) => (reachedSlice = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const { core, dir } = await upgradedRoomWithStick({
      betweenAuditVerifySlices: () => {
        reachedSlice();
        return released;
      },
    });
    try {
      await core.whenIdle();
      const verified = core.dispatch('audit.verify', {});
      await atSlice;
      await call(core, 'accounts.newRecoveryCode', { currentPassword: TEST_PASSWORD });
      // Without the wait the conversion would be running by now (only settled promises lie
      // before its first step), and its checkpoint would fail against the open read.
      for (let i = 0; i < 3; i++) await new Promise<void>((resolve) => setImmediate(resolve));
      const waiting = await call<SystemStatus>(core, 'system.status', {});
      expect(waiting.encryption).toEqual({ state: 'WAITING' });
      expect(isPlainSqlite(ledgerPaths(dir).ledgerFile)).toBe(true);

      release();
      const answer = await verified;
      expect(answer.ok).toBe(true);
      await core.whenIdle();
      expect(ledgerFileKind(ledgerPaths(dir).ledgerFile)).toBe('encrypted');
      const status = await call<SystemStatus>(core, 'system.status', {});
      expect(status.encryption).toBeNull();
    } finally {
      release();
      await core.whenIdle();
      core.close();
    }
  }, 120_000);
});

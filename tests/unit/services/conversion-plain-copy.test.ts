import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ledgerFileKind } from '../../../db/ledger-cipher.js';
import type { EncryptionStep } from '../../../db/plain-ledger-encryption.js';
import type { SqliteJob } from '../../../db/sqlite-worker.js';
import type { SystemStatus } from '../../../domain/api/system-contract.js';
import { storageMessagesZhCN } from '../../../domain/messages/storage-zh-CN.js';
import type { AppCore } from '../../../electron/core/app-core.js';
import { intake } from './case-fixtures.js';
import { plainCopies } from '../support/conversion-checks.js';
import { openSignedInCore } from '../support/signed-in-core.js';
import { isPlainSqlite, plainRoomOfFile } from '../support/plain-room.js';

/** Every whole-file job the app hands its SQLite worker, in order (it still runs). */
const jobs = vi.hoisted(() => [] as { op: string; file: string; full?: boolean }[]);
vi.mock('../../../db/sqlite-worker.js', async (original) => {
  const real = await original<typeof import('../../../db/sqlite-worker.js')>();
  return {
    ...real,
    runSqliteJob: (job: SqliteJob, key?: Buffer | null) => {
      jobs.push({ op: job.op, file: job.file, ...(job.op === 'check' ? { full: job.full } : {}) });
      return real.runSqliteJob(job, key);
    },
  };
});

/**
 * Review s27 finding 5 and its Lows: a conversion that keeps failing does not add a full plain
 * copy per start, asks the disk first, is not held off by 审计核验, does not check the ledger
 * in full twice, and does not hold a quit.
 */
const day = (hour: number) => () => new Date(`2026-03-10T0${hour}:00:00Z`);

const room = plainRoomOfFile(day(1));

const statusOf = async (core: AppCore) =>
  ((await core.dispatch('system.status', {})) as { value: SystemStatus }).value;

async function start(
  dataDir: string,
  options: {
    now?: () => Date;
    encrypt?: boolean;
    afterEncryptionStep?: (step: EncryptionStep) => Promise<void> | void;
    freeBytes?: (dir: string) => number;
  } = {},
): Promise<AppCore> {
  const core = await openSignedInCore({
    dataDir,
    appVersion: 'test',
    now: options.now ?? day(2),
    encryptPlainLedger: options.encrypt ?? true,
    ...(options.afterEncryptionStep ? { afterEncryptionStep: options.afterEncryptionStep } : {}),
    ...(options.freeBytes ? { freeBytes: options.freeBytes } : {}),
  });
  await core.whenIdle();
  return core;
}

const failAt = (at: EncryptionStep) => (step: EncryptionStep) => {
  if (step === at) throw new Error(`stopped after ${step}`);
};

describe('the conversion’s plain copy', () => {
  it('is made once while the ledger does not change, and replaced (not added to) when it does', async () => {
    const dataDir = room.copy();
    const first = await start(dataDir, { now: day(2), afterEncryptionStep: failAt('checkpoint') });
    expect((await statusOf(first)).encryption?.state).toBe('FAILED');
    first.close();
    const made = plainCopies(dataDir);
    expect(made).toHaveLength(1);

    // The next start fails the same way: the same copy serves.
    const second = await start(dataDir, { now: day(3), afterEncryptionStep: failAt('checkpoint') });
    second.close();
    expect(plainCopies(dataDir)).toEqual(made);

    // A case saved since: a new copy, verified, and then the older one goes.
    const writer = await start(dataDir, { encrypt: false });
    expect((await writer.dispatch('cases.create', intake())).ok).toBe(true);
    await writer.whenIdle();
    writer.close();
    const third = await start(dataDir, { now: day(4), afterEncryptionStep: failAt('checkpoint') });
    third.close();
    const replaced = plainCopies(dataDir);
    expect(replaced).toHaveLength(1);
    expect(replaced[0]).not.toBe(made[0]);
    expect(isPlainSqlite(path.join(dataDir, 'backups', replaced[0]!))).toBe(true);

    const last = await start(dataDir, { now: day(5) });
    try {
      expect((await statusOf(last)).ledger).toMatchObject({ state: 'READY', encrypted: true });
      expect((await last.dispatch('cases.get', { caseId: room.caseId })).ok).toBe(true);
    } finally {
      last.close();
    }
  }, 180_000);

  it('waits, with the plain ledger in use, when the disk lacks 2.2 times the ledger', async () => {
    const dataDir = room.copy();
    const ledgerFile = path.join(dataDir, 'ledger', 'mediation-desk.sqlite');
    const needed = Math.ceil(fs.statSync(ledgerFile).size * 2.2);
    const core = await start(dataDir, { freeBytes: () => needed - 1 });
    try {
      const status = await statusOf(core);
      expect(status.ledger).toMatchObject({ state: 'READY', encrypted: false });
      expect(status.encryption).toMatchObject({ state: 'FAILED' });
      expect(
        status.encryption && 'message' in status.encryption && status.encryption.message,
      ).toMatch(/^台账暂未转为加密保存：磁盘可用空间不足/);
      expect(plainCopies(dataDir)).toEqual([]);
      expect(ledgerFileKind(ledgerFile)).toBe('plain');
      expect((await core.dispatch('cases.create', intake())).ok).toBe(true);
      await core.whenIdle();
    } finally {
      core.close();
    }
  }, 60_000);

  it('asks only 1.1 times the ledger when its earlier plain copy is used again', async () => {
    const dataDir = room.copy();
    const first = await start(dataDir, { now: day(2), afterEncryptionStep: failAt('checkpoint') });
    first.close();
    const made = plainCopies(dataDir);
    expect(made).toHaveLength(1);

    // Room for the staging file, not for another copy beside it.
    const ledgerFile = path.join(dataDir, 'ledger', 'mediation-desk.sqlite');
    const sizeOf = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size : 0);
    const asked: number[] = [];
    const freeBytes = () => {
      const free = Math.ceil((sizeOf(ledgerFile) + sizeOf(`${ledgerFile}-wal`)) * 1.5);
      asked.push(free);
      return free;
    };
    const second = await start(dataDir, { now: day(3), freeBytes });
    try {
      expect(asked).toHaveLength(1);
      expect((await statusOf(second)).encryption).toBeNull();
      expect(ledgerFileKind(ledgerFile)).toBe('encrypted');
      expect(plainCopies(dataDir)).toEqual(made);
    } finally {
      second.close();
    }
  }, 120_000);

  it('does not check the ledger in full again after its start-up check; the copy is checked', async () => {
    const dataDir = room.copy();
    jobs.length = 0;
    const core = await start(dataDir);
    try {
      expect((await statusOf(core)).ledger).toMatchObject({ encrypted: true });
      const ledgerFile = core.ledger.paths.ledgerFile;
      const onLedger = jobs.filter((j) => j.op === 'check' && j.file === ledgerFile);
      // The start-up check of the plain ledger, then that of the encrypted one after the swap.
      expect(onLedger.map((j) => j.full)).toEqual([false, false]);
      const copy = path.join(dataDir, 'backups', plainCopies(dataDir)[0]!);
      expect(jobs.filter((j) => j.op === 'check' && j.file === `${copy}.partial`)).toEqual([
        { op: 'check', file: `${copy}.partial`, full: true },
      ]);
    } finally {
      core.close();
    }
  }, 60_000);
});

describe('while the conversion waits or runs', () => {
  it('审计核验 is refused with a clear code', async () => {
    const dataDir = room.copy();
    let release: () => void = () => undefined;
    let verify: unknown = null;
    let core: AppCore | null = null;
    core = await openSignedInCore({
      dataDir,
      appVersion: 'test',
      now: day(2),
      encryptPlainLedger: true,
      afterEncryptionStep: async (step) => {
        if (step !== 'rekey' || !core) return;
        verify = await core.dispatch('audit.verify', {});
        await new Promise<void>((resolve) => (release = resolve));
      },
    });
    try {
      await vi.waitUntil(() => verify !== null, { timeout: 120_000, interval: 20 });
      expect(verify).toMatchObject({
        ok: false,
        error: {
          code: 'LEDGER_ENCRYPTING',
          message: storageMessagesZhCN.auditVerifyWhileEncrypting,
        },
      });
      release();
      await core.whenIdle();
      expect((await core.dispatch('audit.verify', {})).ok).toBe(true);
    } finally {
      release();
      await core.whenIdle();
      core.close();
    }
  }, 150_000);

  it('quitting stops it at its next step: no copy, no staging file, the plain ledger as it was', async () => {
    const dataDir = room.copy();
    const steps: EncryptionStep[] = [];
    let opened: (core: AppCore) => void = () => undefined;
    const ready = new Promise<AppCore>((resolve) => (opened = resolve));
    const core = await openSignedInCore({
      dataDir,
      appVersion: 'test',
      now: day(2),
      encryptPlainLedger: true,
      afterEncryptionStep: async (step) => {
        steps.push(step);
        // As the core's shutdown does, while the conversion is on its way.
        if (step === 'key') (await ready).ledger.stopEncryption();
      },
    });
    opened(core);
    await core.whenIdle();
    try {
      expect(steps).toEqual(['key']);
      expect((await statusOf(core)).encryption).toBeNull();
      expect(plainCopies(dataDir)).toEqual([]);
      const file = core.ledger.paths.ledgerFile;
      expect(ledgerFileKind(file)).toBe('plain');
      expect(fs.existsSync(`${file}.encrypting`)).toBe(false);
    } finally {
      core.close();
    }
  }, 60_000);
});

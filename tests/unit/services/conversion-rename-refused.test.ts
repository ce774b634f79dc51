import fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ledgerFileKind } from '../../../db/ledger-cipher.js';
import { RENAME_TRIES } from '../../../db/rename-retry.js';
import type { SystemStatus } from '../../../domain/api/system-contract.js';
import { storageMessagesZhCN } from '../../../domain/messages/storage-zh-CN.js';
import type { AppCore } from '../../../electron/core/app-core.js';
import { openSignedInCore } from '../support/signed-in-core.js';
import { plainRoomOfFile } from '../support/plain-room.js';

/**
 * Review s27 finding 7: Windows (Defender, a sync client) refuses a rename of a file just
 * written, for a moment. The conversion's renames try again with growing waits; a refusal that
 * outlasts them says to restart, never that the plain ledger is still in use.
 */
const now = () => new Date('2026-03-10T02:00:00Z');

const room = plainRoomOfFile(now);
afterEach(() => vi.restoreAllMocks());

const statusOf = async (core: AppCore) =>
  ((await core.dispatch('system.status', {})) as { value: SystemStatus }).value;

/** renameSync refuses `refusals` times (EPERM) for the encrypted copy going into place. */
function refuseSwap(refusals: number): { refused: () => number } {
  const real = fs.renameSync.bind(fs);
  let refused = 0;
  vi.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
    if (String(from).endsWith('.encrypting') && refused < refusals) {
      refused += 1;
      throw Object.assign(new Error('EPERM: operation not permitted, rename'), { code: 'EPERM' });
    }
    real(from, to);
  });
  return { refused: () => refused };
}

async function convert(dataDir: string, waits: number[]): Promise<AppCore> {
  return openSignedInCore({
    dataDir,
    appVersion: 'test',
    now,
    encryptPlainLedger: true,
    renameRetry: { sleep: async (ms) => void waits.push(ms) },
  });
}

describe('a rename refused for a moment during the conversion', () => {
  it('is tried again with growing waits, and the conversion finishes', async () => {
    const dataDir = room.copy();
    const spy = refuseSwap(3);
    const waits: number[] = [];
    const core = await convert(dataDir, waits);
    try {
      await core.whenIdle();
      expect(spy.refused()).toBe(3);
      expect(waits).toEqual([45, 90, 135]);
      const status = await statusOf(core);
      expect(status.ledger).toMatchObject({ state: 'READY', encrypted: true });
      expect(status.encryption).toBeNull();
      expect((await core.dispatch('cases.get', { caseId: room.caseId })).ok).toBe(true);
    } finally {
      core.close();
    }
  }, 60_000);

  it('refused throughout: says to restart (not "still in use, plain"), and the restart finishes it', async () => {
    const dataDir = room.copy();
    const spy = refuseSwap(Number.MAX_SAFE_INTEGER);
    const waits: number[] = [];
    const core = await convert(dataDir, waits);
    try {
      await core.whenIdle();
      // The swap's tries, then the settle's.
      expect(spy.refused()).toBe(2 * RENAME_TRIES);
      expect(waits.reduce((a, b) => a + b, 0)).toBe(
        2 * 45 * ((RENAME_TRIES * (RENAME_TRIES - 1)) / 2),
      );
      const status = await statusOf(core);
      expect(status.ledger.state).toBe('UNAVAILABLE');
      expect(status.encryption).toMatchObject({
        state: 'FAILED',
        message: storageMessagesZhCN.encryptionNeedsRestart,
      });
    } finally {
      core.close();
    }
    vi.restoreAllMocks();
    const restarted = await convert(dataDir, []);
    try {
      await restarted.whenIdle();
      const status = await statusOf(restarted);
      expect(status.ledger).toMatchObject({ state: 'READY', encrypted: true });
      expect(ledgerFileKind(restarted.ledger.paths.ledgerFile)).toBe('encrypted');
      expect((await restarted.dispatch('cases.get', { caseId: room.caseId })).ok).toBe(true);
    } finally {
      restarted.close();
    }
  }, 90_000);
});

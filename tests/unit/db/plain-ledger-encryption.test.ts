import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ledgerFileKind } from '../../../db/ledger-cipher.js';
import { ledgerPaths } from '../../../db/ledger-files.js';
import { openLedger } from '../../../db/ledger-store.js';
import { MIGRATIONS } from '../../../db/migrations/index.js';
import {
  ENCRYPTION_STEPS,
  encryptPlainLedger,
  plainAsides,
  type EncryptionStep,
} from '../../../db/plain-ledger-encryption.js';
import type { CaseDetail } from '../../../domain/cases/case-views.js';
import type { SystemStatus } from '../../../domain/api/system-contract.js';
import { intake } from '../services/case-fixtures.js';
import { openSignedInCore } from '../support/signed-in-core.js';
import { plainRoomOfFile, PLAIN_ROOM_APPLICANT } from '../support/plain-room.js';

const now = () => new Date('2026-03-10T02:00:00Z');

class Crash extends Error {}

const room = plainRoomOfFile(now);

/**
 * Stops the conversion after `stop` as a crash would: the throw skips every clean-up the app
 * would do, and the writer is only closed (as the dying process's descriptors are).
 */
async function stopAfter(dataDir: string, stop: EncryptionStep): Promise<void> {
  const paths = ledgerPaths(dataDir);
  const opened = await openLedger(paths, { migrations: MIGRATIONS, now });
  if (opened.state !== 'READY') throw new Error(opened.state);
  const db = opened.db;
  try {
    await expect(
      encryptPlainLedger({
        paths,
        db,
        now,
        closeWriter: () => db.close(),
        afterStep: (step) => {
          if (step === stop) throw new Crash(step);
        },
      }),
    ).rejects.toBeInstanceOf(Crash);
  } finally {
    if (db.open) db.close();
  }
}

describe('converting a plain ledger: a stop between any two steps ends in a working ledger', () => {
  it.each(ENCRYPTION_STEPS.map((step, k) => [k + 1, step] as const))(
    'stopped after step %i (%s), the next start has every case, plain or encrypted',
    async (k, step) => {
      const dataDir = room.copy();
      await stopAfter(dataDir, step);

      const core = await openSignedInCore({ dataDir, appVersion: 'test', now });
      try {
        await core.whenIdle();
        const status = (await core.dispatch('system.status', {})) as { value: SystemStatus };
        // The plain ledger is the ledger until it is moved aside; from then on the verified
        // encrypted copy is.
        const encrypted = k > ENCRYPTION_STEPS.indexOf('close') + 1;
        expect(status.value.ledger).toMatchObject({ state: 'READY', encrypted });
        const file = core.ledger.paths.ledgerFile;
        expect(ledgerFileKind(file)).toBe(encrypted ? 'encrypted' : 'plain');
        expect(core.ledger.db().prepare('SELECT count(*) FROM case_file').pluck().get()).toBe(1);
        const read = await core.dispatch('cases.get', { caseId: room.caseId });
        expect(read.ok).toBe(true);
        const detail = (read as { value: CaseDetail }).value;
        expect(detail.parties.map((p) => p.name)).toContain(PLAIN_ROOM_APPLICANT);
        // Nothing half-made is left, and the ledger takes writes again.
        const names = fs.readdirSync(path.dirname(file));
        expect(names.filter((n) => n.includes('.encrypting'))).toEqual([]);
        expect(plainAsides(core.ledger.paths).length > 0).toBe(encrypted);
        expect((await core.dispatch('cases.create', intake())).ok).toBe(true);
        if (encrypted) {
          expect(fs.readFileSync(file).includes(Buffer.from(PLAIN_ROOM_APPLICANT))).toBe(false);
        }
        await core.whenIdle();
      } finally {
        core.close();
      }
    },
    60_000,
  );
});

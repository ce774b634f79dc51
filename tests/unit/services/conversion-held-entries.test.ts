import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBackupName } from '../../../db/backup-rotation.js';
import { ok } from '../support/envelope.js';
import { entriesOf, statusOf, verified } from '../support/conversion-checks.js';
import { openHeldAfterCopy } from '../support/conversion-hold.js';
import { plainRoomOfFile } from '../support/plain-room.js';
import {
  actorOf,
  confirmedRestore,
  linkMediatorAccount,
  openSignedInCore,
  signInVia,
  TEST_PEOPLE,
} from '../support/signed-in-core.js';

// Review s29 S7: chain entries written by calls that run while the plain ledger is converted
// (the case door's refusal, a restore's record) wait for the conversion and land in the
// encrypted ledger, rather than stopping the conversion or being left out.

const now = () => new Date('2026-03-10T02:00:00Z');
const room = plainRoomOfFile(now);

describe('entries made while the plain ledger is converted (review s29 S7)', () => {
  it('a case-door refusal between the copy and the swap is in the encrypted ledger’s chain', async () => {
    const dataDir = room.copy();
    // A 调解员 linked to a profile with no cases, made while the ledger is still plain.
    const plain = await openSignedInCore({ dataDir, appVersion: 'test', now });
    try {
      await linkMediatorAccount(plain.dispatch);
      await plain.whenIdle();
    } finally {
      plain.close();
    }

    const { core, release } = await openHeldAfterCopy(dataDir, now);
    try {
      // the copy is made: a write through the writer now would be missing from it
      await signInVia(core.dispatch, 'MEDIATOR');
      const refused = await core.dispatch('cases.get', { caseId: room.caseId });
      expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_OWN_CASE' } });
      release();
      await core.whenIdle();

      expect((await statusOf(core)).ledger).toMatchObject({ state: 'READY', encrypted: true });
      await signInVia(core.dispatch, 'DIRECTOR');
      const tries = await entriesOf(core, 'CASE_REFUSED');
      expect(tries).toHaveLength(1);
      expect(tries[0]).toMatchObject({ caseId: room.caseId, actor: actorOf('MEDIATOR') });
      expect(JSON.parse(tries[0]?.detail ?? '{}')).toEqual({
        method: 'cases.get',
        refused: 'NOT_OWN_CASE',
        heldFrom: now().toISOString(),
      });
      expect((await verified(core)).verdict).toBe('OK');
      await core.whenIdle();
    } finally {
      core.close();
    }
  }, 90_000);

  it('a plain backup restored in an encrypted room gets its RESTORE entry once it is converted', async () => {
    const core = await openSignedInCore({
      dataDir: room.copy(),
      appVersion: 'test',
      now,
      encryptPlainLedger: true,
    });
    try {
      await core.whenIdle();
      expect((await statusOf(core)).ledger).toMatchObject({ encrypted: true });
      const plainCopy = fs
        .readdirSync(core.ledger.paths.backupDir)
        .find((name) => parseBackupName(name)?.slot.startsWith('plain-to-encrypted-'));
      expect(plainCopy).toBeDefined();
      await ok(
        core.dispatch(
          'system.restoreBackup',
          await confirmedRestore(core.dispatch, plainCopy ?? 'none'),
        ),
      );
      // the restored plain ledger is converted at once; the entry waits for it
      expect(core.ledger.converting).toBe(true);
      await core.whenIdle();

      expect((await statusOf(core)).ledger).toMatchObject({ state: 'READY', encrypted: true });
      const restores = await entriesOf(core, 'RESTORE');
      expect(restores).toHaveLength(1);
      expect(restores[0]?.actor).toBe(actorOf('DIRECTOR'));
      expect(JSON.parse(restores[0]?.detail ?? '{}')).toMatchObject({
        fileName: plainCopy,
        witness: { name: TEST_PEOPLE.ADMIN.displayName },
        heldFrom: now().toISOString(),
      });
      expect((await verified(core)).verdict).toBe('OK');
      await core.whenIdle();
    } finally {
      core.close();
    }
  }, 120_000);
});

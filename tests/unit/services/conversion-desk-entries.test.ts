import { describe, expect, it, vi } from 'vitest';
import type { AuditEvent } from '../../../db/audit/audit-log.js';
import type { AppCore } from '../../../electron/core/app-core.js';
import { HELD_ENTRY_LIMIT } from '../../../electron/services/held-audit-entries.js';
import { ok } from '../support/envelope.js';
import { entriesOf, plainCopies, statusOf, verified } from '../support/conversion-checks.js';
import type { AuditEntryView } from '../../../domain/audit/audit-views.js';
import { openHeldAfterCopy } from '../support/conversion-hold.js';
import { plainRoomOfFile } from '../support/plain-room.js';
import {
  actorOf,
  linkMediatorAccount,
  openSignedInCore,
  signInVia,
  TEST_PEOPLE,
} from '../support/signed-in-core.js';

// Review s30 RS1: the desk's own entries (sign-in, failed sign-ins, sign-out) made while the
// plain ledger is converted reach the chain of whichever ledger comes out of it, with their
// maker and time; a failed append keeps them; a flood of them is bounded.

/** Set by a test: the next append of a held entry throws (a busy or full disk), once. */
const failHeldAppend = vi.hoisted(() => ({ once: false }));
vi.mock('../../../db/audit/audit-log.js', async (original) => {
  const real = await original<typeof import('../../../db/audit/audit-log.js')>();
  return {
    ...real,
    appendAuditEvent: (...args: Parameters<typeof real.appendAuditEvent>) => {
      const event: AuditEvent = args[1];
      if (failHeldAppend.once && event.detail && 'heldFrom' in event.detail) {
        failHeldAppend.once = false;
        throw new Error('SQLITE_FULL: database or disk is full');
      }
      return real.appendAuditEvent(...args);
    },
  };
});

const now = () => new Date('2026-03-10T02:00:00Z');
const room = plainRoomOfFile(now);

const detailOf = (entry: AuditEntryView | undefined): Record<string, unknown> =>
  JSON.parse(entry?.detail ?? '{}') as Record<string, unknown>;

/** A plain room with a linked 调解员 (made before any conversion), and its account id. */
async function roomWithMediator(): Promise<{ dataDir: string; mediatorAccount: number }> {
  const dataDir = room.copy();
  const plain = await openSignedInCore({ dataDir, appVersion: 'test', now });
  try {
    await linkMediatorAccount(plain.dispatch);
    const accounts = await ok<{ id: number; loginName: string }[]>(
      plain.dispatch('accounts.list', {}),
    );
    const mediator = accounts.find((a) => a.loginName === TEST_PEOPLE.MEDIATOR.loginName);
    await plain.whenIdle();
    return { dataDir, mediatorAccount: mediator?.id ?? -1 };
  } finally {
    plain.close();
  }
}

/** While held: the 调解员 signs in, two wrong passwords (a known and an unknown name), signs out. */
async function deskEntriesWhileHeld(core: AppCore): Promise<void> {
  await signInVia(core.dispatch, 'MEDIATOR');
  const wrong = await core.dispatch('accounts.signIn', {
    loginName: TEST_PEOPLE.MEDIATOR.loginName,
    password: 'not-the-password',
  });
  expect(wrong).toMatchObject({ ok: false });
  const unknown = await core.dispatch('accounts.signIn', {
    loginName: 'nobody-here',
    password: 'not-the-password',
  });
  expect(unknown).toMatchObject({ ok: false });
  await signInVia(core.dispatch, 'MEDIATOR');
  await ok(core.dispatch('accounts.signOut', {}));
}

async function expectDeskEntries(core: AppCore, mediatorAccount: number): Promise<void> {
  const heldFrom = now().toISOString();
  const signIns = (await entriesOf(core, 'SIGN_IN')).filter((e) => detailOf(e).heldFrom);
  // the 调解员's two, besides the director's (signInVia's first step, and at each start)
  expect(signIns.filter((e) => e.actor === actorOf('MEDIATOR'))).toHaveLength(2);
  expect(signIns.some((e) => e.actor === actorOf('DIRECTOR'))).toBe(true);
  const failed = (await entriesOf(core, 'SIGN_IN_FAILED')).map(detailOf);
  expect(failed).toEqual(
    expect.arrayContaining([
      { account: mediatorAccount, heldFrom },
      { account: null, heldFrom },
    ]),
  );
  expect(failed).toHaveLength(2);
  const signOuts = await entriesOf(core, 'SIGN_OUT');
  expect(signOuts.filter((e) => detailOf(e).heldFrom).map((e) => e.actor)).toEqual([
    actorOf('MEDIATOR'),
  ]);
  expect((await verified(core)).verdict).toBe('OK');
}

describe('the desk’s own entries while the plain ledger is converted (review s30 RS1)', () => {
  it('land in the encrypted ledger’s chain, with their maker and time', async () => {
    const { dataDir, mediatorAccount } = await roomWithMediator();
    const { core, release } = await openHeldAfterCopy(dataDir, now);
    try {
      await deskEntriesWhileHeld(core);
      expect(core.ledger.heldEntryCount).toBeGreaterThan(0);
      release();
      await core.whenIdle();
      expect(core.ledger.heldEntryCount).toBe(0);
      expect((await statusOf(core)).ledger).toMatchObject({ state: 'READY', encrypted: true });
      await signInVia(core.dispatch, 'DIRECTOR');
      await expectDeskEntries(core, mediatorAccount);
      await core.whenIdle();
    } finally {
      release();
      core.close();
    }
  }, 120_000);

  it('land in the plain ledger after a failed conversion, whose plain copy the next start uses again', async () => {
    const { dataDir, mediatorAccount } = await roomWithMediator();
    const { core, release } = await openHeldAfterCopy(dataDir, now, 'verify');
    try {
      await deskEntriesWhileHeld(core);
      release();
      await core.whenIdle();
      expect((await statusOf(core)).encryption?.state).toBe('FAILED');
      expect((await statusOf(core)).ledger).toMatchObject({ state: 'READY', encrypted: false });
      expect(core.ledger.heldEntryCount).toBe(0);
      // Read without signing in: a sign-in now writes its row (last_sign_in_at), a row change
      // after which the copy is rightly not used again.
      const held = core.ledger
        .db()
        .prepare("SELECT count(*) FROM audit_log WHERE detail LIKE '%heldFrom%' AND tbl IS NULL")
        .pluck()
        .get();
      expect(held).toBe(8);
      await core.whenIdle();
    } finally {
      release();
      core.close();
    }
    const made = plainCopies(dataDir);
    expect(made).toHaveLength(1);

    // The rows are as the copy has them (only entries that record no row came after its head).
    // a day later: a new copy would have another name
    const next = await openSignedInCore({
      dataDir,
      appVersion: 'test',
      now: () => new Date('2026-03-11T02:00:00Z'),
      encryptPlainLedger: true,
    });
    try {
      await next.whenIdle();
      expect((await statusOf(next)).ledger).toMatchObject({ state: 'READY', encrypted: true });
      expect(plainCopies(dataDir)).toEqual(made);
      await expectDeskEntries(next, mediatorAccount);
      await next.whenIdle();
    } finally {
      next.close();
    }
  }, 180_000);

  it('an append of the held entries that fails keeps them; the next entry brings them in', async () => {
    const { dataDir, mediatorAccount } = await roomWithMediator();
    const { core, release } = await openHeldAfterCopy(dataDir, now);
    try {
      await deskEntriesWhileHeld(core);
      const held = core.ledger.heldEntryCount;
      failHeldAppend.once = true;
      release();
      await core.whenIdle();
      expect(failHeldAppend.once).toBe(false);
      expect((await statusOf(core)).ledger).toMatchObject({ state: 'READY', encrypted: true });
      expect(core.ledger.heldEntryCount).toBe(held);

      // the director's sign-in is the next entry: the held ones go in first
      await signInVia(core.dispatch, 'DIRECTOR');
      expect(core.ledger.heldEntryCount).toBe(0);
      await expectDeskEntries(core, mediatorAccount);
      await core.whenIdle();
    } finally {
      failHeldAppend.once = false;
      release();
      core.close();
    }
  }, 120_000);

  it('a flood of refusals is bounded: beyond the limit, one of the same maker and action is counted', async () => {
    const { dataDir } = await roomWithMediator();
    const { core, release } = await openHeldAfterCopy(dataDir, now);
    try {
      await signInVia(core.dispatch, 'MEDIATOR');
      const before = core.ledger.heldEntryCount;
      const refusals = HELD_ENTRY_LIMIT + 5;
      for (let i = 0; i < refusals; i++) {
        const refused = await core.dispatch('cases.get', { caseId: room.caseId });
        expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_OWN_CASE' } });
      }
      expect(core.ledger.heldEntryCount).toBe(HELD_ENTRY_LIMIT);
      // another action (or maker) beyond the limit still gets its own entry
      await ok(core.dispatch('accounts.signOut', {}));
      expect(core.ledger.heldEntryCount).toBe(HELD_ENTRY_LIMIT + 1);
      await signInVia(core.dispatch, 'DIRECTOR');
      release();
      await core.whenIdle();
      expect(core.ledger.heldEntryCount).toBe(0);

      const kept = HELD_ENTRY_LIMIT - before;
      const entries = core.ledger
        .db()
        .prepare("SELECT actor, detail FROM audit_log WHERE action = 'CASE_REFUSED' ORDER BY seq")
        .all() as { actor: string; detail: string }[];
      expect(entries).toHaveLength(kept);
      expect(entries.every((e) => e.actor === actorOf('MEDIATOR'))).toBe(true);
      const details = entries.map((e) => JSON.parse(e.detail) as Record<string, unknown>);
      expect(details.slice(0, -1).every((d) => d.moreNotKept === undefined)).toBe(true);
      expect(details.at(-1)).toMatchObject({
        refused: 'NOT_OWN_CASE',
        moreNotKept: refusals - kept,
        // the case the counted refusals touched is named once (review AH2)
        moreCaseIds: [room.caseId],
      });
      expect((await verified(core)).verdict).toBe('OK');
      await core.whenIdle();
    } finally {
      release();
      core.close();
    }
  }, 180_000);
});

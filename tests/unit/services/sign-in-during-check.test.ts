import { afterEach, describe, expect, it, vi } from 'vitest';
import { ledgerPaths } from '../../../db/ledger-files.js';
import type { ApiEnvelope } from '../../../domain/api/errors.js';
import type { AppCore } from '../../../electron/core/app-core.js';
import { pagesOf, smashCellPointers } from '../support/page-damage.js';
import {
  actorOf,
  openSignedInCore,
  TEST_PASSWORD,
  TEST_PEOPLE,
} from '../support/signed-in-core.js';
import { tempDir } from '../support/temp-dir.js';
import { roomWithCases } from './case-fixtures.js';

// The morning's sign-in no longer waits for the ledger's start-up check (~2 s at 100,000 cases,
// in front of the first search): the password is checked at once, and only what depends on the
// check's verdict waits for it. The real check runs behind a gate the test opens, so "still
// checking" is a state, not a race.

const gate = vi.hoisted(() => {
  let release: () => void = () => undefined;
  let closed: Promise<void> | null = null;
  return {
    close() {
      closed = new Promise<void>((resolve) => (release = resolve));
    },
    open() {
      release();
      closed = null;
    },
    passed: () => closed ?? Promise.resolve(),
  };
});

vi.mock('../../../db/backup.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../db/backup.js')>();
  return {
    ...real,
    checkLedgerFile: async (...args: Parameters<typeof real.checkLedgerFile>) => {
      await gate.passed();
      return real.checkLedgerFile(...args);
    },
  };
});

const DIRECTOR = TEST_PEOPLE.DIRECTOR;

const signIn = (core: AppCore, password: string) =>
  core.dispatch('accounts.signIn', { loginName: DIRECTOR.loginName, password });

async function ok<T>(res: Promise<ApiEnvelope<unknown>>): Promise<T> {
  const r = await res;
  if (!r.ok) throw new Error(`${r.error.code} ${r.error.message}`);
  return r.value as T;
}

const entries = (core: AppCore, action: string) =>
  core.ledger
    .db()
    .prepare('SELECT actor FROM audit_log WHERE tbl IS NULL AND action = ? ORDER BY seq')
    .pluck()
    .all(action) as string[];

const failedCount = (core: AppCore) =>
  core.ledger
    .db()
    .prepare('SELECT failed_count FROM desk_account WHERE login_name = ?')
    .pluck()
    .get(DIRECTOR.loginName) as number;

/** A set-up room, closed: its folder. */
async function setUpRoom(): Promise<string> {
  const dataDir = tempDir('check-signin');
  (await openSignedInCore({ dataDir, appVersion: 'test' })).close();
  return dataDir;
}

/** The room opened again with its start-up check held at the gate, nobody signed in. */
function reopenWhileChecking(dataDir: string): Promise<AppCore> {
  gate.close();
  return openSignedInCore({
    dataDir,
    appVersion: 'test',
    room: 'none',
    log: { error: () => undefined },
  });
}

describe('signing in while the start-up check runs', () => {
  afterEach(() => gate.open());

  it('admits the right password at once and writes its entry once the ledger is known intact', async () => {
    const core = await reopenWhileChecking(await setUpRoom());
    try {
      const before = entries(core, 'SIGN_IN').length;
      // Before this change the call waited for the check, which waits for the gate: it would
      // never answer here (the test times out).
      await ok(signIn(core, TEST_PASSWORD));
      expect(core.ledger.checking).toBe(true);
      expect(core.desk.user?.loginName).toBe(DIRECTOR.loginName);
      await ok(core.dispatch('cases.search', {}));
      // nothing written before the verdict: the entry is held, and so is any made after it,
      // so the chain keeps their order (review s33 SE1)
      expect(entries(core, 'SIGN_IN')).toHaveLength(before);
      expect(core.ledger.heldEntryCount).toBe(1);
      gate.open();
      await core.ledger.whenChecked();
      const after = entries(core, 'SIGN_IN');
      expect(after).toHaveLength(before + 1);
      expect(after.at(-1)).toBe(actorOf('DIRECTOR'));
      expect(core.ledger.heldEntryCount).toBe(0);
    } finally {
      gate.open();
      core.close();
    }
  });

  it('counts a wrong password in the account’s row after the verdict', async () => {
    const core = await reopenWhileChecking(await setUpRoom());
    try {
      const refused = signIn(core, 'wrong-password');
      gate.open();
      expect(await refused).toMatchObject({ ok: false, error: { code: 'SIGN_IN_FAILED' } });
      expect(failedCount(core)).toBe(1);
      expect(entries(core, 'SIGN_IN_FAILED')).toHaveLength(1);
    } finally {
      gate.open();
      core.close();
    }
  });

  it('waits for the verdict when a backoff in the row would refuse: a damaged ledger ignores it', async () => {
    const dataDir = tempDir('check-signin');
    const setUp = (await roomWithCases(dataDir)).core;
    // five wrong guesses: the row says wait 30 s (the desk's clock stands still in these tests)
    for (let i = 0; i < 5; i += 1)
      await setUp.dispatch('accounts.signIn', {
        loginName: DIRECTOR.loginName,
        password: 'wrong-password',
      });
    expect(failedCount(setUp)).toBe(5);
    setUp.close();
    const file = ledgerPaths(dataDir).ledgerFile;
    smashCellPointers(file, pagesOf(file, 'party', 'leaf')[0]!);

    const core = await reopenWhileChecking(dataDir);
    try {
      expect(core.ledger.checking).toBe(true);
      const answer = signIn(core, TEST_PASSWORD);
      gate.open();
      // The check finds the damage: failures then count in memory (none yet), as when the
      // sign-in came after the check. Read from the row during the check, it would be refused.
      await ok(answer);
      expect(core.ledger.damaged).toBe(true);
      expect(core.desk.user?.loginName).toBe(DIRECTOR.loginName);
    } finally {
      gate.open();
      core.close();
    }
  });
});

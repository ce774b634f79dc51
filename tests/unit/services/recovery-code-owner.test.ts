import { describe, expect, it } from 'vitest';
import type { SetUpResult } from '../../../domain/api/accounts-contract.js';
import type { ApiEnvelope } from '../../../domain/api/errors.js';
import type { AppCore } from '../../../electron/core/app-core.js';
import {
  openSignedInCore,
  signInVia,
  TEST_PASSWORD,
  TEST_PEOPLE,
} from '../support/signed-in-core.js';
import { tempDir } from '../support/temp-dir.js';

// Review finding 5: the recovery code belongs to the director it was printed for. It resets only
// that account, only while it is an active director; a director can replace it (their password
// again, with the sign-in's backoff), and the old one dies. Through the real dispatcher.

const A = TEST_PEOPLE.DIRECTOR;
const B = { loginName: 'gongbu', displayName: '贡布' };
const NEW_PASSWORD = 'new-pass-2026';

async function ok<T>(res: Promise<ApiEnvelope<unknown>>): Promise<T> {
  const r = await res;
  if (!r.ok) throw new Error(`${r.error.code} ${r.error.message}`);
  return r.value as T;
}

const errorOf = async (res: Promise<ApiEnvelope<unknown>>) => {
  const r = await res;
  return r.ok ? null : r.error;
};

const recover = (core: AppCore, recoveryCode: string) =>
  core.dispatch('accounts.recover', { recoveryCode, newPassword: NEW_PASSWORD });

const signIn = (core: AppCore, loginName: string, password = TEST_PASSWORD) =>
  core.dispatch('accounts.signIn', { loginName, password });

/** Director A sets the desk up (keeping the printed code) and makes a second director, B. */
async function deskOfTwoDirectors(): Promise<{ core: AppCore; codeOfA: string; idOfA: number }> {
  // the desk's clock stands still (the factory's default): a backoff lasts the whole test
  const core = await openSignedInCore({
    dataDir: tempDir('recovery-owner'),
    appVersion: 'test',
    room: 'none',
  });
  const made = await ok<SetUpResult>(
    core.dispatch('accounts.setUp', { ...A, password: TEST_PASSWORD }),
  );
  await ok(core.dispatch('accounts.create', { ...B, role: 'DIRECTOR', password: TEST_PASSWORD }));
  return { core, codeOfA: made.recoveryCode, idOfA: made.session.user!.id };
}

describe('the recovery code belongs to its director', () => {
  it('a director who left cannot take over the one who directs now', async () => {
    const { core, codeOfA, idOfA } = await deskOfTwoDirectors();
    try {
      await ok(signIn(core, B.loginName));
      await ok(core.dispatch('accounts.update', { id: idOfA, disabled: true }));
      await ok(core.dispatch('accounts.signOut', {}));

      expect(await errorOf(recover(core, codeOfA))).toMatchObject({
        code: 'INVALID_STATE',
        message: expect.stringContaining('打印新的恢复码'),
      });
      expect(core.desk.user).toBeNull();
      // nobody's password changed: B still signs in with their own
      await ok(signIn(core, B.loginName));
    } finally {
      core.close();
    }
  });

  it('resets only its own director, and not once they are no longer a director', async () => {
    const { core, codeOfA, idOfA } = await deskOfTwoDirectors();
    try {
      await ok(core.dispatch('accounts.signOut', {}));
      const recovered = await ok<SetUpResult>(recover(core, codeOfA));
      expect(recovered.session.user).toMatchObject({ id: idOfA, loginName: A.loginName });
      await ok(signIn(core, B.loginName)); // B's password untouched

      // A's new code, then A is made a mediator by B: the code no longer resets anyone
      await ok(core.dispatch('accounts.update', { id: idOfA, role: 'MEDIATOR' }));
      await ok(core.dispatch('accounts.signOut', {}));
      expect(await errorOf(recover(core, recovered.recoveryCode))).toMatchObject({
        code: 'INVALID_STATE',
      });
    } finally {
      core.close();
    }
  });

  it('a director prints a new code: their password again, the old code dead, the new one theirs', async () => {
    const { core, codeOfA } = await deskOfTwoDirectors();
    try {
      await ok(signIn(core, B.loginName));
      expect(
        await errorOf(core.dispatch('accounts.newRecoveryCode', { currentPassword: 'wrong-pass' })),
      ).toMatchObject({ code: 'BAD_INPUT', message: '当前密码不正确' });
      const fresh = await ok<{ recoveryCode: string }>(
        core.dispatch('accounts.newRecoveryCode', { currentPassword: TEST_PASSWORD }),
      );
      expect(fresh.recoveryCode).toMatch(/^([2-9A-HJKMNP-Z]{4}-){5}[2-9A-HJKMNP-Z]{4}$/);
      // recorded, under B's name
      const entries = core.ledger
        .db()
        .prepare("SELECT actor, detail FROM audit_log WHERE action = 'RECOVERY_CODE_NEW'")
        .all() as { actor: string; detail: string }[];
      const idOfB = core.desk.user!.id;
      expect(entries).toEqual([
        { actor: `贡布（调委会主任）`, detail: JSON.stringify({ account: idOfB }) },
      ]);
      await ok(core.dispatch('accounts.signOut', {}));

      expect(await errorOf(recover(core, codeOfA))).toMatchObject({ code: 'SIGN_IN_FAILED' });
      const recovered = await ok<SetUpResult>(recover(core, fresh.recoveryCode));
      expect(recovered.session.user).toMatchObject({ id: idOfB, loginName: B.loginName });
    } finally {
      core.close();
    }
  });

  it('is the director’s alone, and backs off wrong passwords as sign-in does', async () => {
    const { core } = await deskOfTwoDirectors();
    try {
      await signInVia(core.dispatch, 'ADMIN');
      expect(
        await errorOf(
          core.dispatch('accounts.newRecoveryCode', { currentPassword: TEST_PASSWORD }),
        ),
      ).toMatchObject({ code: 'FORBIDDEN' });

      await ok(signIn(core, B.loginName));
      for (let i = 0; i < 5; i += 1) {
        expect(
          await errorOf(
            core.dispatch('accounts.newRecoveryCode', { currentPassword: 'wrong-password' }),
          ),
        ).toMatchObject({ code: 'BAD_INPUT' });
      }
      expect(
        await errorOf(
          core.dispatch('accounts.newRecoveryCode', { currentPassword: TEST_PASSWORD }),
        ),
      ).toMatchObject({ code: 'SIGN_IN_BACKOFF' });
      // the same count as B's sign-in: the wait holds there too
      expect(await errorOf(signIn(core, B.loginName))).toMatchObject({ code: 'SIGN_IN_BACKOFF' });
    } finally {
      core.close();
    }
  });
});

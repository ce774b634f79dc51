import { afterEach, describe, expect, it } from 'vitest';
import { FREE_SIGN_IN_TRIES } from '../../../domain/accounts/sign-in-backoff.js';
import type { AuditPage } from '../../../domain/api/audit-contract.js';
import { auditActionLabel } from '../../../domain/audit/audit-views.js';
import {
  RESTORE_CONFIRMATION,
  type BackupSummary,
  type RestorePreview,
} from '../../../domain/api/system-contract.js';
import { accountMessagesZhCN as msg } from '../../../domain/messages/accounts-zh-CN.js';
import type { AppCore } from '../../../electron/core/app-core.js';
import {
  confirmedRestore,
  openSignedInCore,
  signInVia,
  TEST_PASSWORD,
  TEST_PEOPLE,
} from '../support/signed-in-core.js';
import { errorOf, ok } from '../support/envelope.js';
import { tempDir } from '../support/temp-dir.js';
import { intake } from '../services/case-fixtures.js';

// §7.4 (issue 11): restoring over a ledger that still holds everything takes two people, a
// director and a technical administrator. All through the dispatcher, as the dialog asks it.

const cores: AppCore[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) {
    await core.whenIdle();
    core.close();
  }
});

/** A director signed in with one case and a backup of it, and the case count to compare. */
async function roomWithBackup(): Promise<{ core: AppCore; backup: string }> {
  const core = await openSignedInCore({ dataDir: tempDir('restore-witness'), appVersion: 'test' });
  cores.push(core);
  await ok(core.dispatch('cases.create', intake()));
  const backup = await ok<BackupSummary>(core.dispatch('system.backupNow', {}));
  return { core, backup: backup.fileName };
}

const admin = TEST_PEOPLE.ADMIN;
const restore = (core: AppCore, fileName: string, witness?: unknown) =>
  core.dispatch('system.restoreBackup', {
    fileName,
    confirmation: RESTORE_CONFIRMATION,
    ...(witness ? { witness } : {}),
  });

describe('restore needs a second person of the other room role (§7.4)', () => {
  it('a room without a technical administrator is told to make one first', async () => {
    const { core, backup } = await roomWithBackup();
    expect(await errorOf(restore(core, backup))).toMatchObject({
      code: 'RESTORE_WITNESS_NONE',
      message: msg.restoreWitnessNoneAdmin,
    });
    expect(msg.restoreWitnessNoneAdmin).toContain('请主任先在 设置 → 账号 新建技术管理员账号');
    expect(core.ledger.state.state).toBe('READY');
    // the preview says it before anything is typed, so the dialog lists no accounts for it
    const preview = () =>
      ok<RestorePreview>(core.dispatch('system.restorePreview', { fileName: backup }));
    expect(await preview()).toMatchObject({ witnessRole: 'ADMIN', witnessNotice: 'NO_ACCOUNT' });
    await ok(
      core.dispatch('accounts.create', { ...admin, role: 'ADMIN', password: TEST_PASSWORD }),
    );
    expect(await preview()).toMatchObject({ witnessRole: 'ADMIN', witnessNotice: null });
  });

  it('refuses without a witness, a wrong password, an unknown name, oneself, the same role or a disabled account', async () => {
    const { core, backup } = await roomWithBackup();
    await ok(
      core.dispatch('accounts.create', { ...admin, role: 'ADMIN', password: TEST_PASSWORD }),
    );
    const second = await ok<{ id: number }>(
      core.dispatch('accounts.create', {
        loginName: 'dorje',
        displayName: '多吉',
        role: 'DIRECTOR',
        password: TEST_PASSWORD,
      }),
    );
    const oldAdmin = await ok<{ id: number }>(
      core.dispatch('accounts.create', {
        loginName: 'oldadmin',
        displayName: '老管理',
        role: 'ADMIN',
        password: TEST_PASSWORD,
      }),
    );
    await ok(core.dispatch('accounts.update', { id: oldAdmin.id, disabled: true }));
    expect(second.id).toBeGreaterThan(0);

    const refusals: [unknown, string][] = [
      [undefined, msg.restoreWitnessMissing('技术管理员')],
      [{ loginName: admin.loginName, password: 'wrong-password' }, msg.restoreWitnessWrong],
      [{ loginName: 'nobody', password: TEST_PASSWORD }, msg.restoreWitnessWrong],
      [
        { loginName: TEST_PEOPLE.DIRECTOR.loginName, password: TEST_PASSWORD },
        msg.restoreWitnessSelf,
      ],
      [{ loginName: 'dorje', password: TEST_PASSWORD }, msg.restoreWitnessRole('技术管理员')],
      [{ loginName: 'oldadmin', password: TEST_PASSWORD }, msg.restoreWitnessDisabled],
    ];
    for (const [witness, message] of refusals) {
      expect(await errorOf(restore(core, backup, witness)), message).toMatchObject({
        code: 'RESTORE_WITNESS_REFUSED',
        message,
      });
    }
    // nothing was replaced: the case made after the backup is still there
    expect(core.ledger.state.state).toBe('READY');
    await ok(core.dispatch('cases.create', intake({ title: '拒绝之后仍可登记' })));
  });

  it('wrong witness passwords count toward that account’s sign-in backoff', async () => {
    const { core, backup } = await roomWithBackup();
    await ok(
      core.dispatch('accounts.create', { ...admin, role: 'ADMIN', password: TEST_PASSWORD }),
    );
    const wrong = { loginName: admin.loginName, password: 'wrong-password' };
    for (let i = 0; i < FREE_SIGN_IN_TRIES; i += 1) {
      expect(await errorOf(restore(core, backup, wrong))).toMatchObject({
        code: 'RESTORE_WITNESS_REFUSED',
      });
    }
    // the desk's clock stands still: the wait after the fifth failure never runs out
    const right = { loginName: admin.loginName, password: TEST_PASSWORD };
    expect(await errorOf(restore(core, backup, right))).toMatchObject({
      code: 'SIGN_IN_BACKOFF',
    });
    expect(
      await errorOf(
        core.dispatch('accounts.signIn', { loginName: admin.loginName, password: TEST_PASSWORD }),
      ),
    ).toMatchObject({ code: 'SIGN_IN_BACKOFF' });
    // each is a witness failure of its own in the chain, not a failed sign-in (review s29 R2)
    expect(await errorOf(restore(core, backup, { ...wrong, loginName: 'nobody' }))).toMatchObject({
      code: 'RESTORE_WITNESS_REFUSED',
    });
    const failed = (
      await ok<AuditPage>(core.dispatch('audit.list', { action: 'RESTORE_WITNESS_FAILED' }))
    ).entries.map((e) => JSON.parse(e.detail ?? '{}') as { account: number | null });
    const adminId = (
      await ok<{ id: number; loginName: string }[]>(core.dispatch('accounts.list', {}))
    ).find((a) => a.loginName === admin.loginName)?.id;
    expect(failed.filter((d) => d.account === adminId)).toHaveLength(FREE_SIGN_IN_TRIES);
    expect(failed.filter((d) => d.account === null)).toHaveLength(1);
    expect(
      (await ok<AuditPage>(core.dispatch('audit.list', { action: 'SIGN_IN_FAILED' }))).entries,
    ).toHaveLength(0);
    expect(auditActionLabel('RESTORE_WITNESS_FAILED')).toBe('恢复备份时第二人密码错误');
  });

  it('the right witness password starts that account’s count over, as a sign-in does', async () => {
    const { core, backup } = await roomWithBackup();
    await ok(
      core.dispatch('accounts.create', { ...admin, role: 'ADMIN', password: TEST_PASSWORD }),
    );
    const wrong = { loginName: admin.loginName, password: 'wrong-password' };
    for (let i = 0; i < FREE_SIGN_IN_TRIES - 1; i += 1) {
      expect(await errorOf(restore(core, backup, wrong))).toMatchObject({
        code: 'RESTORE_WITNESS_REFUSED',
      });
    }
    await ok(core.dispatch('system.restoreBackup', await confirmedRestore(core.dispatch, backup)));
    // The ledger it replaced was saved after the witness check: restored, its administrator
    // has no failures left, so one more wrong password is a first one, not the fifth.
    const saved = (await ok<BackupSummary[]>(core.dispatch('system.listBackups', {}))).find(
      (b) => b.kind === 'before-restore',
    );
    await ok(
      core.dispatch(
        'system.restoreBackup',
        await confirmedRestore(core.dispatch, saved?.fileName ?? 'none'),
      ),
    );
    const signIn = (password: string) =>
      core.dispatch('accounts.signIn', { loginName: admin.loginName, password });
    expect(await errorOf(signIn('wrong-password'))).toMatchObject({ code: 'SIGN_IN_FAILED' });
    await ok(signIn(TEST_PASSWORD));
  });

  it('a director with a technical administrator restores, and the chain names both', async () => {
    const { core, backup } = await roomWithBackup();
    const input = await confirmedRestore(core.dispatch, backup);
    expect(input.witness.loginName).toBe(admin.loginName);
    await ok(core.dispatch('system.restoreBackup', input));
    expect(core.ledger.state.state).toBe('READY');
    // the restored ledger is the backup's, where the director is the same account
    expect(core.desk.user?.loginName).toBe(TEST_PEOPLE.DIRECTOR.loginName);
    const entries = (await ok<AuditPage>(core.dispatch('audit.list', { action: 'RESTORE' })))
      .entries;
    expect(entries).toHaveLength(1);
    const detail = JSON.parse(entries[0]?.detail ?? '{}') as Record<string, unknown>;
    expect(detail).toMatchObject({
      fileName: backup,
      by: { name: TEST_PEOPLE.DIRECTOR.displayName },
      witness: { name: admin.displayName },
    });
    expect(JSON.stringify(detail)).not.toContain(TEST_PASSWORD);
  });

  it('a technical administrator restores with a director as the second person', async () => {
    const { core, backup } = await roomWithBackup();
    await signInVia(core.dispatch, 'ADMIN');
    const input = await confirmedRestore(core.dispatch, backup);
    expect(input.witness.loginName).toBe(TEST_PEOPLE.DIRECTOR.loginName);
    expect(
      await errorOf(restore(core, backup, { loginName: admin.loginName, password: TEST_PASSWORD })),
    ).toMatchObject({ code: 'RESTORE_WITNESS_REFUSED', message: msg.restoreWitnessSelf });
    await ok(core.dispatch('system.restoreBackup', input));
    expect(core.ledger.state.state).toBe('READY');
  });
});

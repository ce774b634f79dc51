import { openOutside } from '../support/outside-connection.js';
import fs from 'node:fs';
import path from 'node:path';
import { openConnection } from '../../../db/connection.js';
import { writeMarker } from '../../../db/ledger-files.js';
import { migrate } from '../../../db/migrate.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../db/migrations/index.js';
import { seedCases, seedRoom } from '../../bench/seed-cases.js';
import { describe, expect, it } from 'vitest';
import { ledgerPaths } from '../../../db/ledger-files.js';
import type { DeskSession, SetUpResult } from '../../../domain/api/accounts-contract.js';
import type { ApiEnvelope } from '../../../domain/api/errors.js';
import { IDENTIFIED_EXPORT_CONFIRMATION } from '../../../domain/statistics/export-inputs.js';
import type { AppCore } from '../../../electron/core/app-core.js';
import {
  actorOf,
  linkMediatorAccount,
  openSignedInCore,
  signInVia,
  TEST_PASSWORD,
  TEST_PEOPLE,
} from '../support/signed-in-core.js';
import { smashCellPointers, pagesOf } from '../support/page-damage.js';
import { tempDir } from '../support/temp-dir.js';
import { intake, roomWithCases, ROOM_SETTINGS } from './case-fixtures.js';

// Accounts, sign-in, backoff, recovery and the idle lock (issue 11 must-haves 3 and 4), through
// the real dispatcher on a real ledger. Time is the desk's injected clock: nothing waits.

const DIRECTOR = TEST_PEOPLE.DIRECTOR;
const MINUTE = 60_000;

function clock(startMs = Date.parse('2026-03-10T02:00:00Z')) {
  let ms = startMs;
  return { now: () => ms, advance: (by: number) => void (ms += by) };
}

async function ok<T>(res: Promise<ApiEnvelope<unknown>>): Promise<T> {
  const r = await res;
  if (!r.ok) throw new Error(`${r.error.code} ${r.error.message}`);
  return r.value as T;
}

const errorOf = async (res: Promise<ApiEnvelope<unknown>>) => {
  const r = await res;
  return r.ok ? null : r.error;
};

const signIn = (core: AppCore, loginName: string, password: string) =>
  core.dispatch('accounts.signIn', { loginName, password });

function auditActions(core: AppCore): { actor: string; action: string; detail: string | null }[] {
  return core.ledger
    .db()
    .prepare('SELECT actor, action, detail FROM audit_log WHERE tbl IS NULL ORDER BY seq')
    .all() as { actor: string; action: string; detail: string | null }[];
}

describe('first run', () => {
  it('sets up the director once, with a recovery code kept only as a hash', async () => {
    const dataDir = tempDir('acct');
    const core = await openSignedInCore({ dataDir, appVersion: 'test', room: 'none' });
    try {
      expect(await ok<DeskSession>(core.dispatch('accounts.session', {}))).toMatchObject({
        setUp: false,
        user: null,
        locked: false,
        idleLockMinutes: 5,
      });
      // before set-up nothing but the open methods answers
      expect(await errorOf(core.dispatch('settings.get', {}))).toMatchObject({
        code: 'NOT_SIGNED_IN',
      });
      const made = await ok<SetUpResult>(
        core.dispatch('accounts.setUp', { ...DIRECTOR, password: TEST_PASSWORD }),
      );
      expect(made.recoveryCode).toMatch(/^([2-9A-HJKMNP-Z]{4}-){5}[2-9A-HJKMNP-Z]{4}$/);
      expect(made.session).toMatchObject({
        setUp: true,
        locked: false,
        user: { loginName: DIRECTOR.loginName, displayName: '卓玛', role: 'DIRECTOR' },
      });
      expect(await ok(core.dispatch('settings.get', {}))).toBeNull();
      const again = await errorOf(
        core.dispatch('accounts.setUp', {
          ...DIRECTOR,
          loginName: 'other',
          password: TEST_PASSWORD,
        }),
      );
      expect(again).toMatchObject({ code: 'INVALID_STATE' });
      // neither the password nor the code is in the ledger, only their Argon2id hashes
      const file = ledgerPaths(dataDir).ledgerFile;
      const db = core.ledger.db();
      const hashes = [
        db.prepare('SELECT password_hash FROM desk_account').pluck().get() as string,
        db.prepare('SELECT recovery_hash FROM desk_security').pluck().get() as string,
      ];
      for (const h of hashes)
        expect(h).toMatch(/^(owner:\d+)?\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/);
      const code = made.recoveryCode.replaceAll('-', '');
      const dump = JSON.stringify(db.prepare('SELECT * FROM desk_security').all());
      expect(dump).not.toContain(code);
      expect(JSON.stringify(db.prepare('SELECT * FROM desk_account').all())).not.toContain(
        TEST_PASSWORD,
      );
      void file;
    } finally {
      core.close();
    }
  });
});

describe('a ledger from before accounts', () => {
  it('opens with no account; the first one set up is the director; older rows keep 本机用户', async () => {
    const dataDir = tempDir('acct');
    const paths = ledgerPaths(dataDir);
    fs.mkdirSync(path.dirname(paths.ledgerFile), { recursive: true });
    const old = openConnection(paths.ledgerFile);
    await migrate(old, {
      migrations: MIGRATIONS.slice(0, 24),
      backupDir: null,
      now: () => new Date(),
    });
    seedCases(old, 3, seedRoom(old, ['才让']), '2026-03-10');
    old.close();
    const at = new Date().toISOString();
    writeMarker(paths, { format: 1, ledgerCreatedAt: at, lastOpenedAt: at });

    const core = await openSignedInCore({ dataDir, appVersion: 'test', room: 'none' });
    try {
      const db = core.ledger.db();
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(await ok<DeskSession>(core.dispatch('accounts.session', {}))).toMatchObject({
        setUp: false,
        user: null,
      });
      const made = await ok<SetUpResult>(
        core.dispatch('accounts.setUp', { ...DIRECTOR, password: TEST_PASSWORD }),
      );
      expect(made.session.user?.role).toBe('DIRECTOR');
      const actors = db.prepare('SELECT DISTINCT actor FROM status_history').pluck().all();
      expect(actors).toEqual(['本机用户']);
    } finally {
      core.close();
    }
  });
});

describe('sign-in', () => {
  it('never says whether a name exists, backs off after five failures, and keeps the wait across a restart', async () => {
    const dataDir = tempDir('acct');
    const t = clock();
    let core = await openSignedInCore({ dataDir, appVersion: 'test', deskClock: t.now });
    try {
      const wrongName = await errorOf(signIn(core, 'nobody', TEST_PASSWORD));
      const wrongPassword = await errorOf(signIn(core, DIRECTOR.loginName, 'wrong-password'));
      expect(wrongName).toEqual(wrongPassword);
      expect(wrongPassword).toEqual({ code: 'SIGN_IN_FAILED', message: '登录名或密码不正确' });
      // four more: five failures in a row
      for (let i = 0; i < 4; i += 1) {
        expect(await errorOf(signIn(core, DIRECTOR.loginName, 'wrong-password'))).toMatchObject({
          code: 'SIGN_IN_FAILED',
        });
      }
      expect(await errorOf(signIn(core, DIRECTOR.loginName, TEST_PASSWORD))).toEqual({
        code: 'SIGN_IN_BACKOFF',
        message: '登录失败次数过多，请 30 秒后再试',
      });
      core.close();
      core = await openSignedInCore({
        dataDir,
        appVersion: 'test',
        deskClock: t.now,
        room: 'none',
      });
      t.advance(20_000);
      expect(await errorOf(signIn(core, DIRECTOR.loginName, TEST_PASSWORD))).toMatchObject({
        code: 'SIGN_IN_BACKOFF',
        message: expect.stringContaining('10 秒'),
      });
      t.advance(10_000);
      // the next failure doubles the wait
      await signIn(core, DIRECTOR.loginName, 'wrong-password');
      expect(await errorOf(signIn(core, DIRECTOR.loginName, TEST_PASSWORD))).toMatchObject({
        code: 'SIGN_IN_BACKOFF',
        message: expect.stringContaining('60 秒'),
      });
      t.advance(60_000);
      const session = await ok<DeskSession>(signIn(core, 'ZHUOMA', TEST_PASSWORD));
      expect(session.user?.loginName).toBe(DIRECTOR.loginName);
      const row = core.ledger
        .db()
        .prepare('SELECT failed_count, backoff_until FROM desk_account WHERE id = ?')
        .get(session.user?.id) as { failed_count: number; backoff_until: string | null };
      expect(row).toEqual({ failed_count: 0, backoff_until: null });
      // names without an account wait as long as real ones
      for (let i = 0; i < 5; i += 1) await signIn(core, 'nobody', 'wrong-password');
      expect(await errorOf(signIn(core, 'nobody', 'wrong-password'))).toMatchObject({
        code: 'SIGN_IN_BACKOFF',
      });
      const actions = auditActions(core).map((e) => e.action);
      expect(actions.filter((a) => a === 'SIGN_IN_FAILED').length).toBe(12);
    } finally {
      core.close();
    }
  });

  it('counts guesses sent side by side one after another: the sixth waits', async () => {
    const t = clock();
    const core = await openSignedInCore({
      dataDir: tempDir('acct'),
      appVersion: 'test',
      deskClock: t.now,
    });
    try {
      const codes = await Promise.all(
        Array.from({ length: 8 }, () => signIn(core, DIRECTOR.loginName, 'wrong-password')),
      ).then((all) => all.map((res) => (res.ok ? 'OK' : res.error.code)));
      expect(codes).toEqual([
        ...Array<string>(5).fill('SIGN_IN_FAILED'),
        ...Array<string>(3).fill('SIGN_IN_BACKOFF'),
      ]);
      const guesses = await Promise.all(
        Array.from({ length: 8 }, () =>
          core.dispatch('accounts.recover', {
            recoveryCode: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF',
            newPassword: 'a-new-pass-2026',
          }),
        ),
      ).then((all) => all.map((res) => (res.ok ? 'OK' : res.error.code)));
      expect(guesses).toEqual([
        ...Array<string>(5).fill('SIGN_IN_FAILED'),
        ...Array<string>(3).fill('SIGN_IN_BACKOFF'),
      ]);
    } finally {
      core.close();
    }
  });

  it('refuses a disabled account like a wrong password; switching user names the new person', async () => {
    const core = await openSignedInCore({ dataDir: tempDir('acct'), appVersion: 'test' });
    try {
      await signInVia(core.dispatch, 'MEDIATOR');
      expect(core.desk.user?.role).toBe('MEDIATOR');
      await signInVia(core.dispatch, 'DIRECTOR');
      const accounts = await ok<{ id: number; role: string }[]>(core.dispatch('accounts.list', {}));
      const mediator = accounts.find((a) => a.role === 'MEDIATOR');
      await ok(core.dispatch('accounts.update', { id: mediator?.id, disabled: true }));
      expect(await errorOf(signIn(core, TEST_PEOPLE.MEDIATOR.loginName, TEST_PASSWORD))).toEqual({
        code: 'SIGN_IN_FAILED',
        message: '登录名或密码不正确',
      });
      const signIns = auditActions(core).filter((e) => e.action === 'SIGN_IN');
      // set-up, the factory's sign-in, then signInVia: the director (who makes the account), the
      // mediator, the director again
      expect(signIns.map((e) => e.actor)).toEqual([
        actorOf('DIRECTOR'),
        actorOf('DIRECTOR'),
        actorOf('DIRECTOR'),
        actorOf('MEDIATOR'),
        actorOf('DIRECTOR'),
      ]);
      expect(JSON.parse(signIns[4]?.detail ?? '{}')).toMatchObject({ switchedFrom: mediator?.id });
    } finally {
      core.close();
    }
  });
});

describe('the idle lock', () => {
  it('locks after the idle minutes; the polls do not count as activity; signing in unlocks', async () => {
    const t = clock();
    const core = await openSignedInCore({
      dataDir: tempDir('acct'),
      appVersion: 'test',
      deskClock: t.now,
    });
    try {
      t.advance(5 * MINUTE);
      // exactly the idle minutes: still open, and this call counts as activity
      expect(await ok(core.dispatch('settings.get', {}))).toBeNull();
      t.advance(4 * MINUTE);
      await ok(core.dispatch('accounts.session', {}));
      await ok(core.dispatch('system.status', {}));
      t.advance(MINUTE + 1);
      expect(await errorOf(core.dispatch('settings.get', {}))).toEqual({
        code: 'DESK_LOCKED',
        message: '工作台已锁定，请重新登录',
      });
      const locked = await ok<DeskSession>(core.dispatch('accounts.session', {}));
      expect(locked).toMatchObject({ locked: true, user: { displayName: '卓玛' } });
      await ok(signIn(core, DIRECTOR.loginName, TEST_PASSWORD));
      expect(await ok(core.dispatch('settings.get', {}))).toBeNull();
      const lock = auditActions(core).find((e) => e.action === 'LOCK');
      expect(lock?.actor).toBe(actorOf());
      expect(JSON.parse(lock?.detail ?? '{}')).toMatchObject({ reason: 'IDLE' });

      // the room's own minutes, kept in the ledger
      await ok(core.dispatch('accounts.setIdleLock', { minutes: 15 }));
      t.advance(14 * MINUTE);
      await ok(core.dispatch('accounts.touch', {}));
      t.advance(14 * MINUTE);
      expect(await ok(core.dispatch('settings.get', {}))).toBeNull();
      t.advance(15 * MINUTE + 1);
      expect(await errorOf(core.dispatch('settings.get', {}))).toMatchObject({
        code: 'DESK_LOCKED',
      });
      expect(await ok<DeskSession>(signIn(core, DIRECTOR.loginName, TEST_PASSWORD))).toMatchObject({
        idleLockMinutes: 15,
        locked: false,
      });
    } finally {
      core.close();
    }
  });
});

describe('the room named on the sign-in and lock screens', () => {
  it('names the committee once it is set, while locked and signed out too, and nothing else', async () => {
    const core = await openSignedInCore({ dataDir: tempDir('acct'), appVersion: 'test' });
    try {
      expect(await ok<DeskSession>(core.dispatch('accounts.session', {}))).toMatchObject({
        roomName: null,
      });
      await ok(core.dispatch('settings.save', { settings: ROOM_SETTINGS, expectedVersion: 0 }));
      await ok(core.dispatch('cases.create', intake()));
      await ok(core.dispatch('accounts.lock', {}));
      const locked = await ok<DeskSession>(core.dispatch('accounts.session', {}));
      expect(locked.roomName).toBe(ROOM_SETTINGS.committeeName);
      expect(Object.keys(locked).sort()).toEqual(
        [
          'idleLockMinutes',
          'locked',
          'mediatorLinked',
          'mediatorsReadRoom',
          'roomName',
          'setUp',
          'user',
        ].sort(),
      );
      await ok(core.dispatch('accounts.signOut', {}));
      const signedOut = await ok<DeskSession>(core.dispatch('accounts.session', {}));
      expect(signedOut).toMatchObject({ user: null, roomName: ROOM_SETTINGS.committeeName });
      // not one word of the case behind it
      expect(JSON.stringify([locked, signedOut])).not.toContain('王芳');
    } finally {
      core.close();
    }
  });
});

describe('recovery code', () => {
  it('resets the director password, issues a new code and kills the old one', async () => {
    const t = clock();
    const core = await openSignedInCore({
      dataDir: tempDir('acct'),
      appVersion: 'test',
      deskClock: t.now,
      room: 'none',
    });
    try {
      const made = await ok<SetUpResult>(
        core.dispatch('accounts.setUp', { ...DIRECTOR, password: TEST_PASSWORD }),
      );
      await ok(core.dispatch('accounts.signOut', {}));
      const wrong = 'ABCD-EFGH-JKMN-PQRS-TUVW-XYZ2';
      expect(
        await errorOf(
          core.dispatch('accounts.recover', { recoveryCode: wrong, newPassword: 'new-pass-2026' }),
        ),
      ).toMatchObject({ code: 'SIGN_IN_FAILED', message: '恢复码不正确' });
      const typed = made.recoveryCode.toLowerCase().replaceAll('-', ' ');
      const recovered = await ok<SetUpResult>(
        core.dispatch('accounts.recover', { recoveryCode: typed, newPassword: 'new-pass-2026' }),
      );
      expect(recovered.session.user?.role).toBe('DIRECTOR');
      expect(recovered.recoveryCode).not.toBe(made.recoveryCode);
      await ok(core.dispatch('accounts.signOut', {}));
      expect(await errorOf(signIn(core, DIRECTOR.loginName, TEST_PASSWORD))).toMatchObject({
        code: 'SIGN_IN_FAILED',
      });
      await ok(signIn(core, DIRECTOR.loginName, 'new-pass-2026'));
      await ok(core.dispatch('accounts.signOut', {}));
      expect(
        await errorOf(
          core.dispatch('accounts.recover', {
            recoveryCode: made.recoveryCode,
            newPassword: 'other-pass-2026',
          }),
        ),
      ).toMatchObject({ code: 'SIGN_IN_FAILED' });
      // wrong codes back off like passwords (the new code started the count again: one failure
      // just now, four more)
      for (let i = 0; i < 4; i += 1) {
        await core.dispatch('accounts.recover', {
          recoveryCode: wrong,
          newPassword: 'x-pass-2026',
        });
      }
      expect(
        await errorOf(
          core.dispatch('accounts.recover', {
            recoveryCode: recovered.recoveryCode,
            newPassword: 'other-pass-2026',
          }),
        ),
      ).toMatchObject({ code: 'SIGN_IN_BACKOFF' });
      t.advance(30_000);
      await ok(
        core.dispatch('accounts.recover', {
          recoveryCode: recovered.recoveryCode,
          newPassword: 'other-pass-2026',
        }),
      );
    } finally {
      core.close();
    }
  });
});

describe('account management', () => {
  it('never disables or demotes the last director; only a director makes a director', async () => {
    const core = await openSignedInCore({ dataDir: tempDir('acct'), appVersion: 'test' });
    try {
      const me = core.desk.user;
      expect(
        await errorOf(core.dispatch('accounts.update', { id: me?.id, role: 'MEDIATOR' })),
      ).toEqual({
        code: 'INVALID_STATE',
        message: '这是最后一个在用的调委会主任账号，不能停用或改为其他角色',
      });
      expect(
        await errorOf(core.dispatch('accounts.update', { id: me?.id, disabled: true })),
      ).toMatchObject({ code: 'INVALID_STATE' });

      await signInVia(core.dispatch, 'ADMIN');
      const asAdmin = {
        loginName: 'second',
        displayName: '次仁',
        role: 'DIRECTOR',
        password: TEST_PASSWORD,
      };
      expect(await errorOf(core.dispatch('accounts.create', asAdmin))).toMatchObject({
        code: 'FORBIDDEN',
      });
      const clerk = await ok<{ id: number }>(
        core.dispatch('accounts.create', { ...asAdmin, role: 'STATISTICIAN' }),
      );
      expect(
        await errorOf(core.dispatch('accounts.update', { id: clerk.id, role: 'DIRECTOR' })),
      ).toMatchObject({ code: 'FORBIDDEN' });
      expect(
        await errorOf(
          core.dispatch('accounts.resetPassword', { id: me?.id, password: 'x-pass-2026' }),
        ),
      ).toMatchObject({ code: 'FORBIDDEN' });
      expect(
        await errorOf(
          core.dispatch('accounts.create', { ...asAdmin, role: 'AUDITOR', loginName: 'SECOND' }),
        ),
      ).toMatchObject({ code: 'CONFLICT' });
      // No way for the administrator to an account that sees cases (§7.3 separation of duties):
      // not by making one, not by changing a role (theirs or another's), not by a reset.
      const sees = {
        code: 'FORBIDDEN',
        message:
          '登记员、调解员和调委会主任的账号能看到案件内容，只有调委会主任可以新建、修改、停用或重设密码',
      };
      for (const role of ['RECEPTIONIST', 'MEDIATOR']) {
        expect(
          await errorOf(
            core.dispatch('accounts.create', { ...asAdmin, role, loginName: `x-${role}` }),
          ),
        ).toEqual(sees);
        expect(await errorOf(core.dispatch('accounts.update', { id: clerk.id, role }))).toEqual(
          sees,
        );
      }
      const admin = core.desk.user;
      expect(
        await errorOf(core.dispatch('accounts.update', { id: admin?.id, role: 'AUDITOR' })),
      ).toEqual({ code: 'FORBIDDEN', message: '不能修改自己的角色，请由调委会主任修改' });
      await signInVia(core.dispatch, 'MEDIATOR');
      const mediator = core.desk.user;
      await signInVia(core.dispatch, 'ADMIN');
      expect(
        await errorOf(
          core.dispatch('accounts.resetPassword', { id: mediator?.id, password: 'x-pass-2026' }),
        ),
      ).toEqual(sees);
      expect(
        await errorOf(core.dispatch('accounts.update', { id: mediator?.id, disabled: true })),
      ).toEqual(sees);
      // what the administrator may do: the accounts that see no case content
      await ok(core.dispatch('accounts.resetPassword', { id: clerk.id, password: 'x-pass-2026' }));
      await ok(core.dispatch('accounts.update', { id: clerk.id, role: 'AUDITOR' }));

      // a second director lets the first step down
      await signInVia(core.dispatch, 'DIRECTOR');
      await ok(core.dispatch('accounts.update', { id: clerk.id, role: 'DIRECTOR' }));
      const stepped = await ok<{ role: string }>(
        core.dispatch('accounts.update', { id: me?.id, role: 'MEDIATOR' }),
      );
      expect(stepped.role).toBe('MEDIATOR');
      // the change holds at once for the person at the desk
      expect(core.desk.user?.role).toBe('MEDIATOR');
      expect(await errorOf(core.dispatch('accounts.list', {}))).toMatchObject({
        code: 'FORBIDDEN',
      });
    } finally {
      core.close();
    }
  });

  it('changes one own password only with the current one', async () => {
    const core = await openSignedInCore({ dataDir: tempDir('acct'), appVersion: 'test' });
    try {
      expect(
        await errorOf(
          core.dispatch('accounts.changePassword', {
            currentPassword: 'not-my-password',
            newPassword: 'new-pass-2026',
          }),
        ),
      ).toMatchObject({ code: 'BAD_INPUT', issues: [{ path: ['currentPassword'] }] });
      await ok(
        core.dispatch('accounts.changePassword', {
          currentPassword: TEST_PASSWORD,
          newPassword: 'new-pass-2026',
        }),
      );
      await ok(core.dispatch('accounts.signOut', {}));
      await ok(signIn(core, DIRECTOR.loginName, 'new-pass-2026'));
    } finally {
      core.close();
    }
  });
});

describe('the signed-in person is the actor', () => {
  it('in the change history and the audit chain, in place of 本机用户', async () => {
    const core = await openSignedInCore({
      dataDir: tempDir('acct'),
      appVersion: 'test',
      role: 'MEDIATOR',
    });
    try {
      await signInVia(core.dispatch, 'DIRECTOR');
      await ok(core.dispatch('settings.save', { settings: ROOM_SETTINGS, expectedVersion: 0 }));
      // a 调解员 works on the cases of the profile their account is linked to (§7.3)
      const profile = { id: await linkMediatorAccount(core.dispatch) };
      await signInVia(core.dispatch, 'MEDIATOR');
      const made = await ok<{ case: { id: number; version: number } }>(
        core.dispatch('cases.create', intake({ mediatorIds: [profile.id] })),
      );
      await ok(
        core.dispatch('cases.update', {
          caseId: made.case.id,
          expectedVersion: made.case.version,
          changes: { title: '更正后的纠纷名称' },
        }),
      );
      const history = await ok<{ actor: string }[]>(
        core.dispatch('cases.history', { caseId: made.case.id }),
      );
      expect(history.length).toBeGreaterThan(0);
      for (const set of history) expect(set.actor).toBe('才让（调解员）');
      const caseEntries = core.ledger
        .db()
        .prepare('SELECT DISTINCT actor FROM audit_log WHERE case_id = ?')
        .pluck()
        .all(made.case.id);
      expect(caseEntries).toEqual(['才让（调解员）']);
    } finally {
      core.close();
    }
  });
});

describe('the identified 台账 export', () => {
  it('is the director’s alone, by the signed-in role', async () => {
    const core = await openSignedInCore({ dataDir: tempDir('acct'), appVersion: 'test' });
    try {
      await ok(core.dispatch('settings.save', { settings: ROOM_SETTINGS, expectedVersion: 0 }));
      const input = (directory: string) => ({
        period: '2026-03',
        directory,
        identifiedConfirmation: IDENTIFIED_EXPORT_CONFIRMATION,
      });
      await signInVia(core.dispatch, 'STATISTICIAN');
      expect(await errorOf(core.dispatch('exports.ledger', input(tempDir('out'))))).toEqual({
        code: 'FORBIDDEN',
        message: '您没有导出含个人信息台账的权限',
      });
      // the pseudonymised one is theirs
      await ok(core.dispatch('exports.ledger', { period: '2026-03', directory: tempDir('out') }));
      await signInVia(core.dispatch, 'DIRECTOR');
      await ok(core.dispatch('exports.ledger', input(tempDir('out'))));
    } finally {
      core.close();
    }
  });
});

describe('a damaged ledger', () => {
  it('that was never set up opens its restore methods to anyone, and nothing else', async () => {
    const dataDir = tempDir('acct');
    const paths = ledgerPaths(dataDir);
    fs.mkdirSync(path.dirname(paths.ledgerFile), { recursive: true });
    const old = openConnection(paths.ledgerFile);
    await migrate(old, { migrations: MIGRATIONS, backupDir: null, now: () => new Date() });
    seedCases(old, 30, seedRoom(old, ['才让']), '2026-03-10');
    old.close();
    const at = new Date().toISOString();
    writeMarker(paths, { format: 1, ledgerCreatedAt: at, lastOpenedAt: at });

    // healthy and not set up: the room is set up first, restore is not open
    const healthy = await openSignedInCore({ dataDir, appVersion: 'test', room: 'none' });
    await healthy.ledger.whenChecked();
    expect(await errorOf(healthy.dispatch('system.listBackups', {}))).toMatchObject({
      code: 'NOT_SIGNED_IN',
    });
    healthy.close();

    smashCellPointers(paths.ledgerFile, pagesOf(paths.ledgerFile, 'party', 'leaf')[0]!);
    const core = await openSignedInCore({
      dataDir,
      appVersion: 'test',
      room: 'none',
      log: { error: () => undefined },
    });
    try {
      await core.ledger.whenChecked();
      expect(core.ledger.damaged).toBe(true);
      expect(await ok(core.dispatch('system.listBackups', {}))).toEqual(expect.any(Array));
      expect(await errorOf(core.dispatch('cases.search', {}))).toMatchObject({
        code: 'NOT_SIGNED_IN',
      });
      expect(await errorOf(core.dispatch('system.backupNow', {}))).toMatchObject({
        code: 'NOT_SIGNED_IN',
      });
    } finally {
      core.close();
    }
  });

  it('still lets people sign in (to restore it), writing nothing and backing off in memory', async () => {
    const dataDir = tempDir('acct');
    const setUp = (await roomWithCases(dataDir)).core;
    await ok(setUp.dispatch('system.backupNow', {}));
    setUp.close();
    const file = ledgerPaths(dataDir).ledgerFile;
    smashCellPointers(file, pagesOf(file, 'party', 'leaf')[0]!);
    const entries = () => {
      const db = openOutside(file, { readonly: true });
      try {
        return db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
      } finally {
        db.close();
      }
    };

    const t = clock();
    const core = await openSignedInCore({
      dataDir,
      appVersion: 'test',
      deskClock: t.now,
      room: 'none',
      log: { error: () => undefined },
    });
    try {
      await core.ledger.whenChecked();
      expect(core.ledger.damaged).toBe(true);
      const before = entries();
      for (let i = 0; i < 5; i += 1) {
        expect(await errorOf(signIn(core, DIRECTOR.loginName, 'wrong-password'))).toMatchObject({
          code: 'SIGN_IN_FAILED',
        });
      }
      expect(await errorOf(signIn(core, DIRECTOR.loginName, TEST_PASSWORD))).toMatchObject({
        code: 'SIGN_IN_BACKOFF',
      });
      t.advance(30_000);
      await ok(signIn(core, DIRECTOR.loginName, TEST_PASSWORD));
      expect(core.desk.user?.role).toBe('DIRECTOR');
      expect(await ok(core.dispatch('system.listBackups', {}))).toHaveLength(1);
      expect(await errorOf(core.dispatch('cases.create', intake()))).toMatchObject({
        code: 'LEDGER_DAMAGED',
      });
      expect(entries()).toBe(before);
    } finally {
      core.close();
    }
  });
});

// The one way unit tests open an app core: with the room set up (a director, through the real
// accounts.setUp) and a person signed in through the real door, as the app would be after its
// first run. Every test that calls `dispatch` starts here.
import { actorNameOf } from '../../../domain/accounts/actor-name.js';
import type { Role } from '../../../domain/accounts/roles.js';
import { RESTORE_CONFIRMATION } from '../../../domain/api/system-contract.js';
import {
  createAppCore,
  type AppCore,
  type AppCoreOptions,
} from '../../../electron/core/app-core.js';
import type { PasswordHashParams } from '../../../electron/services/password-hash.js';

/** Argon2id at its cheapest: the tests check the flow, the bench measures the real cost. */
export const TEST_PASSWORD_HASH: PasswordHashParams = {
  memoryKiB: 64,
  iterations: 1,
  parallelism: 1,
};

export const TEST_PASSWORD = 'desk-pass-2026';

/** The person of each role the factory signs in (the director is the one who set up the room). */
export const TEST_PEOPLE: Readonly<Record<Role, { loginName: string; displayName: string }>> = {
  DIRECTOR: { loginName: 'zhuoma', displayName: '卓玛' },
  MEDIATOR: { loginName: 'cairang', displayName: '才让' },
  RECEPTIONIST: { loginName: 'lamao', displayName: '拉毛' },
  STATISTICIAN: { loginName: 'wangtongji', displayName: '王统计' },
  ADMIN: { loginName: 'liguanli', displayName: '李管理' },
  AUDITOR: { loginName: 'zhaoshenji', displayName: '赵审计' },
};

/** How the audit chain, the history and the print register name the person of this role. */
export function actorOf(role: Role = 'DIRECTOR'): string {
  return actorNameOf({ displayName: TEST_PEOPLE[role].displayName, role });
}

export interface SignedInOptions extends AppCoreOptions {
  /** Who is signed in at the end (default DIRECTOR). */
  readonly role?: Role;
  /** 'none': leave the room as it is (not set up, nobody signed in). */
  readonly room?: 'signedIn' | 'none';
}

type Dispatch = AppCore['dispatch'];

async function call(dispatch: Dispatch, method: string, input: unknown): Promise<unknown> {
  const res = await dispatch(method, input);
  if (!res.ok) throw new Error(`${method}: ${res.error.code} ${res.error.message}`);
  return res.value;
}

/**
 * Signs the person of `role` in through a door (a core's, or a router's): sets the room up
 * first when no account exists (a second process on the same ledger may have done it
 * meanwhile), makes the role's account when missing. A ledger nobody can sign in to (missing,
 * damaged before set-up) is left as it is, and false returned: only its recovery methods answer.
 */
export async function signInVia(dispatch: Dispatch, role: Role = 'DIRECTOR'): Promise<boolean> {
  const director = TEST_PEOPLE.DIRECTOR;
  const session = (await call(dispatch, 'accounts.session', {})) as { setUp: boolean };
  if (!session.setUp) {
    const made = await dispatch('accounts.setUp', { ...director, password: TEST_PASSWORD });
    if (!made.ok) {
      if (made.error.code === 'LEDGER_DAMAGED' || made.error.code === 'LEDGER_UNAVAILABLE') {
        return false;
      }
      if (made.error.code !== 'INVALID_STATE') {
        throw new Error(`accounts.setUp: ${made.error.message}`);
      }
    }
  }
  const signedIn = await dispatch('accounts.signIn', {
    loginName: director.loginName,
    password: TEST_PASSWORD,
  });
  if (!signedIn.ok) {
    // a ledger file the app could not open and cannot read either (locked by another program)
    if (signedIn.error.code === 'LEDGER_UNAVAILABLE') return false;
    throw new Error(`accounts.signIn: ${signedIn.error.code} ${signedIn.error.message}`);
  }
  if (role === 'DIRECTOR') return true;
  const person = TEST_PEOPLE[role];
  const accounts = (await call(dispatch, 'accounts.list', {})) as { loginName: string }[];
  if (!accounts.some((a) => a.loginName === person.loginName)) {
    await call(dispatch, 'accounts.create', { ...person, role, password: TEST_PASSWORD });
  }
  await call(dispatch, 'accounts.signIn', { loginName: person.loginName, password: TEST_PASSWORD });
  return true;
}

/** As signInVia, after the core's start-up check (so nothing depends on how fast it was). */
export async function signInAs(core: AppCore, role: Role = 'DIRECTOR'): Promise<boolean> {
  await core.ledger.whenChecked();
  return signInVia(core.dispatch, role);
}

/** createAppCore with cheap password hashing, the room set up and the director signed in. */
export async function openSignedInCore(options: SignedInOptions): Promise<AppCore> {
  const { role, room, ...coreOptions } = options;
  const core = await createAppCore({
    passwordHash: TEST_PASSWORD_HASH,
    // the desk's clock stands still unless a test moves it: a slow machine never locks the desk
    deskClock: () => 0,
    ...coreOptions,
  });
  if (room === 'none') return core;
  try {
    await signInAs(core, role);
  } catch (error) {
    core.close();
    throw error;
  }
  return core;
}

/**
 * Links the test 调解员 account (made when missing) to a mediator profile (a new one named as
 * the account when none is given), as the director does in 设置 → 账号: a 调解员 sees the cases
 * of that profile only (§7.3). Answers the profile; leaves the director signed in.
 */
export async function linkMediatorAccount(
  dispatch: Dispatch,
  mediatorId?: number,
): Promise<number> {
  await signInVia(dispatch, 'MEDIATOR');
  await signInVia(dispatch, 'DIRECTOR');
  // no profile given: one named as the test 调解员, made now
  const profile =
    mediatorId ??
    (
      (await call(dispatch, 'mediators.save', {
        id: null,
        expectedVersion: 0,
        name: TEST_PEOPLE.MEDIATOR.displayName,
        isPeopleMediator: true,
        languages: ['zh'],
        active: true,
      })) as { id: number }
    ).id;
  const accounts = (await call(dispatch, 'accounts.list', {})) as {
    id: number;
    loginName: string;
  }[];
  const account = accounts.find((a) => a.loginName === TEST_PEOPLE.MEDIATOR.loginName);
  await call(dispatch, 'accounts.update', { id: account?.id, mediatorId: profile });
  return profile;
}

/** The second person a restore names (§7.4). */
export interface RestoreWitness {
  readonly loginName: string;
  readonly password: string;
}

/**
 * The one way tests restore over a ledger that still holds everything: the sentence, and the
 * person of the other room role as the second person (the director for a technical
 * administrator; for anyone else the administrator, whose account the director makes when the
 * room has none yet).
 */
export async function confirmedRestore(
  dispatch: Dispatch,
  fileName: string,
): Promise<{ fileName: string; confirmation: string; witness: RestoreWitness }> {
  const session = (await call(dispatch, 'accounts.session', {})) as {
    user: { role: Role } | null;
  };
  const other: Role = session.user?.role === 'ADMIN' ? 'DIRECTOR' : 'ADMIN';
  const person = TEST_PEOPLE[other];
  if (other === 'ADMIN') {
    const accounts = (await call(dispatch, 'accounts.list', {})) as { loginName: string }[];
    if (!accounts.some((a) => a.loginName === person.loginName)) {
      await call(dispatch, 'accounts.create', { ...person, role: other, password: TEST_PASSWORD });
    }
  }
  return {
    fileName,
    confirmation: RESTORE_CONFIRMATION,
    witness: { loginName: person.loginName, password: TEST_PASSWORD },
  };
}

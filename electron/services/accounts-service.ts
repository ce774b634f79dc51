import {
  accountById,
  accountByLogin,
  accountCount,
  deskSecurity,
  firstActiveDirector,
  insertAccount,
  recordFailedRecovery,
  recordFailedSignIn,
  recordSignIn,
  setPasswordHash,
  setRecoveryHash,
  type AccountRow,
} from '../../db/accounts/account-queries.js';
import { appendAuditEvent } from '../../db/audit/audit-log.js';
import type { Db } from '../../db/connection.js';
import { getRoomSettings } from '../../db/room-settings-queries.js';
import { backoffSecondsAfter } from '../../domain/accounts/sign-in-backoff.js';
import { DEFAULT_IDLE_LOCK_MINUTES } from '../../domain/accounts/roles.js';
import type {
  DeskSession as DeskSessionView,
  DeskUser,
  SetUpResult,
} from '../../domain/api/accounts-contract.js';
import { ApiError } from '../../domain/api/errors.js';
import { accountMessagesZhCN as msg } from '../../domain/messages/accounts-zh-CN.js';
import type { DeskSession } from './desk-session.js';
import type { LedgerSession } from './ledger-session.js';
import {
  DEFAULT_PASSWORD_HASH,
  hashPassword,
  verifyPassword,
  type PasswordHashParams,
} from './password-hash.js';
import { newRecoveryCode } from './recovery-code.js';

export const userOf = (row: AccountRow): DeskUser => ({
  id: row.id,
  loginName: row.loginName,
  displayName: row.displayName,
  role: row.role,
});

interface Failures {
  readonly count: number;
  readonly untilMs: number;
}

/**
 * Set-up, sign-in (also unlock and switching user), recovery, lock and sign-out. The failures of
 * a sign-in are kept in the account's row, so restarting the app does not reset the wait; names
 * that have no account, and every name while the ledger is damaged (no writes then), are
 * counted in memory instead, so the answer never tells whether a name exists.
 */
export class AccountsService {
  private readonly memoryFailures = new Map<string, Failures>();
  private decoy: Promise<string> | null = null;

  constructor(
    private readonly ledger: LedgerSession,
    readonly desk: DeskSession,
    readonly hashParams: PasswordHashParams = DEFAULT_PASSWORD_HASH,
  ) {
    desk.onLock = (user, reason) => this.audit('LOCK', { account: user.id, reason });
  }

  /** No account can be read: the ledger is not open, or damaged and never set up. */
  nobodyCanSignIn(): boolean {
    const state = this.ledger.state;
    if (state.state !== 'READY') return true;
    if (!this.ledger.damaged) return false;
    try {
      return accountCount(state.db) === 0;
    } catch {
      return true;
    }
  }

  session(): DeskSessionView {
    let setUp = false;
    let idleLockMinutes = DEFAULT_IDLE_LOCK_MINUTES;
    let roomName: string | null = null;
    const state = this.ledger.state;
    if (state.state === 'READY') {
      setUp = accountCount(state.db) > 0;
      idleLockMinutes = deskSecurity(state.db).idleLockMinutes;
      this.desk.idleLockMinutes = idleLockMinutes;
      roomName = committeeNameOf(state.db);
    }
    const locked = this.desk.locked;
    return { setUp, user: this.desk.user, locked, idleLockMinutes, roomName };
  }

  async setUp(input: {
    loginName: string;
    displayName: string;
    password: string;
  }): Promise<SetUpResult> {
    const db = this.ledger.db();
    if (accountCount(db) > 0) throw new ApiError('INVALID_STATE', msg.alreadySetUp);
    const passwordHash = await hashPassword(input.password, this.hashParams);
    const recovery = newRecoveryCode();
    const recoveryHash = await hashPassword(recovery.code, this.hashParams);
    const id = db
      .transaction(() => {
        // Two first-run screens may both have hashed: only the first one's director is made.
        if (accountCount(db) > 0) throw new ApiError('INVALID_STATE', msg.alreadySetUp);
        const newId = insertAccount(db, {
          loginName: input.loginName.normalize('NFKC'),
          displayName: input.displayName,
          role: 'DIRECTOR',
          passwordHash,
          createdAt: this.ledger.now().toISOString(),
        });
        setRecoveryHash(db, recoveryHash);
        return newId;
      })
      .immediate();
    this.startSession(id, null);
    return { session: this.session(), recoveryCode: recovery.printed };
  }

  /**
   * One guess at a time: the wait is checked before the password hash and recorded after it, and
   * the hash yields, so guesses sent side by side would all pass the check (review finding).
   */
  private guessing: Promise<unknown> = Promise.resolve();

  private oneGuessAtATime<T>(guess: () => Promise<T>): Promise<T> {
    const turn = this.guessing.then(guess, guess);
    this.guessing = turn.catch(() => undefined);
    return turn;
  }

  signIn(input: { loginName: string; password: string }): Promise<DeskSessionView> {
    return this.oneGuessAtATime(() => this.signInNow(input));
  }

  recover(input: { recoveryCode: string; newPassword: string }): Promise<SetUpResult> {
    return this.oneGuessAtATime(() => this.recoverNow(input));
  }

  private async signInNow(input: {
    loginName: string;
    password: string;
  }): Promise<DeskSessionView> {
    // A sign-in writes (its counters, the audit entry) only once the ledger is known intact;
    // waiting for the start-up check makes the outcome the same however fast the check is.
    await this.ledger.whenChecked();
    const db = this.ledger.db();
    const loginName = input.loginName.normalize('NFKC');
    const row = accountByLogin(db, loginName);
    const key = row ? `#${row.id}` : `name:${loginName.toLowerCase()}`;
    this.refuseWhileWaiting(this.failuresOf(key, row));
    const ok = row
      ? await verifyPassword(input.password, row.passwordHash)
      : // the same work for a name without an account, so timing does not tell either
        await this.decoyHash().then((h) => verifyPassword(input.password, h));
    if (!row || row.disabled || !ok) {
      this.fail(key, row);
      throw new ApiError('SIGN_IN_FAILED', msg.signInFailed);
    }
    this.startSession(row.id, this.desk.user);
    return this.session();
  }

  private async recoverNow(input: {
    recoveryCode: string;
    newPassword: string;
  }): Promise<SetUpResult> {
    const db = this.ledger.db();
    const security = deskSecurity(db);
    this.refuseWhileWaiting(
      {
        count: security.recoveryFailedCount,
        untilMs: security.recoveryBackoffUntil ? Date.parse(security.recoveryBackoffUntil) : 0,
      },
      msg.recoveryBackoff,
    );
    const ok =
      security.recoveryHash !== null &&
      (await verifyPassword(input.recoveryCode, security.recoveryHash));
    if (!ok) {
      const count = deskSecurity(db).recoveryFailedCount + 1;
      const wait = backoffSecondsAfter(count);
      db.transaction(() => {
        recordFailedRecovery(db, count, wait > 0 ? this.isoIn(wait) : null);
        appendAuditEvent(db, { action: 'SIGN_IN_FAILED', detail: { by: 'RECOVERY_CODE' } });
      }).immediate();
      throw new ApiError('SIGN_IN_FAILED', msg.recoveryFailed);
    }
    const director = firstActiveDirector(db);
    if (!director) throw new ApiError('INVALID_STATE', msg.noDirectorToRecover);
    const passwordHash = await hashPassword(input.newPassword, this.hashParams);
    const recovery = newRecoveryCode();
    const recoveryHash = await hashPassword(recovery.code, this.hashParams);
    db.transaction(() => {
      setPasswordHash(db, director.id, passwordHash);
      // the old code is dead from here on: it was used, and may have been seen
      setRecoveryHash(db, recoveryHash);
    }).immediate();
    this.startSession(director.id, this.desk.user, 'RECOVERY_CODE');
    return { session: this.session(), recoveryCode: recovery.printed };
  }

  async lock(): Promise<DeskSessionView> {
    await this.ledger.whenChecked();
    this.desk.lock();
    return this.session();
  }

  async signOut(): Promise<DeskSessionView> {
    await this.ledger.whenChecked();
    const user = this.desk.user;
    if (user) this.audit('SIGN_OUT', { account: user.id });
    this.desk.signOut();
    return this.session();
  }

  /**
   * A restored or new empty ledger has its own accounts: the person at the desk stays signed in
   * only if the same account (id and login name, still active) is in it, with its role there.
   */
  readonly afterLedgerReplaced = <T>(result: T): T => {
    this.memoryFailures.clear();
    const user = this.desk.user;
    let same: AccountRow | null = null;
    try {
      same = user ? accountById(this.ledger.db(), user.id) : null;
    } catch {
      same = null;
    }
    if (user && same && !same.disabled && same.loginName === user.loginName) {
      this.desk.update(userOf(same));
    } else {
      this.desk.signOut();
    }
    try {
      this.session();
    } catch {
      // an unreadable ledger: the next call says why
    }
    return result;
  };

  /** Used by the account screens to check the person at the desk, e.g. before a new password. */
  async verifyOwnPassword(password: string): Promise<AccountRow> {
    const user = this.desk.user;
    const row = user ? accountByLogin(this.ledger.db(), user.loginName) : null;
    if (!row || !(await verifyPassword(password, row.passwordHash))) {
      throw new ApiError('BAD_INPUT', msg.currentPasswordWrong, [
        { path: ['currentPassword'], message: msg.currentPasswordWrong },
      ]);
    }
    return row;
  }

  private startSession(id: number, previous: DeskUser | null, by?: string): void {
    const db = this.ledger.db();
    const row = accountById(db, id);
    if (!row) throw new ApiError('NOT_FOUND', msg.accountNotFound);
    this.memoryFailures.delete(`#${id}`);
    // signed in first, so the entries below already name the person
    this.desk.signIn(userOf(row));
    this.writeIfIntact(() => {
      recordSignIn(db, id, this.ledger.now().toISOString());
      appendAuditEvent(db, {
        action: 'SIGN_IN',
        detail: {
          account: id,
          ...(previous && previous.id !== id ? { switchedFrom: previous.id } : {}),
          ...(by ? { by } : {}),
        },
      });
    });
  }

  private failuresOf(key: string, row: AccountRow | null): Failures {
    if (row && !this.ledger.damaged) {
      return {
        count: row.failedCount,
        untilMs: row.backoffUntil ? Date.parse(row.backoffUntil) : 0,
      };
    }
    return this.memoryFailures.get(key) ?? { count: 0, untilMs: 0 };
  }

  private refuseWhileWaiting(
    failures: Failures,
    message: (seconds: number) => string = msg.signInBackoff,
  ): void {
    const waitMs = failures.untilMs - this.desk.clock();
    if (waitMs > 0) {
      throw new ApiError('SIGN_IN_BACKOFF', message(Math.ceil(waitMs / 1000)));
    }
  }

  private fail(key: string, row: AccountRow | null): void {
    const db = this.ledger.db();
    if (row && !this.ledger.damaged) {
      db.transaction(() => {
        // counted from the row as it is now: two wrong guesses at once both count
        const count = (accountByLogin(db, row.loginName)?.failedCount ?? 0) + 1;
        const wait = backoffSecondsAfter(count);
        recordFailedSignIn(db, row.id, count, wait > 0 ? this.isoIn(wait) : null);
        appendAuditEvent(db, { action: 'SIGN_IN_FAILED', detail: { account: row.id } });
      }).immediate();
      return;
    }
    const count = (this.memoryFailures.get(key)?.count ?? 0) + 1;
    const wait = backoffSecondsAfter(count);
    this.memoryFailures.set(key, { count, untilMs: this.desk.clock() + wait * 1000 });
    this.writeIfIntact(() =>
      appendAuditEvent(db, { action: 'SIGN_IN_FAILED', detail: { account: null } }),
    );
  }

  private isoIn(seconds: number): string {
    return new Date(this.desk.clock() + seconds * 1000).toISOString();
  }

  private decoyHash(): Promise<string> {
    this.decoy ??= hashPassword('no account has this password', this.hashParams);
    return this.decoy;
  }

  /** Audit entries and counters are skipped while the ledger is damaged (query_only). */
  private writeIfIntact(write: () => void): void {
    if (this.ledger.damaged || this.ledger.state.state !== 'READY') return;
    const db = this.ledger.db();
    db.transaction(write).immediate();
  }

  private audit(action: string, detail: Record<string, unknown>): void {
    this.writeIfIntact(() => appendAuditEvent(this.ledger.db(), { action, detail }));
  }
}

/**
 * The name is a courtesy of the start screens: a settings row that cannot be read (a damaged
 * page) must not keep anyone from signing in, so it is left out rather than failing the call.
 */
function committeeNameOf(db: Db): string | null {
  try {
    return getRoomSettings(db)?.committeeName ?? null;
  } catch {
    return null;
  }
}

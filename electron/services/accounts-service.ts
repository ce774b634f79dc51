import {
  accountById,
  accountByLogin,
  accountCount,
  deskSecurity,
  insertAccount,
  listAccounts,
  recordFailedRecovery,
  recordFailedSignIn,
  recordSignIn,
  setPasswordHash,
  setRecoveryHash,
  type AccountRow,
} from '../../db/accounts/account-queries.js';
import {
  fileAccountByLogin,
  fileAccountCount,
  fileHasActiveAccountOf,
} from '../../db/accounts/ledger-file-accounts.js';
import { appendAuditEvent } from '../../db/audit/audit-log.js';
import type { Db } from '../../db/connection.js';
import { connectionKey } from '../../db/ledger-cipher.js';
import { getRoomSettings } from '../../db/room-settings-queries.js';
import { backoffSecondsAfter } from '../../domain/accounts/sign-in-backoff.js';
import { DEFAULT_IDLE_LOCK_MINUTES, ROLE_LABELS, type Role } from '../../domain/accounts/roles.js';
import type {
  DeskSession as DeskSessionView,
  DeskUser,
  SetUpResult,
} from '../../domain/api/accounts-contract.js';
import { ApiError } from '../../domain/api/errors.js';
import { mayCall } from '../../domain/api/method-roles.js';
import type { RestorePreview } from '../../domain/api/system-contract.js';
import { accountMessagesZhCN as msg } from '../../domain/messages/accounts-zh-CN.js';
import { actingAs } from './desk-actor.js';
import type { DeskSession } from './desk-session.js';
import { unavailableMessage, type LedgerSession } from './ledger-session.js';
import {
  DEFAULT_PASSWORD_HASH,
  hashPassword,
  verifyPassword,
  type PasswordHashParams,
} from './password-hash.js';
import { newRecoveryCode } from './recovery-code.js';
import { keepRecoverySlot, recoverySlotFor } from './recovery-key-slot-store.js';

export const userOf = (row: AccountRow): DeskUser => ({
  id: row.id,
  loginName: row.loginName,
  displayName: row.displayName,
  role: row.role,
});

/** Who restored a backup, and who confirmed it (§7.4), as the RESTORE audit entry names them. */
export interface RestoreSigners {
  readonly by: { readonly account: number; readonly name: string } | null;
  readonly witness: { readonly account: number; readonly name: string } | null;
}

const signerOf = (row: { id: number; displayName: string }) => ({
  account: row.id,
  name: row.displayName,
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

  /**
   * No account can sign in: the ledger is missing or not ours, encrypted with a key this computer
   * does not have, damaged and never set up (or its accounts unreadable), or a file the app did not open (too new, migration failed, read-only or
   * full media) that holds no account. Such a file that does hold accounts is signed in to
   * against the file itself (`signIn`), so nobody else restores over it.
   */
  nobodyCanSignIn(): boolean {
    const state = this.ledger.state;
    if (state.state === 'MISSING' || state.state === 'NOT_A_LEDGER') return true;
    // Its accounts are inside a file no key here opens; restoring over it sets the file aside
    // and start-up never deletes an encrypted file the key cannot open (db/leftovers.ts).
    if (
      state.state === 'UNAVAILABLE' &&
      (state.reason === 'KEY_MISSING' || state.reason === 'KEY_MISMATCH')
    ) {
      return true;
    }
    if (state.state !== 'READY') return this.unopenedFileAccounts() === 0;
    if (!this.ledger.damaged) return false;
    try {
      return accountCount(state.db) === 0;
    } catch {
      return true;
    }
  }

  /** The ledger file of a state in which it exists but was not opened, else null. */
  private unopenedFile(): string | null {
    const state = this.ledger.state.state;
    return state === 'TOO_NEW' || state === 'MIGRATION_FAILED' || state === 'UNAVAILABLE'
      ? this.ledger.paths.ledgerFile
      : null;
  }

  /** Null when the unopened file cannot be read: then nobody's password can be checked. */
  private unopenedFileAccounts(): number | null {
    const file = this.unopenedFile();
    return file ? fileAccountCount(file) : null;
  }

  session(): DeskSessionView {
    let setUp = false;
    let idleLockMinutes = DEFAULT_IDLE_LOCK_MINUTES;
    let roomName: string | null = null;
    let mediatorsReadRoom = false;
    let mediatorLinked = false;
    const user = this.desk.user;
    const state = this.ledger.state;
    if (state.state === 'READY') {
      setUp = accountCount(state.db) > 0;
      const security = deskSecurity(state.db);
      idleLockMinutes = security.idleLockMinutes;
      mediatorsReadRoom = security.mediatorsReadRoom;
      // unlinked, the 台账's 本人承办 / 全部案件（只读） would both be refused (MEDIATOR_NOT_LINKED)
      mediatorLinked =
        user?.role === 'MEDIATOR' && (accountById(state.db, user.id)?.mediatorId ?? null) !== null;
      this.desk.idleLockMinutes = idleLockMinutes;
      roomName = committeeNameOf(state.db);
    } else {
      setUp = !this.nobodyCanSignIn();
    }
    const locked = this.desk.locked;
    return { setUp, user, locked, idleLockMinutes, roomName, mediatorsReadRoom, mediatorLinked };
  }

  async setUp(input: {
    loginName: string;
    displayName: string;
    password: string;
  }): Promise<SetUpResult> {
    const db = this.ledger.db();
    if (accountCount(db) > 0) throw new ApiError('INVALID_STATE', msg.alreadySetUp);
    const passwordHash = await hashPassword(input.password, this.hashParams);
    const issued = await this.issueRecoveryCode((db) => {
      // Two first-run screens may both have hashed: only the first one's director is made.
      if (accountCount(db) > 0) throw new ApiError('INVALID_STATE', msg.alreadySetUp);
      return insertAccount(db, {
        loginName: input.loginName.normalize('NFKC'),
        displayName: input.displayName,
        role: 'DIRECTOR',
        passwordHash,
        createdAt: this.ledger.now().toISOString(),
      });
    });
    this.startSession(this.accountRow(issued.ownerId), null);
    return { session: this.session(), recoveryCode: issued.printed };
  }

  /**
   * The one place a recovery code is made and stored (set-up, recovery, a director's new code):
   * a new code is hashed, then in one transaction `ownerOf` does its part of the write and names
   * the director the code is for, and the code's hash replaces the old one (dead from then on).
   * The plain code leaves only in the answer, shown once; it also wraps the ledger's data key
   * (keys/ledger-key.recovery.json), written once the code is stored.
   */
  private async issueRecoveryCode(
    ownerOf: (db: Db) => number,
  ): Promise<{ printed: string; ownerId: number }> {
    const recovery = newRecoveryCode();
    const recoveryHash = await hashPassword(recovery.code, this.hashParams);
    const db = this.ledger.db();
    // The data key wrapped by the code: what the second backup place gets instead of the key.
    // A plain ledger waiting to be converted gets its key now, so the code wraps the key the
    // conversion will use (it waits for such a slot).
    const key = connectionKey(db) ?? this.ledger.pendingConversionKey();
    const slot = await recoverySlotFor(key, recovery.code, this.hashParams, recoveryHash);
    const ownerId = db
      .transaction(() => {
        const owner = ownerOf(db);
        setRecoveryHash(db, recoveryHash, owner);
        return owner;
      })
      .immediate();
    keepRecoverySlot(this.ledger.paths, slot);
    this.ledger.recoveryCodeIssued();
    return { printed: recovery.printed, ownerId };
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
    // A sign-in writes (its counters, the audit entry) only once the ledger is known intact, and
    // the check's verdict decides where failures are counted (the row or memory), so the
    // outcome is the same however fast the check is. The password needs no verdict: while the
    // start-up check runs (~2 s at 100,000 cases, in front of the morning's first search), a
    // guess that no backoff can refuse either way is checked at once, and only its failure or
    // its entries wait for the verdict.
    const loginName = input.loginName.normalize('NFKC');
    let row = this.accountToSignIn(loginName);
    const key = row ? `#${row.id}` : `name:${loginName.toLowerCase()}`;
    if (!this.ledger.checking || this.backoffMayWait(key, row)) {
      await this.ledger.whenChecked();
      row = this.accountToSignIn(loginName);
    }
    this.refuseWhileWaiting(this.failuresOf(key, row));
    const ok = row
      ? await verifyPassword(input.password, row.passwordHash)
      : // the same work for a name without an account, so timing does not tell either
        await this.decoyHash().then((h) => verifyPassword(input.password, h));
    if (!row || row.disabled || !ok) {
      await this.ledger.whenChecked();
      // whoever typed it is unknown: not the person the desk is locked for, nor the one at it
      actingAs(null, () => this.fail(key, row));
      throw new ApiError('SIGN_IN_FAILED', msg.signInFailed);
    }
    const state = this.ledger.state;
    // A ledger the app could not open is signed in to only to restore it: by whoever may.
    if (state.state !== 'READY' && !mayCall(row.role, 'system.restoreBackup')) {
      throw new ApiError('LEDGER_UNAVAILABLE', unavailableMessage(state));
    }
    this.startSession(row, this.desk.user);
    return this.session();
  }

  /**
   * The account of a login name: from the open ledger, or read-only from a file the app did not
   * open (a newer app's ledger must stay as that app left it); a missing or unreadable ledger
   * answers with its own reason.
   */
  private accountToSignIn(loginName: string): AccountRow | null {
    const state = this.ledger.state;
    const file = this.unopenedFile();
    if (state.state === 'READY' || !file) return accountByLogin(this.ledger.db(), loginName);
    try {
      return fileAccountByLogin(file, loginName);
    } catch {
      throw new ApiError('LEDGER_UNAVAILABLE', unavailableMessage(state));
    }
  }

  private accountRow(id: number): AccountRow {
    const row = accountById(this.ledger.db(), id);
    if (!row) throw new ApiError('NOT_FOUND', msg.accountNotFound);
    return row;
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
    const passwordHash = await hashPassword(input.newPassword, this.hashParams);
    const issued = await this.issueRecoveryCode((writing) => {
      // The code resets only the director it was printed for, and only while they still are
      // one: a director who left must not take over whoever directs the room now.
      const owner = security.recoveryOwnerId;
      const row = owner === null ? null : accountById(writing, owner);
      if (!row || row.disabled || row.role !== 'DIRECTOR') {
        throw new ApiError('INVALID_STATE', msg.recoveryOwnerGone);
      }
      setPasswordHash(writing, row.id, passwordHash);
      return row.id;
    });
    this.startSession(this.accountRow(issued.ownerId), this.desk.user, 'RECOVERY_CODE');
    return { session: this.session(), recoveryCode: issued.printed };
  }

  /**
   * A director replaces the recovery code (the old one lost, or printed for a director who left):
   * their own password again, one guess at a time with the sign-in's backoff; the new code is
   * theirs and is shown once.
   */
  newRecoveryCode(input: { currentPassword: string }): Promise<{ recoveryCode: string }> {
    return this.oneGuessAtATime(async () => {
      const user = this.desk.caller;
      const row = user ? accountById(this.ledger.db(), user.id) : null;
      if (!row || row.disabled || row.role !== 'DIRECTOR') {
        throw new ApiError('FORBIDDEN', msg.forbidden(ROLE_LABELS[user?.role ?? 'DIRECTOR']));
      }
      const key = `#${row.id}`;
      this.refuseWhileWaiting(this.failuresOf(key, row));
      if (!(await verifyPassword(input.currentPassword, row.passwordHash))) {
        this.fail(key, row);
        throw new ApiError('BAD_INPUT', msg.currentPasswordWrong, [
          { path: ['currentPassword'], message: msg.currentPasswordWrong },
        ]);
      }
      const issued = await this.issueRecoveryCode((db) => {
        appendAuditEvent(db, { action: 'RECOVERY_CODE_NEW', detail: { account: row.id } });
        return row.id;
      });
      return { recoveryCode: issued.printed };
    });
  }

  async lock(): Promise<DeskSessionView> {
    await this.ledger.whenChecked();
    this.desk.lock();
    return this.session();
  }

  async signOut(): Promise<DeskSessionView> {
    await this.ledger.whenChecked();
    const user = this.desk.user;
    if (user && this.desk.locked) {
      // anyone at the lock screen may end the locked person's session: not that person's act
      actingAs(null, () => this.audit('SIGN_OUT', { account: user.id, whileLocked: true }));
    } else if (user) {
      this.audit('SIGN_OUT', { account: user.id });
    }
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

  /**
   * §7.4: replacing a ledger that still holds everything takes two people, a director and a
   * technical administrator. The second one's password is checked as a sign-in is (one guess at
   * a time, the same backoff and counters for that account, the same answer for a wrong password
   * and an unknown name); only then are a disabled account or the wrong role named. Where no
   * password can be read (`needed` false, or nobody can sign in) the restore is one person's, so
   * a damaged or missing ledger never leaves the room stuck.
   */
  restoreSigners(
    witness: { loginName: string; password: string } | undefined,
    needed: boolean,
  ): Promise<RestoreSigners> {
    const caller = this.desk.caller;
    const by = caller ? signerOf(caller) : null;
    if (!needed || this.nobodyCanSignIn()) return Promise.resolve({ by, witness: null });
    if (!caller) throw new ApiError('NOT_SIGNED_IN', msg.notSignedIn);
    const other = this.restoreWitnessRole(caller);
    if (other === null) return Promise.resolve({ by, witness: null });
    if (!this.hasActiveAccountOf(other, caller.id)) {
      throw new ApiError(
        'RESTORE_WITNESS_NONE',
        other === 'ADMIN' ? msg.restoreWitnessNoneAdmin : msg.restoreWitnessNoneDirector,
      );
    }
    const refused = (message: string) =>
      new ApiError('RESTORE_WITNESS_REFUSED', message, [{ path: ['witness'], message }]);
    if (!witness) throw refused(msg.restoreWitnessMissing(ROLE_LABELS[other]));
    return this.oneGuessAtATime(async () => {
      const loginName = witness.loginName.normalize('NFKC');
      const row = this.accountToSignIn(loginName);
      if (row?.id === caller.id) throw refused(msg.restoreWitnessSelf);
      const key = row ? `#${row.id}` : `name:${loginName.toLowerCase()}`;
      this.refuseWhileWaiting(this.failuresOf(key, row));
      const ok = row
        ? await verifyPassword(witness.password, row.passwordHash)
        : await this.decoyHash().then((h) => verifyPassword(witness.password, h));
      if (!row || !ok) {
        // its own entry: an auditor tells a guessed witness from a failed sign-in (review s29 R2)
        this.fail(key, row, 'RESTORE_WITNESS_FAILED');
        throw refused(msg.restoreWitnessWrong);
      }
      if (row.disabled) throw refused(msg.restoreWitnessDisabled);
      if (row.role !== other) throw refused(msg.restoreWitnessRole(ROLE_LABELS[other]));
      // The right password proves the person as a sign-in does, so their wait starts over.
      this.clearFailures(key, row);
      return { by, witness: signerOf(row) };
    });
  }

  /**
   * A restore preview with the role of the second person it needs (null: one person), and what
   * the dialog can tell before anything is typed: a room without such an account is told at
   * once, as `restoreSigners` would answer (review s29: the dialog listed the accounts for it).
   */
  readonly withRestoreWitness = <P extends { readonly requiresConfirmation: boolean }>(
    preview: P,
  ): P & Pick<RestorePreview, 'witnessRole' | 'witnessNotice'> => {
    const caller = this.desk.caller;
    const needed = preview.requiresConfirmation && caller !== null && !this.nobodyCanSignIn();
    const role = needed ? this.restoreWitnessRole(caller) : null;
    let witnessNotice: RestorePreview['witnessNotice'] = null;
    if (role !== null && caller !== null) {
      if (this.unopenedFile()) witnessNotice = 'UNOPENED_FILE';
      else if (!this.hasActiveAccountOf(role, caller.id)) witnessNotice = 'NO_ACCOUNT';
    }
    return { ...preview, witnessRole: role, witnessNotice };
  };

  /**
   * The other of the two room roles (§7.4). On a file the app did not open (too new, its
   * migration failed, unwritable) no account can be made, so a room without an active account
   * of that role there restores as before, with the sentence alone (review s29 R1: a
   * one-director room would otherwise be stuck); on an open ledger the director makes one.
   */
  private restoreWitnessRole(caller: DeskUser): 'DIRECTOR' | 'ADMIN' | null {
    const other = caller.role === 'DIRECTOR' ? 'ADMIN' : 'DIRECTOR';
    if (this.ledger.state.state === 'READY') return other;
    const file = this.unopenedFile();
    return file && fileHasActiveAccountOf(file, other, caller.id) ? other : null;
  }

  /** On the open ledger (an unopened file's are read by `restoreWitnessRole`). */
  private hasActiveAccountOf(role: Role, exceptId: number): boolean {
    if (this.ledger.state.state !== 'READY') return true;
    try {
      return listAccounts(this.ledger.db()).some(
        (a) => a.role === role && !a.disabled && a.id !== exceptId,
      );
    } catch {
      return true;
    }
  }

  /** Used by the account screens to check the person at the desk, e.g. before a new password. */
  async verifyOwnPassword(password: string): Promise<AccountRow> {
    const user = this.desk.caller;
    const row = user ? accountByLogin(this.ledger.db(), user.loginName) : null;
    if (!row || !(await verifyPassword(password, row.passwordHash))) {
      throw new ApiError('BAD_INPUT', msg.currentPasswordWrong, [
        { path: ['currentPassword'], message: msg.currentPasswordWrong },
      ]);
    }
    return row;
  }

  private startSession(row: AccountRow, previous: DeskUser | null, by?: string): void {
    const id = row.id;
    this.memoryFailures.delete(`#${id}`);
    // signed in first, so the entries below already name the person
    this.desk.signIn(userOf(row));
    const entry = {
      action: 'SIGN_IN',
      detail: {
        account: id,
        ...(previous && previous.id !== id ? { switchedFrom: previous.id } : {}),
        ...(by ? { by } : {}),
      },
    };
    // While converting, the entry is held for the ledger that comes out of it (review s30 RS1);
    // the row's last sign-in time is not written then (a write the copy would miss). During the
    // start-up check it is held too, in the order of the entries made after it (review s33
    // SE1), and the row's time waits for the verdict.
    if (this.ledger.converting || this.ledger.checking) {
      this.ledger.recordEntry(entry);
      if (this.ledger.converting) return;
      const user = userOf(row);
      const db = this.ledger.db();
      void this.ledger.whenChecked().then(() => {
        if (this.ledger.state.state !== 'READY' || this.ledger.db() !== db) return;
        if (this.ledger.converting) return;
        try {
          actingAs(user, () =>
            this.writeIfIntact(() => recordSignIn(db, id, this.ledger.now().toISOString())),
          );
        } catch (error) {
          console.error('[accounts] last sign-in time not written:', error);
        }
      });
      return;
    }
    this.writeIfIntact(() => {
      const db = this.ledger.db();
      recordSignIn(db, id, this.ledger.now().toISOString());
      appendAuditEvent(db, entry);
    });
  }

  /**
   * Whether a backoff could refuse this guess on one verdict of the start-up check and not on
   * the other: an intact ledger counts failures in the account's row, a damaged (or converting)
   * one in memory. With neither waiting, the guess goes ahead whatever the check finds.
   */
  private backoffMayWait(key: string, row: AccountRow | null): boolean {
    const now = this.desk.clock();
    const inRow = row?.backoffUntil ? Date.parse(row.backoffUntil) > now : false;
    const inMemory = (this.memoryFailures.get(key)?.untilMs ?? 0) > now;
    return inRow || inMemory;
  }

  /**
   * Failures are kept in the account's row while the ledger can be written; a damaged ledger or
   * a file the app did not open (read-only to us) keeps them in memory under the same key, and
   * so does a plain ledger being encrypted (a write then would be missing from the copy).
   */
  private countsInRow(row: AccountRow | null): row is AccountRow {
    return (
      row !== null &&
      this.ledger.state.state === 'READY' &&
      !this.ledger.damaged &&
      !this.ledger.converting
    );
  }

  private failuresOf(key: string, row: AccountRow | null): Failures {
    if (this.countsInRow(row)) {
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

  /** What a sign-in resets: the account's failures, in its row or in memory. */
  private clearFailures(key: string, row: AccountRow): void {
    this.memoryFailures.delete(key);
    if (!this.countsInRow(row) || row.failedCount === 0) return;
    const db = this.ledger.db();
    db.transaction(() => recordFailedSignIn(db, row.id, 0, null)).immediate();
  }

  private fail(key: string, row: AccountRow | null, action = 'SIGN_IN_FAILED'): void {
    const account = row?.id ?? null;
    if (this.countsInRow(row)) {
      const db = this.ledger.db();
      db.transaction(() => {
        // counted from the row as it is now: two wrong guesses at once both count
        const count = (accountByLogin(db, row.loginName)?.failedCount ?? 0) + 1;
        const wait = backoffSecondsAfter(count);
        recordFailedSignIn(db, row.id, count, wait > 0 ? this.isoIn(wait) : null);
        appendAuditEvent(db, { action, detail: { account: row.id } });
      }).immediate();
      return;
    }
    const count = (this.memoryFailures.get(key)?.count ?? 0) + 1;
    const wait = backoffSecondsAfter(count);
    this.memoryFailures.set(key, { count, untilMs: this.desk.clock() + wait * 1000 });
    // a row counted in memory only while converting (else it is damaged or unopened: no entry)
    this.ledger.recordEntry({ action, detail: { account } });
  }

  private isoIn(seconds: number): string {
    return new Date(this.desk.clock() + seconds * 1000).toISOString();
  }

  private decoyHash(): Promise<string> {
    this.decoy ??= hashPassword('no account has this password', this.hashParams);
    return this.decoy;
  }

  /** Counters are skipped while the ledger is damaged (query_only) or being encrypted. */
  private writeIfIntact(write: () => void): void {
    if (this.ledger.damaged || this.ledger.converting || this.ledger.state.state !== 'READY')
      return;
    this.ledger.appendHeldEntries();
    const db = this.ledger.db();
    db.transaction(write).immediate();
  }

  /** The desk's own entries: held while converting, skipped on a damaged ledger (`recordEntry`). */
  private audit(action: string, detail: Record<string, unknown>): void {
    this.ledger.recordEntry({ action, detail });
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

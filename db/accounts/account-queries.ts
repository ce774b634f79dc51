import type { Role } from '../../domain/accounts/roles.js';
import type { Db } from '../connection.js';
import { statement } from '../statement-cache.js';

/** One row of `desk_account` (migration 025), the hash included: never leaves the core. */
export interface AccountRow {
  readonly id: number;
  readonly loginName: string;
  readonly displayName: string;
  readonly role: Role;
  readonly passwordHash: string;
  readonly disabled: boolean;
  readonly createdAt: string;
  readonly lastSignInAt: string | null;
  readonly failedCount: number;
  readonly backoffUntil: string | null;
  /** The mediator profile the account works as (migration 027): a 调解员's own cases. */
  readonly mediatorId: number | null;
}

interface RawAccount {
  id: number;
  login_name: string;
  display_name: string;
  role: Role;
  password_hash: string;
  disabled: number;
  created_at: string;
  last_sign_in_at: string | null;
  failed_count: number;
  backoff_until: string | null;
  /** Absent in a file from before migration 027 (read without migrating: ledger-file-accounts). */
  mediator_id?: number | null;
}

const fromRow = (r: RawAccount): AccountRow => ({
  id: r.id,
  loginName: r.login_name,
  displayName: r.display_name,
  role: r.role,
  passwordHash: r.password_hash,
  disabled: r.disabled === 1,
  createdAt: r.created_at,
  lastSignInAt: r.last_sign_in_at,
  failedCount: r.failed_count,
  backoffUntil: r.backoff_until,
  mediatorId: r.mediator_id ?? null,
});

export function accountCount(db: Db): number {
  return (statement(db, 'SELECT count(*) AS n FROM desk_account').get() as { n: number }).n;
}

export function listAccounts(db: Db): AccountRow[] {
  return (statement(db, 'SELECT * FROM desk_account ORDER BY id').all() as RawAccount[]).map(
    fromRow,
  );
}

export function accountById(db: Db, id: number): AccountRow | null {
  const row = statement(db, 'SELECT * FROM desk_account WHERE id = ?').get(id) as
    RawAccount | undefined;
  return row ? fromRow(row) : null;
}

/** Login names compare without case (the unique index is NOCASE too). */
export function accountByLogin(db: Db, loginName: string): AccountRow | null {
  const row = statement(db, 'SELECT * FROM desk_account WHERE login_name = ? COLLATE NOCASE').get(
    loginName,
  ) as RawAccount | undefined;
  return row ? fromRow(row) : null;
}

/** The director the recovery code belongs to: the first one still active. */
export function firstActiveDirector(db: Db): AccountRow | null {
  const row = statement(
    db,
    `SELECT * FROM desk_account WHERE role = 'DIRECTOR' AND disabled = 0 ORDER BY id LIMIT 1`,
  ).get() as RawAccount | undefined;
  return row ? fromRow(row) : null;
}

export function activeDirectorCount(db: Db): number {
  return (
    statement(
      db,
      `SELECT count(*) AS n FROM desk_account WHERE role = 'DIRECTOR' AND disabled = 0`,
    ).get() as { n: number }
  ).n;
}

export interface NewAccount {
  readonly loginName: string;
  readonly displayName: string;
  readonly role: Role;
  readonly passwordHash: string;
  readonly createdAt: string;
  readonly mediatorId?: number | null;
}

export function insertAccount(db: Db, a: NewAccount): number {
  return Number(
    statement(
      db,
      `INSERT INTO desk_account (login_name, display_name, role, password_hash, created_at,
         mediator_id)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(a.loginName, a.displayName, a.role, a.passwordHash, a.createdAt, a.mediatorId ?? null)
      .lastInsertRowid,
  );
}

export function updateAccount(
  db: Db,
  id: number,
  change: {
    readonly displayName: string;
    readonly role: Role;
    readonly disabled: boolean;
    readonly mediatorId: number | null;
  },
): void {
  statement(
    db,
    'UPDATE desk_account SET display_name = ?, role = ?, disabled = ?, mediator_id = ? WHERE id = ?',
  ).run(change.displayName, change.role, change.disabled ? 1 : 0, change.mediatorId, id);
}

/** The account registered the case (case_file.registrar_account_id, migration 028). */
export function isCaseRegisteredBy(db: Db, caseId: number, accountId: number): boolean {
  return (
    statement(db, 'SELECT 1 FROM case_file WHERE id = ? AND registrar_account_id = ?').get(
      caseId,
      accountId,
    ) !== undefined
  );
}

/** Whether the mediator profile is one of those assigned to the case (any position). */
export function isCaseOfMediator(db: Db, caseId: number, mediatorId: number): boolean {
  return (
    statement(db, 'SELECT 1 FROM case_mediator WHERE case_id = ? AND mediator_id = ?').get(
      caseId,
      mediatorId,
    ) !== undefined
  );
}

/** A new password also clears the failures: the person who set it knows it. */
export function setPasswordHash(db: Db, id: number, passwordHash: string): void {
  statement(
    db,
    `UPDATE desk_account SET password_hash = ?, failed_count = 0, backoff_until = NULL
      WHERE id = ?`,
  ).run(passwordHash, id);
}

export function recordSignIn(db: Db, id: number, at: string): void {
  statement(
    db,
    `UPDATE desk_account SET last_sign_in_at = ?, failed_count = 0, backoff_until = NULL
      WHERE id = ?`,
  ).run(at, id);
}

export function recordFailedSignIn(
  db: Db,
  id: number,
  failedCount: number,
  backoffUntil: string | null,
): void {
  statement(db, 'UPDATE desk_account SET failed_count = ?, backoff_until = ? WHERE id = ?').run(
    failedCount,
    backoffUntil,
    id,
  );
}

export interface DeskSecurityRow {
  /** The Argon2id PHC string of the recovery code. */
  readonly recoveryHash: string | null;
  /** The director the code was printed for: it resets only that account. */
  readonly recoveryOwnerId: number | null;
  readonly recoveryFailedCount: number;
  readonly recoveryBackoffUntil: string | null;
  readonly idleLockMinutes: number;
  /** 调解员可查看本调委会全部案件（只读）: mediator-case-door.ts lets their reads of another's case through. */
  readonly mediatorsReadRoom: boolean;
}

export function deskSecurity(db: Db): DeskSecurityRow {
  const row = statement(db, 'SELECT * FROM desk_security WHERE id = 1').get() as
    | {
        recovery_hash: string | null;
        recovery_owner_id: number | null;
        recovery_failed_count: number;
        recovery_backoff_until: string | null;
        idle_lock_minutes: number;
        mediators_read_room?: number;
      }
    | undefined;
  return {
    recoveryHash: row?.recovery_hash ?? null,
    recoveryOwnerId: row?.recovery_owner_id ?? null,
    recoveryFailedCount: row?.recovery_failed_count ?? 0,
    recoveryBackoffUntil: row?.recovery_backoff_until ?? null,
    idleLockMinutes: row?.idle_lock_minutes ?? 5,
    mediatorsReadRoom: row?.mediators_read_room === 1,
  };
}

export function setRecoveryHash(db: Db, recoveryHash: string, ownerId: number): void {
  statement(
    db,
    `UPDATE desk_security SET recovery_hash = ?, recovery_failed_count = 0,
       recovery_backoff_until = NULL, recovery_owner_id = ? WHERE id = 1`,
  ).run(recoveryHash, ownerId);
}

export function recordFailedRecovery(
  db: Db,
  failedCount: number,
  backoffUntil: string | null,
): void {
  statement(
    db,
    'UPDATE desk_security SET recovery_failed_count = ?, recovery_backoff_until = ? WHERE id = 1',
  ).run(failedCount, backoffUntil);
}

export function setIdleLockMinutes(db: Db, minutes: number): void {
  statement(db, 'UPDATE desk_security SET idle_lock_minutes = ? WHERE id = 1').run(minutes);
}

export function setMediatorsReadRoom(db: Db, on: boolean): void {
  statement(db, 'UPDATE desk_security SET mediators_read_room = ? WHERE id = 1').run(on ? 1 : 0);
}

import {
  accountById,
  accountByLogin,
  activeDirectorCount,
  insertAccount,
  listAccounts,
  setIdleLockMinutes,
  setMediatorsReadRoom,
  setPasswordHash,
  updateAccount,
  type AccountRow,
} from '../../db/accounts/account-queries.js';
import type { Db } from '../../db/connection.js';
import { getMediators } from '../../db/cases/mediator-queries.js';
import { managesRole, type Role } from '../../domain/accounts/roles.js';
import type {
  AccountView,
  DeskSession as DeskSessionView,
} from '../../domain/api/accounts-contract.js';
import { ApiError } from '../../domain/api/errors.js';
import { accountMessagesZhCN as msg } from '../../domain/messages/accounts-zh-CN.js';
import { userOf, type AccountsService } from './accounts-service.js';
import type { LedgerSession } from './ledger-session.js';
import { hashPassword } from './password-hash.js';

const viewOf = (row: AccountRow): AccountView => ({
  ...userOf(row),
  mediatorId: row.mediatorId,
  disabled: row.disabled,
  createdAt: row.createdAt,
  lastSignInAt: row.lastSignInAt,
});

/**
 * 设置 → 账号 (DIRECTOR and ADMIN, by METHOD_ROLES) and 我的账号. A technical administrator
 * manages the accounts that see no case content (统计员, 技术管理员, 审计员) and never their own
 * role; everything else is the director's. The last active director is never disabled or
 * demoted, so the room can always be administered.
 */
export class AccountAdminService {
  constructor(
    private readonly ledger: LedgerSession,
    private readonly accounts: AccountsService,
  ) {}

  list(): readonly AccountView[] {
    return listAccounts(this.ledger.db()).map(viewOf);
  }

  async create(input: {
    loginName: string;
    displayName: string;
    role: Role;
    password: string;
    mediatorId?: number | null | undefined;
  }): Promise<AccountView> {
    if (input.role === 'DIRECTOR') this.requireDirector();
    this.requireDirectorFor(input.role);
    const mediatorId = input.mediatorId ?? null;
    if (mediatorId !== null) this.requireLinkable(this.ledger.db(), mediatorId);
    const db = this.ledger.db();
    const loginName = input.loginName.normalize('NFKC');
    if (accountByLogin(db, loginName)) this.nameTaken();
    const passwordHash = await hashPassword(input.password, this.accounts.hashParams);
    const id = db
      .transaction(() => {
        if (accountByLogin(db, loginName)) this.nameTaken();
        return insertAccount(db, {
          loginName,
          displayName: input.displayName,
          role: input.role,
          passwordHash,
          createdAt: this.ledger.now().toISOString(),
          mediatorId,
        });
      })
      .immediate();
    return viewOf(this.row(id));
  }

  update(input: {
    id: number;
    displayName?: string | undefined;
    role?: Role | undefined;
    disabled?: boolean | undefined;
    mediatorId?: number | null | undefined;
  }): AccountView {
    const db = this.ledger.db();
    const updated = db
      .transaction(() => {
        const row = this.row(input.id);
        const role = input.role ?? row.role;
        const disabled = input.disabled ?? row.disabled;
        if (row.role === 'DIRECTOR' || role === 'DIRECTOR') this.requireDirector();
        this.requireDirectorFor(row.role, role);
        const me = this.accounts.desk.caller;
        if (me?.id === row.id && role !== row.role && me.role !== 'DIRECTOR') {
          throw new ApiError('FORBIDDEN', msg.ownRole);
        }
        if (disabled && !row.disabled && this.accounts.desk.caller?.id === row.id) {
          throw new ApiError('INVALID_STATE', msg.selfDisable);
        }
        const mediatorId = input.mediatorId === undefined ? row.mediatorId : input.mediatorId;
        if (mediatorId !== row.mediatorId) {
          if (mediatorId === null) this.requireDirectorLinks();
          else this.requireLinkable(db, mediatorId);
        }
        const stopsDirecting =
          row.role === 'DIRECTOR' && !row.disabled && (role !== 'DIRECTOR' || disabled);
        if (stopsDirecting && activeDirectorCount(db) <= 1) {
          throw new ApiError('INVALID_STATE', msg.lastDirector);
        }
        updateAccount(db, row.id, {
          displayName: input.displayName ?? row.displayName,
          role,
          disabled,
          mediatorId,
        });
        return this.row(row.id);
      })
      .immediate();
    this.accounts.desk.update(userOf(updated));
    return viewOf(updated);
  }

  async resetPassword(input: { id: number; password: string }): Promise<null> {
    const row = this.row(input.id);
    if (row.role === 'DIRECTOR') this.requireDirector();
    this.requireDirectorFor(row.role);
    const passwordHash = await hashPassword(input.password, this.accounts.hashParams);
    const db = this.ledger.db();
    db.transaction(() => setPasswordHash(db, row.id, passwordHash)).immediate();
    return null;
  }

  async changePassword(input: { currentPassword: string; newPassword: string }): Promise<null> {
    const row = await this.accounts.verifyOwnPassword(input.currentPassword);
    const passwordHash = await hashPassword(input.newPassword, this.accounts.hashParams);
    const db = this.ledger.db();
    db.transaction(() => setPasswordHash(db, row.id, passwordHash)).immediate();
    return null;
  }

  setIdleLock(minutes: number): DeskSessionView {
    const db = this.ledger.db();
    db.transaction(() => setIdleLockMinutes(db, minutes)).immediate();
    return this.accounts.session();
  }

  setMediatorsReadRoom(on: boolean): DeskSessionView {
    const db = this.ledger.db();
    db.transaction(() => setMediatorsReadRoom(db, on)).immediate();
    return this.accounts.session();
  }

  private row(id: number): AccountRow {
    const row = accountById(this.ledger.db(), id);
    if (!row) throw new ApiError('NOT_FOUND', msg.accountNotFound);
    return row;
  }

  private requireDirectorFor(...roles: readonly Role[]): void {
    const actor = this.accounts.desk.caller?.role;
    if (!actor || roles.some((r) => !managesRole(actor, r))) {
      throw new ApiError('FORBIDDEN', msg.onlyDirectorForCaseRoles);
    }
  }

  /**
   * The link decides whose ID numbers a 调解员 may see (§7.3): the director's to make, never a
   * technical administrator's (who sees no case content), and only to a profile in the list.
   */
  private requireLinkable(db: Db, mediatorId: number): void {
    this.requireDirectorLinks();
    if (getMediators(db, [mediatorId]).length === 0) {
      throw new ApiError('NOT_FOUND', msg.noSuchMediator, [
        { path: ['mediatorId'], message: msg.noSuchMediator },
      ]);
    }
  }

  private requireDirectorLinks(): void {
    if (this.accounts.desk.caller?.role !== 'DIRECTOR') {
      throw new ApiError('FORBIDDEN', msg.onlyDirectorLinksMediator);
    }
  }

  private requireDirector(): void {
    if (this.accounts.desk.caller?.role !== 'DIRECTOR') {
      throw new ApiError('FORBIDDEN', msg.onlyDirectorMakesDirector);
    }
  }

  private nameTaken(): never {
    throw new ApiError('CONFLICT', msg.loginNameTaken, [
      { path: ['loginName'], message: msg.loginNameTaken },
    ]);
  }
}

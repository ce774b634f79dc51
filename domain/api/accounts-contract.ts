import { z } from 'zod';
import {
  MAX_IDLE_LOCK_MINUTES,
  MIN_IDLE_LOCK_MINUTES,
  ROLES,
  type Role,
} from '../accounts/roles.js';
import { rowIdField } from '../cases/input-fields.js';
import { singleLine } from '../text-input.js';
import { method } from './method.js';

/** A person who can sign in at this desk. */
export interface DeskUser {
  readonly id: number;
  readonly loginName: string;
  readonly displayName: string;
  readonly role: Role;
}

export interface AccountView extends DeskUser {
  /**
   * The mediator profile (mediators.list) the account works as: a 调解员 sees the whole ID
   * number only of the cases that profile is assigned to. Null: not linked.
   */
  readonly mediatorId: number | null;
  readonly disabled: boolean;
  readonly createdAt: string;
  readonly lastSignInAt: string | null;
}

/**
 * The desk's state: one person signed in at a time (the desk is one computer). While locked
 * the user is still named (the lock screen says whose desk it is) but every method other than
 * the open ones and `accounts.signIn` is refused with LOCKED.
 */
export interface DeskSession {
  /** At least one account exists; false on a new or pre-accounts ledger (first-run screen). */
  readonly setUp: boolean;
  readonly user: DeskUser | null;
  readonly locked: boolean;
  readonly idleLockMinutes: number;
  /**
   * Whose desk this is, for the sign-in and lock screens: the committee's name from 调解组织设置
   * (调解委员会名称), null until it is set or while the ledger cannot be read. The only thing
   * of the ledger those screens show; it names no party.
   */
  readonly roomName: string | null;
  /**
   * The committee's setting 调解员可查看本调委会全部案件（只读）: a 调解员 may list the whole room
   * and open another's case read-only. A room setting, naming nobody; off until a director turns
   * it on.
   */
  readonly mediatorsReadRoom: boolean;
  /**
   * The signed-in 调解员's account is linked to a mediator profile (设置 → 账号): unlinked, they
   * see no case at all, their own or (with the setting above) the room's. False for every other
   * role and while nobody is signed in.
   */
  readonly mediatorLinked: boolean;
}

export interface SetUpResult {
  readonly session: DeskSession;
  /** Shown and printed once; it is stored only as a hash. */
  readonly recoveryCode: string;
}

export const loginNameField = singleLine({ min: 2, max: 32, label: '登录名' });
export const displayNameField = singleLine({ min: 1, max: 20, label: '姓名' });
export const roleField = z.enum(ROLES, { error: '角色无效' });
/** Null unlinks; set by a director (it decides which cases' ID numbers a 调解员 may see). */
export const accountMediatorField = rowIdField('调解员').nullable();

// Characters a secret typed at a keyboard never holds (controls, format, private-use,
// unassigned, line separators, blank look-alikes). Refused rather than removed: silently
// changing a password would lock its owner out.
const INVISIBLE_IN_SECRET = /[\p{C}\p{Zl}\p{Zp}\u2800\u3164\uFFA0]/u;

/**
 * Passwords are secrets, not text: refused when they hold an invisible character, otherwise
 * only brought to NFC (an input method may send either form of the same letter).
 */
export function passwordField(label: string) {
  return z
    .string({ error: (iss) => (iss.input === undefined ? `请填写${label}` : `${label}必须是文字`) })
    .max(512, { error: `${label}最多 128 位` })
    .refine((s) => !INVISIBLE_IN_SECRET.test(s), { error: `${label}不能包含控制字符或不可见字符` })
    .transform((s) => s.normalize('NFC'))
    .refine((s) => [...s].length >= 8, { error: `${label}至少 8 位` })
    .refine((s) => [...s].length <= 128, { error: `${label}最多 128 位` });
}

/** The recovery code's letters (no 0/O, 1/I/L): 24 of them, printed in groups of four. */
export const RECOVERY_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const RECOVERY_CODE_LENGTH = 24;

/** Accepts the code as printed or typed: groups, dashes, spaces, lower case, full-width forms. */
export const recoveryCodeField = z
  .string({ error: '请填写恢复码' })
  .max(96, { error: '恢复码格式不正确' })
  .transform((raw, ctx) => {
    const code = raw.normalize('NFKC').replace(/[\s-]/gu, '').toUpperCase();
    const valid =
      code.length === RECOVERY_CODE_LENGTH &&
      [...code].every((c) => RECOVERY_CODE_ALPHABET.includes(c));
    if (!valid) {
      ctx.addIssue({ code: 'custom', message: '恢复码格式不正确（24 位字母和数字）' });
      return z.NEVER;
    }
    return code;
  });

/** Accounts, sign-in and the desk lock (§7.3; issue 11 must-haves 3 and 4). */
export const accountsContract = {
  /** Open: who is signed in, whether the desk is locked, whether any account exists. */
  'accounts.session': method<DeskSession>()(z.strictObject({})),
  /** Open, only while no account exists: creates the director, signs them in. */
  'accounts.setUp': method<SetUpResult>()(
    z.strictObject({
      loginName: loginNameField,
      displayName: displayNameField,
      password: passwordField('密码'),
    }),
  ),
  /** Open: signs in, unlocks, or (as another person) switches the desk's user. */
  'accounts.signIn': method<DeskSession>()(
    z.strictObject({ loginName: loginNameField, password: passwordField('密码') }),
  ),
  /** Open: the director's password is reset with the recovery code; a new code replaces it. */
  'accounts.recover': method<SetUpResult>()(
    z.strictObject({ recoveryCode: recoveryCodeField, newPassword: passwordField('新密码') }),
  ),
  'accounts.lock': method<DeskSession>()(z.strictObject({})),
  'accounts.signOut': method<DeskSession>()(z.strictObject({})),
  /** The person at the desk is active (typing in a form): keeps the desk from locking. */
  'accounts.touch': method<null>()(z.strictObject({})),
  'accounts.changePassword': method<null>()(
    z.strictObject({
      currentPassword: passwordField('当前密码'),
      newPassword: passwordField('新密码'),
    }),
  ),
  /**
   * A director replaces the recovery code (their password again): the new one is theirs, shown
   * once; the old one is dead.
   */
  'accounts.newRecoveryCode': method<{ readonly recoveryCode: string }>()(
    z.strictObject({ currentPassword: passwordField('当前密码') }),
  ),
  'accounts.list': method<readonly AccountView[]>()(z.strictObject({})),
  'accounts.create': method<AccountView>()(
    z.strictObject({
      loginName: loginNameField,
      displayName: displayNameField,
      role: roleField,
      password: passwordField('初始密码'),
      mediatorId: accountMediatorField.optional(),
    }),
  ),
  'accounts.update': method<AccountView>()(
    z.strictObject({
      id: rowIdField('账户'),
      displayName: displayNameField.optional(),
      role: roleField.optional(),
      disabled: z.boolean({ error: '停用必须选择是或否' }).optional(),
      mediatorId: accountMediatorField.optional(),
    }),
  ),
  'accounts.resetPassword': method<null>()(
    z.strictObject({ id: rowIdField('账户'), password: passwordField('新密码') }),
  ),
  'accounts.setMediatorsReadRoom': method<DeskSession>()(
    z.strictObject({ on: z.boolean({ error: '请选择是否允许调解员查看全部案件' }) }),
  ),
  'accounts.setIdleLock': method<DeskSession>()(
    z.strictObject({
      minutes: z
        .number({ error: '自动锁定时间必须是数字' })
        .int({ error: '自动锁定时间必须是整数分钟' })
        .min(MIN_IDLE_LOCK_MINUTES, { error: `自动锁定时间至少 ${MIN_IDLE_LOCK_MINUTES} 分钟` })
        .max(MAX_IDLE_LOCK_MINUTES, { error: `自动锁定时间最多 ${MAX_IDLE_LOCK_MINUTES} 分钟` }),
    }),
  ),
} as const;

/**
 * The roles of a mediation room's desk (domain.md §7.3). A person has exactly one role; the
 * API door decides per method which roles may call it (`domain/api/method-roles.ts`).
 */
export const ROLES = [
  'RECEPTIONIST',
  'MEDIATOR',
  'DIRECTOR',
  'STATISTICIAN',
  'ADMIN',
  'AUDITOR',
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  RECEPTIONIST: '登记员',
  MEDIATOR: '调解员',
  DIRECTOR: '调委会主任',
  STATISTICIAN: '统计员（司法所）',
  ADMIN: '技术管理员',
  AUDITOR: '审计员',
};

/** What each role is for, shown where accounts are created. */
export const ROLE_DESCRIPTIONS: Readonly<Record<Role, string>> = {
  RECEPTIONIST: '受理登记；保存后证件号码只显示部分',
  MEDIATOR: '办理案件、调解记录、协议书、回访；可查看完整证件号码（留痕）',
  DIRECTOR: '全部案件与报表、账户管理、导出含个人信息的台账',
  STATISTICIAN: '统计与报表，不含个人信息',
  ADMIN: '账户、备份与设置；不能查看案件内容',
  AUDITOR: '只读审计日志',
};

/**
 * The roles that see case content (§7.3). The technical administrator has none of it, so
 * accounts of these roles are the director's to make, change, stop or reset: otherwise an
 * administrator could make one (or reset a mediator's password) and read the cases.
 */
export const ROLES_SEEING_CASES: readonly Role[] = ['RECEPTIONIST', 'MEDIATOR', 'DIRECTOR'];

/** Whether a person of role `actor` may make, change or reset an account of role `role`. */
export function managesRole(actor: Role, role: Role): boolean {
  return actor === 'DIRECTOR' || !ROLES_SEEING_CASES.includes(role);
}

/** The idle minutes after which the desk locks itself, unless the room chose otherwise. */
export const DEFAULT_IDLE_LOCK_MINUTES = 5;
export const MIN_IDLE_LOCK_MINUTES = 1;
export const MAX_IDLE_LOCK_MINUTES = 60;

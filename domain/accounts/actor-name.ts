import { ROLE_LABELS, type Role } from './roles.js';

/**
 * How a signed-in person is named in the change history, the audit chain and the print
 * register: name and role, e.g. 卓玛（调解员）. The role is the one held at that moment, so a
 * later promotion does not rewrite what the record says.
 */
export function actorNameOf(user: { readonly displayName: string; readonly role: Role }): string {
  // 统计员（司法所） → 统计员: no parentheses inside the parentheses
  const role = ROLE_LABELS[user.role].replace(/（.*）$/u, '');
  return `${user.displayName}（${role}）`;
}

import type { Role } from '../../../domain/accounts/roles';
import { mayCall } from '../../../domain/api/method-roles';
import { NAV_ITEMS } from './navigation';

export { mayCall };

export type NavItem = (typeof NAV_ITEMS)[number];

/** The entries this role may open; 审计日志 stands alone only for those without 设置. */
export function navItemsFor(role: Role): readonly NavItem[] {
  const settings = mayCall(role, 'settings.save');
  return NAV_ITEMS.filter(
    (item) => mayCall(role, item.method) && !(item.path === '/audit' && settings),
  );
}

// Where each role starts: its first screen with something it may see (§7.3: the technical
// administrator sees no case content, the auditor only the log, the statistician the figures).
const PREFERRED_LANDING: Readonly<Partial<Record<Role, string>>> = {
  ADMIN: '/settings',
  AUDITOR: '/audit',
  STATISTICIAN: '/reports',
};

/** The screen a person lands on after signing in; never one that would only say FORBIDDEN. */
export function landingPath(role: Role): string {
  const items = navItemsFor(role);
  const preferred = PREFERRED_LANDING[role];
  const landing = items.find((item) => item.path === preferred) ?? items[0];
  return landing?.path ?? '/dashboard';
}

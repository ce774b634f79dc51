import type { ApiMethod } from '../../../domain/api/contract';
import { uiText } from '../i18n/zh-CN';

/**
 * The product's top-level screens, in the order the navigation shows them. `method` is what the
 * screen cannot work without: a role the door would refuse it never sees the entry.
 */
export const NAV_ITEMS: readonly {
  readonly path: string;
  readonly label: string;
  readonly built: boolean;
  readonly method: ApiMethod;
}[] = [
  { path: '/dashboard', label: uiText.nav.dashboard, built: true, method: 'dashboard.get' },
  { path: '/intake', label: uiText.nav.intake, built: true, method: 'cases.create' },
  { path: '/cases', label: uiText.nav.ledger, built: true, method: 'cases.search' },
  { path: '/agreements', label: uiText.nav.agreements, built: true, method: 'agreements.get' },
  { path: '/follow-ups', label: uiText.nav.followUps, built: true, method: 'followups.list' },
  { path: '/reports', label: uiText.nav.reports, built: true, method: 'statistics.get' },
  // 设置 is administration (its forms save): shown to those who may save the room's settings.
  { path: '/settings', label: uiText.nav.settings, built: true, method: 'settings.save' },
  // Whoever has 设置 finds the log there; an auditor has only the log.
  { path: '/audit', label: uiText.nav.audit, built: true, method: 'audit.list' },
];

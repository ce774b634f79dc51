import { uiText } from '../i18n/zh-CN';

/** The product's top-level screens, in the order the navigation shows them. */
export const NAV_ITEMS = [
  { path: '/dashboard', label: uiText.nav.dashboard, built: true },
  { path: '/intake', label: uiText.nav.intake, built: true },
  { path: '/cases', label: uiText.nav.ledger, built: true },
  { path: '/agreements', label: uiText.nav.agreements, built: true },
  { path: '/follow-ups', label: uiText.nav.followUps, built: true },
  { path: '/reports', label: uiText.nav.reports, built: false },
  { path: '/settings', label: uiText.nav.settings, built: true },
] as const;

import { uiText } from '../i18n/zh-CN';

/** The product's top-level screens, in the order the navigation shows them. */
export const NAV_ITEMS = [
  { path: '/dashboard', label: uiText.nav.dashboard, built: false },
  { path: '/intake', label: uiText.nav.intake, built: false },
  { path: '/cases', label: uiText.nav.ledger, built: false },
  { path: '/agreements', label: uiText.nav.agreements, built: false },
  { path: '/follow-ups', label: uiText.nav.followUps, built: false },
  { path: '/reports', label: uiText.nav.reports, built: false },
  { path: '/settings', label: uiText.nav.settings, built: true },
] as const;

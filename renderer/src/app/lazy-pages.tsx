import { lazy } from 'react';

/**
 * Screens loaded when first opened: the first screen (工作台) parses only what it needs, and
 * ECharts (统计) and pdf.js (previews) arrive with the screens that use them.
 */
export const IntakePage = lazy(() =>
  import('../pages/intake/IntakePage').then((m) => ({ default: m.IntakePage })),
);
const loadLedgerPage = () => import('../pages/ledger/LedgerPage');
export const LedgerPage = lazy(() => loadLedgerPage().then((m) => ({ default: m.LedgerPage })));
/** The 案件台账 is where the 工作台 leads most often: its chunk, fetched ahead of the click. */
export const prefetchLedgerPage = loadLedgerPage;
export const CasePage = lazy(() =>
  import('../pages/case/CasePage').then((m) => ({ default: m.CasePage })),
);
export const AgreementsIndexPage = lazy(() =>
  import('../pages/agreement/AgreementsIndexPage').then((m) => ({
    default: m.AgreementsIndexPage,
  })),
);
export const AgreementPage = lazy(() =>
  import('../pages/agreement/AgreementPage').then((m) => ({ default: m.AgreementPage })),
);
export const SettingsPage = lazy(() =>
  import('../pages/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })),
);
export const ReportsPage = lazy(() =>
  import('../pages/reports/ReportsPage').then((m) => ({ default: m.ReportsPage })),
);
export const FollowUpsPage = lazy(() =>
  import('../pages/followups/FollowUpsPage').then((m) => ({ default: m.FollowUpsPage })),
);
export const AuditLogPage = lazy(() =>
  import('../pages/settings/AuditLogSection').then((m) => ({ default: m.AuditLogSection })),
);
// The window's other states: a start that is not the app (first run, a ledger to recover).
export const FirstRunPage = lazy(() =>
  import('../pages/settings/FirstRunPage').then((m) => ({ default: m.FirstRunPage })),
);
export const LedgerRecoveryPage = lazy(() =>
  import('../pages/recovery/LedgerRecoveryPage').then((m) => ({ default: m.LedgerRecoveryPage })),
);

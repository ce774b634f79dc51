import type { ApiMethod } from './contract.js';

/**
 * Methods that never change the ledger, and the recovery methods that replace it. While the
 * ledger is damaged only these run; every other method (including any added later and not
 * listed here) is refused with LEDGER_DAMAGED before its handler runs. The connection is also
 * switched to `query_only`, so a method wrongly listed here still cannot write.
 *
 * The mediators' case door reads it too: with the committee's read-only setting, a listed method
 * naming another's case passes unless it hands over a paper or a file
 * (READS_CLOSED_ON_ANOTHERS_CASE in anothers-case-reads.ts; the walk test asks).
 */
export const METHODS_ALLOWED_WHEN_DAMAGED: ReadonlySet<ApiMethod> = new Set<ApiMethod>([
  'system.status',
  // signing in writes its counters and audit entries only while the ledger is intact, so a
  // director can still sign in to restore a damaged one
  'accounts.session',
  'accounts.signIn',
  'accounts.signOut',
  'accounts.lock',
  'accounts.touch',
  'accounts.list',
  'system.listBackups',
  'system.restorePreview',
  'system.restoreBackup',
  // writes only keys/ (a key that opens the chosen backup), never the ledger
  'system.unlockBackup',
  'system.backupNow',
  'system.startEmptyLedger',
  'system.setBackupFolder',
  'settings.get',
  'settings.wording',
  'mediators.list',
  'mediators.workload',
  'mediators.listPrinted',
  'mediators.printed',
  'cases.get',
  'cases.search',
  'cases.findDuplicateParties',
  'dashboard.get',
  'codeTables.get',
  'caseSettings.get',
  'agreements.get',
  'agreements.listForCase',
  'agreements.pdf',
  'agreements.scan',
  'agreements.verify',
  'agreements.getHolidayCalendar',
  'documents.listPrinted',
  'documents.printed',
  'cases.history',
  'followups.list',
  'followups.ofCase',
  'followups.proof',
  'followups.getSettings',
  'calendar.week',
  'reminders.get',
  'statistics.get',
  'screening.list',
  'screening.get',
  'screening.linkableCases',
  'exports.list',
  // reads the county database beside the ledger, never the ledger
  'county.report',
  'subsidy.listRules',
  'subsidy.getRules',
  'subsidy.ofCase',
  'subsidy.claimPack',
  'subsidy.claimPacks',
  'subsidy.claimXlsx',
  'formDrafts.get',
  'volume.get',
  'volume.attachment',
  // the audit chain is read on its own read-only connection
  'audit.list',
  'audit.verify',
]);

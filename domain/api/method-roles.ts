import type { Role } from '../accounts/roles.js';
import type { ApiMethod } from './contract.js';

/**
 * Who may call a method: 'open' needs nobody signed in (first run, sign-in, the status the
 * start screen needs, which carries no party data); 'signedIn' any role; otherwise the roles
 * listed. The API door enforces it before anything else (electron/api/desk-door.ts).
 */
export type MethodAccess = 'open' | 'signedIn' | readonly Role[];

// Roles by what they may see (domain.md §7.3). ADMIN keeps accounts, backups and settings but
// never case content; STATISTICIAN sees aggregates only; AUDITOR only the audit log.
const INTAKE: readonly Role[] = ['RECEPTIONIST', 'MEDIATOR', 'DIRECTOR'];
const CASE_WORK: readonly Role[] = ['MEDIATOR', 'DIRECTOR'];
const DIRECTOR: readonly Role[] = ['DIRECTOR'];
const AGGREGATES: readonly Role[] = ['DIRECTOR', 'STATISTICIAN'];
const ROOM_ADMIN: readonly Role[] = ['DIRECTOR', 'ADMIN'];
const AUDIT: readonly Role[] = ['DIRECTOR', 'AUDITOR'];

/** Every method has a row: a method added to the contract without one is a type error. */
export const METHOD_ROLES: { readonly [M in ApiMethod]: MethodAccess } = {
  'system.status': 'open',
  'system.restorePreview': ROOM_ADMIN,
  'system.restoreBackup': ROOM_ADMIN,
  'system.unlockBackup': ROOM_ADMIN,
  'system.setBackupFolder': ROOM_ADMIN,
  'system.listBackups': ROOM_ADMIN,
  'system.backupNow': ROOM_ADMIN,
  'system.startEmptyLedger': ROOM_ADMIN,

  'accounts.session': 'open',
  'accounts.setUp': 'open',
  'accounts.signIn': 'open',
  'accounts.recover': 'open',
  'accounts.lock': 'signedIn',
  'accounts.signOut': 'signedIn',
  'accounts.touch': 'signedIn',
  'accounts.changePassword': 'signedIn',
  'accounts.newRecoveryCode': DIRECTOR,
  'accounts.list': ROOM_ADMIN,
  'accounts.create': ROOM_ADMIN,
  'accounts.update': ROOM_ADMIN,
  'accounts.resetPassword': ROOM_ADMIN,
  'accounts.setIdleLock': ROOM_ADMIN,
  // who may read whose cases is the director's call, not the 技术管理员's (§7.3)
  'accounts.setMediatorsReadRoom': DIRECTOR,

  // the room's name, code tables and the holiday calendar hold no personal data
  'settings.get': 'signedIn',
  'settings.save': ROOM_ADMIN,
  // fixed template text, no personal data: the agreement editor shows its review status to
  // whoever drafts, and the room's admin keeps it
  'settings.wording': 'signedIn',
  'settings.saveWording': ROOM_ADMIN,
  'codeTables.get': 'signedIn',
  'caseSettings.get': 'signedIn',
  'caseSettings.save': ROOM_ADMIN,
  'agreements.getHolidayCalendar': 'signedIn',
  'agreements.saveHolidayCalendar': ROOM_ADMIN,
  'followups.getSettings': 'signedIn',
  'followups.saveSettings': ROOM_ADMIN,

  // staff, not parties: the intake form picks the mediator from this list
  'mediators.list': 'signedIn',
  'mediators.save': ROOM_ADMIN,
  'mediators.workload': AGGREGATES,
  'mediators.registerForm': DIRECTOR,
  'mediators.listPrinted': DIRECTOR,
  'mediators.printed': DIRECTOR,
  'mediators.print': DIRECTOR,
  'mediators.recordPrint': DIRECTOR,

  'cases.create': INTAKE,
  'cases.get': INTAKE,
  'cases.search': INTAKE,
  'cases.history': INTAKE,
  'cases.findDuplicateParties': INTAKE,
  'dashboard.get': INTAKE,
  'formDrafts.get': INTAKE,
  'formDrafts.save': INTAKE,
  'formDrafts.discard': INTAKE,
  'cases.update': CASE_WORK,
  'cases.transition': CASE_WORK,
  'cases.voidNumber': DIRECTOR,
  'parties.add': CASE_WORK,
  'parties.update': CASE_WORK,
  'parties.remove': CASE_WORK,
  'parties.revealIdNumber': CASE_WORK,
  'participants.add': CASE_WORK,
  'sessions.add': CASE_WORK,
  'sessions.update': CASE_WORK,
  'investigations.add': CASE_WORK,
  'investigations.update': CASE_WORK,
  'referrals.feedback': CASE_WORK,

  'agreements.createDraft': CASE_WORK,
  'agreements.updateDraft': CASE_WORK,
  'agreements.get': CASE_WORK,
  'agreements.listForCase': CASE_WORK,
  'agreements.checkDraft': CASE_WORK,
  'agreements.preview': CASE_WORK,
  'agreements.generate': CASE_WORK,
  'agreements.recordSignatures': CASE_WORK,
  'agreements.registerOral': CASE_WORK,
  'agreements.checkOral': CASE_WORK,
  'agreements.void': DIRECTOR,
  'agreements.amend': CASE_WORK,
  'agreements.pdf': CASE_WORK,
  'agreements.print': CASE_WORK,
  'agreements.attachScan': CASE_WORK,
  'agreements.scan': CASE_WORK,
  'agreements.verify': CASE_WORK,
  'documents.render': CASE_WORK,
  'documents.listPrinted': CASE_WORK,
  'documents.printed': CASE_WORK,
  'documents.print': CASE_WORK,
  'documents.recordPrint': CASE_WORK,

  'followups.list': CASE_WORK,
  'followups.ofCase': CASE_WORK,
  'followups.schedule': CASE_WORK,
  'followups.record': CASE_WORK,
  'followups.cancel': CASE_WORK,
  'followups.attachProof': CASE_WORK,
  'followups.proof': CASE_WORK,
  'followups.printRecord': CASE_WORK,
  'confirmations.save': CASE_WORK,
  'confirmations.printApplication': CASE_WORK,
  'cases.extendDue': CASE_WORK,
  'cases.extendCourtDeadline': CASE_WORK,
  'calendar.week': CASE_WORK,
  'reminders.get': CASE_WORK,

  // archived volumes: no receptionist (§7.3); archiving is the director's
  'volume.get': CASE_WORK,
  'volume.archive': DIRECTOR,
  'volume.addNote': CASE_WORK,
  'volume.attach': CASE_WORK,
  'volume.attachment': CASE_WORK,
  'volume.pdf': CASE_WORK,

  'statistics.get': AGGREGATES,
  'exports.statistics': AGGREGATES,
  // the identified (non-pseudonymised) 台账 is refused to all but the director by the service
  'exports.ledger': AGGREGATES,
  'exports.package': AGGREGATES,
  'exports.list': AGGREGATES,
  'exports.openFolder': AGGREGATES,
  'county.import': AGGREGATES,
  'county.report': AGGREGATES,
  'county.exportReport': AGGREGATES,
  // screening rounds name the people and issues found
  'screening.list': CASE_WORK,
  'screening.get': CASE_WORK,
  'screening.save': CASE_WORK,
  'screening.linkableCases': CASE_WORK,

  'subsidy.listRules': CASE_WORK,
  'subsidy.getRules': CASE_WORK,
  'subsidy.importRules': DIRECTOR,
  'subsidy.saveRules': DIRECTOR,
  'subsidy.activateRules': DIRECTOR,
  'subsidy.ofCase': CASE_WORK,
  'subsidy.confirmTier': CASE_WORK,
  'subsidy.saveCaseFacts': CASE_WORK,
  'subsidy.claimPack': DIRECTOR,
  'subsidy.claimPacks': DIRECTOR,
  'subsidy.printClaimSheet': DIRECTOR,
  'subsidy.claimXlsx': DIRECTOR,
  'subsidy.printRecognition': CASE_WORK,

  'audit.list': AUDIT,
  'audit.verify': AUDIT,
};

/** Whether a signed-in person of this role may call the method (the renderer hides the rest). */
export function mayCall(role: Role, method: ApiMethod): boolean {
  const access = METHOD_ROLES[method];
  return access === 'open' || access === 'signedIn' || access.includes(role);
}

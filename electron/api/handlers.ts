import { agreementHandlers, type AgreementServices } from '../services/agreement-api.js';
import { reportHandlers, type ReportServices } from '../services/report-api.js';
import { countyHandlers } from '../services/county-api.js';
import type { MediatorPapersService } from '../services/mediator-papers-service.js';
import type { CountyService } from '../services/county-service.js';
import type { CaseLedgerService } from '../services/case-ledger-service.js';
import type { CaseLifecycleService } from '../services/case-lifecycle-service.js';
import type { CaseRecordsService } from '../services/case-records-service.js';
import type { CaseDeadlinesService } from '../services/case-deadlines-service.js';
import type { CaseService } from '../services/case-service.js';
import type { FollowUpService } from '../services/followup-service.js';
import type { IdRevealService } from '../services/id-reveal-service.js';
import type { FormDraftService } from '../services/form-draft-service.js';
import type { TimelinessService } from '../services/timeliness-service.js';
import type { VolumeService } from '../services/volume-service.js';
import type { VolumePdfService } from '../services/volume-pdf-service.js';
import type { FollowUpDocumentsService } from '../services/followup-documents-service.js';
import type { SettingsService } from '../services/settings-service.js';
import type { TranslationWordingService } from '../services/translation-wording-service.js';
import { subsidyHandlers } from '../services/subsidy-api.js';
import type { SubsidyService } from '../services/subsidy-service.js';
import type { SubsidyPapersService } from '../services/subsidy-papers-service.js';
import type { SystemService } from '../services/system-service.js';
import type { AuditService } from '../services/audit-service.js';
import type { ApiHandlers } from './dispatch.js';
import type { AccountAdminService } from '../services/account-admin-service.js';
import type { AccountsService } from '../services/accounts-service.js';

export interface Services {
  readonly accounts: AccountsService;
  readonly accountAdmin: AccountAdminService;
  readonly audit: AuditService;
  readonly system: SystemService;
  readonly settings: SettingsService;
  readonly wording: TranslationWordingService;
  readonly mediatorPapers: MediatorPapersService;
  readonly cases: CaseService;
  readonly idReveal: IdRevealService;
  readonly lifecycle: CaseLifecycleService;
  readonly records: CaseRecordsService;
  readonly ledgerView: CaseLedgerService;
  readonly agreements: AgreementServices;
  readonly followUps: FollowUpService;
  readonly deadlines: CaseDeadlinesService;
  readonly timeliness: TimelinessService;
  readonly reports: ReportServices;
  readonly county: CountyService;
  readonly subsidy: SubsidyService;
  readonly subsidyPapers: SubsidyPapersService;
  readonly formDrafts: FormDraftService;
  readonly volume: VolumeService;
  readonly volumePdf: VolumePdfService;
  readonly followUpDocuments: FollowUpDocumentsService;
}

/** The handler table: one line per API method, each a call into a service. */
export function createHandlers(s: Services): ApiHandlers {
  return {
    'system.status': () => s.system.status(),
    'accounts.session': () => s.accounts.session(),
    'accounts.setUp': (input) => s.accounts.setUp(input),
    'accounts.signIn': (input) => s.accounts.signIn(input),
    'accounts.recover': (input) => s.accounts.recover(input),
    'accounts.lock': () => s.accounts.lock(),
    'accounts.signOut': () => s.accounts.signOut(),
    // the door has already counted the call as activity
    'accounts.touch': () => null,
    'accounts.changePassword': (input) => s.accountAdmin.changePassword(input),
    'accounts.newRecoveryCode': (input) => s.accounts.newRecoveryCode(input),
    'accounts.list': () => s.accountAdmin.list(),
    'accounts.create': (input) => s.accountAdmin.create(input),
    'accounts.update': (input) => s.accountAdmin.update(input),
    'accounts.resetPassword': (input) => s.accountAdmin.resetPassword(input),
    'accounts.setIdleLock': ({ minutes }) => s.accountAdmin.setIdleLock(minutes),
    'accounts.setMediatorsReadRoom': ({ on }) => s.accountAdmin.setMediatorsReadRoom(on),
    'audit.list': (filter) => s.audit.list(filter),
    'audit.verify': () => s.audit.verify(),
    'system.restorePreview': ({ fileName }) =>
      s.system.restorePreview(fileName).then(s.accounts.withRestoreWitness),
    'system.unlockBackup': ({ fileName, recoveryCode }) =>
      s.system.unlockBackup(fileName, recoveryCode).then(s.accounts.withRestoreWitness),
    'system.restoreBackup': ({ fileName, confirmation, witness }) =>
      s.system
        .restoreBackup(fileName, confirmation, (needed) =>
          s.accounts.restoreSigners(witness, needed),
        )
        .then(s.accounts.afterLedgerReplaced),
    'system.setBackupFolder': ({ folder }) => s.system.setBackupFolder(folder),
    'system.listBackups': () => s.system.listBackups(),
    'system.backupNow': () => s.system.backupNow(),
    'system.startEmptyLedger': () =>
      s.system.startEmptyLedger().then(s.accounts.afterLedgerReplaced),
    'settings.get': () => s.settings.get(),
    'settings.save': ({ settings, expectedVersion }) => s.settings.save(settings, expectedVersion),
    'settings.wording': () => s.wording.view(),
    'settings.saveWording': (input) => s.wording.save(input),
    'mediators.list': ({ includeInactive }) => s.ledgerView.mediators(includeInactive),
    'mediators.save': (input) => s.ledgerView.saveMediator(input),
    'mediators.workload': ({ mediatorId, period }) => s.mediatorPapers.workload(mediatorId, period),
    'mediators.registerForm': ({ mediatorId, allowMissingGlyphs }) =>
      s.mediatorPapers.registerForm(mediatorId, allowMissingGlyphs),
    'mediators.listPrinted': ({ mediatorId }) => s.mediatorPapers.listPrinted(mediatorId),
    'mediators.printed': ({ mediatorPrintedId }) =>
      s.mediatorPapers.printedPaper(mediatorPrintedId),
    'mediators.print': ({ mediatorPrintedId, copies }) =>
      s.mediatorPapers.print(mediatorPrintedId, copies),
    'mediators.recordPrint': ({ mediatorPrintedId, copies }) =>
      s.mediatorPapers.recordPrint(mediatorPrintedId, copies),
    'cases.create': (input) => s.cases.create(input),
    'cases.get': ({ caseId }) => s.cases.page(caseId),
    'cases.update': ({ caseId, expectedVersion, changes, reason }) =>
      s.cases.update(caseId, expectedVersion, changes, reason ?? null),
    'cases.history': ({ caseId }) => s.cases.history(caseId),
    'cases.transition': ({ caseId, expectedVersion, input }) =>
      s.lifecycle.transitionRequested(caseId, expectedVersion, input),
    'cases.voidNumber': ({ caseId, expectedVersion, reason, reissue }) =>
      s.lifecycle.voidNumber(caseId, expectedVersion, reason, reissue),
    'cases.search': (query) =>
      query.exactTotal ? s.ledgerView.searchCounted(query) : s.ledgerView.search(query),
    'cases.findDuplicateParties': (probe) => s.ledgerView.findDuplicateParties(probe),
    'parties.add': ({ caseId, expectedVersion, party, reason }) =>
      s.cases.addParty(caseId, expectedVersion, party, reason ?? null),
    'parties.update': ({ caseId, partyId, expectedVersion, party, reason }) =>
      s.cases.updateParty(caseId, partyId, expectedVersion, party, reason ?? null),
    'parties.remove': ({ caseId, partyId, expectedVersion, reason }) =>
      s.cases.removeParty(caseId, partyId, expectedVersion, reason),
    'parties.revealIdNumber': ({ caseId, partyId, reason }) =>
      s.idReveal.reveal(caseId, partyId, reason),
    'participants.add': ({ caseId, participant }) => s.records.addParticipant(caseId, participant),
    'sessions.add': ({ caseId, session }) => s.records.addSession(caseId, session),
    'sessions.update': ({ caseId, sessionId, expectedVersion, session }) =>
      s.records.updateSession(caseId, sessionId, expectedVersion, session),
    'investigations.add': ({ caseId, investigation }) =>
      s.records.addInvestigation(caseId, investigation),
    'investigations.update': ({ caseId, investigationId, expectedVersion, investigation }) =>
      s.records.updateInvestigation(caseId, investigationId, expectedVersion, investigation),
    'referrals.feedback': ({ caseId, referralId, expectedVersion, feedback }) =>
      s.records.referralFeedback(caseId, referralId, expectedVersion, feedback),
    'dashboard.get': ({ today }) => s.ledgerView.dashboard(today),
    'codeTables.get': ({ names }) => s.ledgerView.codeTables(names),
    'caseSettings.get': () => s.ledgerView.settings(),
    'caseSettings.save': (input) => s.ledgerView.saveSettings(input),
    'formDrafts.get': ({ key }) => s.formDrafts.get(key),
    'formDrafts.save': ({ key, payloadBase64 }) => s.formDrafts.save(key, payloadBase64),
    'formDrafts.discard': ({ key }) => s.formDrafts.discard(key),
    ...agreementHandlers(s.agreements),
    'followups.list': (query) => s.followUps.list(query),
    'followups.ofCase': ({ caseId }) => s.deadlines.overview(caseId),
    'followups.schedule': ({ caseId, dueDate, note }) =>
      s.followUps.schedule(caseId, dueDate, note),
    'followups.record': ({ caseId, followUpId, expectedVersion, visit }) =>
      s.followUps.recordVisit(caseId, followUpId, expectedVersion, visit),
    'followups.cancel': ({ followUpId, expectedVersion, reason }) =>
      s.followUps.cancel(followUpId, expectedVersion, reason),
    'followups.attachProof': ({ followUpId, proof }) =>
      s.followUps.attachProof(followUpId, proof.fileName, proof.dataBase64),
    'followups.proof': ({ proofId }) => s.followUps.proof(proofId),
    'followups.getSettings': () => s.followUps.settings(),
    'followups.saveSettings': (input) => s.followUps.saveSettings(input),
    'confirmations.save': (input) => s.deadlines.saveConfirmation(input),
    'cases.extendDue': (input) => s.deadlines.extendDue(input),
    'cases.extendCourtDeadline': (input) => s.deadlines.extendCourtDeadline(input),
    'calendar.week': ({ day }) => s.timeliness.week(day),
    'reminders.get': () => s.timeliness.reminders(),
    'volume.get': ({ caseId }) => s.volume.get(caseId),
    'volume.archive': (input) => s.volume.archive(input),
    'volume.addNote': (input) => s.volume.addNote(input),
    'volume.attach': (input) => s.volume.attach(input),
    'volume.attachment': ({ attachmentId }) => s.volume.attachment(attachmentId),
    'volume.pdf': ({ caseId }) => s.volumePdf.pdf(caseId),
    'followups.printRecord': ({ followUpId, allowMissingGlyphs }) =>
      s.followUpDocuments.visitRecord(followUpId, allowMissingGlyphs),
    'confirmations.printApplication': ({ agreementId, allowMissingGlyphs }) =>
      s.followUpDocuments.confirmationApplication(agreementId, allowMissingGlyphs),
    ...reportHandlers(s.reports),
    ...countyHandlers(s.county),
    ...subsidyHandlers(s.subsidy, s.subsidyPapers),
  };
}

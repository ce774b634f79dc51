import type { ApiHandlers } from '../api/dispatch.js';
import type { AgreementsContract } from '../../domain/api/agreements-contract.js';
import type { AgreementDraftService } from './agreement-draft-service.js';
import type { AgreementFilesService } from './agreement-files-service.js';
import type { AgreementSigningService } from './agreement-signing-service.js';
import type { DocumentPrintService } from './document-print-service.js';
import type { DocumentRenderService } from './document-render-service.js';
import type { PrintRegisterService } from './print-register-service.js';

export interface AgreementServices {
  readonly drafts: AgreementDraftService;
  readonly signing: AgreementSigningService;
  readonly files: AgreementFilesService;
  readonly documents: DocumentRenderService;
  readonly register: PrintRegisterService;
  readonly printing: DocumentPrintService;
}

type AgreementHandlers = Pick<ApiHandlers, keyof AgreementsContract>;

/** The agreement part of the handler table (spread into electron/api/handlers.ts). */
export function agreementHandlers(a: AgreementServices): AgreementHandlers {
  return {
    'agreements.createDraft': ({ caseId }) => a.drafts.createDraft(caseId),
    'agreements.updateDraft': ({ agreementId, expectedVersion, content }) =>
      a.drafts.updateDraft(agreementId, expectedVersion, content),
    'agreements.get': ({ agreementId }) => a.drafts.view(agreementId),
    'agreements.listForCase': ({ caseId }) => a.drafts.list(caseId),
    'agreements.checkDraft': ({ agreementId }) => a.drafts.check(agreementId),
    'agreements.preview': ({ agreementId, allowMissingGlyphs }) =>
      a.drafts.preview(agreementId, allowMissingGlyphs),
    'agreements.generate': async ({ agreementId, expectedVersion, allowMissingGlyphs }) => {
      const generated = await a.drafts.generate(agreementId, expectedVersion, allowMissingGlyphs);
      a.files.registerPrinted(generated.id);
      return generated;
    },
    'agreements.recordSignatures': ({ agreementId, expectedVersion, signatures }) =>
      a.signing.recordSignatures(agreementId, expectedVersion, signatures),
    'agreements.registerOral': ({
      caseId,
      expectedCaseVersion,
      register,
      confirmedOralDespiteMoney,
    }) =>
      a.signing
        .registerOral(caseId, expectedCaseVersion, register, confirmedOralDespiteMoney)
        .then((saved) => {
          a.files.registerPrinted(saved.agreement.id);
          return saved;
        }),
    'agreements.checkOral': ({ caseId, register }) => a.signing.checkOral(caseId, register),
    'agreements.void': ({ agreementId, expectedVersion, reason }) =>
      a.signing.void(agreementId, expectedVersion, reason),
    'agreements.amend': ({ agreementId, expectedVersion, reason }) =>
      a.signing.amend(agreementId, expectedVersion, reason),
    'agreements.pdf': ({ agreementId }) => a.files.pdf(agreementId),
    'agreements.print': ({ agreementId, copies }) => a.files.print(agreementId, copies),
    'agreements.attachScan': ({ agreementId, scan }) =>
      a.files.attachScan(agreementId, scan.fileName, scan.dataBase64),
    'agreements.scan': ({ attachmentId }) => a.files.scan(attachmentId),
    'agreements.verify': ({ agreementId }) => a.files.verify(agreementId),
    'agreements.getHolidayCalendar': () => a.files.holidayCalendar(),
    'agreements.saveHolidayCalendar': ({ holidays, makeUpWorkdays, expectedVersion }) =>
      a.files.saveHolidayCalendar({ holidays, makeUpWorkdays }, expectedVersion),
    'documents.render': ({ caseId, kind, recordId, allowMissingGlyphs, details }) =>
      a.documents.render(caseId, kind, recordId, allowMissingGlyphs, details),
    'documents.listPrinted': ({ caseId }) => a.register.listForCase(caseId),
    'documents.printed': ({ printedDocumentId }) => {
      const stored = a.register.openStored(printedDocumentId);
      return { ...stored.file, printed: stored.document };
    },
    'documents.print': ({ printedDocumentId, copies }) =>
      a.printing.print(printedDocumentId, copies),
    'documents.recordPrint': ({ printedDocumentId, copies }) =>
      a.register.recordPrint({ printedDocumentId, copies, printer: null }),
  };
}

import { z } from 'zod';
import {
  agreementContentSchema,
  holidayCalendarInputSchema,
  oralRegisterSchema,
  scanInputSchema,
  signaturesSchema,
} from '../agreements/agreement-input';
import {
  CASE_DOCUMENT_KINDS,
  type Agreement,
  type AgreementAttachment,
  type DraftCheck,
  type HolidayCalendar,
  type PdfFile,
  type PrintedFile,
  type PrintOutcome,
  type RenderedDocument,
  type SavedAgreement,
  type ScanFile,
  type VerifyReport,
} from '../agreements/agreement-views';
import { closingPaperDetailsSchema } from '../documents/closing-paper-inputs';
import type { PrintedDocument } from '../documents/printed-documents';
import { booleanField, expectedVersionField, rowIdField } from '../cases/input-fields';
import { multiLine } from '../text-input';
import { method } from './method.js';

const caseId = rowIdField('案件');
const agreementId = rowIdField('调解协议');
const printedDocumentId = rowIdField('打印存档');
/** How many copies one trip to paper makes; every print register takes the same. */
export const printCopiesField = z
  .number({ error: '份数必须是数字' })
  .int({ error: '份数必须是整数' })
  .min(1, { error: '份数至少 1 份' })
  .max(99, { error: '份数最多 99 份' });
const copies = printCopiesField;
const allowMissingGlyphs = booleanField('是否允许缺字打印').default(false);

/**
 * Settlement agreements (调解协议书, 口头协议登记表) and the other printable case documents.
 *
 * Binary results are base64 strings (`pdfBase64`, `dataBase64`): Electron IPC could carry a
 * Uint8Array, but the dev:web host speaks JSON, and one shape for both keeps the renderer simple.
 * A generated agreement is frozen: `agreements.pdf` always returns the stored bytes, so every
 * reprint is byte-identical; changing it means voiding it (before signing) or amending it.
 */
export const agreementsContract = {
  /** New WRITTEN draft for a case in MEDIATING; number, parties, agents, mediators from the ledger. */
  'agreements.createDraft': method<Agreement>()(z.strictObject({ caseId })),
  /** Replaces the whole draft content; expectedVersion = the agreement's version. */
  'agreements.updateDraft': method<Agreement>()(
    z.strictObject({
      agreementId,
      expectedVersion: expectedVersionField,
      content: agreementContentSchema,
    }),
  ),
  'agreements.get': method<Agreement>()(z.strictObject({ agreementId })),
  /** Every agreement of the case, oldest first (voided and superseded ones included). */
  'agreements.listForCase': method<readonly Agreement[]>()(z.strictObject({ caseId })),
  /** Drafting check of the stored draft (§2.9 terms, §6.9, printable text). */
  'agreements.checkDraft': method<DraftCheck>()(z.strictObject({ agreementId })),
  /** Renders the stored draft without storing anything (footer says 草稿 nowhere: it is a preview). */
  'agreements.preview': method<PdfFile>()(z.strictObject({ agreementId, allowMissingGlyphs })),
  /** Renders, stores PDF + hashes, status GENERATED. The content is frozen from now on. */
  'agreements.generate': method<Agreement>()(
    z.strictObject({ agreementId, expectedVersion: expectedVersionField, allowMissingGlyphs }),
  ),
  /**
   * Records the dates on the signed paper (slots may be filled over several calls). When every
   * party, the mediator and the seal are dated the agreement is SIGNED, effective on the last of
   * those dates (PML 29), the confirmation deadline is set and the case becomes SETTLED_WRITTEN.
   */
  'agreements.recordSignatures': method<Agreement>()(
    z.strictObject({
      agreementId,
      expectedVersion: expectedVersionField,
      signatures: signaturesSchema,
    }),
  ),
  /** Oral register (§2.10) → case SETTLED_ORAL; money/property needs explicit confirmation. */
  'agreements.registerOral': method<SavedAgreement>()(
    z.strictObject({
      caseId,
      expectedCaseVersion: expectedVersionField,
      register: oralRegisterSchema,
      confirmedOralDespiteMoney: booleanField('是否确认仍采用口头协议').default(false),
    }),
  ),
  /** Checks an oral register before saving it (PMR-2002 Art. 34, printable text). */
  'agreements.checkOral': method<DraftCheck>()(
    z.strictObject({ caseId, register: oralRegisterSchema }),
  ),
  /** DRAFT or GENERATED only; a signed agreement is replaced by `agreements.amend`. */
  'agreements.void': method<Agreement>()(
    z.strictObject({
      agreementId,
      expectedVersion: expectedVersionField,
      reason: multiLine({ label: '作废原因', min: 2, max: 500 }),
    }),
  ),
  /** New DRAFT (copy of the signed content) linked to the signed agreement it will supersede. */
  'agreements.amend': method<Agreement>()(
    z.strictObject({
      agreementId,
      expectedVersion: expectedVersionField,
      reason: multiLine({ label: '变更原因', min: 2, max: 500 }),
    }),
  ),
  /** The stored PDF bytes (GENERATED, SIGNED, or VOID after generation). */
  'agreements.pdf': method<PdfFile>()(z.strictObject({ agreementId })),
  /** Prints the stored PDF through the system dialog with `copies` preset (default: 一式N份). */
  'agreements.print': method<PrintOutcome>()(
    z.strictObject({
      agreementId,
      copies: copies.nullish().transform((v) => v ?? null),
    }),
  ),
  /** Scanned signed copy (PDF/JPG/PNG, ≤ 20 MB; type from the bytes). */
  'agreements.attachScan': method<AgreementAttachment>()(
    z.strictObject({ agreementId, scan: scanInputSchema }),
  ),
  'agreements.scan': method<ScanFile>()(z.strictObject({ attachmentId: rowIdField('扫描件') })),
  /** Recomputes the SHA-256 of the stored PDF, the canonical data and each scan. */
  'agreements.verify': method<VerifyReport>()(z.strictObject({ agreementId })),
  'agreements.getHolidayCalendar': method<HolidayCalendar>()(z.strictObject({})),
  'agreements.saveHolidayCalendar': method<HolidayCalendar>()(holidayCalendarInputSchema),

  /**
   * Other documents of a case for printing. Frozen in the print register: unchanged data gives
   * back the bytes stored the first time; changed data is stored as the record's next version.
   */
  'documents.render': method<RenderedDocument>()(
    z.strictObject({
      caseId,
      kind: z.enum(CASE_DOCUMENT_KINDS, { error: '未知的文书类型' }),
      /** SESSION_RECORD: the session id; INVESTIGATION_RECORD: the investigation id;
       *  ORAL_AGREEMENT_REGISTER: the oral agreement id. */
      recordId: rowIdField('记录')
        .nullish()
        .transform((v) => v ?? null),
      allowMissingGlyphs,
      /** MEDIATION_NOTICE and MAJOR_DISPUTE_REPORT: what the mediator typed for this print. */
      details: closingPaperDetailsSchema.nullish().transform((v) => v ?? null),
    }),
  ),
  /** Every printed version of every document of the case (print register), with print events. */
  'documents.listPrinted': method<readonly PrintedDocument[]>()(z.strictObject({ caseId })),
  /** The stored bytes of one printed version, exactly as first printed. */
  'documents.printed': method<PrintedFile>()(z.strictObject({ printedDocumentId })),
  /** Prints a stored version through the system dialog and records copies and printer. */
  'documents.print': method<PrintOutcome>()(z.strictObject({ printedDocumentId, copies })),
  /**
   * Records a print made outside the app's print route (browser or PDF reader in dev:web or a
   * downloaded file), so the register still says how many copies went to paper.
   */
  'documents.recordPrint': method<PrintedDocument>()(z.strictObject({ printedDocumentId, copies })),
} as const;

export type AgreementsContract = typeof agreementsContract;

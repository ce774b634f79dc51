import type { PrintedDocument } from '../documents/printed-documents';
import type { AgreementContent, OralRegisterValues, SignatureMode } from './agreement-input';

/**
 * What the agreements API answers. Binary content (PDFs, scans) travels as base64 so the same
 * answer passes both Electron IPC and the JSON dev:web host unchanged.
 */

export const AGREEMENT_KINDS = ['WRITTEN', 'ORAL'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

/**
 * DRAFT → GENERATED (PDF stored, frozen) → SIGNED (all slots dated; in force). An oral register
 * is SIGNED from the start: it is in force on the day agreed (PML 30). VOID keeps the row and
 * its reason; a signed agreement is only ever replaced by an amendment, never edited.
 */
export const AGREEMENT_STATUSES = ['DRAFT', 'GENERATED', 'SIGNED', 'VOID'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];
export const AGREEMENT_STATUS_LABELS: Readonly<Record<AgreementStatus, string>> = {
  DRAFT: '草稿',
  GENERATED: '已生成待签署',
  SIGNED: '已签署生效',
  VOID: '已作废',
};

export interface GeneratedInfo {
  readonly templateId: string;
  readonly templateVersion: number;
  /** The creation date written into the PDF (fixed, so a re-render is byte-identical). */
  readonly generatedAt: string;
  readonly pdfSha256: string;
  readonly pdfBytes: number;
  readonly canonicalSha256: string;
  /** Printed in every footer; ties a paper copy to this record. */
  readonly verificationCode: string;
}

export interface PartySignature {
  readonly partyId: number;
  readonly name: string;
  readonly date: string | null;
  readonly mode: SignatureMode | null;
}

export interface AgreementSignatures {
  readonly parties: readonly PartySignature[];
  readonly mediatorDate: string | null;
  readonly recorderDate: string | null;
  readonly sealDate: string | null;
}

export interface ConfirmationDeadlineView {
  /** effective date + 30 days. */
  readonly nominalDeadline: string;
  /** Last day to apply jointly for judicial confirmation (PML 33), past rest days. */
  readonly deadline: string;
  readonly rolledForward: boolean;
}

export interface AgreementAttachment {
  readonly id: number;
  readonly agreementId: number;
  readonly fileName: string;
  /** Decided from the file's first bytes. */
  readonly mediaType: 'application/pdf' | 'image/jpeg' | 'image/png';
  readonly byteLength: number;
  readonly sha256: string;
  readonly createdAt: string;
}

export interface Agreement {
  readonly id: number;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly caseId: number;
  readonly kind: AgreementKind;
  readonly status: AgreementStatus;
  readonly number: string;
  /** The signed agreement this one amends (变更协议). */
  readonly supersedesId: number | null;
  /** The amendment that replaced this one, once it exists. */
  readonly supersededById: number | null;
  /** WRITTEN only. */
  readonly content: AgreementContent | null;
  /** ORAL only. */
  readonly oral: OralRegisterValues | null;
  readonly generated: GeneratedInfo | null;
  readonly signatures: AgreementSignatures;
  readonly effectiveDate: string | null;
  readonly confirmationDeadline: ConfirmationDeadlineView | null;
  readonly voidReason: string | null;
  readonly voidedAt: string | null;
  readonly attachments: readonly AgreementAttachment[];
}

export type DraftIssueLevel = 'ERROR' | 'WARNING' | 'NOTICE';
export type DraftIssueCode =
  | 'INCOMPLETE'
  | 'DATE_OUT_OF_RANGE'
  | 'MINOR_WITHOUT_GUARDIAN'
  | 'CONFUSABLE_TERM'
  | 'ORAL_WITH_MONEY'
  | 'MISSING_GLYPHS'
  | 'MONGOLIAN_SCRIPT'
  | 'TIBETAN_IN_BODY'
  | 'NOT_PRINTABLE';

export interface DraftIssue {
  readonly code: DraftIssueCode;
  readonly level: DraftIssueLevel;
  /** Input path (`content.terms.2.text`) or document field (`parties[1].party.name`). */
  readonly field: string;
  readonly message: string;
}

/** ERRORs block preview and generation; WARNINGs and NOTICEs ask the mediator to look. */
export interface DraftCheck {
  readonly ok: boolean;
  readonly issues: readonly DraftIssue[];
}

export interface PdfFile {
  readonly fileName: string;
  /** The PDF bytes, base64 (no data: prefix). */
  readonly pdfBase64: string;
  readonly sha256: string;
  readonly byteLength: number;
  readonly verificationCode: string;
}

export interface ScanFile {
  readonly fileName: string;
  readonly mediaType: AgreementAttachment['mediaType'];
  readonly dataBase64: string;
  readonly sha256: string;
}

/** PDF_SEAL / DATA_SEAL: the HMACs under the audit key (kept outside the ledger). */
export type VerifyItem = 'PDF' | 'CANONICAL_DATA' | 'PDF_SEAL' | 'DATA_SEAL' | 'SCAN';

export interface VerifyCheck {
  readonly item: VerifyItem;
  readonly attachmentId: number | null;
  readonly ok: boolean;
  readonly expectedSha256: string;
  readonly actualSha256: string;
  readonly message: string;
}

export interface VerifyReport {
  readonly agreementId: number;
  readonly ok: boolean;
  /** One sentence for the mediator: all intact, or what does not match. */
  readonly summary: string;
  readonly checks: readonly VerifyCheck[];
}

export type PrintOutcome =
  | {
      readonly printed: true;
      readonly copies: number;
      /** The printer's OS name; null: the system default (Electron does not name it). */
      readonly printer: string | null;
    }
  | {
      readonly printed: false;
      readonly copies: number;
      readonly printer: string | null;
      /**
       * NO_PRINTER: this host cannot print (dev:web); CANCELLED: the dialog was closed;
       * PREVIEWED: no printer is installed, the PDF was opened in the system viewer instead.
       */
      readonly reason: 'NO_PRINTER' | 'CANCELLED' | 'PREVIEWED' | 'FAILED';
      readonly message: string;
    };

export interface HolidayCalendar {
  readonly holidays: readonly string[];
  readonly makeUpWorkdays: readonly string[];
  readonly version: number;
  readonly updatedAt: string | null;
}

/** A saved oral register, with warnings the mediator confirmed or should see. */
export interface SavedAgreement {
  readonly agreement: Agreement;
  readonly issues: readonly DraftIssue[];
}

export const CASE_DOCUMENT_KINDS = [
  'ACCEPTANCE_REGISTER',
  'RIGHTS_NOTICE',
  'APPLICATION',
  'SESSION_RECORD',
  'INVESTIGATION_RECORD',
  'ORAL_AGREEMENT_REGISTER',
  // The closing and refusal papers (issue 15).
  'REFUSAL_NOTICE',
  'TERMINATION_NOTICE',
  'MEDIATION_NOTICE',
  'CLOSING_REPORT',
  'MAJOR_DISPUTE_REPORT',
  'CORRECTION_HISTORY',
  // 委派（委托）调解结果告知函 back to the court (issue 15, must-have 7).
  'COURT_RESULT_LETTER',
] as const;
export type CaseDocumentKind = (typeof CASE_DOCUMENT_KINDS)[number];
export const CASE_DOCUMENT_LABELS: Readonly<Record<CaseDocumentKind, string>> = {
  ACCEPTANCE_REGISTER: '人民调解受理登记表',
  RIGHTS_NOTICE: '人民调解当事人权利义务告知书',
  APPLICATION: '人民调解申请书',
  SESSION_RECORD: '人民调解记录',
  INVESTIGATION_RECORD: '人民调解调查记录',
  ORAL_AGREEMENT_REGISTER: '人民调解口头协议登记表',
  REFUSAL_NOTICE: '不予受理通知书',
  TERMINATION_NOTICE: '终止调解告知书',
  MEDIATION_NOTICE: '调解通知书',
  CLOSING_REPORT: '人民调解结案报告',
  MAJOR_DISPUTE_REPORT: '重大纠纷信息报告',
  CORRECTION_HISTORY: '案件信息更正记录',
  COURT_RESULT_LETTER: '委派（委托）调解结果告知函',
};

export interface RenderedDocument extends PdfFile {
  readonly issues: readonly DraftIssue[];
  /** The print-register entry these bytes are (a reprint of unchanged data returns the same). */
  readonly printed: PrintedDocument;
}

/** A stored version from the print register, with its bytes. */
export interface PrintedFile extends PdfFile {
  readonly printed: PrintedDocument;
}

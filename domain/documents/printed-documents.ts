import { CASE_DOCUMENT_LABELS } from '../agreements/agreement-views';

/**
 * The print register (db/migrations/006): every printed document of a case, frozen with its
 * SHA-256. Kinds are listed here, not in the schema, so a new document needs no migration —
 * add it to PRINTED_DOCUMENT_KINDS and PRINTED_DOCUMENT_LABELS.
 */
export const PRINTED_DOCUMENT_KINDS = [
  'AGREEMENT',
  'ORAL_AGREEMENT_REGISTER',
  'ACCEPTANCE_REGISTER',
  'RIGHTS_NOTICE',
  'APPLICATION',
  'SESSION_RECORD',
  'INVESTIGATION_RECORD',
  'REFUSAL_NOTICE',
  'TERMINATION_NOTICE',
  'MEDIATION_NOTICE',
  'CLOSING_REPORT',
  'MAJOR_DISPUTE_REPORT',
  'FOLLOWUP_RECORD',
  'CONFIRMATION_APPLICATION',
  'VOLUME',
  'CORRECTION_HISTORY',
  'COURT_RESULT_LETTER',
  'SUBSIDY_RECOGNITION',
] as const;
export type PrintedDocumentKind = (typeof PRINTED_DOCUMENT_KINDS)[number];

export const PRINTED_DOCUMENT_LABELS: Readonly<Record<PrintedDocumentKind, string>> = {
  AGREEMENT: '人民调解协议书',
  ...CASE_DOCUMENT_LABELS,
  FOLLOWUP_RECORD: '人民调解回访记录',
  CONFIRMATION_APPLICATION: '司法确认申请书',
  VOLUME: '卷宗（封面、卷内目录、全部卷内材料）',
  SUBSIDY_RECOGNITION: '调解案件认定表（以案定补）',
};

export function isPrintedDocumentKind(value: string): value is PrintedDocumentKind {
  return (PRINTED_DOCUMENT_KINDS as readonly string[]).includes(value);
}

/** Record keys name one record of a case: `case`, `session:12`, `agreement:3`. */
export const RECORD_KEY_PATTERN = /^(case|[a-z][a-z-]{0,30}:[1-9][0-9]{0,14})$/;

export function recordKeyOf(kind: 'case'): string;
export function recordKeyOf(kind: string, id: number): string;
export function recordKeyOf(kind: string, id?: number): string {
  return id === undefined ? kind : `${kind}:${id}`;
}

export interface PrintEvent {
  readonly id: number;
  readonly copies: number;
  /** Null when the host does not say (browser printing, PDF handed to another program). */
  readonly printer: string | null;
  readonly printedBy: string;
  readonly printedAt: string;
}

/** One frozen version of one printed record. */
export interface PrintedDocument {
  readonly id: number;
  readonly caseId: number;
  readonly kind: PrintedDocumentKind;
  readonly label: string;
  readonly recordKey: string;
  /** 1, 2, 3 … per record: a changed record printed again is the next version. */
  readonly printVersion: number;
  /** True when a later version of the same record exists. */
  readonly superseded: boolean;
  readonly contentSha256: string;
  readonly templateId: string;
  readonly templateVersion: number;
  readonly fileName: string;
  readonly pdfSha256: string;
  readonly byteLength: number;
  readonly verificationCode: string;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly prints: readonly PrintEvent[];
}

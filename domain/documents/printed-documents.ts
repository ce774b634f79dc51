/**
 * The print register (db/migrations/005): every printed document of a case, frozen with its
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
] as const;
export type PrintedDocumentKind = (typeof PRINTED_DOCUMENT_KINDS)[number];

export const PRINTED_DOCUMENT_LABELS: Readonly<Record<PrintedDocumentKind, string>> = {
  AGREEMENT: '人民调解协议书',
  ORAL_AGREEMENT_REGISTER: '人民调解口头协议登记表',
  ACCEPTANCE_REGISTER: '人民调解受理登记表',
  RIGHTS_NOTICE: '人民调解当事人权利义务告知书',
  APPLICATION: '人民调解申请书',
  SESSION_RECORD: '人民调解记录',
  INVESTIGATION_RECORD: '人民调解调查记录',
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

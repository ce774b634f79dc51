import type {
  AgreementContent,
  OralRegisterValues,
} from '../../domain/agreements/agreement-input.js';
import type {
  Agreement,
  AgreementAttachment,
  AgreementKind,
  AgreementSignatures,
  AgreementStatus,
} from '../../domain/agreements/agreement-views.js';

/** One `agreement` row without its BLOB (lists never need the PDF bytes). */
export interface AgreementRow {
  id: number;
  case_id: number;
  kind: AgreementKind;
  status: AgreementStatus;
  number: string;
  supersedes_id: number | null;
  amend_reason: string | null;
  content_json: string;
  canonical_json: string | null;
  canonical_sha256: string | null;
  template_id: string | null;
  template_version: number | null;
  pdf_sha256: string | null;
  pdf_bytes: number | null;
  verification_code: string | null;
  generated_at: string | null;
  signatures_json: string;
  effective_date: string | null;
  confirmation_deadline: string | null;
  confirmation_nominal_deadline: string | null;
  void_reason: string | null;
  voided_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** Every column but the PDF itself, plus its length. */
export const AGREEMENT_COLUMNS = `id, case_id, kind, status, number, supersedes_id, amend_reason,
  content_json, canonical_json, canonical_sha256, template_id, template_version, pdf_sha256,
  length(pdf) AS pdf_bytes, verification_code, generated_at, signatures_json, effective_date,
  confirmation_deadline, confirmation_nominal_deadline, void_reason, voided_at, version,
  created_at, updated_at`;

export interface AttachmentRow {
  id: number;
  agreement_id: number;
  file_name: string;
  media_type: AgreementAttachment['mediaType'];
  byte_length: number;
  sha256: string;
  created_at: string;
}

export const ATTACHMENT_COLUMNS =
  'id, agreement_id, file_name, media_type, byte_length, sha256, created_at';

export function attachmentFromRow(r: AttachmentRow): AgreementAttachment {
  return {
    id: r.id,
    agreementId: r.agreement_id,
    fileName: r.file_name,
    mediaType: r.media_type,
    byteLength: r.byte_length,
    sha256: r.sha256,
    createdAt: r.created_at,
  };
}

/** Stored signature slots; party names are filled in from the content by the caller. */
export interface StoredSignatures {
  readonly parties?: readonly { partyId: number; date: string | null; mode: string | null }[];
  readonly mediatorDate?: string | null;
  readonly recorderDate?: string | null;
  readonly sealDate?: string | null;
}

export function agreementFromRow(
  r: AgreementRow,
  extras: {
    readonly attachments: readonly AgreementAttachment[];
    readonly supersededById: number | null;
    readonly signatures: AgreementSignatures;
  },
): Agreement {
  const content = JSON.parse(r.content_json) as unknown;
  return {
    id: r.id,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    caseId: r.case_id,
    kind: r.kind,
    status: r.status,
    number: r.number,
    supersedesId: r.supersedes_id,
    supersededById: extras.supersededById,
    content: r.kind === 'WRITTEN' ? (content as AgreementContent) : null,
    oral: r.kind === 'ORAL' ? (content as OralRegisterValues) : null,
    generated:
      r.pdf_sha256 !== null &&
      r.canonical_sha256 !== null &&
      r.template_id !== null &&
      r.template_version !== null &&
      r.generated_at !== null
        ? {
            templateId: r.template_id,
            templateVersion: r.template_version,
            generatedAt: r.generated_at,
            pdfSha256: r.pdf_sha256,
            pdfBytes: r.pdf_bytes ?? 0,
            canonicalSha256: r.canonical_sha256,
            verificationCode: r.verification_code ?? '',
          }
        : null,
    signatures: extras.signatures,
    effectiveDate: r.effective_date,
    confirmationDeadline:
      r.confirmation_deadline !== null && r.confirmation_nominal_deadline !== null
        ? {
            deadline: r.confirmation_deadline,
            nominalDeadline: r.confirmation_nominal_deadline,
            rolledForward: r.confirmation_deadline !== r.confirmation_nominal_deadline,
          }
        : null,
    voidReason: r.void_reason,
    voidedAt: r.voided_at,
    attachments: extras.attachments,
  };
}

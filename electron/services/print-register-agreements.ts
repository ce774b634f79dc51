import type { AgreementRow } from '../../db/agreements/agreement-rows.js';
import type { PrintedDocument } from '../../domain/documents/printed-documents.js';
import { recordKeyOf } from '../../domain/documents/printed-documents.js';
import type { PrintRegisterService } from './print-register-service.js';

/**
 * Agreements and oral registers are frozen in their own table when generated; the print
 * register gets the same bytes so the case lists every printed document in one place. Storing
 * is idempotent (same canonical hash → same entry), so calling this again on each print also
 * registers agreements generated before the register existed.
 */
export function registerAgreementPdf(
  register: PrintRegisterService,
  row: AgreementRow,
  pdf: Buffer,
): PrintedDocument {
  const oral = row.kind === 'ORAL';
  return register.store({
    caseId: row.case_id,
    kind: oral ? 'ORAL_AGREEMENT_REGISTER' : 'AGREEMENT',
    recordKey: recordKeyOf('agreement', row.id),
    fileName: `${oral ? '口头协议登记表' : '人民调解协议书'}_${row.number}`,
    bytes: pdf,
    verificationCode: row.verification_code ?? '',
    templateId: row.template_id ?? (oral ? 'oral-agreement-register' : 'agreement'),
    templateVersion: row.template_version ?? 1,
    ...(row.canonical_sha256 === null ? {} : { contentSha256: row.canonical_sha256 }),
  });
}

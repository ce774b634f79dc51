import { useCallback } from 'react';
import type {
  CaseDocumentKind,
  RenderedDocument,
} from '../../../../domain/agreements/agreement-views';
import type { ClosingPaperDetails } from '../../../../domain/documents/closing-paper-inputs';
import { api } from '../../api/client';
import { chinaDateTime, formatDateTime } from '../../forms/date-field';
import { uiText } from '../../i18n/zh-CN';
import { FrozenPdfModal } from './FrozenPdfModal';

const t = uiText.agreement.documents;
const r = uiText.printRegister;

/** A document of the case to print now, or a version already in the print register. */
export type DocumentRequest =
  | {
      readonly kind: CaseDocumentKind;
      readonly recordId: number | null;
      readonly title: string;
      /** 调解通知书 / 重大纠纷信息报告: what the mediator typed for this print. */
      readonly details?: ClosingPaperDetails;
    }
  | { readonly printedDocumentId: number; readonly title: string }
  /** 回访记录 of a recorded visit, 司法确认申请书 of a signed agreement, the whole volume. */
  | { readonly followUpId: number; readonly title: string }
  | { readonly confirmationOfAgreementId: number; readonly title: string }
  | { readonly volume: true; readonly title: string }
  /** 调解案件认定表 (以案定补) under the active rule. */
  | { readonly subsidyRecognition: true; readonly title: string };

function loadDocument(
  caseId: number,
  request: DocumentRequest,
  allowMissingGlyphs: boolean,
): Promise<RenderedDocument> {
  if ('printedDocumentId' in request) {
    return api('documents.printed', { printedDocumentId: request.printedDocumentId }).then((f) => ({
      ...f,
      issues: [],
    }));
  }
  if ('followUpId' in request) {
    return api('followups.printRecord', { followUpId: request.followUpId, allowMissingGlyphs });
  }
  if ('confirmationOfAgreementId' in request) {
    return api('confirmations.printApplication', {
      agreementId: request.confirmationOfAgreementId,
      allowMissingGlyphs,
    });
  }
  if ('volume' in request) return api('volume.pdf', { caseId });
  if ('subsidyRecognition' in request) {
    return api('subsidy.printRecognition', { caseId, allowMissingGlyphs });
  }
  return api('documents.render', {
    caseId,
    kind: request.kind,
    recordId: request.recordId,
    allowMissingGlyphs,
    details: request.details ?? null,
  });
}

/**
 * One of the case's documents, previewed in-app. Opening it for printing freezes it in the print
 * register (unchanged data → the stored bytes); a register entry opens exactly as stored.
 */
export function DocumentPreviewModal({
  caseId,
  request,
  onClose,
}: {
  caseId: number;
  request: DocumentRequest;
  onClose: () => void;
}) {
  const load = useCallback(
    (allowMissingGlyphs: boolean) => loadDocument(caseId, request, allowMissingGlyphs),
    [caseId, request],
  );
  return (
    <FrozenPdfModal
      title={t.previewTitle(request.title)}
      load={load}
      note={(doc) => ({
        text: r.frozenNote(
          doc.printed.printVersion,
          formatDateTime(chinaDateTime(doc.printed.createdAt)),
          doc.printed.pdfSha256.slice(0, 16),
        ),
        superseded: doc.printed.superseded ? r.supersededNote : undefined,
      })}
      printTarget={(doc) => ({ printedDocumentId: doc.printed.id })}
      testIds={{ note: 'frozen-note' }}
      onClose={onClose}
    />
  );
}

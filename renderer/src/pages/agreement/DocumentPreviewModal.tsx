import { Alert, Button, Modal, Space, Spin, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type {
  CaseDocumentKind,
  RenderedDocument,
} from '../../../../domain/agreements/agreement-views';
import type { ClosingPaperDetails } from '../../../../domain/documents/closing-paper-inputs';
import { api } from '../../api/client';
import { errorMessage } from '../../components/ErrorPanel';
import { chinaDateTime, formatDateTime } from '../../forms/date-field';
import { uiText } from '../../i18n/zh-CN';
import { MissingGlyphsChoice } from './MissingGlyphsChoice';
import { downloadBytes } from './pdf-bytes';
import { PdfPreview } from './LazyPdfPreview';
import { PrintStoredControls } from './PrintStoredControls';

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
  const [doc, setDoc] = useState<RenderedDocument | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [allowMissingGlyphs, setAllowMissingGlyphs] = useState(false);

  useEffect(() => {
    let current = true;
    setDoc(null);
    setError(null);
    const load = loadDocument(caseId, request, allowMissingGlyphs);
    load.then(
      (d) => current && setDoc(d),
      (e: unknown) => current && setError(e),
    );
    return () => {
      current = false;
    };
  }, [caseId, request, allowMissingGlyphs]);

  const missingGlyphs = doc?.issues.some((i) => i.code === 'MISSING_GLYPHS') ?? false;

  return (
    <Modal
      open
      title={t.previewTitle(request.title)}
      width="min(1100px, 95vw)"
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="close" onClick={onClose}>
          {uiText.common.close}
        </Button>,
        <Button
          key="download"
          type="primary"
          disabled={!doc}
          onClick={() => doc && downloadBytes(doc.pdfBase64, doc.fileName, 'application/pdf')}
        >
          {t.download}
        </Button>,
      ]}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {doc ? (
          <Alert
            type={doc.printed.superseded ? 'warning' : 'info'}
            showIcon
            data-testid="frozen-note"
            title={r.frozenNote(
              doc.printed.printVersion,
              formatDateTime(chinaDateTime(doc.printed.createdAt)),
              doc.printed.pdfSha256.slice(0, 16),
            )}
            description={doc.printed.superseded ? r.supersededNote : undefined}
          />
        ) : null}
        {error ? <Alert type="error" showIcon title={errorMessage(error)} /> : null}
        {doc && doc.issues.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            title={t.issuesTitle}
            description={
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {doc.issues.map((i, n) => (
                  <li key={`${i.code}:${n}`}>
                    <Tag>{uiText.agreement.editor.levels[i.level]}</Tag>
                    {i.message}
                  </li>
                ))}
              </ul>
            }
          />
        ) : null}
        {missingGlyphs || allowMissingGlyphs ? (
          <MissingGlyphsChoice checked={allowMissingGlyphs} onChange={setAllowMissingGlyphs} />
        ) : null}
        {doc ? <PrintStoredControls printed={doc.printed} /> : null}
        {!doc && !error ? <Spin /> : null}
        {doc ? (
          <PdfPreview base64={doc.pdfBase64} height={Math.max(360, window.innerHeight - 300)} />
        ) : null}
      </Space>
    </Modal>
  );
}

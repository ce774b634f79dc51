import { Alert, Button, Checkbox, Modal, Space, Spin, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type {
  CaseDocumentKind,
  RenderedDocument,
} from '../../../../domain/agreements/agreement-views';
import { api } from '../../api/client';
import { errorMessage } from '../../components/ErrorPanel';
import { uiText } from '../../i18n/zh-CN';
import { downloadBytes } from './pdf-bytes';
import { PdfPreview } from './PdfPreview';

const t = uiText.agreement.documents;

export interface DocumentRequest {
  readonly kind: CaseDocumentKind;
  readonly recordId: number | null;
  readonly title: string;
}

/** One of the case's other documents, rendered on demand (never stored), previewed in-app. */
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
    api('documents.render', {
      caseId,
      kind: request.kind,
      recordId: request.recordId,
      allowMissingGlyphs,
    }).then(
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
        <Alert type="info" showIcon title={t.noPrint} />
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
          <Checkbox
            checked={allowMissingGlyphs}
            onChange={(e) => setAllowMissingGlyphs(e.target.checked)}
          >
            {t.allowMissing}
          </Checkbox>
        ) : null}
        {!doc && !error ? <Spin /> : null}
        {doc ? (
          <PdfPreview base64={doc.pdfBase64} height={Math.max(360, window.innerHeight - 300)} />
        ) : null}
      </Space>
    </Modal>
  );
}

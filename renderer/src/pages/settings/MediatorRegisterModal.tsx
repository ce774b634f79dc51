import { Alert, Button, Modal, Space, Spin } from 'antd';
import { useEffect, useState } from 'react';
import type { MediatorPaperView } from '../../../../domain/api/mediators-contract';
import type { Mediator } from '../../../../domain/cases/case-views';
import { api } from '../../api/client';
import { errorMessage } from '../../components/ErrorPanel';
import { chinaDateTime, formatDateTime } from '../../forms/date-field';
import { uiText } from '../../i18n/zh-CN';
import { MissingGlyphsChoice } from '../agreement/MissingGlyphsChoice';
import { downloadBytes } from '../agreement/pdf-bytes';
import { PdfPreview } from '../agreement/LazyPdfPreview';

const t = uiText.mediators.register;

/**
 * The mediator's 人民调解员登记表, previewed in-app. Opening it freezes it in the mediator print
 * register: the same profile opens the stored bytes again; a changed one is the next version.
 */
export function MediatorRegisterModal(props: {
  readonly mediator: Mediator;
  readonly onClose: () => void;
}) {
  const [paper, setPaper] = useState<MediatorPaperView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [allowMissingGlyphs, setAllowMissingGlyphs] = useState(false);
  const mediatorId = props.mediator.id;

  useEffect(() => {
    let current = true;
    setPaper(null);
    setError(null);
    api('mediators.registerForm', { mediatorId, allowMissingGlyphs }).then(
      (p) => current && setPaper(p),
      (e: unknown) => current && setError(e),
    );
    return () => {
      current = false;
    };
  }, [mediatorId, allowMissingGlyphs]);

  const missingGlyphs = paper?.issues.some((i) => i.code === 'MISSING_GLYPHS') ?? false;

  return (
    <Modal
      open
      title={t.title(props.mediator.name)}
      width="min(1100px, 95vw)"
      onCancel={props.onClose}
      destroyOnHidden
      footer={[
        <Button key="close" onClick={props.onClose}>
          {uiText.common.close}
        </Button>,
        <Button
          key="download"
          type="primary"
          disabled={!paper}
          onClick={() => paper && downloadBytes(paper.pdfBase64, paper.fileName, 'application/pdf')}
        >
          {uiText.agreement.documents.download}
        </Button>,
      ]}
    >
      <Space orientation="vertical" style={{ width: '100%' }} data-testid="mediator-register">
        {paper ? (
          <Alert
            type="info"
            showIcon
            title={t.frozen(
              paper.printVersion,
              formatDateTime(chinaDateTime(paper.printedAt)),
              paper.sha256.slice(0, 16),
            )}
          />
        ) : null}
        {error ? <Alert type="error" showIcon title={errorMessage(error)} /> : null}
        {missingGlyphs || allowMissingGlyphs ? (
          <MissingGlyphsChoice checked={allowMissingGlyphs} onChange={setAllowMissingGlyphs} />
        ) : null}
        {!paper && !error ? <Spin /> : null}
        {paper ? (
          <PdfPreview base64={paper.pdfBase64} height={Math.max(360, window.innerHeight - 300)} />
        ) : null}
      </Space>
    </Modal>
  );
}

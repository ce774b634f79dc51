import { Alert, Button, Modal, Space, Spin } from 'antd';
import { useEffect, useState } from 'react';
import type { SubsidyClaimSheet } from '../../../../domain/subsidy/subsidy-views';
import { api } from '../../api/client';
import { errorMessage } from '../../components/ErrorPanel';
import { chinaDateTime, formatDateTime } from '../../forms/date-field';
import { uiText } from '../../i18n/zh-CN';
import { PdfPreview } from '../agreement/LazyPdfPreview';
import { MissingGlyphsChoice } from '../agreement/MissingGlyphsChoice';
import { downloadBytes } from '../agreement/pdf-bytes';

const t = uiText.subsidyEditor;

/**
 * The 以案定补申报表 of one mediator and period, previewed before it goes to paper. Opening it
 * freezes it in the period print register: an unchanged pack opens the stored original.
 */
export function ClaimSheetModal({
  mediatorId,
  period,
  title,
  onClose,
}: {
  mediatorId: number;
  period: string;
  title: string;
  onClose: () => void;
}) {
  const [sheet, setSheet] = useState<SubsidyClaimSheet | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [allowMissingGlyphs, setAllowMissingGlyphs] = useState(false);

  useEffect(() => {
    let current = true;
    setSheet(null);
    setError(null);
    api('subsidy.printClaimSheet', { mediatorId, period, allowMissingGlyphs }).then(
      (s) => current && setSheet(s),
      (e: unknown) => current && setError(e),
    );
    return () => {
      current = false;
    };
  }, [mediatorId, period, allowMissingGlyphs]);

  const missingGlyphs = /缺字/.test(error ? errorMessage(error) : '');
  return (
    <Modal
      open
      title={title}
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
          disabled={!sheet}
          data-testid="claim-sheet-download"
          onClick={() => sheet && downloadBytes(sheet.pdfBase64, sheet.fileName, 'application/pdf')}
        >
          {t.download}
        </Button>,
      ]}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {sheet ? (
          <Alert
            type="info"
            showIcon
            data-testid="claim-sheet-frozen"
            title={t.claimSheetFrozen(
              sheet.printVersion,
              formatDateTime(chinaDateTime(sheet.printedAt)),
              sheet.reprint,
            )}
          />
        ) : null}
        {error ? <Alert type="error" showIcon title={errorMessage(error)} /> : null}
        {missingGlyphs || allowMissingGlyphs ? (
          <MissingGlyphsChoice checked={allowMissingGlyphs} onChange={setAllowMissingGlyphs} />
        ) : null}
        {!sheet && !error ? <Spin /> : null}
        {sheet ? (
          <PdfPreview base64={sheet.pdfBase64} height={Math.max(360, window.innerHeight - 300)} />
        ) : null}
      </Space>
    </Modal>
  );
}

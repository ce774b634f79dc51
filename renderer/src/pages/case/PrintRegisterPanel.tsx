import { Card, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { api } from '../../api/client';
import { ErrorPanel } from '../../components/ErrorPanel';
import { useApiValue } from '../../hooks/use-api-value';
import { uiText } from '../../i18n/zh-CN';
import { DocumentPreviewModal, type DocumentRequest } from '../agreement/DocumentPreviewModal';
import { PrintedVersionsTable } from '../agreement/PrintedVersionsTable';

const t = uiText.printRegister;

/**
 * 打印存档: every version of every document of the case that was printed, frozen with its
 * SHA-256 (print register). Older versions stay here after a record changes.
 */
export function PrintRegisterPanel({ caseId, refreshKey }: { caseId: number; refreshKey: string }) {
  const load = useCallback(
    () => api('documents.listPrinted', { caseId }),
    // refreshKey: a document opened elsewhere on the page may have added a version.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [caseId, refreshKey],
  );
  const { value, error, reload } = useApiValue(load);
  const [open, setOpen] = useState<DocumentRequest | null>(null);
  const rows = value ?? [];

  return (
    <Card size="small" title={t.title(rows.length)} data-testid="print-register">
      {error ? <ErrorPanel error={error} onRetry={() => void reload()} /> : null}
      {rows.length === 0 && !error ? (
        <Typography.Text type="secondary">{t.empty}</Typography.Text>
      ) : (
        <PrintedVersionsTable
          rows={rows}
          onOpen={(d) =>
            setOpen({ printedDocumentId: d.id, title: t.storedTitle(d.label, d.printVersion) })
          }
        />
      )}
      {open ? (
        <DocumentPreviewModal
          caseId={caseId}
          request={open}
          onClose={() => {
            setOpen(null);
            void reload();
          }}
        />
      ) : null}
    </Card>
  );
}

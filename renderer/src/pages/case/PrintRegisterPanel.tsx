import { Button, Card, Table, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useState } from 'react';
import type { PrintedDocument } from '../../../../domain/documents/printed-documents';
import { api } from '../../api/client';
import { ErrorPanel } from '../../components/ErrorPanel';
import { chinaDateTime, formatDateTime } from '../../forms/date-field';
import { useApiValue } from '../../hooks/use-api-value';
import { uiText } from '../../i18n/zh-CN';
import { DocumentPreviewModal, type DocumentRequest } from '../agreement/DocumentPreviewModal';

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
        <Table<PrintedDocument>
          size="small"
          rowKey="id"
          pagination={rows.length > 20 ? { pageSize: 20 } : false}
          dataSource={rows}
          columns={[
            { title: t.columns.document, dataIndex: 'label', key: 'label' },
            {
              title: t.columns.version,
              key: 'version',
              render: (_, d) => (
                <>
                  {t.version(d.printVersion)}{' '}
                  {d.superseded ? <Tag>{t.superseded}</Tag> : <Tag color="green">{t.current}</Tag>}
                </>
              ),
            },
            {
              title: t.columns.createdAt,
              key: 'createdAt',
              render: (_, d) => formatDateTime(chinaDateTime(d.createdAt)),
            },
            {
              title: t.columns.sha256,
              key: 'sha',
              render: (_, d) => (
                <Typography.Text code copyable={{ text: d.pdfSha256 }}>
                  {d.pdfSha256.slice(0, 16)}
                </Typography.Text>
              ),
            },
            {
              title: t.columns.prints,
              key: 'prints',
              render: (_, d) =>
                d.prints.length === 0 ? (
                  <Typography.Text type="secondary">{t.noPrints}</Typography.Text>
                ) : (
                  <Tooltip
                    title={d.prints.map((p) => (
                      <div key={p.id}>
                        {t.printLine(
                          formatDateTime(chinaDateTime(p.printedAt)),
                          p.copies,
                          p.printer,
                        )}
                      </div>
                    ))}
                  >
                    {t.prints(
                      d.prints.length,
                      d.prints.reduce((sum, p) => sum + p.copies, 0),
                    )}
                  </Tooltip>
                ),
            },
            {
              title: t.columns.actions,
              key: 'actions',
              render: (_, d) => (
                <Button
                  size="small"
                  type="link"
                  data-testid={`printed-open-${d.id}`}
                  onClick={() =>
                    setOpen({
                      printedDocumentId: d.id,
                      title: t.storedTitle(d.label, d.printVersion),
                    })
                  }
                >
                  {t.open}
                </Button>
              ),
            },
          ]}
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

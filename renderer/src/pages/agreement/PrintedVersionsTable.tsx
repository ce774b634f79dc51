import { Button, Table, Tag, Tooltip, Typography } from 'antd';
import type { PrintEvent } from '../../../../domain/documents/printed-documents';
import { chinaDateTime, formatDateTime } from '../../forms/date-field';
import { uiText } from '../../i18n/zh-CN';

const t = uiText.printRegister;

/** What every print register lists of a stored version. */
export interface PrintedVersionRow {
  readonly id: number;
  readonly label: string;
  readonly printVersion: number;
  readonly superseded: boolean;
  readonly createdAt: string;
  readonly pdfSha256: string;
  readonly prints: readonly PrintEvent[];
}

/**
 * The stored versions of a print register — the case's 打印存档 or a mediator's 登记表 — with
 * version, date, SHA-256 and the copies printed; 查看 opens one exactly as stored.
 */
export function PrintedVersionsTable<R extends PrintedVersionRow>({
  rows,
  onOpen,
  testId,
}: {
  rows: readonly R[];
  onOpen: (row: R) => void;
  testId?: string;
}) {
  return (
    <Table<R>
      size="small"
      rowKey="id"
      data-testid={testId}
      pagination={rows.length > 20 ? { pageSize: 20 } : false}
      dataSource={[...rows]}
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
                    {t.printLine(formatDateTime(chinaDateTime(p.printedAt)), p.copies, p.printer)}
                  </div>
                ))}
              >
                <span data-testid={`printed-copies-${d.id}`}>
                  {t.prints(
                    d.prints.length,
                    d.prints.reduce((sum, p) => sum + p.copies, 0),
                  )}
                </span>
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
              onClick={() => onOpen(d)}
            >
              {t.open}
            </Button>
          ),
        },
      ]}
    />
  );
}

import {
  Alert,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useState } from 'react';
import type { AuditPage } from '../../../../domain/api/audit-contract';
import {
  AUDIT_ACTION_LABELS,
  auditActionLabel,
  auditTableLabel,
  type AuditEntryView,
  type AuditVerification,
} from '../../../../domain/audit/audit-views';
import { api } from '../../api/client';
import { ErrorPanel, errorMessage } from '../../components/ErrorPanel';
import { chinaDateTime, formatDateTime } from '../../forms/date-field';
import { useApiValue } from '../../hooks/use-api-value';
import { uiText } from '../../i18n/zh-CN';

const t = uiText.audit;

interface Filter {
  caseNumber?: string;
  actor?: string;
  action?: string | null;
  period?: [Dayjs | null, Dayjs | null] | null;
}

const at = (iso: string) => formatDateTime(chinaDateTime(iso));

function VerificationResult({ result }: { result: AuditVerification }) {
  const type =
    result.verdict === 'OK' ? 'success' : result.verdict === 'BROKEN' ? 'error' : 'warning';
  const title =
    result.verdict === 'OK'
      ? t.verify.okTitle
      : result.verdict === 'BROKEN'
        ? t.verify.brokenTitle
        : t.verify.keyMissingTitle;
  return (
    <Alert
      type={type}
      showIcon
      data-testid="audit-verify-result"
      title={title}
      description={
        <Space orientation="vertical" size={4}>
          <Typography.Text>{result.summary}</Typography.Text>
          {result.details.length > 0 && (
            <ul data-testid="audit-verify-details">
              {result.details.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          )}
          {result.verdict === 'BROKEN' && (
            <Typography.Text strong>{t.verify.whatToDo}</Typography.Text>
          )}
          <Typography.Text type="secondary">
            {t.verify.finished(at(result.finishedAt), result.ms)}
          </Typography.Text>
        </Space>
      }
    />
  );
}

/**
 * 设置 → 审计日志: the chain filtered by case, person, action and period, and its verification
 * in plain Chinese. Read-only: nothing here writes to the ledger.
 */
export function AuditLogSection() {
  const [form] = Form.useForm<Filter>();
  const [filter, setFilter] = useState<Filter>({});
  const [older, setOlder] = useState<AuditEntryView[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [verified, setVerified] = useState<AuditVerification | null>(null);
  const [verifyError, setVerifyError] = useState<unknown>(null);

  const query = useCallback(
    (beforeSeq: number | null) =>
      api('audit.list', {
        caseNumber: filter.caseNumber?.trim() || null,
        actor: filter.actor?.trim() || null,
        action: filter.action ?? null,
        from: filter.period?.[0]?.format('YYYY-MM-DD') ?? null,
        to: filter.period?.[1]?.format('YYYY-MM-DD') ?? null,
        beforeSeq,
      }),
    [filter],
  );
  const load = useCallback(async (): Promise<AuditPage> => {
    const page = await query(null);
    setOlder([]);
    setNext(page.nextBeforeSeq);
    return page;
  }, [query]);
  const { value: page, error, reload } = useApiValue(load);

  async function more() {
    if (next === null) return;
    const p = await query(next);
    setOlder((o) => [...o, ...p.entries]);
    setNext(p.nextBeforeSeq);
  }

  async function verify() {
    setVerifying(true);
    setVerifyError(null);
    try {
      setVerified(await api('audit.verify', {}));
    } catch (e) {
      setVerifyError(e);
    } finally {
      setVerifying(false);
    }
  }

  const result = verified ?? page?.lastVerification ?? null;
  const entries = [...(page?.entries ?? []), ...older];
  return (
    <Card title={t.title} data-testid="audit-log-section">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">{t.lead}</Typography.Paragraph>
        {page?.head && (
          <Typography.Text data-testid="audit-head">
            {t.head(page.head.seq, page.head.mac)}
          </Typography.Text>
        )}
        <Space wrap>
          <Button
            type="primary"
            loading={verifying}
            onClick={() => void verify()}
            data-testid="audit-verify"
          >
            {t.verify.button}
          </Button>
          {verifying && <Typography.Text type="secondary">{t.verify.running}</Typography.Text>}
        </Space>
        {verifyError !== null && <Alert type="error" showIcon title={errorMessage(verifyError)} />}
        {result && <VerificationResult result={result} />}
        <Form<Filter>
          form={form}
          layout="inline"
          onFinish={(values) => setFilter(values)}
          data-testid="audit-filter"
        >
          <Form.Item name="caseNumber" label={t.filter.caseNumber}>
            <Input placeholder={t.filter.caseNumberPlaceholder} allowClear maxLength={40} />
          </Form.Item>
          <Form.Item name="actor" label={t.filter.actor}>
            <Input allowClear maxLength={40} />
          </Form.Item>
          <Form.Item name="action" label={t.filter.action}>
            <Select
              allowClear
              placeholder={t.filter.anyAction}
              style={{ width: 160 }}
              options={Object.keys(AUDIT_ACTION_LABELS).map((a) => ({
                value: a,
                label: auditActionLabel(a),
              }))}
            />
          </Form.Item>
          <Form.Item name="period" label={t.filter.period}>
            <DatePicker.RangePicker />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button htmlType="submit">{t.filter.search}</Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  setFilter({});
                }}
              >
                {t.filter.reset}
              </Button>
            </Space>
          </Form.Item>
        </Form>
        {error !== null && error !== undefined ? (
          <ErrorPanel error={error} onRetry={reload} />
        ) : (
          <Table<AuditEntryView>
            size="small"
            rowKey="seq"
            loading={page === undefined}
            dataSource={entries}
            pagination={false}
            locale={{ emptyText: t.noEntries }}
            data-testid="audit-table"
            columns={[
              { title: t.columns.seq, dataIndex: 'seq', width: 80 },
              { title: t.columns.at, dataIndex: 'at', width: 150, render: (v: string) => at(v) },
              { title: t.columns.actor, dataIndex: 'actor', width: 110 },
              {
                title: t.columns.action,
                dataIndex: 'action',
                width: 140,
                render: (v: string) => auditActionLabel(v),
              },
              {
                title: t.columns.what,
                render: (_: unknown, e: AuditEntryView) =>
                  e.table
                    ? `${auditTableLabel(e.table)} 第 ${e.rowKey ?? ''} 行`
                    : (e.detail ?? ''),
              },
              { title: t.columns.caseNumber, dataIndex: 'caseNumber', width: 200 },
            ]}
          />
        )}
        {next !== null && (
          <Button onClick={() => void more()} data-testid="audit-more">
            {t.filter.more}
          </Button>
        )}
      </Space>
    </Card>
  );
}

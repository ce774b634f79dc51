import { App, Button, Card, Input, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import {
  FOLLOWUP_ORIGIN_LABELS,
  PERFORMANCE_STATUS_LABELS,
  VISIT_MODE_LABELS,
} from '../../../../domain/followups/followup-codes';
import { FOLLOWUP_BUCKETS, type FollowUpBucket } from '../../../../domain/followups/followup-input';
import type { FollowUp } from '../../../../domain/followups/followup-views';
import { daysBetween } from '../../../../domain/followups/reminder-stage';
import { api } from '../../api/client';
import { ErrorPanel } from '../../components/ErrorPanel';
import { useApiValue } from '../../hooks/use-api-value';
import { useMediators } from '../../hooks/use-mediators';
import { uiText } from '../../i18n/zh-CN';
import { ReasonModal } from '../agreement/ReasonModal';
import { VisitModal } from './VisitModal';

const t = uiText.followUps;
const PAGE = 50;

/** The 回访 screen: what is overdue, due today, due this week, later, and what was done. */
export function FollowUpsPage() {
  const { message } = App.useApp();
  const [bucket, setBucket] = useState<FollowUpBucket>('OVERDUE');
  const [visitorId, setVisitorId] = useState<number | null>(null);
  const [textInput, setTextInput] = useState('');
  const [text, setText] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [recording, setRecording] = useState<FollowUp | null>(null);
  const [cancelling, setCancelling] = useState<FollowUp | null>(null);
  const { mediators } = useMediators(false);
  const load = useCallback(
    () =>
      api('followups.list', { bucket, visitorId, text, offset: (page - 1) * PAGE, limit: PAGE }),
    [bucket, visitorId, text, page],
  );
  const { value, error, reload } = useApiValue(load);

  const columns = [
    {
      title: bucket === 'DONE' ? t.field.visitDate : t.col.due,
      key: 'due',
      width: 130,
      render: (_: unknown, r: FollowUp) =>
        r.visit ? (
          r.visit.visitDate
        ) : (
          <Space orientation="vertical" size={0}>
            <span>{r.dueDate}</span>
            {r.overdue && value ? (
              <Tag color="red">{t.overdueDays(daysBetween(r.dueDate, value.today))}</Tag>
            ) : null}
          </Space>
        ),
    },
    {
      title: t.col.case,
      key: 'case',
      render: (_: unknown, r: FollowUp) => (
        <Link to={`/cases/${r.caseId}`}>
          {r.caseNumber ?? uiText.dashboard.unnumbered} {r.caseTitle}
        </Link>
      ),
    },
    {
      title: t.col.reason,
      key: 'reason',
      render: (_: unknown, r: FollowUp) => (
        <Space orientation="vertical" size={0}>
          <Tag>{FOLLOWUP_ORIGIN_LABELS[r.origin]}</Tag>
          <Typography.Text type="secondary">{r.note}</Typography.Text>
        </Space>
      ),
    },
    { title: t.col.agreement, dataIndex: 'agreementNumber', key: 'agreement', width: 200 },
    ...(bucket === 'DONE'
      ? [
          {
            title: t.col.visit,
            key: 'visit',
            render: (_: unknown, r: FollowUp) =>
              r.visit ? (
                <Space orientation="vertical" size={0}>
                  <Tag color={r.visit.performance === 'PERFORMED' ? 'green' : 'orange'}>
                    {PERFORMANCE_STATUS_LABELS[r.visit.performance]}
                  </Tag>
                  <Typography.Text type="secondary">
                    {t.panel.visitedBy(r.visit.visitorName, VISIT_MODE_LABELS[r.visit.mode])}
                  </Typography.Text>
                </Space>
              ) : null,
          },
        ]
      : [
          {
            title: t.col.actions,
            key: 'actions',
            width: 200,
            render: (_: unknown, r: FollowUp) => (
              <Space>
                <Button
                  type="primary"
                  size="small"
                  data-testid={`record-visit-${r.id}`}
                  onClick={() => setRecording(r)}
                >
                  {t.record}
                </Button>
                <Button size="small" onClick={() => setCancelling(r)}>
                  {t.cancel}
                </Button>
              </Space>
            ),
          },
        ]),
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t.title}
      </Typography.Title>
      <Typography.Text type="secondary">{t.intro}</Typography.Text>
      <Card size="small">
        <Space wrap>
          <Select
            aria-label={t.filterVisitor}
            style={{ width: 180 }}
            value={visitorId ?? 0}
            onChange={(v: number) => {
              setVisitorId(v === 0 ? null : v);
              setPage(1);
            }}
            options={[
              { value: 0, label: t.filterVisitorAll },
              ...mediators.map((m) => ({ value: m.id, label: m.name })),
            ]}
          />
          <Input.Search
            aria-label={t.filterText}
            placeholder={t.filterText}
            allowClear
            style={{ width: 260 }}
            value={textInput}
            onChange={(e) => setTextInput(e.target.value)}
            onSearch={(v) => {
              setText(v.trim() === '' ? null : v.trim().slice(0, 60));
              setPage(1);
            }}
            enterButton={t.search}
          />
        </Space>
      </Card>
      {error ? <ErrorPanel error={error} onRetry={() => void reload()} /> : null}
      <Tabs
        activeKey={bucket}
        onChange={(k) => {
          setBucket(k as FollowUpBucket);
          setPage(1);
        }}
        items={FOLLOWUP_BUCKETS.map((b) => ({
          key: b,
          label: (
            <span data-testid={`bucket-${b}`}>
              {t.buckets[b]}
              {value ? (
                <Tag
                  style={{ marginLeft: 6 }}
                  color={b === 'OVERDUE' && value.counts.OVERDUE > 0 ? 'red' : undefined}
                >
                  {value.counts[b]}
                </Tag>
              ) : null}
            </span>
          ),
        }))}
      />
      <Table<FollowUp>
        data-testid="followups-table"
        rowKey="id"
        size="small"
        loading={!value && !error}
        dataSource={value ? [...value.rows] : []}
        columns={columns}
        locale={{ emptyText: t.empty }}
        pagination={{
          current: page,
          pageSize: PAGE,
          total: value?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
        }}
      />
      {recording ? (
        <VisitModal
          caseId={recording.caseId}
          plan={recording}
          onClose={() => setRecording(null)}
          onDone={() => {
            setRecording(null);
            message.success(t.saved);
            void reload();
          }}
        />
      ) : null}
      {cancelling ? (
        <ReasonModal
          title={t.cancel}
          label={t.cancelReason}
          okText={t.cancel}
          onClose={() => setCancelling(null)}
          onSubmit={async (reason) => {
            await api('followups.cancel', {
              followUpId: cancelling.id,
              expectedVersion: cancelling.version,
              reason,
            });
            setCancelling(null);
            message.success(t.cancelled);
            void reload();
          }}
        />
      ) : null}
    </Space>
  );
}

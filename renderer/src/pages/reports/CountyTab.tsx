import { Alert, App, Button, Card, Space, Spin, Table, Tag, Typography } from 'antd';
import { useCallback, useRef, useState } from 'react';
import type { CountyImportView } from '../../../../domain/api/county-contract';
import { MAX_PACKAGE_BYTES } from '../../../../domain/statistics/county-inputs';
import {
  ROOM_REPORTING_LABELS,
  roomReportingSummary,
  type RoomReporting,
  type RoomReportingStatus,
} from '../../../../domain/statistics/room-reporting';
import { api } from '../../api/client';
import { chinaDateTime, formatDateTime } from '../../forms/date-field';
import { ErrorPanel, errorMessage } from '../../components/ErrorPanel';
import { useApiValue } from '../../hooks/use-api-value';
import { uiText } from '../../i18n/zh-CN';
import { bytesToBase64 } from '../agreement/pdf-bytes';
import { ReportTables } from './ReportTables';

const t = uiText.reports.county;

const STATUS_COLOURS: Readonly<Record<RoomReportingStatus, string>> = {
  REPORTED: 'green',
  ZERO: 'blue',
  MISSING: 'red',
};

/**
 * 县级汇总: the county clerk imports the rooms' packages and reads the merged table. The main
 * process does what `npm run county` does (verify all, merge none if one is refused).
 */
export function CountyTab({ period }: { period: string }) {
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<CountyImportView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => api('county.report', { period }), [period]);
  const { value, error: loadError, reload } = useApiValue(load);

  async function importFiles(files: FileList | null) {
    setError(null);
    setOutcome(null);
    const list = Array.from(files ?? []);
    if (list.length === 0) return;
    if (list.some((f) => f.size > MAX_PACKAGE_BYTES)) {
      setError(t.tooBig);
      return;
    }
    setBusy(true);
    try {
      const packages = await Promise.all(
        list.map(async (f) => ({
          fileName: f.name.slice(-200),
          dataBase64: bytesToBase64(new Uint8Array(await f.arrayBuffer())),
        })),
      );
      setOutcome(await api('county.import', { packages }));
      void reload();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  }

  async function exportTable() {
    try {
      const r = await api('county.exportReport', { period, directory: null });
      void message.success(t.exported(`${r.directory}/${r.file}`), 8);
      void reload();
    } catch (e) {
      void message.error(errorMessage(e));
    }
  }

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="county-tab">
      <Typography.Text type="secondary">{t.intro}</Typography.Text>
      <Space wrap>
        <Button type="primary" loading={busy} onClick={() => input.current?.click()}>
          {busy ? t.importing : t.choose}
        </Button>
        <Button onClick={() => void exportTable()} data-testid="county-export">
          {t.exportTable}
        </Button>
        {value && <Typography.Text>{t.rooms(value.rooms)}</Typography.Text>}
      </Space>
      <input
        ref={input}
        type="file"
        accept=".zip,application/zip"
        multiple
        hidden
        data-testid="county-file"
        onChange={(e) => void importFiles(e.target.files)}
      />
      {error && <Alert type="error" showIcon title={error} />}
      {outcome && outcome.refused.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="county-refused"
          title={t.refused}
          description={outcome.refused.map((r) => `${r.file}：${r.reason}`).join('；')}
        />
      )}
      {outcome && outcome.merged.length > 0 && (
        <Alert
          type="success"
          showIcon
          data-testid="county-merged"
          title={outcome.merged
            .map((m) =>
              m.alreadyImported
                ? t.already(m.file)
                : t.imported(m.file, m.added, m.replaced, m.corrected, m.kept),
            )
            .join('；')}
        />
      )}
      {loadError ? (
        <ErrorPanel error={loadError} onRetry={() => void reload()} />
      ) : !value ? (
        <Spin />
      ) : (
        <>
          <Card size="small" title={t.roomsTitle} data-testid="county-rooms">
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Typography.Text>{roomReportingSummary(value.roomReports)}</Typography.Text>
              <Table<RoomReporting>
                size="small"
                rowKey={(r) => `${r.committeeName}|${r.roomName}`}
                pagination={value.roomReports.length > 20 ? { pageSize: 20 } : false}
                dataSource={[...value.roomReports]}
                columns={[
                  { title: t.committee, dataIndex: 'committeeName' },
                  { title: t.room, dataIndex: 'roomName' },
                  {
                    title: t.reporting,
                    dataIndex: 'status',
                    render: (s: RoomReportingStatus) => (
                      <Tag color={STATUS_COLOURS[s]}>{ROOM_REPORTING_LABELS[s]}</Tag>
                    ),
                  },
                  { title: t.packages, dataIndex: 'packages' },
                  { title: t.casesCount, dataIndex: 'cases' },
                  { title: t.issuesFound, dataIndex: 'issuesFound' },
                ]}
              />
              <Typography.Text type="secondary">{t.roomsNote}</Typography.Text>
            </Space>
          </Card>
          <div data-testid="county-tables">
            <ReportTables report={value.report} />
          </div>
          <Card size="small" title={t.importsTitle}>
            <Table
              size="small"
              rowKey={(r) => `${r.importedAt}|${r.fileName}`}
              pagination={false}
              dataSource={[...value.imports]}
              columns={[
                { title: t.committee, dataIndex: 'committeeName' },
                { title: t.file, dataIndex: 'fileName' },
                { title: t.period, dataIndex: 'period' },
                {
                  title: t.kind,
                  dataIndex: 'kind',
                  render: (v: string) => t.kinds[v] ?? v,
                },
                {
                  title: t.counts,
                  key: 'counts',
                  render: (_: unknown, r) => `${r.added}／${r.replaced}／${r.kept}`,
                },
                {
                  title: t.importedAt,
                  dataIndex: 'importedAt',
                  render: (v: string) => formatDateTime(chinaDateTime(v)),
                },
              ]}
            />
          </Card>
          <Card size="small" title={t.exportsTitle} data-testid="county-exports">
            <Table
              size="small"
              rowKey={(r) => `${r.exportedAt}|${r.sha256}`}
              pagination={false}
              locale={{ emptyText: t.exportsEmpty }}
              dataSource={[...value.exports]}
              columns={[
                { title: t.period, dataIndex: 'period' },
                { title: t.exportedFile, dataIndex: 'fileName' },
                { title: t.roomsCount, dataIndex: 'rooms' },
                { title: t.casesCount, dataIndex: 'cases' },
                {
                  title: t.sha256,
                  dataIndex: 'sha256',
                  render: (v: string) => (
                    <Typography.Text code copyable={{ text: v }}>
                      {v.slice(0, 16)}…
                    </Typography.Text>
                  ),
                },
                { title: t.actor, dataIndex: 'actor' },
                {
                  title: t.exportedAt,
                  dataIndex: 'exportedAt',
                  render: (v: string) => formatDateTime(chinaDateTime(v)),
                },
              ]}
            />
          </Card>
        </>
      )}
    </Space>
  );
}

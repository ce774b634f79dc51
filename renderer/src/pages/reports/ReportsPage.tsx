import { useMayCall } from '../../desk/use-may-call';
import { Alert, Card, Col, Row, Space, Spin, Statistic, Tabs, Typography } from 'antd';
import { chinaNow } from '../../forms/date-field';
import { lazy, Suspense, useCallback, useState } from 'react';
import { correctionNote, zeroReportNote } from '../../../../domain/statistics/compute-report';
import { api } from '../../api/client';
import { ErrorPanel } from '../../components/ErrorPanel';
import { useApiValue } from '../../hooks/use-api-value';
import { uiText } from '../../i18n/zh-CN';
import { CountyTab } from './CountyTab';
import { ExportHistory, ExportPanel } from './ExportPanel';
import { periodKey, type PeriodKind } from './period-key';
import { PeriodPicker } from './period-picker';
import { ReportTables } from './ReportTables';
import { ScreeningTab } from './ScreeningTab';
import { ClaimPackTab } from '../subsidy/ClaimPackTab';

// ECharts is large: loaded only when the statistics are shown.
const ReportCharts = lazy(() => import('./ReportCharts'));
const t = uiText.reports;

/** 统计上报: the period's table as the county receives it, charts, exports and their record. */
export function ReportsPage() {
  const may = useMayCall();
  const [kind, setKind] = useState<PeriodKind>('MONTH');
  const [date, setDate] = useState(() => chinaNow());
  const period = periodKey(kind, date);
  const loadReport = useCallback(() => api('statistics.get', { period }), [period]);
  const { value: report, error, reload } = useApiValue(loadReport);
  const loadHistory = useCallback(() => api('exports.list', {}), []);
  const { value: history, reload: reloadHistory } = useApiValue(loadHistory);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t.title}
      </Typography.Title>
      <Space wrap>
        <PeriodPicker
          kind={kind}
          date={date}
          onChange={(k, d) => {
            setKind(k);
            setDate(d);
          }}
        />
        <Typography.Text type="secondary">{t.countingRule}</Typography.Text>
      </Space>
      <Tabs
        items={[
          {
            key: 'table',
            label: t.tabs.table,
            children: error ? (
              <ErrorPanel error={error} onRetry={() => void reload()} />
            ) : !report ? (
              <Spin />
            ) : (
              <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                {report.zeroReport && (
                  <Alert
                    type="info"
                    showIcon
                    data-testid="report-zero"
                    title={t.zeroReport}
                    description={zeroReportNote(report)}
                  />
                )}
                {report.corrections.length > 0 && (
                  <Alert
                    type="warning"
                    showIcon
                    data-testid="report-corrections"
                    title={correctionNote(report.corrections)}
                  />
                )}
                <div data-testid="report-summary">
                  <Card size="small" title={report.period.label}>
                    <Row gutter={16}>
                      <Col span={4}>
                        <Statistic title={t.cases} value={report.totals.cases} suffix={t.unit} />
                      </Col>
                      <Col span={4}>
                        <Statistic
                          title={t.success}
                          value={report.totals.success}
                          suffix={t.unit}
                        />
                      </Col>
                      <Col span={4}>
                        <Statistic
                          title={t.rate}
                          value={report.totals.successRate ?? '—'}
                          suffix={report.totals.successRate === null ? '' : '%'}
                        />
                      </Col>
                      <Col span={4}>
                        <Statistic
                          title={t.persons}
                          value={report.totals.persons}
                          suffix={t.personUnit}
                        />
                      </Col>
                      <Col span={4}>
                        <Statistic title={t.amount} value={report.totals.amountWan} precision={2} />
                      </Col>
                      <Col span={4}>
                        <Statistic title={t.open} value={report.totals.open} suffix={t.unit} />
                      </Col>
                    </Row>
                  </Card>
                </div>
                <Card size="small">
                  <ExportPanel
                    period={period}
                    directory={history?.defaultDirectory ?? null}
                    onExported={() => void reloadHistory()}
                  />
                </Card>
                <Suspense fallback={<Spin tip={t.chartLoading} />}>
                  <ReportCharts report={report} />
                </Suspense>
                <ReportTables report={report} />
              </Space>
            ),
          },
          ...(may('screening.list')
            ? [
                {
                  key: 'screening',
                  label: t.tabs.screening,
                  children: <ScreeningTab period={period} onSaved={() => void reload()} />,
                },
              ]
            : []),
          ...(may('subsidy.claimPack')
            ? [{ key: 'claims', label: t.tabs.claims, children: <ClaimPackTab period={period} /> }]
            : []),
          {
            key: 'history',
            label: t.tabs.history,
            children: <ExportHistory runs={history?.runs ?? []} />,
          },
          {
            key: 'county',
            label: t.tabs.county,
            children: <CountyTab period={period} />,
          },
        ]}
      />
    </Space>
  );
}

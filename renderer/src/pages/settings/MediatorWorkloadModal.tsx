import { Card, Col, Modal, Row, Space, Statistic, Table, Typography } from 'antd';
import { chinaNow } from '../../forms/date-field';
import { useCallback, useState } from 'react';
import type { Mediator } from '../../../../domain/cases/case-views';
import {
  OUTCOME_LABELS,
  type MediatorOutcomeRow,
} from '../../../../domain/cases/mediator-workload';
import { api } from '../../api/client';
import { ErrorPanel } from '../../components/ErrorPanel';
import { useApiValue } from '../../hooks/use-api-value';
import { uiText } from '../../i18n/zh-CN';
import { periodKey, type PeriodKind } from '../reports/period-key';
import { PeriodPicker } from '../reports/period-picker';

const t = uiText.mediators.workload;

const yuan = (fen: number) => (fen / 100).toFixed(2);

/**
 * One mediator's work for a month, quarter, half-year or year: cases accepted, sessions,
 * outcomes (success by written or oral agreement, failed, referred), visits made and what is
 * still open, with the outcome cases listed. Counted as the statistics table counts (§3.7).
 */
export function MediatorWorkloadModal(props: {
  readonly mediator: Mediator;
  readonly onClose: () => void;
}) {
  const [kind, setKind] = useState<PeriodKind>('YEAR');
  const [date, setDate] = useState(() => chinaNow());
  const period = periodKey(kind, date);
  const load = useCallback(
    () => api('mediators.workload', { mediatorId: props.mediator.id, period }),
    [props.mediator.id, period],
  );
  const { value, error, reload } = useApiValue(load);

  return (
    <Modal
      open
      width={980}
      title={t.title(props.mediator.name)}
      onCancel={props.onClose}
      footer={null}
      destroyOnHidden
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <PeriodPicker
          kind={kind}
          date={date}
          onChange={(k, d) => {
            setKind(k);
            setDate(d);
          }}
        />
        {error ? <ErrorPanel error={error} onRetry={() => void reload()} /> : null}
        {value ? (
          <div data-testid="mediator-workload">
            <Card
              size="small"
              title={`${value.period.label}（${value.period.start} 至 ${value.period.end}）`}
            >
              <Row gutter={[16, 12]}>
                <Col span={4}>
                  <Statistic title={t.accepted} value={value.accepted} suffix={t.cases} />
                </Col>
                <Col span={4}>
                  <Statistic title={t.sessions} value={value.sessions} suffix={t.times} />
                </Col>
                <Col span={4}>
                  <Statistic title={t.mediated} value={value.mediated} suffix={t.cases} />
                </Col>
                <Col span={4}>
                  <Statistic title={t.success} value={value.success} suffix={t.cases} />
                </Col>
                <Col span={4}>
                  <Statistic
                    title={t.rate}
                    value={value.successRate ?? '—'}
                    suffix={value.successRate === null ? undefined : '%'}
                  />
                </Col>
                <Col span={4}>
                  <Statistic title={t.followUps} value={value.followUps} suffix={t.times} />
                </Col>
                <Col span={4}>
                  <Statistic title={t.written} value={value.writtenAgreements} suffix={t.cases} />
                </Col>
                <Col span={4}>
                  <Statistic title={t.oral} value={value.oralAgreements} suffix={t.cases} />
                </Col>
                <Col span={4}>
                  <Statistic title={t.failed} value={value.failed} suffix={t.cases} />
                </Col>
                <Col span={4}>
                  <Statistic title={t.referred} value={value.referred} suffix={t.cases} />
                </Col>
                <Col span={4}>
                  <Statistic title={t.open} value={value.openAtEnd} suffix={t.cases} />
                </Col>
                <Col span={4}>
                  <Statistic title={t.amount} value={yuan(value.amountFen)} suffix={t.yuan} />
                </Col>
              </Row>
            </Card>
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              {t.rule}
            </Typography.Paragraph>
            <Table<MediatorOutcomeRow>
              size="small"
              rowKey="caseId"
              dataSource={[...value.outcomes]}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              locale={{ emptyText: t.noOutcomes }}
              columns={[
                {
                  title: t.caseNumber,
                  key: 'no',
                  render: (_, r) => r.caseNumber ?? uiText.case.unnumbered,
                },
                { title: t.caseTitle, dataIndex: 'title', key: 'title' },
                {
                  title: t.outcome,
                  key: 'outcome',
                  render: (_, r) => OUTCOME_LABELS[r.outcome],
                },
                { title: t.outcomeDate, dataIndex: 'outcomeDate', key: 'date' },
                {
                  title: t.amount,
                  key: 'amount',
                  align: 'right',
                  render: (_, r) => (r.amountFen > 0 ? yuan(r.amountFen) : '—'),
                },
              ]}
            />
          </div>
        ) : null}
      </Space>
    </Modal>
  );
}

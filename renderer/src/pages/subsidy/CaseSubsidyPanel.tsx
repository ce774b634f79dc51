import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  List,
  Radio,
  Select,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useState } from 'react';
import {
  caseSubsidyFactsSchema,
  confirmTierSchema,
} from '../../../../domain/subsidy/subsidy-input';
import type { CaseSubsidyView } from '../../../../domain/subsidy/subsidy-views';
import { api } from '../../api/client';
import { ErrorPanel } from '../../components/ErrorPanel';
import { chinaDateTime, formatDateTime } from '../../forms/date-field';
import { SchemaFormModal } from '../../forms/SchemaFormModal';
import { useApiValue } from '../../hooks/use-api-value';
import { uiText } from '../../i18n/zh-CN';
import { DocumentPreviewModal } from '../agreement/DocumentPreviewModal';
import { tierAmountText } from './RulesDetailModal';

const t = uiText.subsidy.panel;
// One object for the preview's lifetime: the preview reloads when its request changes.
const RECOGNITION = {
  subsidyRecognition: true,
  title: uiText.subsidyEditor.recognitionTitle,
} as const;

function yesNoUnknown(v: boolean | null) {
  return v === null ? t.unknown : v ? t.yes : t.no;
}

/**
 * The case page's 以案定补 panel: the tier the data suggests and why, the mediator's decision
 * (a reason when it goes against the data), what the reviewer will check, and — once the case
 * has an outcome — whether it can be claimed and every reason it cannot.
 */
export function CaseSubsidyPanel({ caseId, refreshKey }: { caseId: number; refreshKey: string }) {
  const load = useCallback(
    () => api('subsidy.ofCase', { caseId }),
    // refreshKey: the case changed (a session, an agreement, a print), so the reasons may too.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [caseId, refreshKey],
  );
  const { value: view, error, reload } = useApiValue<CaseSubsidyView>(load);
  const [editing, setEditing] = useState<'tier' | 'facts' | 'print' | null>(null);
  const v = view;

  if (error) return <ErrorPanel error={error} onRetry={() => void reload()} />;
  if (!v) return null;
  const done = () => {
    setEditing(null);
    void reload();
  };

  return (
    <Card
      size="small"
      title={t.title}
      data-testid="case-subsidy-panel"
      extra={
        v.rules ? (
          <Space>
            <Typography.Text type="secondary">
              {t.rule}：{v.rules.title}
            </Typography.Text>
            {v.rules.isExample ? <Tag color="orange">{uiText.subsidy.rules.exampleTag}</Tag> : null}
            <Button size="small" type="primary" onClick={() => setEditing('tier')}>
              {v.confirmed ? t.change : t.confirm}
            </Button>
            {v.claim.claimable !== null ? (
              <Button
                size="small"
                data-testid="subsidy-print-recognition"
                onClick={() => setEditing('print')}
              >
                {uiText.subsidyEditor.printRecognition}
              </Button>
            ) : null}
          </Space>
        ) : null
      }
    >
      {!v.rules ? (
        <Alert type="info" showIcon title={t.noRules} />
      ) : (
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t.suggested}>
              <Tag>{v.suggestion?.tierLabel}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t.confirmed}>
              {v.confirmed ? (
                <Space>
                  <Tag color="blue" data-testid="subsidy-confirmed-tier">
                    {v.confirmed.tierLabel}
                  </Tag>
                  {v.confirmed.reason ? (
                    <Typography.Text type="secondary">{v.confirmed.reason}</Typography.Text>
                  ) : null}
                </Space>
              ) : (
                <Typography.Text type="secondary">{t.notConfirmed}</Typography.Text>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t.reasons} span={2}>
              {v.suggestion?.reasons.join('；')}
            </Descriptions.Item>
            <Descriptions.Item label={t.amount}>
              {v.claim.tierAmountFen === null
                ? tierAmountText(null, null)
                : uiText.subsidy.rules.yuan(v.claim.tierAmountFen)}
            </Descriptions.Item>
            <Descriptions.Item label={uiText.subsidy.claims.columns.claimable}>
              {v.claim.claimable === null ? (
                <Tag>{t.pending}</Tag>
              ) : v.claim.claimable ? (
                <Tag color="green">{t.claimable}</Tag>
              ) : (
                <Tag color="orange" data-testid="subsidy-not-claimable">
                  {t.notClaimable}
                </Tag>
              )}
            </Descriptions.Item>
          </Descriptions>
          {v.claim.reasons.length > 0 ? (
            <Alert
              type={v.claim.claimable === false ? 'warning' : 'info'}
              showIcon
              title={t.whyNot}
              description={
                <ul data-testid="subsidy-reasons">
                  {v.claim.reasons.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              }
            />
          ) : null}
          {v.claim.documents.length > 0 ? (
            <Space wrap>
              <Typography.Text type="secondary">{t.documents}：</Typography.Text>
              {v.claim.documents.map((d) => (
                <Tag key={d.document} color={d.present ? 'green' : 'red'}>
                  {d.label}（{d.present ? t.present : t.missing}）
                </Tag>
              ))}
            </Space>
          ) : null}
          <Descriptions
            size="small"
            column={2}
            title={t.facts}
            extra={
              <Button size="small" onClick={() => setEditing('facts')}>
                {t.editFacts}
              </Button>
            }
          >
            <Descriptions.Item label={t.inCountyRegister}>
              {yesNoUnknown(v.facts.inCountyRegister)}
              {v.facts.countyRegisterRef ? `（${v.facts.countyRegisterRef}）` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t.crossArea}>
              {yesNoUnknown(v.facts.crossArea)}
            </Descriptions.Item>
            <Descriptions.Item label={t.oralAttendanceProven}>
              {yesNoUnknown(v.facts.oralAttendanceProven)}
            </Descriptions.Item>
          </Descriptions>
          {v.history.length > 0 ? (
            <List
              size="small"
              header={t.history}
              dataSource={[...v.history]}
              renderItem={(h) => (
                <List.Item>
                  {t.historyItem(
                    h.tierLabel,
                    h.confirmedBy,
                    formatDateTime(chinaDateTime(h.confirmedAt)),
                  )}
                  {h.reason ? `：${h.reason}` : ''}
                </List.Item>
              )}
            />
          ) : null}
          <Typography.Text type="secondary">{v.disclaimer}</Typography.Text>
        </Space>
      )}
      {editing === 'print' ? (
        <DocumentPreviewModal caseId={caseId} request={RECOGNITION} onClose={done} />
      ) : null}
      {editing === 'tier' && v.rules ? (
        <SchemaFormModal
          name="subsidy-tier"
          title={t.confirmTitle}
          okText={t.confirm}
          schema={confirmTierSchema}
          initialValues={{
            tierCode: v.confirmed?.tierCode ?? v.suggestion?.tierCode ?? undefined,
            reason: '',
          }}
          toInput={(values) => ({ ...values, caseId })}
          submit={(input) => api('subsidy.confirmTier', input)}
          onDone={done}
          onClose={() => setEditing(null)}
        >
          <Typography.Paragraph type="secondary">
            {t.suggested}：{v.suggestion?.tierLabel}（{v.suggestion?.reasons.join('；')}）
          </Typography.Paragraph>
          <Form.Item name="tierCode" label={t.tier} required>
            <Radio.Group
              options={v.rules.tiers.map((tier) => ({ value: tier.code, label: tier.label }))}
            />
          </Form.Item>
          <Form.Item name="reason" label={t.reason} extra={t.reasonHelp}>
            <Input maxLength={200} />
          </Form.Item>
        </SchemaFormModal>
      ) : null}
      {editing === 'facts' ? (
        <SchemaFormModal
          name="subsidy-facts"
          title={t.factsTitle}
          okText={uiText.common.save}
          schema={caseSubsidyFactsSchema}
          initialValues={{
            inCountyRegister:
              v.facts.inCountyRegister === null
                ? 'UNKNOWN'
                : v.facts.inCountyRegister
                  ? 'YES'
                  : 'NO',
            countyRegisterRef: v.facts.countyRegisterRef ?? '',
            crossArea: v.facts.crossArea,
            oralAttendanceProven: v.facts.oralAttendanceProven,
            reason: '',
          }}
          toInput={(values) => ({
            ...values,
            inCountyRegister:
              values.inCountyRegister === 'UNKNOWN' ? null : values.inCountyRegister === 'YES',
            caseId,
            expectedVersion: v.facts.version,
          })}
          submit={(input) => api('subsidy.saveCaseFacts', input)}
          onDone={done}
          onClose={() => setEditing(null)}
        >
          <Form.Item name="inCountyRegister" label={t.inCountyRegister}>
            <Select
              options={[
                { value: 'UNKNOWN', label: t.unknown },
                { value: 'YES', label: t.yes },
                { value: 'NO', label: t.no },
              ]}
            />
          </Form.Item>
          <Form.Item name="countyRegisterRef" label={t.countyRegisterRef}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="crossArea" label={t.crossArea} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item
            name="oralAttendanceProven"
            label={t.oralAttendanceProven}
            valuePropName="checked"
          >
            <Switch />
          </Form.Item>
          <Form.Item name="reason" label={t.changeReason}>
            <Input maxLength={200} />
          </Form.Item>
        </SchemaFormModal>
      ) : null}
    </Card>
  );
}

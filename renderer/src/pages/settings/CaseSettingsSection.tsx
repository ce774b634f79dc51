import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Row,
  Spin,
  Typography,
} from 'antd';
import { useCallback, useState } from 'react';
import type { CaseSettings } from '../../../../domain/cases/case-views';
import { caseSettingsInputSchema } from '../../../../domain/cases/ledger-inputs';
import * as riskLevels from '../../../../domain/taxonomy/risk-levels';
import { api, ApiCallError } from '../../api/client';
import { errorMessage } from '../../components/ErrorPanel';
import { RiskTag } from '../../components/RiskTag';
import { applyFieldIssues, badInputIssues } from '../../forms/field-issues';
import { useApiValue } from '../../hooks/use-api-value';
import { uiText } from '../../i18n/zh-CN';

const t = uiText.mediators;

type FormValues = Pick<CaseSettings, 'dueDays' | 'ethnicExtensions' | 'recordGraceDays'>;

function CaseSettingsForm({ initial, onSaved }: { initial: CaseSettings; onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState(false);

  async function submit() {
    // The extension kind has no box of its own, so take every value, not just the fields.
    const values = form.getFieldsValue(true) as FormValues;
    const input = {
      expectedVersion: initial.version,
      dueDays: { ...values.dueDays },
      ethnicExtensions: values.ethnicExtensions.map((e) => ({ ...e })),
      recordGraceDays: values.recordGraceDays,
    };
    const local = caseSettingsInputSchema.safeParse(input);
    if (!local.success) {
      const unplaced = applyFieldIssues(
        form,
        local.error.issues.map((i) => ({
          path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
          message: i.message,
        })),
      );
      if (unplaced[0]) message.error(unplaced[0].message);
      return;
    }
    setSaving(true);
    try {
      await api('caseSettings.save', input);
      message.success(t.caseSettingsSaved);
      onSaved();
    } catch (error) {
      if (error instanceof ApiCallError && error.code === 'CONFLICT') setConflict(true);
      const issues = badInputIssues(error);
      if (!issues || applyFieldIssues(form, issues).length > 0) message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Form<FormValues>
      form={form}
      name="case-settings"
      layout="vertical"
      initialValues={{
        dueDays: { ...initial.dueDays },
        ethnicExtensions: initial.ethnicExtensions.map((e) => ({ ...e })),
        recordGraceDays: initial.recordGraceDays,
      }}
      onFinish={() => void submit()}
    >
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          title={uiText.common.conflict}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Typography.Text strong>{t.dueDays}</Typography.Text>
      <Typography.Paragraph type="secondary">{t.dueDaysHelp}</Typography.Paragraph>
      <Row gutter={12}>
        {riskLevels.rows.map((r) => (
          <Col span={6} key={r.code}>
            <Form.Item name={['dueDays', r.code]} label={<RiskTag level={r.code} />} required>
              <InputNumber
                min={1}
                max={365}
                suffix={t.days}
                style={{ width: '100%' }}
                aria-label={t.dueDaysFor(r.label)}
              />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Typography.Text strong>{t.recordGraceDays}</Typography.Text>
      <Typography.Paragraph type="secondary">{t.recordGraceDaysHelp}</Typography.Paragraph>
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item name="recordGraceDays" required>
            <InputNumber
              min={0}
              max={365}
              suffix={t.days}
              style={{ width: '100%' }}
              aria-label={t.recordGraceDays}
            />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Text strong>{t.ethnicExtensions}</Typography.Text>
      <Typography.Paragraph type="secondary">{t.ethnicExtensionsHelp}</Typography.Paragraph>
      <Form.List name="ethnicExtensions">
        {(list) =>
          list.map((field) => (
            <Row gutter={12} key={field.key}>
              <Col span={6}>
                <Form.Item label=" ">
                  {
                    t.extensionKind[
                      (form.getFieldValue(['ethnicExtensions', field.name, 'kind']) ??
                        'UNIDENTIFIED') as keyof typeof t.extensionKind
                    ]
                  }
                </Form.Item>
              </Col>
              <Col span={4}>
                <Form.Item name={[field.name, 'code']} label={t.extensionCode}>
                  <Input maxLength={2} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name={[field.name, 'label']} label={t.extensionLabel}>
                  <Input />
                </Form.Item>
              </Col>
            </Row>
          ))
        }
      </Form.List>
      <Button type="primary" htmlType="submit" loading={saving}>
        {t.saveCaseSettings}
      </Button>
    </Form>
  );
}

/** 设置 → 案件设置: due days per risk level and the ethnic extension codes. */
export function CaseSettingsSection() {
  const load = useCallback(() => api('caseSettings.get', {}), []);
  const { value, error, reload } = useApiValue(load);
  return (
    <Card title={t.caseSettingsTitle} data-testid="case-settings-section">
      {error ? <Alert type="error" showIcon title={errorMessage(error)} /> : null}
      {!value && !error ? <Spin /> : null}
      {value ? (
        <CaseSettingsForm key={value.version} initial={value} onSaved={() => void reload()} />
      ) : null}
    </Card>
  );
}

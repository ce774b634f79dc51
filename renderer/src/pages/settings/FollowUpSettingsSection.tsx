import { Alert, App, Button, Card, Form, InputNumber, Spin, Switch, Typography } from 'antd';
import { useCallback } from 'react';
import { followUpSettingsSchema } from '../../../../domain/followups/followup-input';
import type { FollowUpSettings } from '../../../../domain/followups/followup-views';
import { api } from '../../api/client';
import { errorMessage } from '../../components/ErrorPanel';
import { useSchemaSubmit } from '../../forms/use-schema-submit';
import { useApiValue } from '../../hooks/use-api-value';
import { uiText } from '../../i18n/zh-CN';

const t = uiText.followUps.settings;

type Values = Omit<FollowUpSettings, 'version'>;

function FollowUpSettingsForm({
  initial,
  onSaved,
}: {
  initial: FollowUpSettings;
  onSaved: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { saving, refusal, run } = useSchemaSubmit();

  async function save() {
    // The main process checks the same schema again; checking here keeps the typed values.
    const done = await run({
      form,
      schema: followUpSettingsSchema,
      input: { ...form.getFieldsValue(true), expectedVersion: initial.version },
      submit: (checked) => api('followups.saveSettings', checked),
    });
    if (done.ok) {
      message.success(t.saved);
      onSaved();
    }
  }

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{
        afterDueDays: initial.afterDueDays,
        afterAgreementDays: initial.afterAgreementDays,
        notifyHour: initial.notifyHour,
        notifyEnabled: initial.notifyEnabled,
      }}
      onFinish={() => void save()}
      name="followup-settings"
    >
      <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
      <Form.Item name="afterDueDays" label={t.afterDueDays} extra={t.afterDueDaysHelp} required>
        <InputNumber min={0} max={90} precision={0} addonAfter={t.days} />
      </Form.Item>
      <Form.Item
        name="afterAgreementDays"
        label={t.afterAgreementDays}
        extra={t.afterAgreementDaysHelp}
        required
      >
        <InputNumber min={0} max={180} precision={0} addonAfter={t.days} />
      </Form.Item>
      <Form.Item name="notifyEnabled" label={t.notifyEnabled} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item name="notifyHour" label={t.notifyHour} extra={t.notifyHourHelp} required>
        <InputNumber min={0} max={23} precision={0} addonAfter={t.hour} />
      </Form.Item>
      {refusal ? (
        <Alert type="error" showIcon title={refusal.message} style={{ marginBottom: 12 }} />
      ) : null}
      <Button
        type="primary"
        htmlType="submit"
        loading={saving}
        data-testid="followup-settings-save"
      >
        {t.save}
      </Button>
    </Form>
  );
}

/** 回访设置: N and M days of the automatic visits, and the desktop reminder. */
export function FollowUpSettingsSection() {
  const load = useCallback(() => api('followups.getSettings', {}), []);
  const { value, error, reload } = useApiValue(load);
  return (
    <Card title={t.title} size="small" data-testid="followup-settings-section">
      {error ? <Alert type="error" showIcon title={errorMessage(error)} /> : null}
      {value ? (
        <FollowUpSettingsForm key={value.version} initial={value} onSaved={() => void reload()} />
      ) : error ? null : (
        <Spin />
      )}
    </Card>
  );
}

import { Alert, App, Button, Card, Col, Form, Input, Row, Spin, Typography } from 'antd';
import { useCallback, useState } from 'react';
import type { HolidayCalendar } from '../../../../domain/agreements/agreement-views';
import { api, ApiCallError } from '../../api/client';
import { errorMessage } from '../../components/ErrorPanel';
import { chinaDateTime, formatDateTime } from '../../forms/date-field';
import { useApiValue } from '../../hooks/use-api-value';
import { uiText } from '../../i18n/zh-CN';

const t = uiText.agreement.holidays;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

interface Values {
  holidays: string;
  makeUpWorkdays: string;
}

/** One date a line; blank lines ignored; a line that is not a date is named back. */
function parseLines(text: string): { dates: string[]; bad: string | null } {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  return { dates: lines, bad: lines.find((l) => !ISO_DATE.test(l)) ?? null };
}

function HolidayForm({ initial, onSaved }: { initial: HolidayCalendar; onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<{ text: string; conflict: boolean } | null>(null);

  async function submit() {
    setRefusal(null);
    const v = form.getFieldsValue(true) as Values;
    const holidays = parseLines(v.holidays);
    const workdays = parseLines(v.makeUpWorkdays);
    const fields = [
      { name: 'holidays' as const, bad: holidays.bad },
      { name: 'makeUpWorkdays' as const, bad: workdays.bad },
    ].filter((f) => f.bad !== null);
    if (fields.length > 0) {
      form.setFields(fields.map((f) => ({ name: f.name, errors: [t.badLine(f.bad ?? '')] })));
      return;
    }
    setSaving(true);
    try {
      await api('agreements.saveHolidayCalendar', {
        holidays: holidays.dates,
        makeUpWorkdays: workdays.dates,
        expectedVersion: initial.version,
      });
      message.success(t.saved);
      onSaved();
    } catch (error) {
      const conflict = error instanceof ApiCallError && error.code === 'CONFLICT';
      setRefusal({
        text: conflict
          ? uiText.common.conflict
          : error instanceof ApiCallError && error.issues?.[0]
            ? error.issues[0].message
            : errorMessage(error),
        conflict,
      });
    } finally {
      setSaving(false);
    }
  }

  return (
    <Form
      form={form}
      layout="vertical"
      name="holidays"
      initialValues={{
        holidays: initial.holidays.join('\n'),
        makeUpWorkdays: initial.makeUpWorkdays.join('\n'),
      }}
    >
      <Typography.Paragraph type="secondary">{t.help}</Typography.Paragraph>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="holidays" label={t.holidays}>
            <Input.TextArea rows={4} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="makeUpWorkdays" label={t.makeUpWorkdays}>
            <Input.TextArea rows={4} />
          </Form.Item>
        </Col>
      </Row>
      {refusal ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={refusal.text}
          action={
            refusal.conflict ? (
              <Button size="small" onClick={onSaved}>
                {uiText.common.reload}
              </Button>
            ) : undefined
          }
        />
      ) : null}
      <Button type="primary" loading={saving} onClick={() => void submit()}>
        {t.save}
      </Button>
      {initial.updatedAt ? (
        <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
          {t.updatedAt(formatDateTime(chinaDateTime(initial.updatedAt)))}
        </Typography.Text>
      ) : null}
    </Form>
  );
}

/** 设置 → 节假日安排: the rest days the judicial-confirmation deadline rolls past. */
export function HolidayCalendarSection() {
  const load = useCallback(() => api('agreements.getHolidayCalendar', {}), []);
  const { value, error, reload } = useApiValue(load);
  return (
    <Card title={t.title} size="small" data-testid="holiday-section">
      {error && !value ? <Alert type="error" showIcon title={errorMessage(error)} /> : null}
      {!value && !error ? <Spin /> : null}
      {value ? (
        <HolidayForm key={value.version} initial={value} onSaved={() => void reload()} />
      ) : null}
    </Card>
  );
}

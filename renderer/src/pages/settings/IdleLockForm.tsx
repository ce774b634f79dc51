import { App, Button, Form, InputNumber, Space } from 'antd';
import { MAX_IDLE_LOCK_MINUTES, MIN_IDLE_LOCK_MINUTES } from '../../../../domain/accounts/roles';
import { accountsContract } from '../../../../domain/api/accounts-contract';
import { api } from '../../api/client';
import { DeskRefusal } from '../../desk/DeskScreen';
import { useDesk } from '../../desk/desk-context';
import { useSchemaSubmit } from '../../forms/use-schema-submit';
import { uiText } from '../../i18n/zh-CN';

const t = uiText.accounts.idleLock;

/** 自动锁定时间: the minutes without input after which every account's desk locks. */
export function IdleLockForm() {
  const desk = useDesk();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ minutes?: number | null }>();
  const { saving, refusal, run } = useSchemaSubmit();

  async function save(minutes: number | null | undefined) {
    const done = await run({
      form,
      schema: accountsContract['accounts.setIdleLock'].input,
      input: { minutes },
      submit: (input) => api('accounts.setIdleLock', input),
    });
    if (done.ok) {
      message.success(t.saved);
      desk.accept(done.value);
    }
  }

  return (
    <Form
      form={form}
      layout="vertical"
      name="idle-lock"
      initialValues={{ minutes: desk.session.idleLockMinutes }}
      onFinish={(v) => void save(v.minutes)}
    >
      <Form.Item label={t.title} extra={t.help} required>
        <Space.Compact>
          <Form.Item name="minutes" noStyle>
            <InputNumber
              min={MIN_IDLE_LOCK_MINUTES}
              max={MAX_IDLE_LOCK_MINUTES}
              precision={0}
              aria-label={t.title}
              suffix={t.unit}
            />
          </Form.Item>
          <Button htmlType="submit" loading={saving}>
            {t.save}
          </Button>
        </Space.Compact>
      </Form.Item>
      <DeskRefusal refusal={refusal} />
    </Form>
  );
}

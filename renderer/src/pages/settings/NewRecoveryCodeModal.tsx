import { Form, Modal, Typography } from 'antd';
import { accountsContract } from '../../../../domain/api/accounts-contract';
import { api } from '../../api/client';
import { CurrentPasswordField } from '../../desk/AccountFields';
import { DeskRefusal } from '../../desk/DeskScreen';
import { useDesk } from '../../desk/desk-context';
import { useSchemaSubmit } from '../../forms/use-schema-submit';
import { uiText } from '../../i18n/zh-CN';

const t = uiText.accounts.newRecoveryCode;
const newCodeInput = accountsContract['accounts.newRecoveryCode'].input;

interface Values {
  currentPassword?: string;
}

/**
 * 设置 → 账号 → 打印新的恢复码 (director): the director's own password again, then the
 * new code on the gate's recovery-code screen, the same one set-up and recovery show.
 */
export function NewRecoveryCodeModal({ onClose }: { onClose: () => void }) {
  const desk = useDesk();
  const [form] = Form.useForm<Values>();
  const { saving, refusal, run } = useSchemaSubmit();

  async function issue(v: Values) {
    const done = await run({
      form,
      schema: newCodeInput,
      input: { currentPassword: v.currentPassword ?? '' },
      submit: (input) => api('accounts.newRecoveryCode', input),
    });
    if (done.ok) {
      onClose();
      desk.showRecoveryCode(done.value.recoveryCode);
    }
  }

  return (
    <Modal
      open
      title={t.title}
      okText={t.submit}
      onOk={() => form.submit()}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>{t.intro}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        name="new-recovery-code"
        onFinish={(v) => void issue(v)}
      >
        <CurrentPasswordField />
      </Form>
      <DeskRefusal refusal={refusal} />
    </Modal>
  );
}

import { App, Form, Modal } from 'antd';
import { accountsContract } from '../../../domain/api/accounts-contract';
import { api } from '../api/client';
import { DeskRefusal } from './DeskScreen';
import { useSchemaSubmit } from '../forms/use-schema-submit';
import { uiText } from '../i18n/zh-CN';
import { CurrentPasswordField, PasswordPairFields } from './AccountFields';

const t = uiText.desk;
const changeInput = accountsContract['accounts.changePassword'].input;

interface Values {
  currentPassword?: string;
  newPassword?: string;
}

/** 修改密码 from the user menu: the current password, the new one twice. */
export function ChangePasswordModal({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { saving, refusal, run } = useSchemaSubmit();

  async function change(v: Values) {
    const done = await run({
      form,
      schema: changeInput,
      input: { currentPassword: v.currentPassword ?? '', newPassword: v.newPassword ?? '' },
      submit: (input) => api('accounts.changePassword', input),
    });
    if (done.ok) {
      message.success(t.changePassword.done);
      onClose();
    }
  }

  return (
    <Modal
      open
      title={t.changePassword.title}
      okText={t.changePassword.submit}
      onOk={() => form.submit()}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="change-password"
        onFinish={(v) => void change(v)}
      >
        <CurrentPasswordField />
        <PasswordPairFields
          name="newPassword"
          label={t.newPassword}
          againLabel={t.newPasswordAgain}
        />
      </Form>
      <DeskRefusal refusal={refusal} />
    </Modal>
  );
}

import { Button, Form, Input } from 'antd';
import {
  accountsContract,
  loginNameField,
  type DeskSession,
} from '../../../domain/api/accounts-contract';
import { api } from '../api/client';
import { useSchemaSubmit } from '../forms/use-schema-submit';
import { zodRule } from '../forms/zod-rule';
import { uiText } from '../i18n/zh-CN';
import { DeskRefusal } from './DeskScreen';

const t = uiText.desk;
const signInInput = accountsContract['accounts.signIn'].input;

interface Values {
  loginName?: string;
  password?: string;
}

/**
 * 登录名 and 密码 → `accounts.signIn`: signing in, unlocking (the login name given) and switching
 * user are the one call. A wrong password or the back-off (its seconds in the server's sentence)
 * shows above the button; the password box is emptied, the login name kept.
 */
export function SignInForm({
  fixedLoginName,
  submitLabel,
  onSignedIn,
}: {
  fixedLoginName?: string;
  submitLabel: string;
  onSignedIn: (session: DeskSession) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { saving, refusal, run } = useSchemaSubmit();

  async function signIn(v: Values) {
    // Emptied as it is sent, not after the answer: a refusal then never clears a password
    // typed again meanwhile.
    form.setFieldValue('password', '');
    const done = await run({
      form,
      schema: signInInput,
      input: { loginName: fixedLoginName ?? v.loginName ?? '', password: v.password ?? '' },
      submit: (input) => api('accounts.signIn', input),
    });
    if (done.ok) onSignedIn(done.value);
  }

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name="desk-sign-in"
      onFinish={(v) => void signIn(v)}
    >
      {fixedLoginName === undefined ? (
        <Form.Item name="loginName" label={t.loginName} required rules={[zodRule(loginNameField)]}>
          <Input autoComplete="username" autoFocus />
        </Form.Item>
      ) : null}
      <Form.Item
        name="password"
        label={t.password}
        required
        rules={[{ required: true, message: uiText.common.required(t.password) }]}
      >
        <Input.Password autoComplete="current-password" autoFocus={fixedLoginName !== undefined} />
      </Form.Item>
      <DeskRefusal refusal={refusal} />
      <Button type="primary" htmlType="submit" loading={saving} block>
        {submitLabel}
      </Button>
    </Form>
  );
}

import { Button, Form, Typography } from 'antd';
import { accountsContract, type SetUpResult } from '../../../domain/api/accounts-contract';
import { api } from '../api/client';
import { useSchemaSubmit } from '../forms/use-schema-submit';
import { uiText } from '../i18n/zh-CN';
import { IdentityFields, PasswordPairFields } from './AccountFields';
import { DeskRefusal, DeskScreen } from './DeskScreen';

const t = uiText.desk;
const setUpInput = accountsContract['accounts.setUp'].input;

interface Values {
  loginName?: string;
  displayName?: string;
  password?: string;
}

/** First run: the director's account, before anything else of the room is shown. */
export function DirectorSetUpScreen({ onDone }: { onDone: (result: SetUpResult) => void }) {
  const [form] = Form.useForm<Values>();
  const { saving, refusal, run } = useSchemaSubmit();

  async function save(v: Values) {
    const done = await run({
      form,
      schema: setUpInput,
      input: {
        loginName: v.loginName ?? '',
        displayName: v.displayName ?? '',
        password: v.password ?? '',
      },
      submit: (input) => api('accounts.setUp', input),
    });
    if (done.ok) onDone(done.value);
  }

  return (
    <DeskScreen title={t.setUp.title} testId="desk-set-up">
      <Typography.Paragraph>{t.setUp.intro}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" name="desk-set-up" onFinish={(v) => void save(v)}>
        <IdentityFields />
        <PasswordPairFields name="password" label={t.password} againLabel={t.passwordAgain} />
        <DeskRefusal refusal={refusal} />
        <Button type="primary" htmlType="submit" loading={saving} block>
          {t.setUp.submit}
        </Button>
      </Form>
    </DeskScreen>
  );
}

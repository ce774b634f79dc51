import { Button, Form, Typography } from 'antd';
import { accountsContract, type SetUpResult } from '../../../domain/api/accounts-contract';
import { api } from '../api/client';
import { useSchemaSubmit } from '../forms/use-schema-submit';
import { uiText } from '../i18n/zh-CN';
import { PasswordPairFields, RecoveryCodeField } from './AccountFields';
import { DeskRefusal, DeskScreen } from './DeskScreen';

const t = uiText.desk;
const recoverInput = accountsContract['accounts.recover'].input;

interface Values {
  recoveryCode?: string;
  newPassword?: string;
}

/** 忘记密码: the recovery code and a new password for the director; a new code comes back. */
export function RecoverScreen({
  onDone,
  onBack,
}: {
  onDone: (result: SetUpResult) => void;
  onBack: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const { saving, refusal, run } = useSchemaSubmit();

  async function recover(v: Values) {
    const done = await run({
      form,
      schema: recoverInput,
      input: { recoveryCode: v.recoveryCode ?? '', newPassword: v.newPassword ?? '' },
      submit: (input) => api('accounts.recover', input),
    });
    if (done.ok) onDone(done.value);
  }

  return (
    <DeskScreen title={t.recover.title} testId="desk-recover">
      <Typography.Paragraph>{t.recover.intro}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        name="desk-recover"
        onFinish={(v) => void recover(v)}
      >
        <RecoveryCodeField />
        <PasswordPairFields
          name="newPassword"
          label={t.newPassword}
          againLabel={t.newPasswordAgain}
        />
        <DeskRefusal refusal={refusal} />
        <Button type="primary" htmlType="submit" loading={saving} block>
          {t.recover.submit}
        </Button>
      </Form>
      <Button type="link" onClick={onBack} style={{ marginTop: 8, paddingLeft: 0 }}>
        {t.recover.back}
      </Button>
    </DeskScreen>
  );
}

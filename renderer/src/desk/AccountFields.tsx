import { Form, Input } from 'antd';
import {
  displayNameField,
  loginNameField,
  passwordField,
  recoveryCodeField,
} from '../../../domain/api/accounts-contract';
import { zodRule } from '../forms/zod-rule';
import { uiText } from '../i18n/zh-CN';

const t = uiText.desk;

/** 登录名 and 姓名, checked while typing with the contract's own fields. */
export function IdentityFields({ loginNameFixed = false }: { loginNameFixed?: boolean }) {
  return (
    <>
      <Form.Item name="loginName" label={t.loginName} required rules={[zodRule(loginNameField)]}>
        <Input autoComplete="username" disabled={loginNameFixed} />
      </Form.Item>
      <Form.Item
        name="displayName"
        label={t.displayName}
        required
        rules={[zodRule(displayNameField)]}
      >
        <Input />
      </Form.Item>
    </>
  );
}

/**
 * The room's recovery code, checked while typing with the contract's field (忘记密码, and
 * unlocking a backup under another key, where it is `secret`: typed, never shown).
 */
export function RecoveryCodeField({ secret = false }: { secret?: boolean }) {
  return (
    <Form.Item
      name="recoveryCode"
      label={t.recover.code}
      required
      rules={[zodRule(recoveryCodeField)]}
    >
      {secret ? (
        <Input.Password autoComplete="off" autoFocus />
      ) : (
        <Input autoComplete="off" autoFocus />
      )}
    </Form.Item>
  );
}

/** The signed-in person's own password again (change password, a new recovery code). */
export function CurrentPasswordField() {
  return (
    <Form.Item
      name="currentPassword"
      label={t.currentPassword}
      required
      rules={[{ required: true, message: uiText.common.required(t.currentPassword) }]}
    >
      <Input.Password autoComplete="current-password" autoFocus />
    </Form.Item>
  );
}

/**
 * A new password typed twice (set-up, recovery, change, reset, new account): the first box is
 * the field the API receives, the second only has to match it.
 */
export function PasswordPairFields({
  name,
  label,
  againLabel,
}: {
  name: string;
  label: string;
  againLabel: string;
}) {
  const again = `${name}Again`;
  return (
    <>
      <Form.Item
        name={name}
        label={label}
        required
        extra={t.passwordHelp}
        rules={[zodRule(passwordField(label))]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name={again}
        label={againLabel}
        required
        dependencies={[name]}
        rules={[
          ({ getFieldValue }) => ({
            validator: async (_rule, value: unknown) => {
              if ((value ?? '') !== (getFieldValue(name) ?? '')) throw new Error(t.passwordsDiffer);
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}

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

/** 登录名, checked while typing with the contract's field (an account's, or a second person's). */
export function LoginNameField({
  fixed = false,
  label = t.loginName,
}: {
  fixed?: boolean;
  label?: string;
}) {
  return (
    <Form.Item name="loginName" label={label} required rules={[zodRule(loginNameField)]}>
      {/* undefined, not false, when not fixed: a disabled form (the restore dialog) still counts */}
      <Input autoComplete="username" disabled={fixed ? true : undefined} />
    </Form.Item>
  );
}

/** 登录名 and 姓名, checked while typing with the contract's own fields. */
export function IdentityFields({ loginNameFixed = false }: { loginNameFixed?: boolean }) {
  return (
    <>
      <LoginNameField fixed={loginNameFixed} />
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

/**
 * An existing password typed again: the signed-in person's own (change password, a new recovery
 * code), or a second person's beside their 登录名 (a restore's witness, named `password`).
 */
export function CurrentPasswordField({
  name = 'currentPassword',
  label = t.currentPassword,
  autoFocus = true,
}: {
  name?: string;
  label?: string;
  autoFocus?: boolean;
}) {
  return (
    <Form.Item
      name={name}
      label={label}
      required
      rules={[{ required: true, message: uiText.common.required(label) }]}
    >
      <Input.Password autoComplete="current-password" autoFocus={autoFocus} />
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

import { App, Form, Modal, Select } from 'antd';
import {
  ROLE_DESCRIPTIONS,
  ROLE_LABELS,
  ROLES,
  managesRole,
  type Role,
} from '../../../../domain/accounts/roles';
import { useDesk } from '../../desk/desk-context';
import {
  accountsContract,
  roleField,
  type AccountView,
} from '../../../../domain/api/accounts-contract';
import { api } from '../../api/client';
import { DeskRefusal } from '../../desk/DeskScreen';
import { IdentityFields, PasswordPairFields } from '../../desk/AccountFields';
import { useSchemaSubmit } from '../../forms/use-schema-submit';
import { mediatorOptions, useMediators } from '../../hooks/use-mediators';
import { zodRule } from '../../forms/zod-rule';
import { uiText } from '../../i18n/zh-CN';

const t = uiText.accounts;
const createInput = accountsContract['accounts.create'].input;
const updateInput = accountsContract['accounts.update'].input;

interface Values {
  loginName?: string;
  displayName?: string;
  role?: Role;
  password?: string;
  mediatorId?: number | null;
}

// The roles the person at the desk may give (a technical administrator: none that see cases).
const roleOptionsFor = (actor: Role) =>
  ROLES.filter((role) => managesRole(actor, role)).map((role) => ({
    value: role,
    label: `${ROLE_LABELS[role]} — ${ROLE_DESCRIPTIONS[role]}`,
  }));

/** 新建账号 / 修改账号: the same identity block as the director's set-up, plus the role. */
export function AccountModal({
  editing,
  onClose,
  onSaved,
}: {
  editing: AccountView | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { message } = App.useApp();
  const { user } = useDesk();
  const [form] = Form.useForm<Values>();
  const { saving, refusal, run } = useSchemaSubmit();
  const role = Form.useWatch('role', form);
  // Which cases' whole ID numbers a 调解员 sees: the director's to decide (§7.3).
  const linksMediator = role === 'MEDIATOR' && user.role === 'DIRECTOR';
  const { mediators } = useMediators(true);
  const linkable = mediators.filter((m) => m.active || m.id === editing?.mediatorId);

  async function save(v: Values) {
    const mediatorId = linksMediator ? (v.mediatorId ?? null) : undefined;
    const done = editing
      ? await run({
          form,
          schema: updateInput,
          input: { id: editing.id, displayName: v.displayName ?? '', role: v.role, mediatorId },
          submit: (input) => api('accounts.update', input),
        })
      : await run({
          form,
          schema: createInput,
          input: {
            loginName: v.loginName ?? '',
            displayName: v.displayName ?? '',
            role: v.role,
            password: v.password ?? '',
            mediatorId,
          },
          submit: (input) => api('accounts.create', input),
        });
    if (done.ok) {
      message.success(t.saved);
      onSaved();
    }
  }

  return (
    <Modal
      open
      title={editing ? t.edit : t.add}
      okText={uiText.common.save}
      onOk={() => form.submit()}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="account"
        initialValues={
          editing
            ? {
                loginName: editing.loginName,
                displayName: editing.displayName,
                role: editing.role,
                mediatorId: editing.mediatorId,
              }
            : { role: managesRole(user.role, 'MEDIATOR') ? 'MEDIATOR' : 'STATISTICIAN' }
        }
        onFinish={(v) => void save(v)}
      >
        <IdentityFields loginNameFixed={editing !== null} />
        <Form.Item name="role" label={t.role} required rules={[zodRule(roleField)]}>
          <Select options={roleOptionsFor(user.role)} />
        </Form.Item>
        {linksMediator ? (
          <Form.Item name="mediatorId" label={t.mediator} extra={t.mediatorHelp}>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={t.mediatorPlaceholder}
              options={mediatorOptions(linkable)}
            />
          </Form.Item>
        ) : null}
        {editing ? null : (
          <PasswordPairFields
            name="password"
            label={t.initialPassword}
            againLabel={t.initialPasswordAgain}
          />
        )}
      </Form>
      <DeskRefusal refusal={refusal} />
    </Modal>
  );
}

/** 重设密码 of another person's account (they change it themselves after signing in). */
export function ResetPasswordModal({
  account,
  onClose,
}: {
  account: AccountView;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password?: string }>();
  const { saving, refusal, run } = useSchemaSubmit();

  async function reset(password: string) {
    const done = await run({
      form,
      schema: accountsContract['accounts.resetPassword'].input,
      input: { id: account.id, password },
      submit: (input) => api('accounts.resetPassword', input),
    });
    if (done.ok) {
      message.success(t.resetDone);
      onClose();
    }
  }

  return (
    <Modal
      open
      title={t.resetPasswordTitle(account.displayName)}
      okText={t.resetPassword}
      onOk={() => form.submit()}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        name="reset-password"
        onFinish={(v) => void reset(v.password ?? '')}
      >
        <PasswordPairFields
          name="password"
          label={uiText.desk.newPassword}
          againLabel={uiText.desk.newPasswordAgain}
        />
      </Form>
      <DeskRefusal refusal={refusal} />
    </Modal>
  );
}

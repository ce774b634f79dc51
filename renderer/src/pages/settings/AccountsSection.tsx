import { App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { ROLE_LABELS } from '../../../../domain/accounts/roles';
import type { AccountView } from '../../../../domain/api/accounts-contract';
import { api } from '../../api/client';
import { ErrorPanel, errorMessage } from '../../components/ErrorPanel';
import { useDesk } from '../../desk/desk-context';
import { useMayCall } from '../../desk/use-may-call';
import { chinaTimeText } from '../../forms/date-field';
import { useApiValue } from '../../hooks/use-api-value';
import { mediatorNames, useMediators } from '../../hooks/use-mediators';
import { uiText } from '../../i18n/zh-CN';
import { AccountModal, ResetPasswordModal } from './AccountModal';
import { IdleLockForm } from './IdleLockForm';
import { MediatorsReadRoomSwitch } from './MediatorsReadRoomSwitch';
import { useDeskModal } from '../../desk/desk-dialogs';
import { NewRecoveryCodeModal } from './NewRecoveryCodeModal';

const t = uiText.accounts;

/** 设置 → 账号 (director and technical administrator): who may sign in, as what. */
export function AccountsSection() {
  const desk = useDesk();
  const { message } = App.useApp();
  const modal = useDeskModal();
  const load = useCallback(() => api('accounts.list', {}), []);
  const { value: accounts, error, reload } = useApiValue(load);
  const [editing, setEditing] = useState<AccountView | null | undefined>(undefined);
  const [resetting, setResetting] = useState<AccountView | null>(null);
  const [issuingCode, setIssuingCode] = useState(false);
  const mayCall = useMayCall();
  const { mediators } = useMediators(true);

  const setDisabled = async (account: AccountView, disabled: boolean) => {
    try {
      await api('accounts.update', { id: account.id, disabled });
      message.success(t.saved);
    } catch (e) {
      message.error(errorMessage(e));
    }
    await reload();
  };
  const disable = (account: AccountView) =>
    void modal.confirm({
      title: t.disable,
      content: t.disableConfirm(account.displayName),
      okText: t.disable,
      cancelText: uiText.common.cancel,
      onOk: () => setDisabled(account, true),
    });

  return (
    <Card
      title={t.title}
      data-testid="accounts-section"
      extra={
        <Space>
          {mayCall('accounts.newRecoveryCode') ? (
            <Button onClick={() => setIssuingCode(true)}>{t.newRecoveryCode.button}</Button>
          ) : null}
          <Button type="primary" onClick={() => setEditing(null)}>
            {t.add}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
      {error ? <ErrorPanel error={error} onRetry={() => void reload()} /> : null}
      <Table<AccountView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={[...(accounts ?? [])]}
        columns={[
          {
            title: t.columns.displayName,
            key: 'displayName',
            render: (_, a) => `${a.displayName}${a.id === desk.user.id ? t.you : ''}`,
          },
          { title: t.columns.loginName, dataIndex: 'loginName', key: 'loginName' },
          { title: t.columns.role, key: 'role', render: (_, a) => ROLE_LABELS[a.role] },
          {
            title: t.columns.mediator,
            key: 'mediator',
            render: (_, a) =>
              a.mediatorId !== null
                ? mediatorNames(mediators, [a.mediatorId])
                : a.role === 'MEDIATOR'
                  ? t.mediatorNotLinked
                  : null,
          },
          {
            title: t.columns.status,
            key: 'status',
            render: (_, a) =>
              a.disabled ? <Tag>{t.disabled}</Tag> : <Tag color="green">{t.active}</Tag>,
          },
          {
            title: t.columns.lastSignInAt,
            key: 'lastSignInAt',
            render: (_, a) => (a.lastSignInAt ? chinaTimeText(a.lastSignInAt) : t.never),
          },
          {
            key: 'actions',
            width: 240,
            render: (_, a) => (
              <>
                <Button type="link" onClick={() => setEditing(a)}>
                  {uiText.common.edit}
                </Button>
                <Button type="link" onClick={() => setResetting(a)}>
                  {t.resetPassword}
                </Button>
                {a.id === desk.user.id ? null : a.disabled ? (
                  <Button type="link" onClick={() => void setDisabled(a, false)}>
                    {t.enable}
                  </Button>
                ) : (
                  <Button type="link" danger onClick={() => disable(a)}>
                    {t.disable}
                  </Button>
                )}
              </>
            ),
          },
        ]}
      />
      <div style={{ marginTop: 16 }}>
        <IdleLockForm />
        <MediatorsReadRoomSwitch />
      </div>
      {editing !== undefined ? (
        <AccountModal
          editing={editing}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            void reload();
          }}
        />
      ) : null}
      {resetting ? (
        <ResetPasswordModal account={resetting} onClose={() => setResetting(null)} />
      ) : null}
      {issuingCode ? <NewRecoveryCodeModal onClose={() => setIssuingCode(false)} /> : null}
    </Card>
  );
}

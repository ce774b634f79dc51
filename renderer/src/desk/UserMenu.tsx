import { DownOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { Suspense, useState } from 'react';
import { ROLE_LABELS } from '../../../domain/accounts/roles';
import { errorMessage } from '../components/ErrorPanel';
import { uiText } from '../i18n/zh-CN';
import { useDesk } from './desk-context';
import { useDeskModal } from './desk-dialogs';
import { ChangePasswordModal } from './lazy-desk-screens';

const t = uiText.desk.menu;

/** The shell header's person: name and role, 锁定, 修改密码, 退出登录. */
export function UserMenu() {
  const desk = useDesk();
  const { message } = App.useApp();
  const modal = useDeskModal();
  const [changing, setChanging] = useState(false);

  const signOut = () =>
    void modal.confirm({
      title: t.signOut,
      content: t.signOutConfirm,
      okText: t.signOut,
      cancelText: uiText.common.cancel,
      onOk: () => desk.signOut().catch((e: unknown) => void message.error(errorMessage(e))),
    });

  return (
    <>
      <Button icon={<LockOutlined />} onClick={desk.lock} data-testid="lock-desk">
        {t.lock}
      </Button>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'password', label: t.changePassword },
            { key: 'signOut', label: t.signOut },
          ],
          onClick: ({ key }) => (key === 'password' ? setChanging(true) : signOut()),
        }}
      >
        <Button type="text" icon={<UserOutlined />} data-testid="user-menu">
          {t.who(desk.user.displayName, ROLE_LABELS[desk.user.role])}
          <DownOutlined />
        </Button>
      </Dropdown>
      {changing ? (
        <Suspense fallback={null}>
          <ChangePasswordModal onClose={() => setChanging(false)} />
        </Suspense>
      ) : null}
    </>
  );
}

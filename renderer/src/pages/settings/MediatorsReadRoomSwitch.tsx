import { App, Form, Switch } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { errorMessage } from '../../components/ErrorPanel';
import { useDesk } from '../../desk/desk-context';
import { useMayCall } from '../../desk/use-may-call';
import { uiText } from '../../i18n/zh-CN';

const t = uiText.accounts.mediatorsReadRoom;

/**
 * 调解员可查看本调委会全部案件（只读） (§7.3): the director's alone; the 技术管理员 sees it
 * greyed out. Saved at the flip: a switch has no half-typed value to confirm.
 */
export function MediatorsReadRoomSwitch() {
  const desk = useDesk();
  const { message } = App.useApp();
  const mayCall = useMayCall();
  const [saving, setSaving] = useState(false);

  async function flip(on: boolean) {
    setSaving(true);
    try {
      desk.accept(await api('accounts.setMediatorsReadRoom', { on }));
      message.success(on ? t.savedOn : t.savedOff);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Form layout="vertical">
      <Form.Item label={t.title} extra={t.help}>
        <Switch
          checked={desk.session.mediatorsReadRoom}
          loading={saving}
          disabled={!mayCall('accounts.setMediatorsReadRoom')}
          onChange={(on) => void flip(on)}
          aria-label={t.title}
          data-testid="mediators-read-room"
        />
      </Form.Item>
    </Form>
  );
}

import { Card, Typography } from 'antd';
import { uiText } from '../../i18n/zh-CN';
import { RoomSettingsForm } from './RoomSettingsForm';

export function FirstRunPage({ onDone }: { onDone: () => void }) {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: '40px 16px' }}>
      <Card style={{ width: 720 }}>
        <Typography.Title level={2}>{uiText.firstRun.title}</Typography.Title>
        <Typography.Paragraph>{uiText.firstRun.intro}</Typography.Paragraph>
        <RoomSettingsForm initial={null} submitLabel={uiText.firstRun.submit} onSaved={onDone} />
      </Card>
    </div>
  );
}

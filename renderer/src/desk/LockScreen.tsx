import { Button, Typography } from 'antd';
import { useState } from 'react';
import type { DeskSession, DeskUser } from '../../../domain/api/accounts-contract';
import { uiText } from '../i18n/zh-CN';
import { DeskScreen } from './DeskScreen';
import { SignInForm } from './SignInForm';

const t = uiText.desk;

/**
 * The locked desk: whose desk it is and a password box, nothing of any case (the app behind it
 * is unmounted). 切换用户 signs someone else in; the gate then starts them at their own screen.
 */
export function LockScreen({
  user,
  roomName,
  onSignedIn,
}: {
  user: DeskUser;
  roomName: string | null;
  onSignedIn: (session: DeskSession) => void;
}) {
  const [switching, setSwitching] = useState(false);
  if (switching) {
    return (
      <DeskScreen title={t.lock.switchUser} testId="lock-screen" roomName={roomName}>
        <Typography.Paragraph type="secondary">{t.lock.switchHint}</Typography.Paragraph>
        <SignInForm submitLabel={t.signIn.submit} onSignedIn={onSignedIn} />
        <Button type="link" onClick={() => setSwitching(false)} style={{ paddingLeft: 0 }}>
          {t.lock.backToUnlock}
        </Button>
      </DeskScreen>
    );
  }
  return (
    <DeskScreen title={t.lock.title} testId="lock-screen" roomName={roomName}>
      <Typography.Paragraph strong data-testid="lock-user">
        {t.lock.whose(user.displayName)}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t.lock.hint}</Typography.Paragraph>
      <SignInForm
        fixedLoginName={user.loginName}
        submitLabel={t.lock.unlock}
        onSignedIn={onSignedIn}
      />
      <Button type="link" onClick={() => setSwitching(true)} style={{ paddingLeft: 0 }}>
        {t.lock.switchUser}
      </Button>
    </DeskScreen>
  );
}

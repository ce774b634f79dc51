import { Button } from 'antd';
import { useState } from 'react';
import type { DeskSession, SetUpResult } from '../../../domain/api/accounts-contract';
import { uiText } from '../i18n/zh-CN';
import { DeskScreen } from './DeskScreen';
import { RecoverScreen } from './RecoverScreen';
import { SignInForm } from './SignInForm';

const t = uiText.desk;

/** Nobody signed in: 登录, or the director's way back in with the recovery code. */
export function SignInScreen({
  roomName,
  onSignedIn,
  onRecovered,
}: {
  roomName: string | null;
  onSignedIn: (session: DeskSession) => void;
  onRecovered: (result: SetUpResult) => void;
}) {
  const [recovering, setRecovering] = useState(false);
  if (recovering) {
    return <RecoverScreen onDone={onRecovered} onBack={() => setRecovering(false)} />;
  }
  return (
    <DeskScreen title={t.signIn.title} testId="sign-in-screen" roomName={roomName}>
      <SignInForm submitLabel={t.signIn.submit} onSignedIn={onSignedIn} />
      <Button type="link" onClick={() => setRecovering(true)} style={{ paddingLeft: 0 }}>
        {t.signIn.forgot}
      </Button>
    </DeskScreen>
  );
}

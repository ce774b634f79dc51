import { Spin } from 'antd';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { DeskSession, DeskUser, SetUpResult } from '../../../domain/api/accounts-contract';
import { api, DESK_SESSION_EVENT } from '../api/client';
import { landingPath } from '../app/role-access';
import { ErrorPanel } from '../components/ErrorPanel';
import { uiText } from '../i18n/zh-CN';
import { DeskContext, type DeskControls } from './desk-context';
import { DirectorSetUpScreen } from './DirectorSetUpScreen';
import { LockScreen } from './LockScreen';
import { RecoveryCodeScreen } from './RecoveryCodeScreen';
import { SignInScreen } from './SignInScreen';
import { useIdleLock } from './use-idle-lock';

// The OS lock and the core's own idle lock are noticed here at the latest; any refused call
// (DESK_LOCKED / NOT_SIGNED_IN through api/client.ts) and a return to the window notice sooner.
const SESSION_POLL_MS = 30_000;

interface ShownCode {
  readonly code: string;
  readonly lead?: string;
}

function SignedIn({ controls, children }: { controls: DeskControls; children: ReactNode }) {
  useIdleLock(controls.session.idleLockMinutes, controls.lock);
  return <DeskContext.Provider value={controls}>{children}</DeskContext.Provider>;
}

/**
 * Who is at the desk decides what the window shows: the director's set-up on a new ledger, the
 * recovery code once, 登录, the lock screen, or the app. While locked or signed out the app is
 * unmounted, so no party data stays in the page (autosaved drafts keep what was typed). When a
 * different person signs in, the app starts afresh at their own first screen.
 */
export function DeskGate({ children }: { children: (user: DeskUser) => ReactNode }) {
  const [session, setSession] = useState<DeskSession | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [shownCode, setShownCode] = useState<ShownCode | null>(null);

  const refresh = useCallback(async () => {
    try {
      setSession(await api('accounts.session', {}));
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, []);

  useEffect(() => {
    void refresh();
    const again = () => void refresh();
    const timer = window.setInterval(again, SESSION_POLL_MS);
    window.addEventListener(DESK_SESSION_EVENT, again);
    window.addEventListener('focus', again);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener(DESK_SESSION_EVENT, again);
      window.removeEventListener('focus', again);
    };
  }, [refresh]);

  // `land`: a person other than the one the app was last shown for (or a fresh sign-in)
  // starts at their own first screen, not at the page the previous person left open.
  const accept = useCallback((next: DeskSession, land = false) => {
    if (land && next.user && !next.locked) {
      window.location.hash = `#${landingPath(next.user.role)}`;
    }
    setSession(next);
  }, []);

  const lock = useCallback(() => {
    // Hidden at once: nothing of the page stays on screen while the call travels.
    setSession((s) => (s ? { ...s, locked: true } : s));
    api('accounts.lock', {}).then(
      (next) => accept(next),
      () => void refresh(),
    );
  }, [accept, refresh]);

  const signOut = useCallback(async () => {
    accept(await api('accounts.signOut', {}));
  }, [accept]);

  const controls = useMemo<DeskControls | null>(() => {
    if (!session?.user || session.locked) return null;
    return { user: session.user, session, lock, signOut, accept: (next) => accept(next) };
  }, [session, lock, signOut, accept]);

  const showCode = (result: SetUpResult, lead?: string) => {
    setShownCode({ code: result.recoveryCode, lead });
    accept(result.session, true);
  };

  if (error && !session) return <ErrorPanel error={error} onRetry={refresh} />;
  if (!session) return <Spin fullscreen tip={uiText.common.loading} />;
  if (shownCode) {
    return (
      <RecoveryCodeScreen
        code={shownCode.code}
        lead={shownCode.lead}
        onContinue={() => setShownCode(null)}
      />
    );
  }
  if (!session.setUp) {
    return <DirectorSetUpScreen onDone={(result) => showCode(result)} />;
  }
  const user = session.user;
  if (!user) {
    return (
      <SignInScreen
        onSignedIn={(next) => accept(next, true)}
        onRecovered={(result) => showCode(result, uiText.desk.recover.done)}
      />
    );
  }
  if (!controls) {
    return (
      <LockScreen user={user} onSignedIn={(next) => accept(next, next.user?.id !== user.id)} />
    );
  }
  return (
    <SignedIn key={user.id} controls={controls}>
      {children(user)}
    </SignedIn>
  );
}

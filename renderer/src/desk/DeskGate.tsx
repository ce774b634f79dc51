import { App, Spin } from 'antd';
import { Suspense, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { DeskSession, DeskUser, SetUpResult } from '../../../domain/api/accounts-contract';
import { api, DESK_SESSION_EVENT } from '../api/client';
import { latestOnly } from '../api/latest-only';
import { bootRequests } from '../app/boot-requests';
import { landingPath } from '../app/role-access';
import { ErrorPanel } from '../components/ErrorPanel';
import { uiText } from '../i18n/zh-CN';
import { DeskContext, type DeskControls } from './desk-context';
import { closeDeskDialogs } from './desk-dialogs';
import {
  DirectorSetUpScreen,
  LockScreen,
  RecoveryCodeScreen,
  SignInScreen,
} from './lazy-desk-screens';
import { sameDeskSession } from './same-desk-session';
import { useIdleLock } from './use-idle-lock';

// The OS lock or a suspend (electron/main/desk-os-lock.ts locks the core) and the core's own
// idle lock are noticed here at the latest; a window left in focus through a suspend would
// otherwise show the last case until its next call. `accounts.session` is open and cheap. Any
// refused call (DESK_LOCKED / NOT_SIGNED_IN through api/client.ts), a return to the window or
// the page becoming visible again notice sooner.
const SESSION_POLL_MS = 5_000;

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
export function DeskGate({
  children,
  withoutAccounts,
}: {
  children: (user: DeskUser) => ReactNode;
  /** Shown instead of the director's set-up when no account exists (the restore screen). */
  withoutAccounts?: ReactNode;
}) {
  const [session, setSession] = useState<DeskSession | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [shownCode, setShownCode] = useState<ShownCode | null>(null);

  // A poll answered after a lock, sign-in or sign-out was asked describes the desk before it:
  // only the newest poll counts, none while such a call travels, and its answer drops them.
  const polls = useMemo(() => latestOnly(), []);
  const actionsInFlight = useRef(0);
  const refresh = useCallback(() => {
    polls.run(
      () => bootRequests()?.takeSession() ?? api('accounts.session', {}),
      (next) => {
        if (actionsInFlight.current > 0) return;
        setSession((shown) => (shown && sameDeskSession(shown, next) ? shown : next));
        setError(null);
      },
      setError,
    );
  }, [polls]);

  useEffect(() => {
    refresh();
    const again = () => refresh();
    const timer = window.setInterval(again, SESSION_POLL_MS);
    window.addEventListener(DESK_SESSION_EVENT, again);
    window.addEventListener('focus', again);
    document.addEventListener('visibilitychange', again);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener(DESK_SESSION_EVENT, again);
      window.removeEventListener('focus', again);
      document.removeEventListener('visibilitychange', again);
      polls.cancel();
    };
  }, [refresh, polls]);

  // `land`: a person other than the one the app was last shown for (or a fresh sign-in)
  // starts at their own first screen, not at the page the previous person left open.
  const accept = useCallback(
    (next: DeskSession, land = false) => {
      polls.cancel();
      if (land && next.user && !next.locked) {
        window.location.hash = `#${landingPath(next.user.role)}`;
      }
      setSession(next);
    },
    [polls],
  );

  const lock = useCallback(() => {
    // Hidden at once: nothing of the page stays on screen while the call travels.
    setSession((s) => (s ? { ...s, locked: true } : s));
    actionsInFlight.current += 1;
    polls.cancel();
    // Asked after the unmounting forms have sent their last autosave (queued as a microtask
    // when they unmount): a lock that arrived first would refuse the draft typed just before.
    window.setTimeout(() => {
      api('accounts.lock', {})
        .finally(() => (actionsInFlight.current -= 1))
        .then(
          (next) => accept(next),
          () => refresh(),
        );
    }, 0);
  }, [accept, refresh, polls]);

  const signOut = useCallback(async () => {
    actionsInFlight.current += 1;
    polls.cancel();
    try {
      accept(await api('accounts.signOut', {}));
    } finally {
      actionsInFlight.current -= 1;
    }
  }, [accept, polls]);

  // The board the entry module asked for the first session is the 工作台's for that session
  // only: once the gate holds another, it is dropped untaken.
  useEffect(() => {
    if (session) bootRequests()?.keepBoardOnlyFor(session);
  }, [session]);

  const controls = useMemo<DeskControls | null>(() => {
    if (!session?.user || session.locked) return null;
    return {
      user: session.user,
      session,
      lock,
      signOut,
      accept: (next) => accept(next),
      showRecoveryCode: (code) => setShownCode({ code, lead: uiText.desk.recoveryCode.replaced }),
    };
  }, [session, lock, signOut, accept]);

  // Toasts and dialogs live outside the app's tree and would outlast it: gone with it, however
  // it went (locked here, by the core's idle timer, by the OS, or signed out).
  const { message, notification } = App.useApp();
  const appShown = controls !== null;
  useEffect(() => {
    if (appShown) return;
    message.destroy();
    notification.destroy();
    closeDeskDialogs();
  }, [appShown, message, notification]);

  const showCode = (result: SetUpResult, lead?: string) => {
    setShownCode({ code: result.recoveryCode, lead });
    accept(result.session, true);
  };

  if (error && !session) return <ErrorPanel error={error} onRetry={refresh} />;
  const loading = <Spin fullscreen tip={uiText.common.loading} />;
  if (!session) return loading;
  const screen = (shown: ReactNode) => <Suspense fallback={loading}>{shown}</Suspense>;
  if (shownCode) {
    return screen(
      <RecoveryCodeScreen
        code={shownCode.code}
        lead={shownCode.lead}
        onContinue={() => setShownCode(null)}
      />,
    );
  }
  if (!session.setUp) {
    if (withoutAccounts !== undefined) return withoutAccounts;
    return screen(<DirectorSetUpScreen onDone={(result) => showCode(result)} />);
  }
  const user = session.user;
  if (!user) {
    return screen(
      <SignInScreen
        roomName={session.roomName}
        onSignedIn={(next) => accept(next, true)}
        onRecovered={(result) => showCode(result, uiText.desk.recover.done)}
      />,
    );
  }
  if (!controls) {
    return screen(
      <LockScreen
        user={user}
        roomName={session.roomName}
        onSignedIn={(next) => accept(next, next.user?.id !== user.id)}
      />,
    );
  }
  return (
    <SignedIn key={user.id} controls={controls}>
      {children(user)}
    </SignedIn>
  );
}

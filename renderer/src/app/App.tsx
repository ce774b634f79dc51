import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { Suspense, useCallback, useEffect, useState } from 'react';
import { HashRouter } from 'react-router';
import type { SystemStatus } from '../../../domain/api/system-contract';
import { api, LEDGER_DAMAGED_EVENT } from '../api/client';
import { uiText } from '../i18n/zh-CN';
import { AppShell } from './AppShell';
import { bootRequests } from './boot-requests';
import { LedgerCheckingContext } from './ledger-checking';
import { deskTheme } from './desk-theme';
import { readCspNonce } from './csp-nonce';
import { ErrorPanel } from '../components/ErrorPanel';
import { DeskGate } from '../desk/DeskGate';
import { FirstRunPage, LedgerRecoveryPage } from './lazy-pages';

dayjs.locale('zh-cn');

// antd's styles come from the build's stylesheet (build/antd-style): none made while rendering.
const theme = { ...deskTheme, zeroRuntime: true };

/**
 * Decides what the whole window shows: recovery (behind the desk gate's sign-in when the ledger
 * is damaged but has accounts), then (through the desk gate: set-up, sign-in, lock) the room's
 * first-run settings, or the app itself.
 */
function StatusGate() {
  const [status, setStatus] = useState<SystemStatus | null>(null);
  const [error, setError] = useState<unknown>(null);

  const refresh = useCallback(async () => {
    try {
      setStatus(await (bootRequests()?.takeStatus() ?? api('system.status', {})));
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, []);

  useEffect(() => {
    void refresh();
    const onDamaged = () => void refresh();
    window.addEventListener(LEDGER_DAMAGED_EVENT, onDamaged);
    return () => window.removeEventListener(LEDGER_DAMAGED_EVENT, onDamaged);
  }, [refresh]);

  // The start-up check runs in the background; if it finds damage, show it without waiting
  // for the first refused save.
  const checking = status?.ledger.state === 'READY' && status.ledger.checking;
  useEffect(() => {
    if (!checking) return;
    const timer = window.setTimeout(() => void refresh(), 1500);
    return () => window.clearTimeout(timer);
  }, [checking, status, refresh]);

  if (error) return <ErrorPanel error={error} onRetry={refresh} />;
  const loading = <Spin fullscreen tip={uiText.common.loading} />;
  if (!status) return loading;
  if (status.ledger.state !== 'READY') {
    const recovery = (
      <Suspense fallback={loading}>
        <LedgerRecoveryPage status={status.ledger} onStatus={setStatus} />
      </Suspense>
    );
    // A damaged, too new, half-migrated or unavailable ledger may still have its accounts:
    // restoring over it is the director's or the administrator's, so they sign in first (the
    // core checks the password against the file, read-only). A ledger nobody can sign in to
    // (missing, not ours, or without accounts) offers its restore to whoever is at the desk.
    if (status.ledger.state === 'MISSING' || status.ledger.state === 'NOT_A_LEDGER') {
      return recovery;
    }
    return <DeskGate withoutAccounts={recovery}>{() => recovery}</DeskGate>;
  }
  const settingsComplete = status.ledger.settingsComplete;
  return (
    <DeskGate>
      {(user) =>
        settingsComplete ? (
          <LedgerCheckingContext.Provider value={checking}>
            <HashRouter>
              <AppShell status={status} user={user} />
            </HashRouter>
          </LedgerCheckingContext.Provider>
        ) : (
          <Suspense fallback={loading}>
            <FirstRunPage onDone={refresh} />
          </Suspense>
        )
      }
    </DeskGate>
  );
}

export function App() {
  const nonce = readCspNonce();
  return (
    <ConfigProvider
      locale={zhCN}
      theme={theme}
      csp={nonce ? { nonce } : undefined}
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <StatusGate />
      </AntApp>
    </ConfigProvider>
  );
}

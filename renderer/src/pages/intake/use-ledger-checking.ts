import { useEffect, useState } from 'react';
import { api } from '../../api/client';

/** How often the page asks again while the check runs (only then: once it has ended, never). */
const CHECKING_POLL_MS = 1000;

/**
 * Whether the ledger's start-up check is still running. A save made meanwhile waits in the core
 * until the check's verdict (a damaged ledger takes no writes; seconds at 100,000 cases on a slow
 * computer), so the save button says what it waits for instead of spinning without a word. Asked
 * when the page opens, not when 保存 is pressed: the save itself sends nothing more.
 */
export function useLedgerChecking(): boolean {
  const [checking, setChecking] = useState(false);
  useEffect(() => {
    let stopped = false;
    let timer: number | undefined;
    const ask = async () => {
      try {
        const status = await api('system.status', {});
        if (stopped) return;
        const running = status.ledger.state === 'READY' && status.ledger.checking;
        setChecking(running);
        if (running) timer = window.setTimeout(() => void ask(), CHECKING_POLL_MS);
      } catch {
        // The label is a courtesy: without an answer the button just spins, as before.
        if (!stopped) setChecking(false);
      }
    };
    void ask();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, []);
  return checking;
}

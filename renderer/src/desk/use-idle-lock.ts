import { useEffect } from 'react';
import { api } from '../api/client';
import { idleStep, touchDue } from './idle-timing';

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const;

/**
 * Locks the desk after `idleMinutes` without a key, pointer or wheel (§7.3: the screen faces
 * the public). While someone is active it tells the core at most once a minute, since the
 * core's own idle timer only sees API calls and would lock a person typing a long record.
 * Plain window timers and Date.now(), so a test's clock (Playwright's page.clock) drives them.
 */
export function useIdleLock(idleMinutes: number, onIdle: () => void): void {
  useEffect(() => {
    let lastActivity = Date.now();
    let lastTouch = lastActivity;
    let timer: number | undefined;

    const check = () => {
      const step = idleStep(Date.now(), lastActivity, idleMinutes);
      if (step.lock) onIdle();
      else timer = window.setTimeout(check, step.checkInMs);
    };
    const onActivity = () => {
      const now = Date.now();
      lastActivity = now;
      if (touchDue(now, lastTouch, idleMinutes)) {
        lastTouch = now;
        // A refused touch (already locked elsewhere) brings the gate up through the client.
        api('accounts.touch', {}).catch(() => undefined);
      }
    };

    for (const name of ACTIVITY_EVENTS) {
      window.addEventListener(name, onActivity, { capture: true, passive: true });
    }
    timer = window.setTimeout(check, idleMinutes * 60_000);
    return () => {
      window.clearTimeout(timer);
      for (const name of ACTIVITY_EVENTS) {
        window.removeEventListener(name, onActivity, { capture: true });
      }
    };
  }, [idleMinutes, onIdle]);
}

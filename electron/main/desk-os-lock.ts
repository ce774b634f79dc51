import type { Dispatch } from '../api/dispatch.js';

/** The part of Electron's powerMonitor the desk listens to (a stand-in in tests). */
export interface PowerEvents {
  on(event: 'lock-screen' | 'suspend', listener: () => void): unknown;
}

/**
 * Locks the desk when the OS screen locks or the machine sleeps (§7.3: the desk faces the
 * public, and a laptop opened elsewhere must not show the last case). The renderer sees the
 * lock on its next session poll or its next refused call. Returns each lock's call so a test
 * can await it instead of waiting for time.
 */
export function lockDeskOnOsLock(options: {
  readonly powerMonitor: PowerEvents;
  readonly core: { readonly dispatch: Dispatch };
  readonly log?: (message: string, error?: unknown) => void;
  readonly onLock?: (done: Promise<void>) => void;
}): void {
  const log = options.log ?? ((m: string, e?: unknown) => console.error(m, e));
  const lock = () => {
    const done = options.core.dispatch('accounts.lock', {}).then(
      (res) => {
        // Nobody signed in (or no account yet) is already as locked as it gets.
        if (!res.ok && res.error.code !== 'NOT_SIGNED_IN' && res.error.code !== 'DESK_LOCKED')
          log(`[lock] locking the desk failed: ${res.error.code}`);
      },
      (error: unknown) => log('[lock] locking the desk failed:', error),
    );
    options.onLock?.(done);
  };
  options.powerMonitor.on('lock-screen', lock);
  options.powerMonitor.on('suspend', lock);
}

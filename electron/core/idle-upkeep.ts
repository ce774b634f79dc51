import type { Dispatch } from '../api/dispatch.js';

export interface IdleUpkeep {
  /** The same dispatcher, counting the requests in flight. */
  readonly dispatch: Dispatch;
  /** Resolves once the upkeep scheduled by the last finished request has run. */
  settled(): Promise<void>;
}

/**
 * Runs `step` on the turn after the last request in flight has been answered, when nothing else
 * is running: work a request must not wait for (the WAL checkpoint) happens between requests,
 * not inside one. A request that arrives meanwhile is answered first; the step then runs after
 * it. A failing step is logged and tried again after the next request.
 */
export function idleUpkeep(dispatch: Dispatch, step: () => void): IdleUpkeep {
  let inFlight = 0;
  let scheduled: Promise<void> | null = null;
  const schedule = () => {
    scheduled ??= new Promise<void>((resolve) => {
      setImmediate(() => {
        scheduled = null;
        try {
          if (inFlight === 0) step();
        } catch (error) {
          console.error('[core] upkeep between requests failed:', error);
        }
        resolve();
      });
    });
  };
  return {
    dispatch: async (method, input, options) => {
      inFlight += 1;
      try {
        return await dispatch(method, input, options);
      } finally {
        inFlight -= 1;
        if (inFlight === 0) schedule();
      }
    },
    settled: () => scheduled ?? Promise.resolve(),
  };
}

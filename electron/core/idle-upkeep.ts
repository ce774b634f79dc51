import type { Dispatch } from '../api/dispatch.js';

/**
 * How long the core must have had no request before the upkeep runs. In the app the next
 * request comes a render and two thread hops after an answer (after 保存, the case page's
 * read): run at once, the upkeep would land in front of it (review s28-intake I1).
 */
export const IDLE_UPKEEP_QUIET_MS = 500;

export interface IdleUpkeep {
  /** The same dispatcher, counting the requests in flight. */
  readonly dispatch: Dispatch;
  /** Resolves once the upkeep due after the last finished request has run. */
  settled(): Promise<void>;
}

/**
 * Runs `step` once the core has been without a request for `quietMs`: work a request must not
 * wait for (the WAL checkpoint) happens in the desk's idle time, not inside a request nor just
 * before the next one. Every request puts it off again; a desk that is never quiet relies on
 * SQLite's own cap (wal_autocheckpoint). A failing step is logged and tried again later.
 */
export function idleUpkeep(
  dispatch: Dispatch,
  step: () => void,
  quietMs = IDLE_UPKEEP_QUIET_MS,
): IdleUpkeep {
  let inFlight = 0;
  let timer: NodeJS.Timeout | null = null;
  let due: { readonly done: Promise<void>; readonly resolve: () => void } | null = null;
  // Someone awaits the step (whenIdle before close): its timer must keep the process alive, or
  // a tool or child process that awaits it exits before the step and everything after it runs.
  let awaited = false;
  const run = () => {
    timer = null;
    if (inFlight > 0) return;
    const finished = due;
    due = null;
    awaited = false;
    try {
      step();
    } catch (error) {
      console.error('[core] upkeep between requests failed:', error);
    }
    finished?.resolve();
  };
  const arm = () => {
    if (!due) {
      let resolve = () => {};
      const done = new Promise<void>((r) => (resolve = r));
      due = { done, resolve };
    }
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, quietMs);
    // Not what keeps a process alive unless someone awaits the step (`settled`).
    if (!awaited) timer.unref();
  };
  return {
    dispatch: async (method, input, options) => {
      inFlight += 1;
      if (timer) {
        clearTimeout(timer);
        timer = null;
      }
      try {
        return await dispatch(method, input, options);
      } finally {
        inFlight -= 1;
        if (inFlight === 0) arm();
      }
    },
    settled: () => {
      if (!due) return Promise.resolve();
      awaited = true;
      timer?.ref();
      return due.done;
    },
  };
}

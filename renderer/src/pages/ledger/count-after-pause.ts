/**
 * When the ledger asks for a search's exact total. A count of a broad query (139: ~700 ms in
 * slices at 100,000 cases) shares the core with the searches typed next, so it is asked only
 * once typing has been quiet COUNT_AFTER_MS, counted from the last keystroke, not from the
 * answer: a slow answer after a pause is counted at once, a quick one between two keys never.
 * A keystroke drops a count still waiting; the page drops the answer of one already running
 * (latestOnly), and the core answers a search between two of its slices.
 */
export const COUNT_AFTER_MS = 300;

export interface PauseClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
}

const pageClock: PauseClock = {
  now: () => performance.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
};

export interface CountAfterPause {
  /** A key was typed: the quiet time starts again and a count still waiting is dropped. */
  typed(): void;
  /** Runs `count` once typing has been quiet long enough (at once if it already has). */
  whenQuiet(count: () => void): void;
  /** Drops a count still waiting (a new search, the page closing). */
  cancel(): void;
}

export function countAfterPause(
  clock: PauseClock = pageClock,
  quietMs = COUNT_AFTER_MS,
): CountAfterPause {
  let typedAt = -Infinity;
  let timer: unknown;
  const cancel = () => {
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = undefined;
  };
  return {
    typed() {
      typedAt = clock.now();
      cancel();
    },
    whenQuiet(count) {
      cancel();
      const wait = typedAt + quietMs - clock.now();
      if (wait <= 0) {
        count();
        return;
      }
      timer = clock.setTimeout(() => {
        timer = undefined;
        count();
      }, wait);
    },
    cancel,
  };
}

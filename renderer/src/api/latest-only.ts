/**
 * Requests where only the newest answer may be shown (search as you type): an answer that
 * arrives after a newer request was started is dropped, so a slow broad query (王) can never
 * overwrite the rows of the narrower one typed after it (王芳).
 */
export interface LatestOnly {
  /** Starts a request; `deliver` or `fail` runs only if no later request started meanwhile. */
  run<T>(
    start: () => Promise<T>,
    deliver: (value: T) => void,
    fail: (error: unknown) => void,
  ): void;
  /** Drops every answer still on its way (the screen is closing or the query changed). */
  cancel(): void;
  /** True while the newest request has not answered. */
  readonly pending: boolean;
}

export function latestOnly(
  onPendingChange: (pending: boolean) => void = () => undefined,
): LatestOnly {
  let newest = 0;
  let pending = false;
  const setPending = (value: boolean) => {
    if (pending === value) return;
    pending = value;
    onPendingChange(value);
  };
  return {
    run(start, deliver, fail) {
      newest += 1;
      const mine = newest;
      setPending(true);
      start().then(
        (value) => {
          if (mine !== newest) return;
          setPending(false);
          deliver(value);
        },
        (error: unknown) => {
          if (mine !== newest) return;
          setPending(false);
          fail(error);
        },
      );
    },
    cancel() {
      newest += 1;
      setPending(false);
    },
    get pending() {
      return pending;
    },
  };
}

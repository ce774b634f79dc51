/**
 * Holds the baseline before each slice until the test lets it go: the test sees the state
 * between two slices without racing the fill. `arrived` resolves when the fill is waiting.
 */
export function sliceGate() {
  let letGo: (() => void) | null = null;
  let free = false;
  let arrive: () => void = () => undefined;
  let arrived = new Promise<void>((resolve) => (arrive = resolve));
  return {
    between: () => {
      if (free) return Promise.resolve();
      return new Promise<void>((resolve) => {
        letGo = resolve;
        arrive();
      });
    },
    arrived: () => arrived,
    /** Runs one slice; resolves when the fill waits before the next one. */
    async one(): Promise<void> {
      arrived = new Promise<void>((resolve) => (arrive = resolve));
      letGo?.();
      await arrived;
    },
    all(): void {
      free = true;
      letGo?.();
    },
  };
}

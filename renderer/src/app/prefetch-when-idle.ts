/**
 * Starts `load` when the main thread has nothing else to do, so a screen the person is likely to
 * open next is fetched and parsed before the click, not after it. Returns a cancel for a screen
 * left before then.
 */
export function prefetchWhenIdle(load: () => Promise<unknown>): () => void {
  // A failed prefetch is not the person's concern: the screen's own lazy load reports it when
  // the screen is opened.
  const run = () => void load().catch(() => undefined);
  const id = requestIdleCallback(run);
  return () => cancelIdleCallback(id);
}

/**
 * Starts `load` when the main thread has nothing else to do, so a screen the person is likely to
 * open next is fetched and parsed before the click, not after it. Returns a cancel for a screen
 * left before then.
 */
export function prefetchWhenIdle(load: () => Promise<unknown>): () => void {
  // A failed prefetch is not the person's concern: the screen's own lazy load reports it when
  // the screen is opened.
  const run = () => {
    // The UI bench counts a screen's own scripts and long tasks up to this mark, not the next one's.
    performance.mark('desk-prefetch');
    void load().catch(() => undefined);
  };
  const id = requestIdleCallback(run);
  return () => cancelIdleCallback(id);
}

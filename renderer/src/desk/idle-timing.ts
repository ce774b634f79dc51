/** How often, at most, activity at the desk is told to the core (its idle timer counts calls). */
export const TOUCH_EVERY_MS = 60_000;

/**
 * When the idle check runs: lock now, or look again when the quiet time would be up. Checking
 * at the deadline (instead of resetting a timer on every key) keeps typing free of timer work.
 */
export function idleStep(
  now: number,
  lastActivity: number,
  idleMinutes: number,
): { readonly lock: true } | { readonly lock: false; readonly checkInMs: number } {
  const left = lastActivity + idleMinutes * 60_000 - now;
  return left <= 0 ? { lock: true } : { lock: false, checkInMs: left };
}

/**
 * Whether this moment of activity should be sent to the core as `accounts.touch`: at most once a
 * minute, and at least twice per idle time, so a short idle lock (the minimum is one minute) never
 * locks someone who is working between two touches.
 */
export function touchDue(now: number, lastTouch: number, idleMinutes: number): boolean {
  return now - lastTouch >= Math.min(TOUCH_EVERY_MS, (idleMinutes * 60_000) / 2);
}

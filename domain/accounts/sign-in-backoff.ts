/** Failed tries allowed before the first wait. */
export const FREE_SIGN_IN_TRIES = 5;
const FIRST_WAIT_SECONDS = 30;
const LONGEST_WAIT_SECONDS = 15 * 60;

/**
 * Seconds to wait after this many failures in a row: none for the first few (typing slips),
 * then 30 s, doubling up to 15 minutes, so guessing a password at the desk takes years.
 */
export function backoffSecondsAfter(failedCount: number): number {
  if (failedCount < FREE_SIGN_IN_TRIES) return 0;
  const doublings = Math.min(failedCount - FREE_SIGN_IN_TRIES, 10);
  return Math.min(FIRST_WAIT_SECONDS * 2 ** doublings, LONGEST_WAIT_SECONDS);
}

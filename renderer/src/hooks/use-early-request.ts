import { useState } from 'react';

/**
 * Sends `input` now (unless `sent`, its request sent earlier still, is given) and returns the
 * sender to use from then on: its first call with the same input hands over the request already
 * on its way, every other call sends a new one.
 */
export function earlySender<I, T>(
  input: I,
  send: (input: I) => Promise<T>,
  sent: Promise<T> = send(input),
) {
  let early: { key: string; answer: Promise<T> } | null = {
    key: JSON.stringify(input),
    answer: sent,
  };
  // A screen closed before it asked: its early failure is nobody's to report.
  early.answer.catch(() => undefined);
  return (next: I): Promise<T> => {
    const taken = early;
    early = null;
    return taken && taken.key === JSON.stringify(next) ? taken.answer : send(next);
  };
}

/**
 * A request a screen needs as soon as it opens, sent while it renders for the first time: an
 * effect runs only after the whole screen (a table, its filter bar) is drawn, so the request
 * and that drawing take turns instead of overlapping. The sender is the same at every render.
 * (Development's StrictMode calls the initializer twice: one more request, never shown.)
 */
export function useEarlyRequest<I, T>(
  firstInput: () => I,
  send: (input: I) => Promise<T>,
  sent?: Promise<T>,
): (input: I) => Promise<T> {
  const [sender] = useState(() => earlySender(firstInput(), send, sent));
  return sender;
}

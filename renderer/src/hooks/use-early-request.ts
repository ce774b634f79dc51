import { useState } from 'react';

/** A sender that hands a request already on its way to its next call with the same input. */
export interface EarlySender<I, T> {
  (input: I): Promise<T>;
  /**
   * Sends `input` now, before the render that will ask for it: the next call with the same input
   * takes this request (a search leaves in the keystroke's own task, not after the page's
   * render and effects); a call with another input drops it.
   */
  ahead(input: I): void;
}

/**
 * Sends `input` now (unless `sent`, its request sent earlier still, is given) and returns the
 * sender to use from then on: its first call with the same input hands over the request already
 * on its way, every other call sends a new one.
 */
export function earlySender<I, T>(
  input: I,
  send: (input: I) => Promise<T>,
  sent: Promise<T> = send(input),
): EarlySender<I, T> {
  let early: { key: string; answer: Promise<T> } | null = null;
  const keep = (next: I, answer: Promise<T>) => {
    // A screen closed before it asked: its early failure is nobody's to report.
    answer.catch(() => undefined);
    early = { key: JSON.stringify(next), answer };
  };
  keep(input, sent);
  const sender = (next: I): Promise<T> => {
    const taken = early;
    early = null;
    return taken && taken.key === JSON.stringify(next) ? taken.answer : send(next);
  };
  return Object.assign(sender, { ahead: (next: I) => keep(next, send(next)) });
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
): EarlySender<I, T> {
  const [sender] = useState(() => earlySender(firstInput(), send, sent));
  return sender;
}

import type { ApiInput, ApiMethod, ApiResult } from '../../../domain/api/contract';
import type { ApiEnvelope } from '../../../domain/api/errors';

type Send = <M extends ApiMethod>(method: M, input: ApiInput<M>) => Promise<ApiResult<M>>;
type Answer = <T>(sent: Promise<ApiEnvelope<T>>, announce?: boolean) => Promise<T>;

/** Where public/early-requests.js leaves the bridge's answers it asked for, by method. */
export const EARLY_REQUESTS_GLOBAL = '__deskEarlyRequests';

type Sent = Partial<Record<ApiMethod, Promise<ApiEnvelope<unknown>>>>;

/**
 * The requests public/early-requests.js sent before the entry's scripts had loaded, taken off
 * the window (once: a later call of the same method is the page's own and is sent anew).
 * `send`/`sendAhead` hand out an early answer where there is one (through `answer`, so a refusal
 * tells the window exactly what it would have), and otherwise call `fallback`/`fallbackAhead`:
 * where the script did not run (a test page, an older window), the entry sends them itself.
 */
export function takeEarlyRequests(
  scope: Record<string, unknown>,
  answer: Answer,
  fallback: Send,
  fallbackAhead: Send,
): { send: Send; sendAhead: Send } {
  const sent = (scope[EARLY_REQUESTS_GLOBAL] ?? {}) as Sent;
  delete scope[EARLY_REQUESTS_GLOBAL];
  const take = <M extends ApiMethod>(method: M) => {
    const found = sent[method] as Promise<ApiEnvelope<ApiResult<M>>> | undefined;
    delete sent[method];
    return found;
  };
  return {
    send: (method, input) => {
      const found = take(method);
      return found ? answer(found, true) : fallback(method, input);
    },
    sendAhead: (method, input) => {
      const found = take(method);
      return found ? answer(found, false) : fallbackAhead(method, input);
    },
  };
}

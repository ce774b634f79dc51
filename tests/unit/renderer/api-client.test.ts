import { afterEach, describe, expect, it } from 'vitest';
import { BRIDGE_GLOBAL_NAME } from '../../../domain/api/bridge';

// The client is written against the DOM, which this program's lib lacks: it is loaded by its
// path at run time (vitest transforms it), and typed here by what the test uses.
interface Client {
  readonly DESK_SESSION_EVENT: string;
  readonly LEDGER_DAMAGED_EVENT: string;
  readonly ApiCallError: new (...args: never[]) => Error;
  api(method: 'dashboard.get', input: object): Promise<unknown>;
  apiAhead(method: 'dashboard.get', input: object): Promise<unknown>;
  announceRefusal(error: unknown): void;
}
const CLIENT = '../../../renderer/src/api/client';
const { ApiCallError, DESK_SESSION_EVENT, LEDGER_DAMAGED_EVENT, api, apiAhead, announceRefusal } =
  (await import(CLIENT)) as Client;

/** A window whose bridge refuses every call with `code`, counting the events it raises. */
function windowRefusing(code: string) {
  const events: string[] = [];
  const target = new EventTarget();
  for (const name of [DESK_SESSION_EVENT, LEDGER_DAMAGED_EVENT])
    target.addEventListener(name, () => events.push(name));
  Object.assign(target, {
    [BRIDGE_GLOBAL_NAME]: {
      invoke: () => Promise.resolve({ ok: false, error: { code, message: '拒绝' } }),
    },
  });
  (globalThis as { window?: unknown }).window = target;
  return events;
}

afterEach(() => {
  delete (globalThis as { window?: unknown }).window;
});

describe('the API client’s refusals', () => {
  it('tells the window of a locked desk, a signed-out desk and a damaged ledger', async () => {
    const cases = [
      ['DESK_LOCKED', DESK_SESSION_EVENT],
      ['NOT_SIGNED_IN', DESK_SESSION_EVENT],
      ['LEDGER_DAMAGED', LEDGER_DAMAGED_EVENT],
    ] as const;
    for (const [code, event] of cases) {
      const events = windowRefusing(code);
      await expect(api('dashboard.get', {})).rejects.toMatchObject({ code });
      expect(events, code).toEqual([event]);
    }
  });

  it('tells it nothing of a request sent ahead (its refusal is the boot answers’ to explain)', async () => {
    for (const code of ['DESK_LOCKED', 'NOT_SIGNED_IN', 'LEDGER_DAMAGED']) {
      const events = windowRefusing(code);
      const refused = apiAhead('dashboard.get', {});
      await expect(refused).rejects.toBeInstanceOf(ApiCallError);
      await expect(refused).rejects.toMatchObject({ code });
      expect(events, code).toEqual([]);
    }
  });

  it('tells the window of a refusal sent ahead once it is news (announceRefusal), as api() would', async () => {
    for (const [code, expected] of [
      ['DESK_LOCKED', [DESK_SESSION_EVENT]],
      ['NOT_SIGNED_IN', [DESK_SESSION_EVENT]],
      ['LEDGER_DAMAGED', [LEDGER_DAMAGED_EVENT]],
      ['FORBIDDEN', []],
    ] as const) {
      const events = windowRefusing(code);
      const refusal = await apiAhead('dashboard.get', {}).catch((e: unknown) => e);
      expect(events, code).toEqual([]);
      announceRefusal(refusal);
      expect(events, code).toEqual(expected);
    }
    // not a refusal of the core (the network, a bug): nothing to tell
    const events = windowRefusing('DESK_LOCKED');
    announceRefusal(new Error('DESK_LOCKED'));
    expect(events).toEqual([]);
  });
});

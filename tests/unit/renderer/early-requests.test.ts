import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { ApiEnvelope } from '../../../domain/api/errors';
import { asksForBoard } from '../../../renderer/src/app/boot-requests';
import { EARLY_REQUESTS_GLOBAL, takeEarlyRequests } from '../../../renderer/src/app/early-requests';

const SCRIPT = fs.readFileSync(path.resolve('renderer/public/early-requests.js'), 'utf8');

/** Runs the page's early script in a window opening `hash`, with a bridge that records calls. */
function runScript(hash: string, bridge = true) {
  const asked: string[] = [];
  const window: Record<string, unknown> = { location: { hash } };
  if (bridge)
    window.mediationDesk = {
      invoke: (method: string) => {
        asked.push(method);
        return Promise.resolve({ ok: true, value: method });
      },
    };
  vm.runInNewContext(SCRIPT, window);
  return { asked, window };
}

type Send = Parameters<typeof takeEarlyRequests>[2];

/** The entry's side: which calls went to the fallbacks, and how each early answer was read. */
function entry(window: Record<string, unknown>) {
  const fallen: string[] = [];
  const read: string[] = [];
  const fallback = ((method: string) => {
    fallen.push(`${method} sent`);
    return Promise.resolve(`${method} sent`);
  }) as Send;
  const fallbackAhead = ((method: string) => {
    fallen.push(`${method} ahead`);
    return Promise.resolve(`${method} ahead`);
  }) as Send;
  const answer = async <T>(sent: Promise<ApiEnvelope<T>>, announce = true): Promise<T> => {
    const envelope = await sent;
    read.push(`${String(envelope.ok && envelope.value)} ${announce ? 'announced' : 'quiet'}`);
    if (!envelope.ok) throw new Error(envelope.error.code);
    return envelope.value;
  };
  return { fallen, read, ...takeEarlyRequests(window, answer, fallback, fallbackAhead) };
}

describe('the early requests (public/early-requests.js, before the entry loads)', () => {
  it('sends the status and the session, and the board exactly where the entry would ask for it', () => {
    const hashes = ['', '#', '#/', '#/dashboard', '#/dashboard?x=1', '#/cases', '#/cases/12'];
    hashes.push('#/settings?tab=1', '#/dashboards', '#token=abc', '#/reports', '#dashboard');
    for (const hash of hashes) {
      const { asked, window } = runScript(hash);
      const board = asksForBoard(hash) ? ['dashboard.get'] : [];
      expect(asked, hash).toEqual(['system.status', 'accounts.session', ...board]);
      expect(Object.keys(window[EARLY_REQUESTS_GLOBAL] as object), hash).toEqual(asked);
    }
    // both sides ask for it on the 工作台's addresses, and not elsewhere
    expect(asksForBoard('#/dashboard')).toBe(true);
    expect(asksForBoard('#/cases')).toBe(false);
  });

  it('sends nothing without the bridge (the entry then sends them itself)', async () => {
    const { window } = runScript('#/dashboard', false);
    expect(window[EARLY_REQUESTS_GLOBAL]).toBeUndefined();
    const early = entry(window);
    await expect(early.send('system.status', {})).resolves.toBe('system.status sent');
    await expect(early.sendAhead('dashboard.get', {})).resolves.toBe('dashboard.get ahead');
    expect(early.fallen).toEqual(['system.status sent', 'dashboard.get ahead']);
  });

  it('hands each early answer to the entry once, read as the entry asks (a refusal told or not)', async () => {
    const { window } = runScript('#/dashboard');
    const early = entry(window);
    // taken off the window: nothing else finds them
    expect(window[EARLY_REQUESTS_GLOBAL]).toBeUndefined();
    await expect(early.send('system.status', {})).resolves.toBe('system.status');
    await expect(early.send('accounts.session', {})).resolves.toBe('accounts.session');
    await expect(early.sendAhead('dashboard.get', {})).resolves.toBe('dashboard.get');
    expect(early.read).toEqual([
      'system.status announced',
      'accounts.session announced',
      'dashboard.get quiet',
    ]);
    expect(early.fallen).toEqual([]);
    // a second call of a method is the page's own: sent anew
    await expect(early.send('accounts.session', {})).resolves.toBe('accounts.session sent');
    await expect(early.sendAhead('dashboard.get', {})).resolves.toBe('dashboard.get ahead');
    expect(early.fallen).toEqual(['accounts.session sent', 'dashboard.get ahead']);
  });
});

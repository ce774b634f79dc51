import { afterEach, describe, expect, it } from 'vitest';
import type { AppCore } from '../../../electron/core/app-core.js';
import { openSignedInCore } from '../support/signed-in-core.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * A call the main process makes on its own (the due notifier: `background`) passes the same
 * door but is no activity at the desk: it never keeps an unattended desk from locking. The
 * desk's clock is injected and moved by hand; the default idle lock is 5 minutes.
 */
const MINUTE = 60_000;
let core: AppCore | null = null;
afterEach(() => core?.close());

async function deskAt(): Promise<{ core: AppCore; move: (ms: number) => void }> {
  let now = 0;
  core = await openSignedInCore({
    dataDir: tempDir('background-calls'),
    appVersion: 'test',
    deskClock: () => now,
  });
  return { core, move: (ms) => (now = ms) };
}

describe('calls the main process makes on its own', () => {
  it('answer without counting as activity, so the desk still locks on time', async () => {
    const { core, move } = await deskAt();
    move(4 * MINUTE);
    const background = await core.dispatch('reminders.get', {}, { background: true });
    expect(background.ok).toBe(true);
    move(5.5 * MINUTE);
    const later = await core.dispatch('cases.search', {});
    expect(later.ok ? 'ok' : later.error.code).toBe('DESK_LOCKED');
  });

  it('a call from the desk at the same moment does count (the same steps, without the flag)', async () => {
    const { core, move } = await deskAt();
    move(4 * MINUTE);
    expect((await core.dispatch('reminders.get', {})).ok).toBe(true);
    move(5.5 * MINUTE);
    expect((await core.dispatch('cases.search', {})).ok).toBe(true);
  });

  it('are refused like any other while the desk is locked', async () => {
    const { core } = await deskAt();
    expect((await core.dispatch('accounts.lock', {})).ok).toBe(true);
    const res = await core.dispatch('reminders.get', {}, { background: true });
    expect(res.ok ? 'ok' : res.error.code).toBe('DESK_LOCKED');
  });
});

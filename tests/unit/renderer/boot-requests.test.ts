import { describe, expect, it } from 'vitest';
import type { DeskSession } from '../../../domain/api/accounts-contract';
import type { Role } from '../../../domain/accounts/roles';
import type { SystemStatus } from '../../../domain/api/system-contract';
import { startBootRequests } from '../../../renderer/src/app/boot-requests';

/** A core that answers only when the test says so, recording the order of the calls. */
function heldCore() {
  const sent: string[] = [];
  const answers = new Map<
    string,
    { resolve: (v: unknown) => void; reject: (e: unknown) => void }
  >();
  const send = ((method: string) => {
    sent.push(method);
    return new Promise<unknown>((resolve, reject) => answers.set(method, { resolve, reject }));
  }) as Parameters<typeof startBootRequests>[0];
  const answer = async (method: string, value: unknown) => {
    answers.get(method)!.resolve(value);
    // the callbacks chained on the answer run before the test looks again
    for (let i = 0; i < 5; i += 1) await Promise.resolve();
  };
  return { send, sent, answer };
}

const READY = {
  ledger: { state: 'READY', settingsComplete: true, checking: false },
} as unknown as SystemStatus;

// Only what the board's choice reads; other fields a session gains need no change here.
function session(role: Role | null, locked = false): DeskSession {
  return {
    setUp: true,
    user: role ? ({ id: 1, role, displayName: '甲' } as unknown as DeskSession['user']) : null,
    locked,
  } as DeskSession;
}

async function boot(hash: string, desk: DeskSession, status: SystemStatus = READY) {
  const core = heldCore();
  const requests = startBootRequests(core.send, hash);
  const sentAtOnce = [...core.sent];
  await core.answer('system.status', status);
  await core.answer('accounts.session', desk);
  return { core, requests, sentAtOnce };
}

describe('the window’s first requests (sent before React mounts)', () => {
  it('sends the status and the session together, and the board once both say the 工作台 opens', async () => {
    const desk = session('DIRECTOR');
    const { core, requests, sentAtOnce } = await boot('#/dashboard', desk);
    // the session is on its way before the status has answered (the gates asked in series)
    expect(sentAtOnce).toEqual(['system.status', 'accounts.session']);
    // the board leaves before any component has taken the session's answer
    expect(core.sent).toEqual(['system.status', 'accounts.session', 'dashboard.get']);
    const taken = await requests.takeSession();
    expect(taken).toBe(desk);
    const board = requests.takeBoard(desk);
    expect(board?.value).toBeUndefined();
    await core.answer('dashboard.get', { today: '2026-12-01' });
    await expect(board?.answer).resolves.toEqual({ today: '2026-12-01' });
  });

  it('hands each early answer over once', async () => {
    const desk = session('MEDIATOR');
    const { core, requests } = await boot('', desk);
    expect(requests.takeStatus()).not.toBeNull();
    expect(requests.takeStatus()).toBeNull();
    expect(requests.takeSession()).not.toBeNull();
    expect(requests.takeSession()).toBeNull();
    await core.answer('dashboard.get', { today: '2026-12-01' });
    // come before the 工作台 asked: drawn by its first render
    expect(requests.takeBoard(desk)?.value).toEqual({ today: '2026-12-01' });
    expect(requests.takeBoard(desk)).toBeNull();
  });

  it('never asks a locked or signed-out desk for the board', async () => {
    for (const desk of [session('DIRECTOR', true), session(null)]) {
      const { core, requests } = await boot('#/dashboard', desk);
      expect(core.sent).toEqual(['system.status', 'accounts.session']);
      expect(requests.takeBoard(desk)).toBeNull();
    }
  });

  it('gives the board to no later session, even an equal one (a poll, an unlock, another person)', async () => {
    const desk = session('DIRECTOR');
    const { core, requests } = await boot('#/dashboard', desk);
    await core.answer('dashboard.get', { today: '2026-12-01' });
    expect(requests.takeBoard({ ...desk })).toBeNull();
    // asked for by another session, it is gone: not kept for a later look either
    expect(requests.takeBoard(desk)).toBeNull();
  });

  it('drops the board once the gate holds another session (a poll, a lock), keeps it for its own', async () => {
    const desk = session('DIRECTOR');
    const { core, requests } = await boot('#/dashboard', desk);
    await core.answer('dashboard.get', { today: '2026-12-01' });
    requests.keepBoardOnlyFor(desk);
    expect(requests.takeBoard(desk)?.value).toEqual({ today: '2026-12-01' });

    const again = await boot('#/dashboard', desk);
    again.requests.keepBoardOnlyFor({ ...desk, locked: true });
    expect(again.requests.takeBoard(desk)).toBeNull();
  });

  it('asks for no board where the window opens something else', async () => {
    const cases: [string, Role][] = [
      ['#/cases', 'DIRECTOR'],
      ['#/cases/12', 'DIRECTOR'],
      // the statistician lands on 统计, the administrator on 设置
      ['', 'STATISTICIAN'],
      ['#/', 'ADMIN'],
      // a role the board refuses, on its address
      ['#/dashboard', 'AUDITOR'],
    ];
    for (const [hash, role] of cases) {
      const { core } = await boot(hash, session(role));
      expect(core.sent, `${hash} ${role}`).toEqual(['system.status', 'accounts.session']);
    }
  });

  it('asks for no board while the ledger is not ready or its settings are not done', async () => {
    const notReady = [
      { ledger: { state: 'READY', settingsComplete: false, checking: false } },
      { ledger: { state: 'DAMAGED', backups: [] } },
    ] as unknown as SystemStatus[];
    for (const status of notReady) {
      const { core } = await boot('#/dashboard', session('DIRECTOR'), status);
      expect(core.sent).toEqual(['system.status', 'accounts.session']);
    }
  });

  it('gives the gate its session once the status has answered, even with a failure', async () => {
    const core = heldCore();
    const requests = startBootRequests(core.send, '#/dashboard');
    const desk = session('DIRECTOR');
    const taken = requests.takeSession();
    void requests.takeStatus()?.catch(() => undefined);
    await core.answer('accounts.session', desk);
    // the board is decided first: the gate can never draw the 工作台 ahead of it
    await expect(Promise.race([taken, Promise.resolve('waiting')])).resolves.toBe('waiting');
    await core.answer('system.status', Promise.reject(new Error('core gone')));
    await expect(taken).resolves.toBe(desk);
    expect(core.sent).toEqual(['system.status', 'accounts.session']);
  });
});

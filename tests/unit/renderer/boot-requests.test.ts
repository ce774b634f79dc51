import { describe, expect, it } from 'vitest';
import type { DeskSession } from '../../../domain/api/accounts-contract';
import type { Role } from '../../../domain/accounts/roles';
import type { SystemStatus } from '../../../domain/api/system-contract';
import { BOARD_HOLD_MS, startBootRequests } from '../../../renderer/src/app/boot-requests';

type Send = Parameters<typeof startBootRequests>[0];

/**
 * A core that answers only when the test says so, recording the order of the calls and which
 * went through `sendAhead` (whose refusal raises no window event).
 */
function heldCore() {
  const sent: string[] = [];
  const ahead: string[] = [];
  const answers = new Map<
    string,
    { resolve: (v: unknown) => void; reject: (e: unknown) => void }
  >();
  const held = (method: string) =>
    new Promise<unknown>((resolve, reject) => answers.set(method, { resolve, reject }));
  const send = ((method: string) => {
    sent.push(method);
    return held(method);
  }) as Send;
  const sendAhead = ((method: string) => {
    sent.push(method);
    ahead.push(method);
    return held(method);
  }) as Send;
  const answer = async (method: string, value: unknown) => {
    answers.get(method)!.resolve(value);
    // the callbacks chained on the answer run before the test looks again
    for (let i = 0; i < 5; i += 1) await Promise.resolve();
  };
  const refuse = async (method: string, code: string) => {
    answers.get(method)!.reject(Object.assign(new Error(code), { code }));
    for (let i = 0; i < 5; i += 1) await Promise.resolve();
  };
  // The hold's timer: it runs out only when the test says so, never by the wall clock.
  const waits: number[] = [];
  const timers: (() => void)[] = [];
  const wait = (ms: number) => {
    waits.push(ms);
    return new Promise<void>((resolve) => timers.push(resolve));
  };
  const elapse = async () => {
    for (const run of timers.splice(0)) run();
    for (let i = 0; i < 5; i += 1) await Promise.resolve();
  };
  return { send, sendAhead, sent, ahead, answer, refuse, wait, waits, elapse };
}

/** Whether a promise has settled by now (its callbacks given a few turns). */
async function pending(promise: Promise<unknown> | null): Promise<boolean> {
  return (await Promise.race([promise, Promise.resolve(pendingMark)])) === pendingMark;
}
const pendingMark = Symbol('pending');

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
  const requests = startBootRequests(core.send, hash, core.sendAhead, undefined, core.wait);
  const sentAtOnce = [...core.sent];
  await core.answer('system.status', status);
  await core.answer('accounts.session', desk);
  return { core, requests, sentAtOnce };
}

describe('the window’s first requests (sent before React mounts)', () => {
  it('sends the status, the session and the board together, and keeps the board once both say the 工作台 opens', async () => {
    const desk = session('DIRECTOR');
    const { core, requests, sentAtOnce } = await boot('#/dashboard', desk);
    // all three are on their way before the status has answered: the core answers them in this
    // order, so the board is answered for the desk the session describes
    expect(sentAtOnce).toEqual(['system.status', 'accounts.session', 'dashboard.get']);
    expect(core.sent).toEqual(sentAtOnce);
    // sent ahead of the answers that decide on it: a refusal tells the window nothing
    expect(core.ahead).toEqual(['dashboard.get']);
    // a slow board: the gate gets the session when the hold runs out, the board comes later
    await core.elapse();
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

  it('keeps no board for a locked or signed-out desk (the core refuses it, e2e)', async () => {
    for (const [desk, code] of [
      [session('DIRECTOR', true), 'DESK_LOCKED'],
      [session(null), 'NOT_SIGNED_IN'],
    ] as const) {
      const { core, requests } = await boot('#/dashboard', desk);
      expect(core.ahead).toEqual(['dashboard.get']);
      await core.refuse('dashboard.get', code);
      expect(requests.takeBoard(desk)).toBeNull();
    }
    // an answer that does come (a desk locked just after) is dropped all the same
    const locked = session('DIRECTOR', true);
    const { core, requests } = await boot('', locked);
    await core.answer('dashboard.get', { today: '2026-12-01' });
    expect(requests.takeBoard(locked)).toBeNull();
  });

  it('tells the window when a kept board is refused (the desk locked between the answers), and only then', async () => {
    const desk = session('DIRECTOR');
    const core = heldCore();
    const told: unknown[] = [];
    const requests = startBootRequests(
      core.send,
      '#/dashboard',
      core.sendAhead,
      (e) => told.push(e),
      core.wait,
    );
    const taken = requests.takeSession();
    await core.answer('system.status', READY);
    await core.answer('accounts.session', desk);
    const board = requests.takeBoard(desk);
    await core.refuse('dashboard.get', 'DESK_LOCKED');
    // the refusal ends the gate's wait for the board, as an answer would
    await expect(taken).resolves.toBe(desk);
    // the page's own refusal still comes to it; the gate is told to ask for the session again
    await expect(board?.answer).rejects.toMatchObject({ code: 'DESK_LOCKED' });
    expect(told).toEqual([expect.objectContaining({ code: 'DESK_LOCKED' })]);

    // a board the answers already refused to keep (a locked desk): its refusal is no news
    const quiet = heldCore();
    const unheard: unknown[] = [];
    startBootRequests(
      quiet.send,
      '#/dashboard',
      quiet.sendAhead,
      (e) => unheard.push(e),
      quiet.wait,
    );
    await quiet.answer('system.status', READY);
    await quiet.answer('accounts.session', session('DIRECTOR', true));
    await quiet.refuse('dashboard.get', 'DESK_LOCKED');
    expect(unheard).toEqual([]);
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

  it('asks for no board where the window opens another address', async () => {
    for (const hash of ['#/cases', '#/cases/12', '#/settings?tab=1']) {
      const desk = session('DIRECTOR');
      const { core, requests } = await boot(hash, desk);
      expect(core.sent, hash).toEqual(['system.status', 'accounts.session']);
      expect(requests.takeBoard(desk)).toBeNull();
    }
  });

  it('keeps no board for a role that lands elsewhere or may not see it (the core refuses those)', async () => {
    const cases: [string, Role][] = [
      // the statistician lands on 统计, the administrator on 设置
      ['', 'STATISTICIAN'],
      ['#/', 'ADMIN'],
      // a role the board refuses, on its address
      ['#/dashboard', 'AUDITOR'],
    ];
    for (const [hash, role] of cases) {
      const desk = session(role);
      const { core, requests } = await boot(hash, desk);
      expect(core.ahead, `${hash} ${role}`).toEqual(['dashboard.get']);
      await core.answer('dashboard.get', { today: '2026-12-01' });
      expect(requests.takeBoard(desk), `${hash} ${role}`).toBeNull();
    }
  });

  it('keeps no board while the ledger is not ready or its settings are not done', async () => {
    const notReady = [
      { ledger: { state: 'READY', settingsComplete: false, checking: false } },
      { ledger: { state: 'DAMAGED', backups: [] } },
    ] as unknown as SystemStatus[];
    for (const status of notReady) {
      const desk = session('DIRECTOR');
      const { core, requests } = await boot('#/dashboard', desk, status);
      await core.answer('dashboard.get', { today: '2026-12-01' });
      expect(requests.takeBoard(desk)).toBeNull();
    }
  });

  it('gives the gate its session once the status has answered, even with a failure', async () => {
    const core = heldCore();
    const requests = startBootRequests(
      core.send,
      '#/dashboard',
      core.sendAhead,
      undefined,
      core.wait,
    );
    const desk = session('DIRECTOR');
    const taken = requests.takeSession();
    void requests.takeStatus()?.catch(() => undefined);
    await core.answer('accounts.session', desk);
    // the board is decided first: the gate can never draw the 工作台 ahead of it
    await expect(Promise.race([taken, Promise.resolve('waiting')])).resolves.toBe('waiting');
    await core.answer('system.status', Promise.reject(new Error('core gone')));
    await expect(taken).resolves.toBe(desk);
    // no status, no board kept, nothing held
    expect(core.waits).toEqual([]);
    await core.answer('dashboard.get', { today: '2026-12-01' });
    expect(requests.takeBoard(desk)).toBeNull();
  });

  it('holds the gate’s session until a kept board has answered: the shell and the board are drawn together', async () => {
    const desk = session('DIRECTOR');
    const { core, requests } = await boot('#/dashboard', desk);
    const taken = requests.takeSession();
    // both answers are in, the board is not: the gate still waits (its spinner is on screen)
    expect(await pending(taken)).toBe(true);
    expect(core.waits).toEqual([BOARD_HOLD_MS]);
    await core.answer('dashboard.get', { today: '2026-12-01' });
    await expect(taken).resolves.toBe(desk);
    // the 工作台's first render draws it: no commit of the shell without the board
    expect(requests.takeBoard(desk)?.value).toEqual({ today: '2026-12-01' });
  });

  it('holds the session no longer than the cap when the board is slow, and draws the shell as before', async () => {
    const desk = session('MEDIATOR');
    const { core, requests } = await boot('', desk);
    const taken = requests.takeSession();
    expect(await pending(taken)).toBe(true);
    await core.elapse();
    await expect(taken).resolves.toBe(desk);
    const board = requests.takeBoard(desk);
    expect(board?.value).toBeUndefined();
    await core.answer('dashboard.get', { today: '2026-12-01' });
    await expect(board?.answer).resolves.toEqual({ today: '2026-12-01' });
  });

  it('holds nothing where no board is kept (locked, signed out, another role or address)', async () => {
    const cases: [string, DeskSession][] = [
      ['#/dashboard', session('DIRECTOR', true)],
      ['#/dashboard', session(null)],
      ['', session('STATISTICIAN')],
      ['#/cases', session('DIRECTOR')],
    ];
    for (const [hash, desk] of cases) {
      const { core, requests } = await boot(hash, desk);
      // the board (where sent) has not answered: the gate has its session all the same
      await expect(requests.takeSession()).resolves.toBe(desk);
      expect(core.waits, hash).toEqual([]);
    }
  });
});

import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { ApiEnvelope } from '../../../domain/api/errors.js';
import { lockDeskOnOsLock } from '../../../electron/main/desk-os-lock.js';

// The shell's half of the auto-lock: the OS lock and sleep become `accounts.lock` at the door.

function setUp(answer: ApiEnvelope<unknown>) {
  const powerMonitor = new EventEmitter();
  const calls: [unknown, unknown][] = [];
  const logged: string[] = [];
  const locks: Promise<void>[] = [];
  lockDeskOnOsLock({
    powerMonitor,
    core: {
      dispatch: async (method, input) => {
        calls.push([method, input]);
        return answer;
      },
    },
    log: (message) => logged.push(message),
    onLock: (done) => locks.push(done),
  });
  return { powerMonitor, calls, logged, locks };
}

describe('locking the desk with the OS', () => {
  it.each(['lock-screen', 'suspend'])('%s calls accounts.lock through the door', async (event) => {
    const desk = setUp({ ok: true, value: { locked: true } });
    desk.powerMonitor.emit(event);
    await Promise.all(desk.locks);
    expect(desk.calls).toEqual([['accounts.lock', {}]]);
    expect(desk.logged).toEqual([]);
  });

  it('says nothing when nobody is signed in, and logs a real failure', async () => {
    const quiet = setUp({ ok: false, error: { code: 'NOT_SIGNED_IN', message: '请先登录' } });
    quiet.powerMonitor.emit('lock-screen');
    await Promise.all(quiet.locks);
    expect(quiet.logged).toEqual([]);

    const loud = setUp({ ok: false, error: { code: 'INTERNAL', message: '程序内部出错' } });
    loud.powerMonitor.emit('suspend');
    await Promise.all(loud.locks);
    expect(loud.logged).toEqual(['[lock] locking the desk failed: INTERNAL']);
  });
});

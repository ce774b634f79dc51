import { describe, expect, it, vi } from 'vitest';
import type { ApiEnvelope } from '../../../domain/api/errors.js';
import { idleUpkeep } from '../../../electron/core/idle-upkeep.js';

/** A dispatcher whose answers the test releases one by one. */
function heldDispatch() {
  const waiting: (() => void)[] = [];
  const dispatch = () =>
    new Promise<ApiEnvelope<unknown>>((resolve) => {
      waiting.push(() => resolve({ ok: true, value: null }));
    });
  return { dispatch, release: () => waiting.shift()?.() };
}

describe('idleUpkeep', () => {
  it('runs the step once, after the last request in flight has been answered', async () => {
    const held = heldDispatch();
    const steps: number[] = [];
    const upkeep = idleUpkeep(held.dispatch, () => steps.push(steps.length), 0);
    const first = upkeep.dispatch('a', {});
    const second = upkeep.dispatch('b', {});
    held.release();
    await first;
    await upkeep.settled();
    // the second request is still running: no step beside it
    expect(steps).toEqual([]);
    held.release();
    await second;
    expect(steps).toEqual([]); // the answer comes first
    await upkeep.settled();
    expect(steps).toEqual([0]);
  });

  it('puts the step off while requests keep coming, then runs it once', async () => {
    const held = heldDispatch();
    let steps = 0;
    const upkeep = idleUpkeep(held.dispatch, () => (steps += 1), 0);
    const first = upkeep.dispatch('a', {});
    held.release();
    await first;
    // the next request comes before the quiet period is over
    const second = upkeep.dispatch('b', {});
    const settled = upkeep.settled();
    held.release();
    await second;
    expect(steps).toBe(0);
    await settled;
    expect(steps).toBe(1);
    await upkeep.settled();
    expect(steps).toBe(1);
  });

  it('waits for the quiet period, which each request starts again', async () => {
    vi.useFakeTimers();
    try {
      const held = heldDispatch();
      let steps = 0;
      const upkeep = idleUpkeep(held.dispatch, () => (steps += 1), 500);
      for (const m of ['a', 'b']) {
        const answer = upkeep.dispatch(m, {});
        held.release();
        await answer;
        vi.advanceTimersByTime(499);
        expect(steps).toBe(0);
      }
      vi.advanceTimersByTime(1);
      expect(steps).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps answering when the step fails', async () => {
    const held = heldDispatch();
    let calls = 0;
    const upkeep = idleUpkeep(
      held.dispatch,
      () => {
        calls += 1;
        throw new Error('disk full');
      },
      0,
    );
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      for (const m of ['a', 'b']) {
        const answer = upkeep.dispatch(m, {});
        held.release();
        expect(await answer).toEqual({ ok: true, value: null });
        await upkeep.settled();
      }
    } finally {
      console.error = original;
    }
    expect(calls).toBe(2);
    expect(errors).toHaveLength(2);
  });
});

describe('idleUpkeep and the process', () => {
  it('its timer keeps the process alive only while someone awaits the step', async () => {
    const held = heldDispatch();
    const timers: NodeJS.Timeout[] = [];
    const realSetTimeout = globalThis.setTimeout;
    const spy = vi.spyOn(globalThis, 'setTimeout').mockImplementation(((
      ...args: Parameters<typeof setTimeout>
    ) => {
      const timer = realSetTimeout(...args);
      timers.push(timer);
      return timer;
    }) as typeof setTimeout);
    try {
      let steps = 0;
      const upkeep = idleUpkeep(held.dispatch, () => (steps += 1), 20);
      const answer = upkeep.dispatch('a', {});
      held.release();
      await answer;
      const timer = timers.at(-1);
      // idle in the app: the quiet-period timer alone never keeps a process from exiting
      expect(timer?.hasRef()).toBe(false);
      // a tool or child awaiting whenIdle before close: without a ref it would exit first
      const settled = upkeep.settled();
      expect(timer?.hasRef()).toBe(true);
      await settled;
      expect(steps).toBe(1);
    } finally {
      spy.mockRestore();
    }
  });
});

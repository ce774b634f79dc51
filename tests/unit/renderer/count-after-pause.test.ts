import { describe, expect, it } from 'vitest';
import {
  countAfterPause,
  type PauseClock,
} from '../../../renderer/src/pages/ledger/count-after-pause';

/** A clock the test moves by hand: the rule is about order and quiet time, not real time. */
function handClock() {
  let now = 0;
  let timers: { at: number; run: () => void; id: number }[] = [];
  let nextId = 0;
  const clock: PauseClock = {
    now: () => now,
    setTimeout: (run, ms) => {
      nextId += 1;
      timers.push({ at: now + ms, run, id: nextId });
      return nextId;
    },
    clearTimeout: (id) => {
      timers = timers.filter((t) => t.id !== id);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    const due = timers.filter((t) => t.at <= now);
    timers = timers.filter((t) => t.at > now);
    for (const t of due) t.run();
  };
  return { clock, advance, waiting: () => timers.length };
}

/** A pause of 300 ms on a hand clock, and the counts it asked for. */
function setUp() {
  const { clock, advance, waiting } = handClock();
  return { pause: countAfterPause(clock, 300), advance, waiting, counted: [] as string[] };
}

describe('the exact total is asked after typing pauses', () => {
  it('waits the quiet time from the last keystroke, not from the answer', () => {
    const { pause, counted, advance } = setUp();
    pause.typed();
    advance(120); // the answer comes 120 ms after the key
    pause.whenQuiet(() => counted.push('139'));
    advance(179);
    expect(counted).toEqual([]);
    advance(1);
    expect(counted).toEqual(['139']);
  });

  it('counts at once when the answer comes after the quiet time', () => {
    const { pause, counted, advance } = setUp();
    pause.typed();
    advance(450);
    pause.whenQuiet(() => counted.push('1'));
    expect(counted).toEqual(['1']);
  });

  it('drops a waiting count when a key is typed, and counts the newest query only', () => {
    const { pause, counted, advance, waiting } = setUp();
    pause.typed();
    pause.whenQuiet(() => counted.push('1'));
    advance(200);
    pause.typed();
    expect(waiting()).toBe(0);
    advance(50);
    pause.whenQuiet(() => counted.push('13'));
    advance(200);
    pause.typed();
    pause.whenQuiet(() => counted.push('139'));
    advance(1000);
    expect(counted).toEqual(['139']);
  });

  it('counts without waiting when nothing was typed (a filter, a page)', () => {
    const { pause, counted } = setUp();
    pause.whenQuiet(() => counted.push('status'));
    expect(counted).toEqual(['status']);
  });

  it('drops a waiting count on cancel', () => {
    const { pause, counted, advance } = setUp();
    pause.typed();
    pause.whenQuiet(() => counted.push('王'));
    pause.cancel();
    advance(1000);
    expect(counted).toEqual([]);
  });
});

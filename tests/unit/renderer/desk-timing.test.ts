import { describe, expect, it } from 'vitest';
import { idleStep, touchDue, TOUCH_EVERY_MS } from '../../../renderer/src/desk/idle-timing';
import { recoveryCodeGroups } from '../../../renderer/src/desk/recovery-code';

// The renderer's idle lock decides with numbers it is given, never with a clock of its own.

const MINUTE = 60_000;

describe('idle lock', () => {
  it('locks once the quiet minutes are up, not a moment before', () => {
    expect(idleStep(5 * MINUTE, 0, 5)).toEqual({ lock: true });
    expect(idleStep(5 * MINUTE - 1, 0, 5)).toEqual({ lock: false, checkInMs: 1 });
  });

  it('activity moves the deadline: the next check is when the new quiet time would be up', () => {
    // Checked at the first deadline, but someone typed two minutes in.
    expect(idleStep(5 * MINUTE, 2 * MINUTE, 5)).toEqual({ lock: false, checkInMs: 2 * MINUTE });
  });

  it('tells the core about activity at most once a minute', () => {
    expect(touchDue(TOUCH_EVERY_MS - 1, 0, 5)).toBe(false);
    expect(touchDue(TOUCH_EVERY_MS, 0, 5)).toBe(true);
  });

  it('and at least twice per idle time, so a one-minute lock never catches someone working', () => {
    expect(touchDue(30_000, 0, 1)).toBe(true);
    expect(touchDue(29_999, 0, 1)).toBe(false);
  });
});

describe('recovery code', () => {
  it('is shown in groups of four, whether it arrives grouped or not', () => {
    expect(recoveryCodeGroups('ABCD-2345-EFGH-6789-JKMN-PQRS')).toEqual(
      recoveryCodeGroups('ABCD2345EFGH6789JKMNPQRS'),
    );
    expect(recoveryCodeGroups('ABCD2345EFGH6789JKMNPQRS')).toEqual([
      'ABCD',
      '2345',
      'EFGH',
      '6789',
      'JKMN',
      'PQRS',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import type { DeskSession } from '../../../domain/api/accounts-contract.js';
import { sameDeskSession } from '../../../renderer/src/desk/same-desk-session.js';

const shown: DeskSession = {
  setUp: true,
  user: { id: 3, loginName: 'cairang', displayName: '才让', role: 'MEDIATOR' },
  locked: false,
  idleLockMinutes: 5,
  roomName: '金峰调解委员会',
  mediatorsReadRoom: false,
  mediatorLinked: true,
};

describe('a polled session that changes nothing keeps the one on screen', () => {
  it('an equal answer (a new object) is the same session', () => {
    expect(sameDeskSession(shown, structuredClone(shown))).toBe(true);
    const nobody = { ...shown, user: null, mediatorLinked: false };
    expect(sameDeskSession(nobody, structuredClone(nobody))).toBe(true);
  });

  it('every field the screens read makes it another session', () => {
    const changes: Partial<DeskSession>[] = [
      { setUp: false },
      { locked: true },
      { idleLockMinutes: 10 },
      { roomName: null },
      { mediatorsReadRoom: true },
      { mediatorLinked: false },
      { user: null },
      { user: { ...shown.user!, id: 4 } },
      { user: { ...shown.user!, loginName: 'zhuoma' } },
      { user: { ...shown.user!, displayName: '卓玛' } },
      { user: { ...shown.user!, role: 'DIRECTOR' } },
    ];
    for (const change of changes) {
      expect(sameDeskSession(shown, { ...shown, ...change })).toBe(false);
    }
    // The list above names every field of the session: a new field must be compared too.
    expect(Object.keys(shown).sort()).toEqual(
      [
        'setUp',
        'user',
        'locked',
        'idleLockMinutes',
        'roomName',
        'mediatorsReadRoom',
        'mediatorLinked',
      ].sort(),
    );
  });
});

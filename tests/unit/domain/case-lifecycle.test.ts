import { describe, expect, it } from 'vitest';
import {
  CASE_ACTIONS,
  CASE_ACTION_LABELS,
  CASE_STATES,
  CASE_STATE_LABELS,
  CASE_TRANSITIONS,
  allowedActions,
  canAddSession,
  checkCanAddSession,
  isAwaitingOutcome,
  isOpen,
  isTerminal,
  nextState,
  type CaseAction,
  type CaseState,
} from '../../../domain/case-lifecycle';

// Written out independently of the table in domain/, from spec §4.2, so a slip in either shows.
const EXPECTED: Record<CaseState, Partial<Record<CaseAction, CaseState>>> = {
  INTAKE: { ACCEPT: 'ACCEPTED', REJECT: 'REJECTED' },
  ACCEPTED: {
    START_INVESTIGATION: 'INVESTIGATING',
    START_MEDIATION: 'MEDIATING',
    TERMINATE_REFUSED: 'TERMINATED_REFUSED',
    REFER: 'REFERRED',
  },
  REJECTED: {},
  INVESTIGATING: {
    START_MEDIATION: 'MEDIATING',
    TERMINATE_REFUSED: 'TERMINATED_REFUSED',
    REFER: 'REFERRED',
  },
  MEDIATING: {
    SETTLE_WRITTEN: 'SETTLED_WRITTEN',
    SETTLE_ORAL: 'SETTLED_ORAL',
    TERMINATE_FAILED: 'TERMINATED_FAILED',
    TERMINATE_REFUSED: 'TERMINATED_REFUSED',
    REFER: 'REFERRED',
  },
  SETTLED_WRITTEN: { START_PERFORMANCE: 'PERFORMING' },
  SETTLED_ORAL: { START_PERFORMANCE: 'PERFORMING' },
  TERMINATED_FAILED: { CLOSE: 'CLOSED' },
  TERMINATED_REFUSED: { CLOSE: 'CLOSED' },
  REFERRED: { RETURN_FROM_REFERRAL: 'MEDIATING', CLOSE: 'CLOSED' },
  PERFORMING: { START_FOLLOW_UP: 'FOLLOW_UP' },
  FOLLOW_UP: { CLOSE: 'CLOSED', REOPEN_MEDIATION: 'MEDIATING' },
  CLOSED: { ARCHIVE: 'ARCHIVED' },
  ARCHIVED: {},
};

const HAN = /[\u4e00-\u9fff]/;

describe('case lifecycle table', () => {
  it('has a Chinese label for every state and action', () => {
    for (const s of CASE_STATES) expect(CASE_STATE_LABELS[s]).toMatch(HAN);
    for (const a of CASE_ACTIONS) expect(CASE_ACTION_LABELS[a]).toMatch(HAN);
    for (const tr of CASE_TRANSITIONS) expect(tr.label).toMatch(HAN);
  });

  it('has no duplicate (from, action) rows', () => {
    const keys = CASE_TRANSITIONS.map((tr) => `${tr.from}/${tr.action}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('names the refused state as the spec example does', () => {
    expect(CASE_STATE_LABELS.TERMINATED_REFUSED).toBe('调解终止（一方拒绝）');
  });

  describe.each(CASE_STATES)('from %s', (state) => {
    it.each(CASE_ACTIONS)('action %s is legal iff expected, with the expected target', (action) => {
      const expected = EXPECTED[state][action];
      const result = nextState(state, action);
      if (expected === undefined) {
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.message).toContain(`案件当前状态为“${CASE_STATE_LABELS[state]}”`);
          expect(result.message).toContain(`“${CASE_ACTION_LABELS[action]}”`);
        }
        expect(allowedActions(state)).not.toContain(action);
      } else {
        expect(result).toEqual({ ok: true, to: expected });
        expect(allowedActions(state)).toContain(action);
      }
    });
  });

  it('reaches every state from INTAKE', () => {
    const seen = new Set<CaseState>(['INTAKE']);
    const queue: CaseState[] = ['INTAKE'];
    while (queue.length > 0) {
      const s = queue.shift() as CaseState;
      for (const a of allowedActions(s)) {
        const r = nextState(s, a);
        if (r.ok && !seen.has(r.to)) {
          seen.add(r.to);
          queue.push(r.to);
        }
      }
    }
    expect([...seen].sort()).toEqual([...CASE_STATES].sort());
  });

  it('lets every non-terminal state eventually reach ARCHIVED or REJECTED', () => {
    for (const start of CASE_STATES) {
      const seen = new Set<CaseState>([start]);
      const queue: CaseState[] = [start];
      while (queue.length > 0) {
        const s = queue.shift() as CaseState;
        for (const tr of CASE_TRANSITIONS.filter((x) => x.from === s)) {
          if (!seen.has(tr.to)) {
            seen.add(tr.to);
            queue.push(tr.to);
          }
        }
      }
      expect(seen.has('ARCHIVED') || seen.has('REJECTED')).toBe(true);
    }
  });
});

describe('terminal and open states', () => {
  it('ARCHIVED has no exits and says so', () => {
    expect(allowedActions('ARCHIVED')).toEqual([]);
    expect(isTerminal('ARCHIVED')).toBe(true);
    const r = nextState('ARCHIVED', 'CLOSE');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('不能再变更');
  });

  it('only REJECTED and ARCHIVED are terminal', () => {
    expect(CASE_STATES.filter(isTerminal)).toEqual(['REJECTED', 'ARCHIVED']);
  });

  it('open means not rejected, closed or archived', () => {
    expect(CASE_STATES.filter((s) => !isOpen(s))).toEqual(['REJECTED', 'CLOSED', 'ARCHIVED']);
  });

  it('awaiting outcome covers accepted cases without an outcome', () => {
    expect(CASE_STATES.filter(isAwaitingOutcome)).toEqual([
      'ACCEPTED',
      'INVESTIGATING',
      'MEDIATING',
      'REFERRED',
    ]);
  });

  it('suggests the possible actions in the refusal message', () => {
    const r = nextState('MEDIATING', 'ARCHIVE');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('“达成书面协议”');
  });
});

describe('sessions', () => {
  it('are allowed only while accepted, investigating or mediating', () => {
    expect(CASE_STATES.filter(canAddSession)).toEqual(['ACCEPTED', 'INVESTIGATING', 'MEDIATING']);
  });

  it.each(['TERMINATED_REFUSED', 'TERMINATED_FAILED', 'CLOSED'] as const)(
    'are refused after %s with a message naming the state',
    (state) => {
      expect(canAddSession(state)).toBe(false);
      const check = checkCanAddSession(state);
      expect(check).toEqual({
        ok: false,
        message: `案件当前状态为“${CASE_STATE_LABELS[state]}”，不能再添加调解记录`,
      });
    },
  );

  it('are allowed again once a referral comes back', () => {
    expect(canAddSession('REFERRED')).toBe(false);
    const back = nextState('REFERRED', 'RETURN_FROM_REFERRAL');
    expect(back.ok && canAddSession(back.to)).toBe(true);
  });

  it('give a Chinese reason in every blocked state', () => {
    for (const s of CASE_STATES) {
      const check = checkCanAddSession(s);
      expect(check.ok).toBe(canAddSession(s));
      if (!check.ok) expect(check.message).toMatch(HAN);
    }
  });
});

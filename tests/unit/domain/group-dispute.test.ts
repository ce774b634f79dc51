import { describe, expect, it } from 'vitest';
import {
  GROUP_DISPUTE_MIN_PERSONS,
  groupTickByHand,
  groupTickFor,
  NO_GROUP_TICK,
  reachesGroupThreshold,
  type GroupTick,
} from '../../../domain/cases/group-dispute.js';
import * as riskFactors from '../../../domain/taxonomy/risk-factors.js';
import { subsidyFactsOf } from '../../../domain/subsidy/volume-evidence.js';

/** Issue 8: the intake's 群体性纠纷 box follows the party count until the mediator decides. */
describe('群体性纠纷 by the number of persons', () => {
  const min = GROUP_DISPUTE_MIN_PERSONS;

  it('takes its threshold from the MANY_PARTIES risk factor (10 persons, domain §4.5)', () => {
    const row = riskFactors.rows.find((r) => r.code === 'MANY_PARTIES');
    expect(row && 'threshold' in row ? row.threshold.value : null).toBe(min);
    expect(min).toBe(10);
    expect(reachesGroupThreshold(min - 1)).toBe(false);
    expect(reachesGroupThreshold(min)).toBe(true);
  });

  /** The box after each count in turn, starting unticked. */
  const walk = (counts: readonly number[], start: GroupTick = NO_GROUP_TICK) =>
    counts.reduce<GroupTick[]>((seen, n) => [...seen, groupTickFor(n, seen.at(-1) ?? start)], []);

  it('ticks itself when the count reaches the threshold, and unticks what it ticked below it', () => {
    const steps = walk([2, min - 1, min, min + 4, min - 1, 3]);
    expect(steps.map((s) => s.ticked)).toEqual([false, false, true, true, false, false]);
    expect(steps[2]).toEqual({ ticked: true, auto: true, declined: false });
  });

  it('stays unticked after the mediator unticks it, however many rows follow', () => {
    const auto = walk([min]).at(-1)!;
    const declined = groupTickByHand(min, false);
    expect(declined).toEqual({ ticked: false, auto: false, declined: true });
    expect(walk([min + 1, min + 5, 30], declined).every((s) => !s.ticked && s.declined)).toBe(true);
    expect(auto.ticked).toBe(true);
    // Below the threshold the decision is forgotten: reaching it again asks again.
    const again = walk([min - 2, min], declined);
    expect(again.map((s) => s.ticked)).toEqual([false, true]);
  });

  it('never unticks a box the mediator ticked, at any count', () => {
    const byHand = groupTickByHand(2, true);
    expect(walk([1, min, 3, 0], byHand).every((s) => s.ticked && !s.auto)).toBe(true);
  });

  it('the subsidy facts use the same threshold', () => {
    const facts = (persons: number) =>
      subsidyFactsOf({
        category: 'NEIGHBOUR',
        subtype: null,
        source: 'ON_APPLICATION',
        persons,
        agreementAmountFen: 0,
        amountClaimedFen: null,
        sessions: 1,
        riskLevel: 'LOW',
        isDifficult: false,
        riskFactors: [],
        crossArea: false,
      }).isGroup;
    expect(facts(min - 1)).toBe(false);
    expect(facts(min)).toBe(true);
  });
});

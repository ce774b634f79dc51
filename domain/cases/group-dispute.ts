import * as riskFactors from '../taxonomy/risk-factors.js';

/**
 * 群体性纠纷 by the number of persons (domain §4.5: "many parties, e.g. ≥10 persons in one local
 * rule"). The threshold is the MANY_PARTIES risk factor's data, so a county that counts
 * differently changes one row.
 */
export const GROUP_DISPUTE_MIN_PERSONS: number =
  riskFactors.rows.find((r) => r.code === 'MANY_PARTIES' && 'threshold' in r)?.threshold?.value ??
  10;

export function reachesGroupThreshold(persons: number): boolean {
  return persons >= GROUP_DISPUTE_MIN_PERSONS;
}

/**
 * The intake form's 群体性纠纷 box as the party count changes. The form ticks it by itself when
 * the count reaches the threshold; the mediator may untick it (a family of ten is not a group
 * dispute), and then it stays unticked however many more rows are added. A box the form ticked
 * by itself is unticked again if rows are removed below the threshold; a box the mediator ticked
 * is never touched.
 */
export interface GroupTick {
  readonly ticked: boolean;
  /** The form ticked it (not the mediator). */
  readonly auto: boolean;
  /** The mediator unticked it while the count was at or above the threshold. */
  readonly declined: boolean;
}

export const NO_GROUP_TICK: GroupTick = { ticked: false, auto: false, declined: false };

/** The box after the count became `persons` (the box itself may have been changed by hand). */
export function groupTickFor(persons: number, box: GroupTick): GroupTick {
  if (!reachesGroupThreshold(persons)) {
    if (box.ticked && box.auto) return NO_GROUP_TICK;
    return { ...box, declined: false };
  }
  if (!box.ticked && !box.declined) return { ticked: true, auto: true, declined: false };
  return box;
}

/** The mediator ticked or unticked the box by hand at `persons`. */
export function groupTickByHand(persons: number, ticked: boolean): GroupTick {
  return { ticked, auto: false, declined: !ticked && reachesGroupThreshold(persons) };
}

import type { DuplicateMatch } from '../../../../domain/cases/case-views';

/** No card has a warning: one array, so "still none" is the same state and draws nothing. */
export const NO_DUPLICATES: readonly DuplicateMatch[] = [];

/**
 * What the duplicate probe's answer leaves on the cards: the matches with open cases, listed or
 * not (a 调解员 or 登记员 is told of another's cases only by their count, §7.3: such a match still
 * warns); a card shows nothing for the others. The state the intake keeps is the very one it
 * had when that is unchanged: the probe answers after every blur, the save's click among them,
 * and a new array rebuilds the whole memoised form (antd then redraws every field: ~1,700 DOM
 * elements for 15 parties, in the middle of the save).
 */
export function keepShownDuplicates(
  shown: readonly DuplicateMatch[],
  answered: readonly DuplicateMatch[],
): readonly DuplicateMatch[] {
  const next = answered.filter((m) => m.cases.length + m.unlistedCaseCount > 0);
  if (next.length === 0) return NO_DUPLICATES;
  return JSON.stringify(next) === JSON.stringify(shown) ? shown : next;
}

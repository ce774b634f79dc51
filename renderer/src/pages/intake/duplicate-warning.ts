import type { DuplicateMatch } from '../../../../domain/cases/case-views';

/**
 * A card's duplicate warning, only when the party has cases, listed or not: the probe answers
 * for every party, and a new empty answer for each card would re-render all of them after every
 * blur. A 登记员 (or 调解员) is told of the cases others registered (or handle) by their count
 * alone (`unlistedCaseCount`), often with none listed: that is still a warning.
 */
export function matchOf(
  duplicates: readonly DuplicateMatch[],
  index: number,
): DuplicateMatch | undefined {
  const match = duplicates.find((d) => d.index === index);
  return match && match.cases.length + match.unlistedCaseCount > 0 ? match : undefined;
}

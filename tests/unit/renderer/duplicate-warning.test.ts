import { describe, expect, it } from 'vitest';
import type { DuplicateMatch } from '../../../domain/cases/case-views.js';
import { matchOf } from '../../../renderer/src/pages/intake/duplicate-warning.js';

const match = (index: number, listed: number, unlisted: number): DuplicateMatch =>
  ({
    index,
    openCaseCount: listed + unlisted,
    cases: Array.from({ length: listed }, (_, i) => ({ caseId: i + 1 })),
    unlistedCaseCount: unlisted,
  }) as unknown as DuplicateMatch;

describe('the intake card’s duplicate warning', () => {
  it('warns of cases listed or only counted, and of none when the party has none', () => {
    const answer = [match(0, 1, 0), match(1, 0, 2), match(2, 0, 0)];
    expect(matchOf(answer, 0)?.cases).toHaveLength(1);
    // a 登记员's usual answer: every open case of the party registered by someone else
    expect(matchOf(answer, 1)?.unlistedCaseCount).toBe(2);
    expect(matchOf(answer, 2)).toBeUndefined();
    expect(matchOf(answer, 3)).toBeUndefined();
  });
});

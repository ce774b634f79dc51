import { describe, expect, it } from 'vitest';
import type { DuplicateMatch } from '../../../domain/cases/case-views';
import {
  keepShownDuplicates,
  NO_DUPLICATES,
} from '../../../renderer/src/pages/intake/shown-duplicates';

const none = (index: number): DuplicateMatch => ({
  index,
  openCaseCount: 0,
  cases: [],
  unlistedCaseCount: 0,
});
const found = (index: number, caseId = 7): DuplicateMatch => ({
  index,
  openCaseCount: 1,
  cases: [
    {
      caseId,
      caseNumber: null,
      title: '草场边界纠纷',
      status: 'ACCEPTED',
      partyName: '王芳',
      matchedBy: 'ID_NUMBER',
    },
  ],
  unlistedCaseCount: 0,
});

/**
 * The duplicate probe answers after every blur, the save's click among them, with one match per
 * party. The intake keeps its state (the very array) unless what the cards show changes: a new
 * array rebuilds the memoised 15-party form and antd redraws every field in the middle of a save.
 */
describe('keepShownDuplicates', () => {
  it('keeps "no warnings" as the one empty array, whatever the answer holds', () => {
    const answer = Array.from({ length: 15 }, (_, i) => none(i));
    expect(keepShownDuplicates(NO_DUPLICATES, answer)).toBe(NO_DUPLICATES);
    expect(keepShownDuplicates(NO_DUPLICATES, [])).toBe(NO_DUPLICATES);
  });

  it('keeps the shown warnings when a later answer repeats them', () => {
    const shown = keepShownDuplicates(NO_DUPLICATES, [none(0), found(1)]);
    expect(shown).toEqual([found(1)]);
    expect(keepShownDuplicates(shown, [none(0), found(1), none(2)])).toBe(shown);
  });

  it("keeps a match whose open cases are all another's (only their count is told)", () => {
    const unlisted: DuplicateMatch = { ...none(2), openCaseCount: 1, unlistedCaseCount: 1 };
    const shown = keepShownDuplicates(NO_DUPLICATES, [none(0), unlisted]);
    expect(shown).toEqual([unlisted]);
    expect(keepShownDuplicates(shown, [none(0), unlisted])).toBe(shown);
  });

  it('changes when a warning appears, changes or goes', () => {
    const shown = keepShownDuplicates(NO_DUPLICATES, [found(1)]);
    expect(keepShownDuplicates(shown, [found(1, 8)])).toEqual([found(1, 8)]);
    expect(keepShownDuplicates(shown, [found(1), found(3)])).toEqual([found(1), found(3)]);
    expect(keepShownDuplicates(shown, [none(1)])).toBe(NO_DUPLICATES);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { diffFields } from '../../../db/history/change-history.js';

/**
 * A correction diffs the case's ~40 fields and the party's ~25 to find the one or two it
 * changed; every field used to cost two JSON strings (issue 8: the commit's tail is GC).
 */
const before: Record<string, unknown> = {
  requests: ['确认草场边界'],
  courtExtension: null,
  mediatorIds: [1, 2],
};
for (let i = 0; i < 40; i += 1) before[`field${i}`] = `2026-03-${10 + (i % 20)}`;
const after = { ...before, field7: '2026-04-01', requests: ['确认草场边界'], mediatorIds: [2, 1] };

describe('diffFields', () => {
  it('finds changed values, equal lists by their content, masks the sensitive', () => {
    expect(diffFields(before, after, new Set(['field7']))).toEqual([
      { field: 'mediatorIds', oldValue: [1, 2], newValue: [2, 1], sensitive: false },
      { field: 'field7', oldValue: '2026-03-17', newValue: '2026-04-01', sensitive: true },
    ]);
    expect(diffFields({ note: undefined }, { note: null })).toEqual([]);
  });

  it('makes no text for a field whose value is the same', () => {
    // counted, not weighed: a heap figure taken inside the full suite carries the worker's own
    // allocations (the first CI of the merge saw 2.4 KB against 1.2)
    const same = { ...before };
    const stringify = vi.spyOn(JSON, 'stringify');
    try {
      expect(diffFields(before, same)).toEqual([]);
      expect(stringify).not.toHaveBeenCalled();
      expect(diffFields(before, after)).toHaveLength(2);
      expect(stringify.mock.calls.length).toBeGreaterThan(0);
    } finally {
      stringify.mockRestore();
    }
  });
});

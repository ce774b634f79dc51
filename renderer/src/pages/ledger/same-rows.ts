import type { LedgerRow } from '../../../../domain/cases/case-views';

/** The same value, or arrays of the same values. */
export const sameValue = (a: unknown, b: unknown): boolean =>
  Object.is(a, b) ||
  (Array.isArray(a) &&
    Array.isArray(b) &&
    a.length === b.length &&
    a.every((item, i) => Object.is(item, b[i])));

/** Objects with the same keys holding the same values (`sameValue`). */
export const sameFields = (a: object, b: object): boolean => {
  const before = a as Record<string, unknown>;
  const after = b as Record<string, unknown>;
  const keys = Object.keys(before);
  return (
    keys.length === Object.keys(after).length &&
    keys.every((key) => sameValue(before[key], after[key]))
  );
};

/**
 * A new page of rows in which every row equal to one already on screen is that same object:
 * the table's cells compare rows by identity, so a new query's answer redraws only the rows
 * whose data changed (typing 王 → 王芳 keeps most of them).
 */
export function keepSameRows(
  shown: readonly LedgerRow[],
  answered: readonly LedgerRow[],
): readonly LedgerRow[] {
  const byId = new Map(shown.map((row) => [row.id, row]));
  let changed = answered.length !== shown.length;
  const rows = answered.map((row, i) => {
    const old = byId.get(row.id);
    const kept = old && sameFields(old, row) ? old : row;
    if (kept !== shown[i]) changed = true;
    return kept;
  });
  // The same rows in the same order: the very array on screen.
  return changed ? rows : shown;
}

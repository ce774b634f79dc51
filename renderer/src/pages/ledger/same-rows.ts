import type { LedgerRow } from '../../../../domain/cases/case-views';

const sameValue = (a: unknown, b: unknown): boolean =>
  Object.is(a, b) ||
  (Array.isArray(a) &&
    Array.isArray(b) &&
    a.length === b.length &&
    a.every((item, i) => Object.is(item, b[i])));

const sameRow = (a: LedgerRow, b: LedgerRow): boolean => {
  const keys = Object.keys(a) as (keyof LedgerRow)[];
  return keys.length === Object.keys(b).length && keys.every((key) => sameValue(a[key], b[key]));
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
    const kept = old && sameRow(old, row) ? old : row;
    if (kept !== shown[i]) changed = true;
    return kept;
  });
  // The same rows in the same order: the very array on screen.
  return changed ? rows : shown;
}

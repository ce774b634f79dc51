import { isValidElement, type HTMLAttributes, type TdHTMLAttributes } from 'react';
import type { LedgerRow } from '../../../../domain/cases/case-views';
import { sameFields, sameValue } from './same-rows';

// When the ledger table's row and cell elements (LedgerTableParts.tsx) are drawn again. antd's
// Table redraws every row's `<tr>` and every cell's `<td>` whenever it renders: its rows re-render
// on each render (rc-table's "immutable mark"), and its cells follow that mark through a context,
// past any memoised parent. So a new page of rows in which one case changed drew all 50 rows.

/** What the ledger's `onRow` hands its row element: the row's case besides the DOM attributes. */
export interface LedgerRowProps extends HTMLAttributes<object> {
  /** The case the row shows (absent on the table's "no cases" row). Not a DOM attribute. */
  readonly ledgerRow?: LedgerRow;
}

export type LedgerCellProps = TdHTMLAttributes<object>;

// A cell's props that follow the row's place only: with row hover off and renders that read the
// row alone, a row that moved draws the same cells.
const PLACE_PROPS = new Set(['index', 'renderIndex']);

const sameObjectOrFields = (a: unknown, b: unknown) =>
  sameValue(a, b) ||
  (typeof a === 'object' &&
    typeof b === 'object' &&
    a !== null &&
    b !== null &&
    !isValidElement(a) &&
    !isValidElement(b) &&
    sameFields(a, b));

/** rc-table's cell element, the same but for the row's place and per-render objects. */
const sameCellElement = (a: unknown, b: unknown): boolean => {
  if (!isValidElement(a) || !isValidElement(b)) return Object.is(a, b);
  if (a.type !== b.type || a.key !== b.key) return false;
  const before = a.props as Record<string, unknown>;
  const after = b.props as Record<string, unknown>;
  const keys = Object.keys(before);
  return (
    keys.length === Object.keys(after).length &&
    keys.every((key) => PLACE_PROPS.has(key) || sameObjectOrFields(before[key], after[key]))
  );
};

/**
 * A row is not drawn again while it shows the same case object (keepSameRows keeps an unchanged
 * case's object) with the same class and cells that are the same but for the row's place: the
 * column-level props (e.g. the sorted column's class) are compared, the row's cells redrawn when
 * they change. Its click handler is the one of its first render, which opens the same case. Row
 * hover is CSS (`rowHoverable` off): a kept row's cells keep the row index of their first
 * render, which rc-table's hover would otherwise match against another row.
 */
export const rowUnchanged = (before: LedgerRowProps, after: LedgerRowProps): boolean => {
  if (before.ledgerRow === undefined || before.ledgerRow !== after.ledgerRow) return false;
  if (before.className !== after.className) return false;
  const cells = before.children;
  const next = after.children;
  return (
    Array.isArray(cells) &&
    Array.isArray(next) &&
    cells.length === next.length &&
    cells.every((cell, i) => sameCellElement(cell, next[i]))
  );
};

/**
 * A cell is not drawn again while every attribute is the same: rc-table builds a new style object
 * and a new list of children for each render, so those are compared item by item (a cell whose
 * row is unchanged keeps its content element: the columns' `shouldCellUpdate`).
 */
export const cellUnchanged = (before: LedgerCellProps, after: LedgerCellProps): boolean => {
  const keys = Object.keys(before) as (keyof LedgerCellProps)[];
  return (
    keys.length === Object.keys(after).length &&
    keys.every((key) => {
      const a = before[key];
      const b = after[key];
      if (key === 'children') return sameValue(a, b);
      if (key === 'style' && a && b) return sameFields(a, b);
      return Object.is(a, b);
    })
  );
};

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/** The same drawing: elements of the same type and key whose props draw the same (handlers aside). */
const sameDrawing = (a: unknown, b: unknown): boolean => {
  if (Object.is(a, b) || (typeof a === 'function' && typeof b === 'function')) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, i) => sameDrawing(item, b[i]));
  if (isValidElement(a) && isValidElement(b))
    return a.type === b.type && a.key === b.key && sameDrawing(a.props, b.props);
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length && keys.every((key) => sameDrawing(a[key], b[key]))
    );
  }
  return false;
};

/**
 * The header (its `<thead>`, row and cells) is not drawn again while it draws the same (title, sorter
 * arrows, class, `aria-sort`): rc-table renders its header with every answer, with a new title
 * element and new click handlers each time. The kept handlers are those of its last drawing,
 * made for the same sort state, which `aria-sort` and the class show: a new sort redraws the
 * cells whose order changed. The ledger sorts by one column at a time and reads only the sorter
 * from antd's change event, so the other columns' kept handlers send the same sort.
 */
export const headerUnchanged = (
  before: HTMLAttributes<object>,
  after: HTMLAttributes<object>,
): boolean => sameDrawing(before, after);

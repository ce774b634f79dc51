import type { HTMLAttributes, TdHTMLAttributes } from 'react';
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

/**
 * A row is not drawn again while it shows the same case object (keepSameRows keeps an unchanged
 * case's object) with the same class: its cells show nothing but that case. Its click handler is
 * the one of its first render, which opens the same case. Row hover is CSS (`rowHoverable` off):
 * a kept row's cells keep the row index of their first render, which rc-table's hover would
 * otherwise match against another row.
 */
export const rowUnchanged = (before: LedgerRowProps, after: LedgerRowProps): boolean =>
  before.ledgerRow !== undefined &&
  before.ledgerRow === after.ledgerRow &&
  before.className === after.className;

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

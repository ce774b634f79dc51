import type { TableProps } from 'antd';
import { memo } from 'react';
import type { LedgerRow } from '../../../../domain/cases/case-views';
import {
  cellUnchanged,
  rowUnchanged,
  type LedgerCellProps,
  type LedgerRowProps,
} from './table-redraw';

function TableRow({ ledgerRow: _shown, ...attributes }: LedgerRowProps) {
  return <tr {...attributes} />;
}

function TableCell(props: LedgerCellProps) {
  return <td {...props} />;
}

function HeaderCell(props: LedgerCellProps) {
  return <th {...props} />;
}

/**
 * The ledger table's row and cell elements (antd's `components`): drawn again only when what
 * they show changed (table-redraw.ts), so an answer that changes one case draws its row alone.
 */
export const LEDGER_TABLE_PARTS: TableProps<LedgerRow>['components'] = {
  header: { cell: memo(HeaderCell, cellUnchanged) },
  body: { row: memo(TableRow, rowUnchanged), cell: memo(TableCell, cellUnchanged) },
};

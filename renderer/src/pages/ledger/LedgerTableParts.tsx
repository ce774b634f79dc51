import type { TableProps } from 'antd';
import { memo, type HTMLAttributes } from 'react';
import type { LedgerRow } from '../../../../domain/cases/case-views';
import {
  cellUnchanged,
  headerUnchanged,
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

function HeaderRow(props: HTMLAttributes<object>) {
  return <tr {...props} />;
}

function HeaderWrapper(props: HTMLAttributes<object>) {
  return <thead {...props} />;
}

/**
 * The ledger table's row and cell elements (antd's `components`): drawn again only when what
 * they show changed (table-redraw.ts), so an answer that changes one case draws its row alone,
 * and an answer that changes only rows does not draw the header.
 */
export const LEDGER_TABLE_PARTS: TableProps<LedgerRow>['components'] = {
  header: {
    wrapper: memo(HeaderWrapper, headerUnchanged),
    row: memo(HeaderRow, headerUnchanged),
    cell: memo(HeaderCell, headerUnchanged),
  },
  body: { row: memo(TableRow, rowUnchanged), cell: memo(TableCell, cellUnchanged) },
};

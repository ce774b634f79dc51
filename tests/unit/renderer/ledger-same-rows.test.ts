import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { LedgerRow } from '../../../domain/cases/case-views';
import { keepSameRows } from '../../../renderer/src/pages/ledger/same-rows';
import {
  cellUnchanged,
  headerUnchanged,
  rowUnchanged,
} from '../../../renderer/src/pages/ledger/table-redraw';

const row = (id: number, title = `案件${id}`): LedgerRow => ({
  id,
  version: 1,
  caseNumber: null,
  title,
  status: 'ACCEPTED',
  category: 'FOREST_LAND',
  subtype: 'GRASSLAND',
  source: 'ON_APPLICATION',
  riskLevel: 'MEDIUM',
  intakeDate: '2026-03-02',
  acceptedDate: null,
  dueDate: null,
  overdue: false,
  partyNames: ['王芳', '卓玛'],
  mediatorIds: [],
});

/** The ledger table redraws a row's cells only when the row is a new object. */
describe('keepSameRows', () => {
  it('keeps the object of a row whose data did not change, wherever it moved', () => {
    const shown = [row(1), row(2), row(3)];
    const answered = [row(3), row(1), row(4)];
    const kept = keepSameRows(shown, answered);
    expect(kept[0]).toBe(shown[2]);
    expect(kept[1]).toBe(shown[0]);
    expect(kept[2]).toBe(answered[2]);
  });

  it('takes the new object of a row whose data changed, a party name included', () => {
    const shown = [row(1), row(2)];
    const renamed = { ...row(2), partyNames: ['王芳', '卓玛', '巴特尔'] };
    const kept = keepSameRows(shown, [row(1, '改过的标题'), renamed]);
    expect(kept[0]).not.toBe(shown[0]);
    expect(kept[0]!.title).toBe('改过的标题');
    expect(kept[1]).toBe(renamed);
  });

  it('returns the very array on screen when the answer has the same rows in the same order', () => {
    const shown = [row(1), row(2)];
    expect(keepSameRows(shown, [row(1), row(2)])).toBe(shown);
    expect(keepSameRows(shown, [row(1)])).not.toBe(shown);
    expect(keepSameRows(shown, [row(2), row(1)])).not.toBe(shown);
  });
});

/** The table's row and cell elements are drawn again only when what they show changed. */
describe('ledger table parts', () => {
  it('keeps a row drawn while it shows the same case object with the same class and cells', () => {
    const shown = row(1);
    // rc-table's cell elements: the case, the column's class, the row's place, per-render objects.
    const cells = (index: number, sorted = 'intakeDate') =>
      ['intakeDate', 'acceptedDate'].map((key) =>
        createElement('td', {
          key,
          record: shown,
          index,
          renderIndex: index,
          className: key === sorted ? 'ant-table-column-sort' : undefined,
          additionalProps: {},
        }),
      );
    const drawn = { ledgerRow: shown, className: 'ledger-row', children: cells(0) };
    // Moved to another place, with a new click handler: the same drawing.
    expect(rowUnchanged(drawn, { ...drawn, onClick: () => undefined, children: cells(3) })).toBe(
      true,
    );
    // Sorted by another column: the cells' classes change.
    expect(rowUnchanged(drawn, { ...drawn, children: cells(0, 'acceptedDate') })).toBe(false);
    // A changed case is a new object (keepSameRows), even with the same id.
    expect(rowUnchanged(drawn, { ...drawn, ledgerRow: row(1, '改过的标题') })).toBe(false);
    expect(rowUnchanged(drawn, { ...drawn, className: 'ledger-row ledger-row-overdue' })).toBe(
      false,
    );
    // The "no cases" row has no case: always drawn.
    expect(rowUnchanged({ className: 'x' }, { className: 'x' })).toBe(false);
  });

  it('keeps a cell drawn while its attributes, style and content are the same', () => {
    const content = createElement('span', null, '王芳');
    const drawn = { className: 'ant-table-cell', style: { width: 10 }, children: [null, content] };
    expect(
      cellUnchanged(drawn, { ...drawn, style: { width: 10 }, children: [null, content] }),
    ).toBe(true);
    expect(
      cellUnchanged(drawn, { ...drawn, children: [null, createElement('span', null, '王芳')] }),
    ).toBe(false);
    expect(cellUnchanged(drawn, { ...drawn, style: { width: 12 } })).toBe(false);
    expect(cellUnchanged(drawn, { ...drawn, style: undefined })).toBe(false);
    expect(
      cellUnchanged(drawn, { ...drawn, className: 'ant-table-cell ant-table-column-sort' }),
    ).toBe(false);
    expect(cellUnchanged({ children: '王芳' }, { children: '王芳' })).toBe(true);
    // A handler that changed is drawn: it may act differently.
    expect(cellUnchanged({ onClick: () => 1 }, { onClick: () => 2 })).toBe(false);
  });

  it('keeps a header cell drawn while it draws the same, whatever handlers it is handed', () => {
    // What rc-table hands a sortable header cell at each render: new handlers, style, title element.
    const cell = (sort: 'ascending' | undefined, title = '登记日期') => ({
      className: sort ? 'ant-table-cell ant-table-column-sort' : 'ant-table-cell',
      'aria-sort': sort,
      style: { textAlign: 'left' as const },
      onClick: () => undefined,
      children: [
        createElement(
          'div',
          { className: 'sorters', onMouseEnter: () => undefined },
          createElement('span', { className: 'title' }, title),
          createElement('span', { className: sort ? 'up active' : 'up' }),
        ),
      ],
    });
    expect(headerUnchanged(cell(undefined), cell(undefined))).toBe(true);
    // Sorted by it: its class, aria-sort and arrow change.
    expect(headerUnchanged(cell(undefined), cell('ascending'))).toBe(false);
    expect(headerUnchanged(cell(undefined), cell(undefined, '受理日期'))).toBe(false);
    const row = (cells: ReturnType<typeof cell>[]) => ({
      children: cells.map((props, i) => createElement('th', { ...props, key: i })),
    });
    expect(headerUnchanged(row([cell(undefined)]), row([cell(undefined)]))).toBe(true);
    expect(headerUnchanged(row([cell(undefined)]), row([cell(undefined), cell(undefined)]))).toBe(
      false,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { sharedBrowser } from './support/browser';
import { callApi, openDesk, setUpRoom } from './support/desk';
import { grasslandIntake } from './support/grassland-intake';
import { takeRenders, watchRenders } from './support/render-count';

const CASES = 51;
const COLUMNS = 9;
// A loaded machine may take seconds for a step: vitest's poll gives up after one by default.
const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 60_000 });

/**
 * Issue 13, the search keystroke: an answer in which one case of the page of 50 changed draws
 * that case's row, not the 50 rows and their cells again (antd's Table redraws every row and
 * `<td>` whenever it renders). Elements drawn inside the results are counted through React's
 * DevTools hook, per commit: no timing involved. The kept rows still open their own case, and
 * a row under the mouse is still highlighted (by CSS now).
 */
describe('ledger rows drawn per answer (real ledger, Chromium)', () => {
  const browser = sharedBrowser();

  it('an answer that changes one row of 50 draws that row alone', async () => {
    const desk = await openDesk(browser(), 'row-renders');
    const { page } = desk;
    page.setDefaultTimeout(60_000);
    try {
      await watchRenders(page, 'LedgerPage', '[data-testid="ledger-results"]');
      await setUpRoom(page, desk.host.url, '金峰');
      // Case 1 is 甲组 alone, case 51 乙组 alone, the others both: 甲组 finds cases 1-50 and
      // 乙组 cases 2-51, so one row of the 50 changes (and the others move by one place).
      const ids: number[] = [];
      for (let i = 1; i <= CASES; i += 1) {
        const group = i === 1 ? '甲组' : i === CASES ? '乙组' : '甲组乙组';
        const saved = await callApi(
          page,
          'cases.create',
          grasslandIntake(`第${i}起纠纷${group}`) as never,
        );
        ids.push(saved.case.id);
      }
      const [first, kept, last] = [ids[0]!, ids[29]!, ids[CASES - 1]!];
      await page.getByRole('menuitem', { name: '案件台账' }).click();
      const rows = page.locator('.ant-table-tbody tr.ledger-row');
      const results = page.getByTestId('ledger-results');
      const box = page.getByTestId('ledger-search').locator('input');
      await box.fill('甲组');
      await eventually(() => results.getAttribute('data-shown-query')).toBe('甲组');
      await eventually(() => rows.count()).toBe(50);
      await page.getByTestId(`ledger-row-${first}`).waitFor();

      await takeRenders(page);
      await box.fill('乙组');
      await eventually(() => results.getAttribute('data-shown-query')).toBe('乙组');
      await page.getByTestId(`ledger-row-${last}`).waitFor();
      await eventually(() => page.getByTestId(`ledger-row-${first}`).count()).toBe(0);
      await eventually(() => rows.count()).toBe(50);
      const drawn = await takeRenders(page);
      // The new case's row and its cells; the 49 kept rows not at all (before the change: 50
      // rows, 450 cells, ~570 elements in the results).
      expect(drawn.rowsInArea).toBe(1);
      expect(drawn.cellsInArea).toBe(COLUMNS);
      // Not the header's sortable titles (46 elements before) nor the pager (16): same sort, same
      // total, same page.
      expect({ header: drawn.headerInArea, pager: drawn.pagerInArea }).toEqual({
        header: 0,
        pager: 0,
      });
      expect(drawn.elementsInArea).toBeLessThan(150);

      // Sorted by 登记日期 (all cases have the same, so most rows keep their case): every row,
      // kept ones included, marks that column as the sorted one, not 受理日期 any more.
      await page.getByRole('columnheader', { name: '登记日期' }).click();
      const sortedCells = page.locator('.ant-table-tbody tr.ledger-row td.ant-table-column-sort');
      await eventually(() => sortedCells.count()).toBe(50);
      const intakeColumn = page.locator('.ant-table-tbody tr.ledger-row td:nth-child(7)');
      await eventually(() =>
        intakeColumn.evaluateAll(
          (cells) => cells.filter((td) => td.classList.contains('ant-table-column-sort')).length,
        ),
      ).toBe(50);
      const header = (name: string) => page.getByRole('columnheader', { name });
      await eventually(() => header('登记日期').getAttribute('aria-sort')).toBe('ascending');
      expect(await header('受理日期').getAttribute('aria-sort')).toBeNull();

      // After answers that did not draw the header, its kept cells still sort: 办理期限 (drawn
      // with the first page, before 登记日期 was sorted) takes the sort over, 登记日期 gives it up.
      await box.fill('甲组');
      await eventually(() => results.getAttribute('data-shown-query')).toBe('甲组');
      await page.getByTestId(`ledger-row-${first}`).waitFor();
      await header('办理期限').click();
      await eventually(() => header('办理期限').getAttribute('aria-sort')).toBe('ascending');
      expect(await header('登记日期').getAttribute('aria-sort')).toBeNull();
      const dueColumn = page.locator('.ant-table-tbody tr.ledger-row td:nth-child(9)');
      await eventually(() =>
        dueColumn.evaluateAll(
          (cells) => cells.filter((td) => td.classList.contains('ant-table-column-sort')).length,
        ),
      ).toBe(50);
      await header('办理期限').click();
      await eventually(() => header('办理期限').getAttribute('aria-sort')).toBe('descending');

      // A row under the mouse is highlighted like antd's (its row-hover colour).
      const keptRow = page.getByTestId(`ledger-row-${kept}`);
      await keptRow.hover();
      await eventually(() =>
        keptRow
          .locator('td')
          .first()
          .evaluate((td) => getComputedStyle(td).backgroundColor),
      ).toBe('rgb(250, 250, 250)');
      // A kept row (drawn for the first answer, at another place) opens its own case.
      await keptRow.click();
      await eventually(() => page.getByTestId('case-title').textContent()).toContain('第30起纠纷');
      expect(desk.errors).toEqual([]);
    } finally {
      await desk.close();
    }
  }, 300_000);
});

import type { Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sharedBrowser } from './support/browser';
import { callApi, openDesk, setUpRoom } from './support/desk';
import { grasslandIntake } from './support/grassland-intake';
import {
  elementsAtRequest,
  markElementsAtRequest,
  takeRenders,
  watchRenders,
} from './support/render-count';

const CASES = 12;
// A loaded machine may take seconds for a step: vitest's poll gives up after one by default.
const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 60_000 });

/**
 * Issue 13, the search keystroke: a key typed in the ledger's search box redraws the box, not the
 * page, the menu and the table; a new query's answer redraws the rows whose data changed, not
 * every cell of the page of rows. DOM elements drawn are counted through React's DevTools hook,
 * per commit: no timing involved. Typing fast still shows only the newest query's rows.
 */
describe('ledger search keystroke (real ledger, Chromium)', () => {
  const browser = sharedBrowser();

  it('draws little per keystroke and shows the newest query’s rows', async () => {
    const desk = await openDesk(browser(), 'search-renders');
    const { page } = desk;
    page.setDefaultTimeout(60_000);
    try {
      await watchRenders(page, 'LedgerPage', '[data-testid="ledger-results"]');
      await markElementsAtRequest(page, 'cases.search');
      await setUpRoom(page, desk.host.url, '金峰');
      // Every case has 王芳; the odd ones are in 甲组, the even ones in 乙组 in their title.
      for (let i = 1; i <= CASES; i += 1) {
        const title = i % 2 === 1 ? `第${i}起纠纷甲组` : `第${i}起纠纷乙组`;
        await callApi(page, 'cases.create', grasslandIntake(title) as never);
      }
      await page.getByRole('menuitem', { name: '案件台账' }).click();
      const rows = page.locator('.ant-table-tbody tr.ledger-row');
      await eventually(() => rows.count()).toBe(CASES);
      const results = page.getByTestId('ledger-results');
      const box = page.getByTestId('ledger-search').locator('input');
      await box.click();

      // One key, and the search it starts.
      await takeRenders(page);
      await elementsAtRequest(page);
      await box.pressSequentially('王');
      await eventually(() => results.getAttribute('data-shown-query')).toBe('王');
      await eventually(() => rows.count()).toBe(CASES);
      const sameRows = await takeRenders(page);
      // The box, not the page, draws a key (10 elements against the page's 22), but a late redraw
      // after the click (~10 more) comes or not: no bound before the request.
      expect(await elementsAtRequest(page)).not.toBeNull();
      // Key → rows, when the answer has the same rows: no route tree (menu, header) redrawn
      // for the address, no table (~26-36 here; 470 before the change).
      expect(sameRows.elements).toBeLessThan(100);
      // One answer, one drawing of the results: the keystroke's render of the page leaves them
      // alone (they were drawn with every render of the page before, and twice for an answer).
      expect(sameRows.commitsInArea).toBe(1);

      // A query that keeps half the rows: only the rows (not their unchanged cells) are redrawn.
      await box.fill('甲组');
      await eventually(() => results.getAttribute('data-shown-query')).toBe('甲组');
      await eventually(() => rows.count()).toBe(CASES / 2);
      // Half the rows stay: they and their cells are not drawn again (~165; 408 before).
      const fewerRows = await takeRenders(page);
      expect(fewerRows.elements).toBeLessThan(300);
      expect(fewerRows.commitsInArea).toBe(1);

      // An answer that changes only the rows (the other 6 cases: same total, same page): the
      // sortable headers and the pager are not drawn again, only the rows.
      await box.fill('乙组');
      await eventually(() => results.getAttribute('data-shown-query')).toBe('乙组');
      await eventually(() => rows.count()).toBe(CASES / 2);
      const otherRows = await takeRenders(page);
      expect(otherRows.rowsInArea).toBe(CASES / 2);
      expect({ header: otherRows.headerInArea, pager: otherRows.pagerInArea }).toEqual({
        header: 0,
        pager: 0,
      });

      // Typing fast: every key searches at once, and the rows shown never go back to an older
      // query's, whatever order the answers came in.
      await box.fill('');
      await eventually(() => results.getAttribute('data-shown-query')).toBe('');
      const sent: string[] = [];
      const onRequest = (r: Request) => {
        if (!r.url().endsWith('/api') || r.method() !== 'POST') return;
        const body = r.postDataJSON() as { method: string; input: Record<string, unknown> };
        if (body.method === 'cases.search' && body.input.exactTotal !== true) {
          sent.push(String(body.input.text ?? ''));
        }
      };
      page.on('request', onRequest);
      await page.evaluate(() => {
        const shown: string[] = [];
        (globalThis as unknown as { __shownQueries: string[] }).__shownQueries = shown;
        const area = document.querySelector('[data-testid="ledger-results"]');
        new MutationObserver(() => {
          const query = area?.getAttribute('data-shown-query') ?? '';
          if (shown.at(-1) !== query) shown.push(query);
        }).observe(area!, { attributes: true, attributeFilter: ['data-shown-query'] });
      });
      // Four keys in one task, faster than any typist (pressSequentially's keys came 30 ms or
      // more apart, each "after a pause" for the box's old 30 ms burst).
      const typed = ['纠', '纠纷', '纠纷乙', '纠纷乙组'];
      await box.evaluate((input: HTMLInputElement, texts: string[]) => {
        const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
        for (const text of texts) {
          setValue?.call(input, text);
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }
      }, typed);
      await eventually(() => results.getAttribute('data-shown-query')).toBe('纠纷乙组');
      await eventually(() => rows.count()).toBe(CASES / 2);
      page.off('request', onRequest);
      expect(sent).toEqual(typed);
      const shownQueries = await page.evaluate(
        () => (globalThis as unknown as { __shownQueries: string[] }).__shownQueries,
      );
      const order = shownQueries.map((q) => typed.indexOf(q));
      expect(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
      expect(shownQueries.at(-1)).toBe('纠纷乙组');
      expect(page.url()).toContain(`q=${encodeURIComponent('纠纷乙组')}`);
      // A key after a pause (a person's pace, an input method's committed word) sends its search
      // in the key's own event, before anything is drawn for it: through the page's state,
      // render and effect it left after the box's and the page's drawing.
      await page.evaluate(() => {
        const w = globalThis as unknown as {
          __renderCount: { elements: number };
          __elementsAtInput?: number;
        };
        document.addEventListener(
          'input',
          () => {
            w.__elementsAtInput = w.__renderCount.elements;
          },
          true,
        );
      });
      await elementsAtRequest(page);
      await box.press('Backspace');
      await eventually(() => results.getAttribute('data-shown-query')).toBe('纠纷乙');
      const atRequest = await elementsAtRequest(page);
      const atInput = await page.evaluate(
        () => (globalThis as unknown as { __elementsAtInput?: number }).__elementsAtInput,
      );
      expect(atRequest).not.toBeNull();
      expect((atRequest ?? 0) - (atInput ?? 0)).toBe(0);
      // Enter searches at once.
      await box.fill('第3起');
      await box.press('Enter');
      await eventually(() => results.getAttribute('data-shown-query')).toBe('第3起');
      await eventually(() => rows.count()).toBe(1);

      // The address keeps the search (written without a navigation): back from a case, the
      // same list.
      expect(page.url()).toContain(`q=${encodeURIComponent('第3起')}`);
      await rows.first().click();
      await page.getByTestId('case-title').waitFor();
      await page.goBack();
      await eventually(() => box.inputValue()).toBe('第3起');
      await eventually(() => results.getAttribute('data-shown-query')).toBe('第3起');
      await eventually(() => rows.count()).toBe(1);
      // 清除条件 empties the box and shows every case again.
      await page.getByRole('button', { name: '清除条件' }).click();
      await eventually(() => box.inputValue()).toBe('');
      await eventually(() => rows.count()).toBe(CASES);
      expect(page.url()).not.toContain('q=');
      expect(desk.errors).toEqual([]);
    } finally {
      await desk.close();
    }
  }, 300_000);
});

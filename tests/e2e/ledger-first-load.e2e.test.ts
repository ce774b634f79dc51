import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sharedBrowser } from './support/browser';
import { callApi, openDesk, setUpRoom, type Desk } from './support/desk';
import { grasslandIntake } from './support/grassland-intake';
import {
  elementsAtRequest,
  markElementsAtRequest,
  takeRenders,
  watchRenders,
} from './support/render-count';

const CASES = 3;
const PAGE_ROWS = 50;
// A loaded machine may take seconds for a step: vitest's poll gives up after one by default.
const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 60_000 });

const twoFrames = (page: Page) =>
  page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );

interface SearchAnswer {
  value: { rows: { id: number }[]; total: number; totalIsExact: boolean };
}

/**
 * Issue 13, 工作台 → 案件台账: the first page's query leaves with the ledger's first render, so
 * the host answers it while the table and the filter bar are drawn, instead of after them; the
 * exact count that follows a "1000 件以上" page redraws the pager, not the page of rows. Counted
 * in DOM elements drawn (React's DevTools hook, per commit): no timing.
 */
describe('ledger first load (real ledger, Chromium)', () => {
  const browser = sharedBrowser();

  /** A set-up room with `cases` cases on its 工作台, its draws and searches counted. */
  async function ledgerOf(name: string, cases: number): Promise<Desk> {
    const desk = await openDesk(browser(), name);
    const { page } = desk;
    page.setDefaultTimeout(60_000);
    try {
      // Counted inside the ledger's results (table and pager): the shell around them may draw
      // again on its own (a session answer), which is not what these tests are about.
      await watchRenders(page, 'LedgerPage', '[data-testid="ledger-results"]');
      await markElementsAtRequest(page, 'cases.search');
      await setUpRoom(page, desk.host.url, '金峰');
      for (let i = 1; i <= cases; i += 1) {
        await callApi(page, 'cases.create', grasslandIntake(`第${i}起纠纷`) as never);
      }
      await page.getByTestId('dashboard-month').waitFor();
      return desk;
    } catch (e) {
      await desk.close();
      throw e;
    }
  }

  it('sends the first page’s query before the ledger is drawn', async () => {
    const desk = await ledgerOf('ledger-first-load', CASES);
    const { page } = desk;
    try {
      // Only the ledger's own searches count from here.
      await takeRenders(page);
      await elementsAtRequest(page);

      // The answer is held until the ledger's first commit is counted: the request's moment is
      // then read against a page that has drawn everything it draws without its rows.
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      let sent: () => void = () => undefined;
      const searchSent = new Promise<void>((resolve) => (sent = resolve));
      const holdSearch = async (route: Route) => {
        sent();
        await held;
        await route.continue();
      };
      await page.route('**/api', async (route) => {
        const body = route.request().postData() ?? '';
        return body.includes('"method":"cases.search"') ? holdSearch(route) : route.continue();
      });
      await page.getByRole('menuitem', { name: '案件台账' }).click();
      await page.getByTestId('ledger-results').waitFor();
      await searchSent;
      const atRequest = await elementsAtRequest(page);
      const drawnWithoutRows = (await takeRenders(page)).elements;
      release();
      await eventually(() => page.locator('.ant-table-tbody tr.ledger-row').count()).toBe(CASES);
      // The answer draws the results once (rows, pager): counted until two frames pass with
      // nothing drawn there. antd's responsive pager drew itself again right after mounting.
      let answerCommits = 0;
      await eventually(async () => {
        await twoFrames(page);
        const drawn = await takeRenders(page);
        answerCommits += drawn.commitsInArea;
        return drawn.elementsInArea;
      }).toBe(0);
      expect(answerCommits).toBe(1);

      // The request left before the ledger's first commit (its card, search box, filter bar and
      // table head: ~hundreds of elements); after the mount, it was sent once they were all drawn.
      expect(atRequest).not.toBeNull();
      expect(drawnWithoutRows).toBeGreaterThan(100);
      expect(atRequest ?? Infinity).toBeLessThan(drawnWithoutRows / 4);
      expect(desk.errors).toEqual([]);
    } finally {
      await desk.close();
    }
  }, 300_000);

  it('draws nothing for a session poll that changes nothing', async () => {
    const desk = await ledgerOf('ledger-session-poll', CASES);
    const { page } = desk;
    try {
      await page.getByRole('menuitem', { name: '案件台账' }).click();
      await eventually(() => page.locator('.ant-table-tbody tr.ledger-row').count()).toBe(CASES);
      // A return to the window asks for the session at once (as the 5-second poll does).
      const polled = page.waitForResponse(
        (r) =>
          r.url().endsWith('/api') &&
          (r.request().postData() ?? '').includes('"method":"accounts.session"'),
      );
      // The ledger has settled once two frames pass with nothing drawn.
      await eventually(async () => {
        await twoFrames(page);
        return (await takeRenders(page)).elements;
      }).toBe(0);
      await page.evaluate(() => window.dispatchEvent(new Event('focus')));
      await polled;
      // The answer is handled in the page after the response: two frames leave it time to draw.
      await twoFrames(page);
      const drawn = await takeRenders(page);
      // The same session kept: neither the shell nor the ledger drew again (~90 elements each
      // time before, every 5 seconds).
      expect(drawn.elements).toBe(0);
      expect(desk.errors).toEqual([]);
    } finally {
      await page.unrouteAll({ behavior: 'ignoreErrors' });
      await desk.close();
    }
  }, 300_000);

  it('redraws the pager, not the rows, when the exact count arrives', async () => {
    const desk = await ledgerOf('ledger-exact-total', 1);
    const { page } = desk;
    try {
      // A ledger past the first count's cap, told by the answers: a full page of rows (the one
      // case under 50 ids) and "1000 件以上"; the exact count is held until the page is counted.
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      const pagesAsked: number[] = [];
      let template: SearchAnswer['value']['rows'][number] | undefined;
      await page.route('**/api', async (route) => {
        const body = route.request().postData() ?? '';
        if (!body.includes('"method":"cases.search"')) return route.continue();
        const exact = body.includes('"exactTotal":true');
        if (!exact) pagesAsked.push((JSON.parse(body) as { input: { page: number } }).input.page);
        const response = await route.fetch();
        const json = (await response.json()) as SearchAnswer;
        // The ledger's one case is on its first page only: later pages are drawn from it too.
        template ??= json.value.rows[0];
        const row = json.value.rows[0] ?? template;
        json.value.rows = Array.from({ length: PAGE_ROWS }, (_, i) => ({ ...row!, id: 1000 + i }));
        if (exact) await held;
        json.value.total = exact ? 1234 : 1000;
        json.value.totalIsExact = exact;
        return route.fulfill({ response, json });
      });
      await page.getByRole('menuitem', { name: '案件台账' }).click();
      const rows = page.locator('.ant-table-tbody tr.ledger-row');
      await eventually(() => rows.count()).toBe(PAGE_ROWS);
      await eventually(() => page.getByText('1000 件以上').count()).toBe(1);
      await takeRenders(page);
      release();
      await eventually(() => page.getByText('共 1234 件').count()).toBe(1);
      // The pager alone (~35 elements); with the pager inside antd's Table, its new total redrew
      // every row's cells too (~600 for 50 rows).
      const drawn = await takeRenders(page);
      expect(drawn.elementsInArea).toBeLessThan(100);
      expect(drawn.rowsInArea).toBe(0);

      // The pager apart from the table still pages: page 2 of the exact count is asked for.
      await page.locator('.ant-pagination-item-2').click();
      await eventually(() => Promise.resolve(pagesAsked.at(-1))).toBe(2);
      expect(pagesAsked[0]).toBe(1);
      await eventually(() => page.locator('.ant-pagination-item-active').textContent()).toBe('2');
      expect(desk.errors).toEqual([]);
    } finally {
      // Page 2's answer may still be in the route when the test ends: closing the page then
      // disposes its response under the handler (an unhandled rejection fails the whole run).
      await page.unrouteAll({ behavior: 'ignoreErrors' });
      await desk.close();
    }
  }, 300_000);
});

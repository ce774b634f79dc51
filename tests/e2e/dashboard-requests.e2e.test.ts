import { describe, expect, it } from 'vitest';
import { sharedBrowser } from './support/browser';
import { openDesk, setUpRoom } from './support/desk';

// A loaded machine may take seconds for a step: vitest's poll gives up after one by default.
const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 60_000 });

const BOARD_METHODS = ['dashboard.get', 'reminders.get', 'calendar.week'] as const;

/**
 * Issue 13, the 工作台 reload: the reminders and the week are asked for beside the board's own
 * request (sent first, with the page's first render), not once its answer has drawn the board. The board's answer is held by the test
 * until the other two requests have left: an order of requests, not a time.
 */
describe('工作台 requests (real ledger, Chromium)', () => {
  const browser = sharedBrowser();

  it('asks for the reminders and the week without waiting for the board', async () => {
    const desk = await openDesk(browser(), 'dashboard-requests');
    const { page } = desk;
    page.setDefaultTimeout(60_000);
    try {
      // The order the page called its API in (one thread: the order is the code's, not the
      // network's).
      await page.addInitScript(() => {
        const w = globalThis as unknown as { fetch: typeof fetch; __apiOrder: string[] };
        const send = w.fetch;
        w.__apiOrder = [];
        w.fetch = (url, init) => {
          if (typeof init?.body === 'string')
            w.__apiOrder.push((JSON.parse(init.body) as { method: string }).method);
          return send.call(globalThis, url, init);
        };
      });
      await setUpRoom(page, desk.host.url, '金峰');
      await page.getByTestId('dashboard-month').waitFor();

      const asked: string[] = [];
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/api', async (route) => {
        const { method } = route.request().postDataJSON() as { method: string };
        asked.push(method);
        if (method === 'dashboard.get') await held;
        return route.continue();
      });
      await page.reload();
      const sent = (method: string) => Promise.resolve(asked.includes(method));
      await eventually(() => sent('reminders.get')).toBe(true);
      await eventually(() => sent('calendar.week')).toBe(true);
      // Still held: the board has not been drawn, the two cards have.
      expect(await page.getByTestId('dashboard-month').count()).toBe(0);
      expect(await page.getByTestId('dashboard-reminders').count()).toBe(1);
      release();
      await page.getByTestId('dashboard-month').waitFor();
      await page
        .getByTestId('dashboard-calendar')
        .locator('[data-testid^="calendar-day-"]')
        .first()
        .waitFor();

      // The board's answer keeps the cards (no second mount, no second request).
      const once = BOARD_METHODS.map((m) => asked.filter((a) => a === m).length);
      expect(once).toEqual([1, 1, 1]);
      // The board's own request first: the core answers one at a time, and the cards' effects
      // run before the page's.
      const order = (await page.evaluate('window.__apiOrder')) as string[];
      const at = BOARD_METHODS.map((m) => order.indexOf(m));
      expect(at[0]).toBeGreaterThanOrEqual(0);
      expect(at[0]).toBeLessThan(Math.min(at[1]!, at[2]!));
      expect(desk.errors).toEqual([]);
    } finally {
      await desk.close();
    }
  }, 300_000);
});

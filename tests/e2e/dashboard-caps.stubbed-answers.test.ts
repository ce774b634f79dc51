// Not an end-to-end test: the real host and renderer run, but \`reminders.get\` and
// \`calendar.week\` are answered by the test (30 overdue cases and 23 sessions in one week would
// take minutes to seed through the API here). What it proves is the renderer's caps.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CalendarItem, Reminder } from '../../domain/followups/followup-views';
import type { ApiResult } from '../../domain/api/contract';
import { sharedBrowser } from './support/browser';
import { openDesk, setUpRoom } from './support/desk';
import { expectLocator } from './support/locator-expect';

const REMINDERS = 30;
const BUSY_DAY_ITEMS = 20;
const QUIET_DAY_ITEMS = 3;

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

function reminder(i: number): Reminder {
  return {
    kind: 'CASE_DUE',
    stage: 'OVERDUE',
    date: '2026-01-05',
    daysLeft: -3,
    caseId: 1000 + i,
    caseNumber: `（2026）测调字第 ${i + 1} 号`,
    title: `提醒 ${i + 1}`,
    label: '调解期限',
  };
}

function session(date: string, i: number): CalendarItem {
  return {
    kind: 'SESSION',
    date,
    time: `${String(8 + (i % 10)).padStart(2, '0')}:00`,
    caseId: 2000 + i,
    caseNumber: `（2026）测调字第 ${i + 101} 号`,
    title: `调解 ${i + 1}`,
    label: '第 1 次调解',
  };
}

/**
 * Answers reminders.get and calendar.week with more items than the 工作台 draws at once; every
 * other call goes to the real host. A room holding hundreds of overdue items and 20 sessions on
 * one day would take minutes to seed through the API; what is tested here is only the drawing.
 */
async function answerWithLongLists(page: Page): Promise<string[]> {
  const weeks: string[] = [];
  await page.route('**/api', async (route) => {
    const body = route.request().postDataJSON() as { method: string; input: { day?: string } };
    if (body.method === 'reminders.get') {
      const value: ApiResult<'reminders.get'> = {
        today: '2026-01-08',
        items: Array.from({ length: REMINDERS }, (_, i) => reminder(i)),
        total: REMINDERS,
      };
      return route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ ok: true, value }),
      });
    }
    if (body.method === 'calendar.week' && body.input.day) {
      const start = body.input.day;
      weeks.push(start);
      const value: ApiResult<'calendar.week'> = {
        weekStart: start,
        days: Array.from({ length: 7 }, (_, d) => {
          const date = addDays(start, d);
          const n = d === 0 ? BUSY_DAY_ITEMS : d === 1 ? QUIET_DAY_ITEMS : 0;
          return { date, items: Array.from({ length: n }, (_, i) => session(date, i)) };
        }),
      };
      return route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ ok: true, value }),
      });
    }
    return route.continue();
  });
  return weeks;
}

describe('工作台 long lists (Chromium)', () => {
  const browser = sharedBrowser();

  it('draws the first reminders and a busy day’s first items; 查看全部 shows every one', async () => {
    const desk = await openDesk(browser(), 'dashboard-caps');
    const { page } = desk;
    try {
      await setUpRoom(page, desk.host.url, '玛沁');
      const weeks = await answerWithLongLists(page);
      await page.reload();

      const reminders = page.getByTestId('dashboard-reminders');
      await reminders.getByTestId('reminder-CASE_DUE-1000').waitFor();
      expect(await reminders.locator('.ant-list-item').count()).toBe(8);
      await reminders.getByTestId('reminders-show-all').click();
      await reminders.getByTestId(`reminder-CASE_DUE-${1000 + REMINDERS - 1}`).waitFor();
      expect(await reminders.locator('.ant-list-item').count()).toBe(REMINDERS);
      await reminders.getByTestId('reminders-show-all').click();
      await reminders.getByTestId(`reminder-CASE_DUE-${1000 + REMINDERS - 1}`).waitFor({
        state: 'detached',
      });
      expect(await reminders.locator('.ant-list-item').count()).toBe(8);

      const start = weeks.at(-1) ?? '';
      const calendar = page.getByTestId('dashboard-calendar');
      const busy = calendar.getByTestId(`calendar-day-${start}`);
      const quiet = calendar.getByTestId(`calendar-day-${addDays(start, 1)}`);
      await busy.locator('a').first().waitFor();
      expect(await busy.locator('a').count()).toBe(6);
      expect(await quiet.locator('a').count()).toBe(QUIET_DAY_ITEMS);
      expect(await quiet.locator('button').count()).toBe(0);
      const more = calendar.getByTestId(`calendar-day-${start}-show-all`);
      await expectLocator(more).toContainText(`另有 ${BUSY_DAY_ITEMS - 6} 件，查看全部`);
      await more.click();
      await busy
        .locator('a')
        .nth(BUSY_DAY_ITEMS - 1)
        .waitFor();
      expect(await busy.locator('a').count()).toBe(BUSY_DAY_ITEMS);
      expect(desk.errors).toEqual([]);
    } finally {
      await desk.close();
    }
  });
});

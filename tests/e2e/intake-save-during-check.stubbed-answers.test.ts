// Not an end-to-end test: the real host, ledger and renderer run, but the start-up check's
// "still running" is played by the test: `system.status` says `checking: true` and the save's
// `cases.create` is held back, as the core holds a write until the check's verdict (a real check
// of a small test ledger ends before the page is up). What it proves is what the page shows then.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ApiResult } from '../../domain/api/contract';
import { chinaToday } from '../../domain/validation/calendar-date';
import { sharedBrowser } from './support/browser';
import { callApi, openDesk, setUpRoom } from './support/desk';
import { fifteenPartyDraft } from './support/fifteen-parties';

interface CheckPlayed {
  /** Resolves when the page's `cases.create` has reached the test (and is held there). */
  readonly createHeld: Promise<void>;
  /** The check "ends": status says so, and the held save goes on to the real host. */
  end(): void;
}

function playStartUpCheck(page: Page): Promise<CheckPlayed> {
  let checking = true;
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held: () => void = () => undefined;
  const createHeld = new Promise<void>((resolve) => (held = resolve));
  return page
    .route('**/api', async (route) => {
      const body = route.request().postDataJSON() as { method: string };
      if (body.method === 'system.status') {
        const real = await route.fetch();
        const envelope = (await real.json()) as {
          ok: boolean;
          value?: ApiResult<'system.status'>;
        };
        const value = envelope.value;
        if (!envelope.ok || value?.ledger.state !== 'READY')
          return route.fulfill({ response: real });
        return route.fulfill({
          response: real,
          json: { ok: true, value: { ...value, ledger: { ...value.ledger, checking } } },
        });
      }
      if (body.method === 'cases.create') {
        held();
        await released;
      }
      return route.continue();
    })
    .then(() => ({
      createHeld,
      end: () => {
        checking = false;
        release();
      },
    }));
}

describe('intake save while the start-up check runs (Chromium)', () => {
  const browser = sharedBrowser();

  it('the save button says it waits for the check, and the case page follows once the check ends', async () => {
    const desk = await openDesk(browser(), 'intake-during-check');
    const { page } = desk;
    // 15 cards are a heavy page: on a loaded machine a step takes far longer than the default.
    page.setDefaultTimeout(120_000);
    try {
      await setUpRoom(page, desk.host.url, '金峰');
      await callApi(page, 'formDrafts.save', {
        key: 'intake',
        payloadBase64: fifteenPartyDraft(chinaToday(), 1),
      });
      const check = await playStartUpCheck(page);
      // The window's status gate hears of the check when it opens (then every 1.5 s while it runs).
      await page.reload();
      await page.getByRole('menuitem', { name: '受理登记' }).click();
      await page.locator('#intake_parties_14_name').waitFor();
      const casesBefore = (await callApi(page, 'cases.search', {})).total;

      await page.getByRole('button', { name: '保存登记（Ctrl+回车）' }).first().click();
      await check.createHeld;
      // Both save buttons (top and bottom) say what the save waits for while it waits.
      await page.getByRole('button', { name: '正在检查账本…' }).first().waitFor();
      expect(await page.getByRole('button', { name: '正在检查账本…' }).count()).toBe(2);
      expect(await page.getByTestId('case-title').count()).toBe(0);

      check.end();
      await page.getByTestId('case-title').waitFor();
      // Nothing lost: the case holds all 15 parties, and it is the only one the save made.
      const caseId = Number(/\/cases\/(\d+)/.exec(page.url())?.[1]);
      const stored = await callApi(page, 'cases.get', { caseId });
      expect(stored.parties).toHaveLength(15);
      expect((await callApi(page, 'cases.search', {})).total).toBe(casesBefore + 1);
      expect(desk.errors).toEqual([]);
    } finally {
      await desk.close();
    }
  }, 600_000);
});

import { describe, expect, it } from 'vitest';
import { chinaToday } from '../../domain/validation/calendar-date';
import { sharedBrowser } from './support/browser';
import { callApi, openDesk, setUpRoom } from './support/desk';
import { fifteenPartyDraft } from './support/fifteen-parties';
import { expectLocator } from './support/locator-expect';
import { takeRenders, watchRenders } from './support/render-count';

/**
 * Issue 13, the 15-party save: pressing 保存 must not redraw the 15 party cards (the busy button
 * and the problems list are the page's own state; the cards are memoised with stable props), and
 * the case page shows the case the save returned. Renders are counted through React's DevTools
 * hook, per commit: no timing involved.
 */
describe('15-party intake save (real ledger, Chromium)', () => {
  const browser = sharedBrowser();

  it('saves without re-rendering the party cards and opens the case with all 15 parties', async () => {
    const desk = await openDesk(browser(), 'intake-renders');
    const { page } = desk;
    // 15 cards are a heavy page: on a loaded machine a step takes far longer than the default.
    page.setDefaultTimeout(120_000);
    try {
      await watchRenders(page, 'PartyCard');
      await setUpRoom(page, desk.host.url, '金峰');
      await callApi(page, 'formDrafts.save', {
        key: 'intake',
        payloadBase64: fifteenPartyDraft(chinaToday(), 1),
      });
      await page.getByRole('menuitem', { name: '受理登记' }).click();
      // 15 restored cards: slow to appear on a loaded machine.
      await page.locator('#intake_parties_14_name').waitFor();
      await expectLocator(page.locator('#intake_parties_14_name')).toHaveValue('测试辰1');
      // The counter works: each of the 15 cards was drawn at least once.
      expect((await takeRenders(page)).all).toBeGreaterThanOrEqual(15);

      await page.getByRole('button', { name: '保存登记（Ctrl+回车）' }).first().click();
      await page.getByTestId('case-title').waitFor();
      // A card drawn again while saving with the same data (a settings answer arriving late
      // changes `extensions`, and is not counted).
      expect((await takeRenders(page)).unchanged).toBe(0);

      for (const name of ['测试甲1', '测试辰1']) await page.getByText(name).first().waitFor();
      // The draft is discarded in the background once the case is saved.
      await expect
        .poll(async () => callApi(page, 'formDrafts.get', { key: 'intake' }), { timeout: 10_000 })
        .toBeNull();
      // The case as the ledger has it, after the page's own load of it.
      const caseId = Number(/\/cases\/(\d+)/.exec(page.url())?.[1]);
      const stored = await callApi(page, 'cases.get', { caseId });
      expect(stored.parties).toHaveLength(15);
      // A reload shows the ledger's copy (the save's copy is taken out of the history entry).
      expect(await page.evaluate(() => JSON.stringify(window.history.state))).not.toContain(
        '"saved"',
      );
      expect(desk.errors).toEqual([]);
    } finally {
      await desk.close();
    }
  }, 600_000);
});

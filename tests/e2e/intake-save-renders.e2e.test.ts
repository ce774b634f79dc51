import { describe, expect, it } from 'vitest';
import { chinaToday } from '../../domain/validation/calendar-date';
import { sharedBrowser } from './support/browser';
import { callApi, openDesk, setUpRoom } from './support/desk';
import { fifteenPartyDraft } from './support/fifteen-parties';
import { expectLocator } from './support/locator-expect';
import {
  elementsAtRequest,
  firstShown,
  markElementsAtRequest,
  markFirstShown,
  takeRenders,
  watchRenders,
} from './support/render-count';

/**
 * Issue 13, the 15-party save: pressing 保存 must not redraw the 15 party cards (the busy button
 * and the problems list are the page's own state; the cards are memoised with stable props), and
 * the case page shows the case the save returned. Nor may it redraw the form's fields before the
 * request leaves: antd's Form gave every Form.Item a new context whenever the page rendered (the
 * busy button), and a full validation redrew them again; each pass drew ~1,750 DOM elements.
 * A mistake is still shown beside its field. Renders are counted through React's DevTools hook,
 * per commit: no timing involved.
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
      await markElementsAtRequest(page, 'cases.create');
      await markFirstShown(
        page,
        '[data-testid="case-title"]',
        '[data-testid="parties-table"] tr.ant-table-row',
      );
      await setUpRoom(page, desk.host.url, '金峰');
      // The 4th party's phone is one digit short: only a save's check says so.
      const draft = JSON.parse(
        Buffer.from(fifteenPartyDraft(chinaToday(), 1), 'base64').toString('utf8'),
      ) as { parties: { phone: { phone: string } }[] };
      const goodPhone = draft.parties[3]!.phone.phone;
      draft.parties[3]!.phone.phone = goodPhone.slice(0, -1);
      await callApi(page, 'formDrafts.save', {
        key: 'intake',
        payloadBase64: Buffer.from(JSON.stringify(draft), 'utf8').toString('base64'),
      });
      await page.getByRole('menuitem', { name: '受理登记' }).click();
      // 15 restored cards: slow to appear on a loaded machine.
      await page.locator('#intake_parties_14_name').waitFor();
      await expectLocator(page.locator('#intake_parties_14_name')).toHaveValue('测试辰1');
      // The counter works: each of the 15 cards was drawn at least once.
      expect((await takeRenders(page)).all).toBeGreaterThanOrEqual(15);
      const save = page.getByRole('button', { name: '保存登记（Ctrl+回车）' }).first();
      const phone = page.locator('#intake_parties_3_phone_phone');
      const phoneItem = page.locator('.ant-form-item').filter({ has: phone });

      // The mistake is marked beside its field, and nothing is sent.
      await save.click();
      await phoneItem.locator('.ant-form-item-explain-error').waitFor();
      await page.getByText('有几处需要修改，请看标红的地方').first().waitFor();
      expect(await elementsAtRequest(page)).toBeNull();
      await phone.fill(goodPhone);
      await expect
        .poll(() => phoneItem.locator('.ant-form-item-explain-error').count(), { timeout: 60_000 })
        .toBe(0);

      const fieldItems = await page.locator('form .ant-form-item').count();
      expect(fieldItems).toBeGreaterThan(200);
      await takeRenders(page);
      await save.click();
      await page.getByTestId('case-title').waitFor();
      const renders = await takeRenders(page);
      // A card drawn again while saving with the same data (a settings answer arriving late
      // changes `extensions`, and is not counted).
      expect(renders.unchanged).toBe(0);
      // Before the request: the busy button and the like (~150-200 elements here), not a redraw
      // of the fields (each Form.Item is at least 5 elements: 1,740-3,575 before the change).
      const beforeRequest = await elementsAtRequest(page);
      expect(beforeRequest).not.toBeNull();
      expect(beforeRequest!).toBeLessThan(2 * fieldItems);

      // After the request until the case's title shows: the duplicate probe's answer to the
      // click's blur (all 15 "none") rebuilt the whole form (~1,700 elements), and the case page
      // drew all 15 parties' rows with its title: ~3,300 before, ~1,350 then (~800 of it antd's
      // fields marking their validation done, which passing values no longer run), ~500 now.
      const title = await firstShown(page);
      expect(title).not.toBeNull();
      expect(title!.elements - beforeRequest!).toBeLessThan(1_000);
      // The title comes with the first parties' rows; the other rows follow in the next frame.
      expect(title!.matching).toBe(4);

      for (const name of ['测试甲1', '测试辰1']) await page.getByText(name).first().waitFor();
      await expect
        .poll(() => page.locator('[data-testid="parties-table"] tr.ant-table-row').count(), {
          timeout: 60_000,
        })
        .toBe(15);
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

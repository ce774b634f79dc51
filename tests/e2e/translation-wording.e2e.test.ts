import { describe, expect, it } from 'vitest';
import { chinaToday } from '../../domain/validation/calendar-date';
import { screenshot, sharedBrowser } from './support/browser';
import { callApi, modalSettled, openDesk, setUpRoom, type Desk } from './support/desk';
import { herders } from './support/herders';
import { expectLocator } from './support/locator-expect';
import { saveMediator } from './support/mediator-setup';

/**
 * Issue 12, must-have 3: the room enters a reviewed Tibetan title in 设置 → 译文固定用语 and
 * the agreement editor then lists it as 已审校 (the rest stay 待审校).
 */
const TITLE = 'མི་དམངས་བར་འདུམ་གྲོས་མཐུན་ཡིག་ཆ།';
const MEDIATOR = 'མི་དམངས་བར་འདུམ་པ།';
const DATE_DRAFT = 'ལོ་ཟླ་ཚེས་གྲངས།';

describe('translation wording (real ledger, Chromium)', () => {
  const browser = sharedBrowser();
  let desk: Desk;

  it('a reviewed Tibetan title entered in 设置 shows as 已审校 in the agreement editor', async () => {
    desk = await openDesk(browser(), 'wording');
    const { page } = desk;
    try {
      await setUpRoom(page, desk.host.url, '格尔');
      const mediator = await saveMediator(page, '才让', ['zh', 'bo']);
      const today = chinaToday();
      const [tibetan, other] = herders(2, '格尔木市唐古拉山镇长江源村');
      const saved = await callApi(page, 'cases.create', {
        intakeDate: today,
        source: 'ON_APPLICATION',
        category: 'FOREST_LAND',
        subtype: 'GRASSLAND',
        summary: '双方草场相邻，被申请人的牛羊越界放牧。',
        requests: ['赔偿草场损失'],
        riskLevel: 'MEDIUM',
        mediatorIds: [mediator.id],
        parties: [{ ...tibetan, name: '扎西', preferredLanguage: 'bo' }, other],
      } as never);
      const accepted = await callApi(page, 'cases.transition', {
        caseId: saved.case.id,
        expectedVersion: saved.case.version,
        input: { action: 'ACCEPT', acceptedDate: today },
      });
      await callApi(page, 'cases.transition', {
        caseId: accepted.id,
        expectedVersion: accepted.version,
        input: { action: 'START_MEDIATION' },
      });
      const draft = await callApi(page, 'agreements.createDraft', { caseId: accepted.id });
      const base = page.url().replace(/#.*$/, '');

      // 设置 → 译文固定用语: every shipped entry is 待审校.
      await page.getByRole('menuitem', { name: '设置' }).click();
      const section = page.getByTestId('wording-section');
      const dialog = page.getByRole('dialog');
      const review = async (key: string, text: string) => {
        const entry = section.getByTestId(`wording-bo-${key}`);
        await expectLocator(entry).toContainText('待审校');
        await entry.getByRole('button', { name: '录入审校译文' }).click();
        await modalSettled(page);
        await dialog.getByTestId('wording-text').fill(text);
        await dialog.getByTestId('wording-reviewer').fill('才让多杰');
        await dialog.getByRole('button', { name: '保存' }).click();
        // (the date is the host's China day, not asserted: the test must not race midnight)
        await expectLocator(entry).toContainText('已审校（才让多杰，');
      };
      await review('title', TITLE);
      await expectLocator(section.getByTestId('wording-bo-art31')).toContainText('待审校');
      // The signature block's later labels are listed with their Chinese and draft (待审校),
      // and entered through the same dialog.
      const dateRow = section.getByTestId('wording-bo-dateLine');
      await expectLocator(dateRow).toContainText('年　　月　　日');
      await expectLocator(dateRow).toContainText(`草拟：${DATE_DRAFT}`);
      await expectLocator(dateRow).toContainText('待审校');
      await expectLocator(section.getByTestId('wording-bo-mediatorLabel')).toContainText(
        '人民调解员',
      );
      await review('mediatorLabel', MEDIATOR);
      await expectLocator(section.getByTestId('wording-bo-sealLabel')).toContainText('待审校');
      await section.screenshot({ path: 'tests/.artifacts/translation-wording-section.png' });

      // The Mongolian drafts stand in vertical columns, as the script is read.
      await section.getByRole('tab', { name: '蒙古文' }).click();
      const mnTitle = section.getByTestId('wording-mn-title');
      await expectLocator(mnTitle).toContainText('待审校');
      const writingMode = await mnTitle
        .locator('.own-script-mongolian')
        .evaluate((el) => getComputedStyle(el).writingMode);
      expect(writingMode).toBe('vertical-lr');
      await section.screenshot({ path: 'tests/.artifacts/translation-wording-mongolian.png' });

      // The agreement editor's translation card lists the entries with their status.
      await page.goto(`${base}#/agreements/${draft.id}`);
      await page.getByTestId('agreement-editor').waitFor();
      await expectLocator(page.getByTestId('wording-status-bo-title')).toContainText(
        '已审校（才让多杰',
      );
      await expectLocator(page.getByTestId('wording-status-bo-art31')).toContainText('待审校');
      expect(await page.getByTestId('wording-status-mn').count()).toBe(0);
      await screenshot(page, 'translation-wording-editor');
      await page
        .getByTestId('wording-status-bo')
        .screenshot({ path: 'tests/.artifacts/translation-wording-editor-status.png' });
      expect(desk.errors).toEqual([]);
    } finally {
      await desk.close();
    }
  });
});

import type { CDPSession, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, sharedBrowser, watchCspViolations } from './support/browser';
import { openDesk, pick, setUpRoom, typeAndPick, validIdNumber, type Desk } from './support/desk';
import { expectLocator } from './support/locator-expect';

/**
 * Issue 12, must-have 2: a herder's name and address in traditional Mongolian, typed through an
 * input method's composition events (Chrome DevTools Protocol: Input.imeSetComposition, then
 * Input.insertText commits), saved, shown in vertical columns, found by search.
 */
const NAME = 'ᠪᠠᠭᠠᠲᠤᠷ';
const NNBSP = '\u202F';
const ADDRESS = `ᠰᠢᠯᠢ${NNBSP}ᠶᠢᠨ ᠭᠣᠣᠯ ᠠᠶᠢᠮᠠᠭ`;

/**
 * Composes the first `upTo` letters of `text` a few at a time, as an input method shows them,
 * and leaves the composition open.
 */
async function compose(cdp: CDPSession, text: string, upTo = Array.from(text).length) {
  const letters = Array.from(text);
  const steps = [];
  for (let n = 2; n < upTo; n += 2) steps.push(n);
  steps.push(upTo);
  for (const n of steps) {
    const part = letters.slice(0, n).join('');
    await cdp.send('Input.imeSetComposition', {
      text: part,
      selectionStart: part.length,
      selectionEnd: part.length,
    });
  }
}

/**
 * Waits until the Mongolian face is loaded (`document.fonts.check` would say yes for a family
 * nobody registered, so the face itself is asked for).
 */
async function mongolianFontLoaded(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    [...document.fonts].some(
      (f) => f.family.includes('Noto Sans Mongolian') && f.status === 'loaded',
    ),
  );
}

async function commit(cdp: CDPSession, text: string): Promise<void> {
  await cdp.send('Input.insertText', { text });
}

async function typeThroughIme(cdp: CDPSession, box: Locator, text: string) {
  await box.click();
  await compose(cdp, text);
  await commit(cdp, text);
  await expectLocator(box).toHaveValue(text);
}

describe('a herder’s name in traditional Mongolian (real ledger, Chromium)', () => {
  const browser = sharedBrowser();
  let desk: Desk;

  it('types it through composition events, shows it vertically and finds it by search', async () => {
    desk = await openDesk(browser(), 'own-script');
    const { page } = desk;
    try {
      const csp = await watchCspViolations(page);
      await setUpRoom(page, desk.host.url, '锡林');
      const cdp = await page.context().newCDPSession(page);

      await page.getByRole('menuitem', { name: '受理登记' }).click();
      await page.locator('#intake_parties_0_name').fill('包某');
      await page
        .locator('#intake_parties_0_idDocument_number')
        .fill(validIdNumber('152502', '19800101', 11));
      await typeAndPick(page, page.locator('#intake_parties_0_ethnicity'), '蒙古', '蒙古族');
      // The own-script boxes appear once the language is Mongolian.
      expect(await page.getByTestId('party-0-own-name').count()).toBe(0);
      await pick(page, page.locator('#intake_parties_0_preferredLanguage'), '蒙古语');
      await page.locator('#intake_parties_0_occupation').fill('牧民');
      await page.locator('#intake_parties_0_phone_phone').fill('13904791234');
      await page.locator('#intake_parties_0_address').fill('锡林浩特市某苏木某嘎查');
      const card = page.getByTestId('party-card-0');
      await expectLocator(card).toContainText('蒙古文姓名');

      // Chinese typed into the Mongolian box is refused inline, naming the character.
      const nameBox = page.getByTestId('party-0-own-name');
      await typeThroughIme(cdp, nameBox, '包');
      await expectLocator(card).toContainText('蒙古文姓名只能填写蒙古文，含有汉字“包”');
      await nameBox.fill('');
      await typeThroughIme(cdp, nameBox, NAME);

      await page.locator('#intake_parties_1_name').fill('王某');
      await page
        .locator('#intake_parties_1_idDocument_number')
        .fill(validIdNumber('152502', '19820505', 13));
      await typeAndPick(page, page.locator('#intake_parties_1_ethnicity'), '汉', '汉族');
      await page.locator('#intake_parties_1_phone_phone').fill('13904795678');
      await page.locator('#intake_parties_1_address').fill('锡林浩特市某苏木某嘎查');
      await pick(page, page.locator('#intake_category'), '山林土地纠纷');
      await pick(page, page.locator('#intake_subtype'), '草场纠纷');
      await page.locator('#intake_summary').fill('双方草场相邻，围栏越界约两百米。');

      // The address last, and while it is still being composed, Ctrl+Enter (which saves the
      // intake) belongs to the input method: nothing is saved with half an address.
      const addressBox = page.getByTestId('party-0-own-address');
      await addressBox.click();
      // (A save here would store only the composed half: the address check below would fail.)
      await compose(cdp, ADDRESS, 9);
      await page.keyboard.press('Control+Enter');
      await commit(cdp, ADDRESS);
      await expectLocator(addressBox).toHaveValue(ADDRESS);
      expect(await page.getByTestId('case-title').count()).toBe(0);

      // The preview shows both in vertical columns, in the Mongolian font.
      const preview = page.getByTestId('party-0-own-preview');
      await expectLocator(preview).toContainText(NAME);
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      await screenshot(page, 'own-script-party-card');
      await card.screenshot({ path: 'tests/.artifacts/own-script-party-card-only.png' });

      await page.locator('#intake_summary').click();
      await page.keyboard.press('Control+Enter');
      await page.getByTestId('case-title').waitFor();

      // The case page: the Mongolian name and address under the Chinese ones, vertical.
      const shownName = page.locator('[data-testid$="-own-name"]');
      await expectLocator(shownName).toContainText(NAME);
      const shownAddress = page.locator('[data-testid$="-own-address"]');
      expect(await shownAddress.textContent()).toBe(ADDRESS);
      await mongolianFontLoaded(page);
      const layout = await shownName.evaluate((el) => {
        const box = el.getBoundingClientRect();
        return { writingMode: getComputedStyle(el).writingMode, tall: box.height > box.width };
      });
      expect(layout).toEqual({ writingMode: 'vertical-lr', tall: true });
      await screenshot(page, 'own-script-case-page');
      await page
        .getByTestId('parties-table')
        .screenshot({ path: 'tests/.artifacts/own-script-case-parties.png' });

      // The ledger finds the case by the exact Mongolian name.
      await page.getByRole('menuitem', { name: '案件台账' }).click();
      const search = page.getByTestId('ledger-search').locator('input');
      const rows = page.locator('.ant-table-tbody tr.ledger-row');
      await search.fill(NAME);
      await expectLocator(rows.first()).toContainText('包某');
      expect(await rows.count()).toBe(1);

      expect(csp).toEqual([]);
      expect(desk.errors).toEqual([]);
    } finally {
      await desk.close();
    }
  });

  it('the group table takes own-script names too and sets the row’s language', async () => {
    desk = await openDesk(browser(), 'own-script-table');
    const { page } = desk;
    try {
      await setUpRoom(page, desk.host.url, '锡林');
      const cdp = await page.context().newCDPSession(page);
      await page.getByRole('menuitem', { name: '受理登记' }).click();
      await page.getByTestId('party-mode').getByText('表格录入（多人）').click();
      const row0 = page.getByTestId('party-row-0');
      await typeThroughIme(cdp, page.getByTestId('party-row-0-ownScriptName'), NAME);
      await typeThroughIme(cdp, page.getByTestId('party-row-0-ownScriptAddress'), ADDRESS);
      // Chinese in a row whose language is still 汉语: refused inline.
      const other = page.getByTestId('party-row-1-ownScriptName');
      await typeThroughIme(cdp, other, '王');
      await expectLocator(page.getByTestId('party-row-1')).toContainText(
        '只有使用语言为蒙古语或藏语的当事人才能填写本民族文字姓名',
      );
      // The table loads the Mongolian font as the card does (no boxes instead of letters).
      await mongolianFontLoaded(page);
      await screenshot(page, 'own-script-group-table');
      expect(await row0.locator('.ant-form-item-explain-error').count()).toBe(0);

      // The same party on its card: language 蒙古语, the Mongolian boxes filled in.
      await page.getByTestId('party-mode').getByText('逐人卡片').click();
      await expectLocator(page.getByTestId('party-0-own-name')).toHaveValue(NAME);
      await expectLocator(page.getByTestId('party-card-0')).toContainText('蒙古语');
      expect(desk.errors).toEqual([]);
    } finally {
      await desk.close();
    }
  });
});

import type { Page } from 'playwright-core';
import { chinaToday } from '../../domain/validation/calendar-date';
import { describe, expect, it } from 'vitest';
import { screenshot, sharedBrowser } from './support/browser';
import {
  addMediator,
  asTypedFullWidth,
  idNumberEndingInX,
  modalSettled,
  noOpenDropdown,
  openDesk,
  pick,
  setUpRoom,
  typeAndPick,
  validIdNumber,
  type Desk,
} from './support/desk';
import { expectLocator } from './support/locator-expect';

/** Fills and saves one session; the interpreter is asked for because both herders speak Mongolian. */
async function recordSession(
  page: Page,
  sessionNo: number,
  place: string,
  content: string,
  withParticipant: boolean,
) {
  await page.getByRole('button', { name: '添加调解记录' }).click();
  await modalSettled(page);
  const dialog = page.getByRole('dialog');
  await dialog.getByText('必须填写翻译人员和翻译语言').waitFor();
  await dialog.getByLabel('地点').fill(place);
  await dialog.getByLabel('记录人').fill('其木格');
  await dialog.getByLabel('调解记录', { exact: true }).fill(content);
  // Saving without the interpreter is refused inline, in Chinese.
  await dialog.getByRole('button', { name: '保存调解记录' }).click();
  await dialog.getByText('请填写翻译人员姓名').waitFor();
  await dialog.getByLabel('翻译人员姓名').fill('乌力吉');
  if (withParticipant) {
    await dialog.getByRole('button', { name: '添加参加人' }).click();
    await dialog.getByPlaceholder('姓名').fill('敖登');
    await pick(page, dialog.locator('#session_participants_0_role'), '村（嘎查）两委');
    await dialog.getByPlaceholder('单位或身份说明').fill('某嘎查党支部书记');
  }
  await screenshot(page, withParticipant ? 'grassland-session-form' : 'grassland-session-form-2');
  await dialog.getByRole('button', { name: '保存调解记录' }).click();
  await page.getByTestId(`session-${sessionNo}`).waitFor();
}

describe('grassland-boundary dispute between two Mongolian herders (real ledger, Chromium)', () => {
  const browser = sharedBrowser();
  let desk: Desk;

  it('registers, accepts, records two interpreted sessions, finds it, and refuses a stale action', async () => {
    desk = await openDesk(browser(), 'grassland');
    const { page } = desk;
    try {
      await setUpRoom(page, desk.host.url, '锡林');
      await addMediator(page, '其木格', ['蒙古语']);
      await screenshot(page, 'grassland-settings');

      const baterId = idNumberEndingInX('152502', '19900101', true);
      const erdunId = validIdNumber('152502', '19850315', 11);

      // Intake, keyboard first: the name box has focus; Tab twice reaches the ID number.
      await page.getByRole('menuitem', { name: '受理登记' }).click();
      await page.locator('#intake_parties_0_name').waitFor();
      await page.keyboard.type('巴特尔');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.type(asTypedFullWidth(baterId));
      await expectLocator(page.getByTestId('party-card-0')).toContainText(
        '已按证号填入：1990-01-01，男',
      );
      await expectLocator(page.locator('#intake_parties_0_birthDate')).toHaveValue('1990-01-01');
      await typeAndPick(page, page.locator('#intake_parties_0_ethnicity'), '蒙古', '蒙古族');
      await pick(page, page.locator('#intake_parties_0_preferredLanguage'), '蒙古语');
      expect(await page.locator('#intake_parties_0_needsInterpreter').isChecked()).toBe(true);
      await page.locator('#intake_parties_0_occupation').fill('牧民');
      await page.locator('#intake_parties_0_phone_phone').fill('13904791234');
      await page.locator('#intake_parties_0_address').fill('锡林浩特市某苏木某嘎查一组');

      await page.locator('#intake_parties_1_name').fill('额尔敦');
      await page.locator('#intake_parties_1_idDocument_number').fill(erdunId);
      await typeAndPick(page, page.locator('#intake_parties_1_ethnicity'), 'mg', '蒙古族');
      await pick(page, page.locator('#intake_parties_1_preferredLanguage'), '蒙古语');
      expect(await page.locator('#intake_parties_1_needsInterpreter').isChecked()).toBe(true);
      await page.locator('#intake_parties_1_occupation').fill('牧民');
      await page.locator('#intake_parties_1_phone_phone').fill('无');
      await page.locator('#intake_parties_1_phone_noPhoneReason').fill('老人无手机，经嘎查长联系');
      await page.locator('#intake_parties_1_address').fill('锡林浩特市某苏木某嘎查二组');

      await pick(page, page.locator('#intake_category'), '山林土地纠纷');
      await pick(page, page.locator('#intake_subtype'), '草场纠纷');
      await page
        .locator('#intake_summary')
        .fill(
          '双方草场相邻，额尔敦家新建围栏越过原定草场边界约两百米，巴特尔家牲畜无法进入冬季草场。',
        );
      await page.locator('#intake_requests_0').fill('按原草场边界拆除越界围栏');
      await pick(page, page.locator('#intake_riskLevel'), '中（黄）');
      await pick(page, page.locator('#intake_mediatorIds'), '其木格', { multiple: true });
      await page.keyboard.press('Escape');
      await noOpenDropdown(page);
      await screenshot(page, 'grassland-intake');
      await page.locator('#intake_summary').click();
      await page.keyboard.press('Control+Enter');

      // The case page: registered, not yet numbered; only 受理 / 不予受理 are offered.
      await page.getByTestId('case-title').waitFor();
      await expectLocator(page.getByTestId('case-number')).toContainText('未编号');
      await expectLocator(page.getByTestId('case-actions')).toContainText('不予受理');
      await page
        .getByTestId('case-actions')
        .getByRole('button', { name: '受理', exact: true })
        .click();
      await modalSettled(page);
      await page.getByRole('dialog').getByRole('button', { name: '受理', exact: true }).click();
      const year = chinaToday().slice(0, 4);
      await expectLocator(page.getByTestId('case-number')).toContainText(
        `（${year}）锡林调字第001号`,
      );
      await expectLocator(page.getByTestId('case-timeline')).toContainText('受理');
      await screenshot(page, 'grassland-accepted');

      await recordSession(
        page,
        1,
        '某嘎查村委会',
        '问：巴特尔，围栏是什么时候建的？\n答：去年秋天。\n告知双方权利义务，经翻译向双方说明。',
        true,
      );
      await recordSession(
        page,
        2,
        '调解室',
        '依据1998年草场承包证附图及老人证言核实边界，双方同意下次到现场共同测量。',
        false,
      );
      await page.getByTestId('session-2').waitFor();
      await expectLocator(page.getByTestId('session-1')).toContainText('翻译：乌力吉（蒙古语）');
      await screenshot(page, 'grassland-sessions');
      const caseUrl = page.url();

      // The ledger finds it by a 2-character query, by the other party's name and by pinyin.
      await page.getByRole('menuitem', { name: '案件台账' }).click();
      const search = page.getByTestId('ledger-search').locator('input');
      const rows = page.locator('.ant-table-tbody tr.ledger-row');
      for (const query of ['草场', '额尔敦', 'bte']) {
        await search.fill(query);
        await expectLocator(rows.first()).toContainText('锡林调字第001号');
        expect(await rows.count()).toBe(1);
      }
      await search.fill('围栏');
      await expectLocator(rows.first()).toContainText('巴特尔');
      await screenshot(page, 'grassland-ledger');
      await search.fill('没有这样的纠纷');
      await page.getByText('没有符合条件的案件').waitFor();

      // A second window still shows the case as it was; the first ends it on a refusal.
      const stale = await browser().newPage({ viewport: { width: 1440, height: 900 } });
      try {
        // The host's token travels in the first URL's fragment, once per window.
        await stale.goto(desk.host.url);
        await stale.getByRole('menuitem', { name: '工作台' }).waitFor();
        await stale.goto(caseUrl);
        await stale.getByRole('button', { name: '添加调解记录' }).waitFor();

        await page.goto(caseUrl);
        await page
          .getByTestId('case-actions')
          .getByRole('button', { name: '当事人拒绝调解，终止调解' })
          .click();
        await modalSettled(page);
        const dialog = page.getByRole('dialog');
        await pick(page, dialog.getByLabel('拒绝调解的当事人'), '额尔敦');
        await dialog.getByLabel('终止说明').fill('额尔敦明确表示不再接受调解，要求通过诉讼解决。');
        await dialog.getByRole('button', { name: '当事人拒绝调解，终止调解' }).click();
        await expectLocator(page.getByTestId('case-title')).toContainText('巴特尔');
        await page.getByTestId('status-tag').getByText('调解终止（一方拒绝）').waitFor();
        // After the refusal the page no longer offers a session.
        expect(await page.getByRole('button', { name: '添加调解记录' }).count()).toBe(0);
        await screenshot(page, 'grassland-refused');

        // The stale window tries anyway: the ledger refuses with a sentence a mediator understands.
        await stale.getByRole('button', { name: '添加调解记录' }).click();
        await modalSettled(stale);
        const staleDialog = stale.getByRole('dialog');
        await staleDialog.getByLabel('地点').fill('调解室');
        await staleDialog.getByLabel('记录人').fill('其木格');
        await staleDialog.getByLabel('翻译人员姓名').fill('乌力吉');
        await staleDialog.getByLabel('调解记录', { exact: true }).fill('第三次调解。');
        await staleDialog.getByRole('button', { name: '保存调解记录' }).click();
        await expectLocator(stale.getByTestId('session-refusal')).toContainText(
          '不能再添加调解记录',
        );
        await screenshot(stale, 'grassland-stale-session-refused');
        await staleDialog.getByRole('button', { name: '取消' }).click();

        // A stale lifecycle action is refused too, and the page says to reload.
        await stale.getByTestId('case-actions').getByRole('button', { name: '开始调解' }).click();
        await modalSettled(stale);
        await stale.getByRole('dialog').getByRole('button', { name: '开始调解' }).click();
        await expectLocator(stale.getByTestId('action-refusal')).toContainText('刷新');
        await screenshot(stale, 'grassland-stale-action-refused');
      } finally {
        await stale.close();
      }

      expect(desk.errors).toEqual([]);
    } catch (error) {
      await screenshot(page, 'grassland-failure');
      throw error;
    } finally {
      await desk.close();
    }
  });
});

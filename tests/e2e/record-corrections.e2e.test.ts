import { describe, expect, it } from 'vitest';
import { chinaToday } from '../../domain/validation/calendar-date';
import { screenshot, sharedBrowser } from './support/browser';
import { callApi, modalSettled, openDesk, pick, setUpRoom, type Desk } from './support/desk';
import { saveMediator } from './support/mediator-setup';
import { herders } from './support/herders';
import { expectLocator } from './support/locator-expect';

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * A mediator records an investigation from the case page — who was asked, with gender, age,
 * address and relation — then corrects it and a saved session record; both corrections show on
 * the timeline (issue 8 must-haves 1–2, issue 7's 被调查人 details).
 */
describe('investigation and session records corrected after saving (real ledger, Chromium)', () => {
  const browser = sharedBrowser();
  let desk: Desk;

  it('adds an investigation with the 被调查人 details, corrects it and a session', async () => {
    desk = await openDesk(browser(), 'records');
    const { page } = desk;
    try {
      await setUpRoom(page, desk.host.url, '苏木');
      const mediator = await saveMediator(page, '其木格', ['zh', 'mn']);
      const today = chinaToday();
      const accepted = addDays(today, -5);
      const saved = await callApi(page, 'cases.create', {
        intakeDate: accepted,
        source: 'ON_APPLICATION',
        category: 'FOREST_LAND',
        subtype: 'GRASSLAND',
        summary: '双方草场相邻，被申请人的牛羊越界放牧，造成申请人草场损失。',
        requests: ['赔偿草场损失'],
        riskLevel: 'MEDIUM',
        mediatorIds: [mediator.id],
        parties: herders(2),
      } as never);
      const acc = await callApi(page, 'cases.transition', {
        caseId: saved.case.id,
        expectedVersion: saved.case.version,
        input: { action: 'ACCEPT', acceptedDate: accepted },
      });
      const c = await callApi(page, 'cases.transition', {
        caseId: acc.id,
        expectedVersion: acc.version,
        input: { action: 'START_MEDIATION' },
      });
      await callApi(page, 'sessions.add', {
        caseId: c.id,
        session: {
          startAt: `${addDays(today, -2)}T09:30`,
          endAt: `${addDays(today, -2)}T11:00`,
          place: '调解室',
          partyIdsPresent: c.parties.map((p) => p.id),
          mediatorIds: [mediator.id],
          recorder: '其木格',
          interpreter: null,
          recordMode: 'FULL',
          content: '双方陈述了越界放牧的情况。',
          result: 'CONTINUE',
          readBackConfirmed: true,
        },
      } as never);

      await page.goto(`${page.url().replace(/#.*$/, '')}#/cases/${c.id}`);
      await page.getByTestId('case-title').waitFor();

      // A new investigation record, through the form.
      await page.getByTestId('add-investigation').click();
      await modalSettled(page);
      const dialog = page.getByRole('dialog');
      await dialog.locator('#investigation_place').fill('争议草场现场');
      await dialog.locator('#investigation_investigatedPersons_0_name').fill('马文礼');
      await pick(page, dialog.locator('#investigation_investigatedPersons_0_gender'), '男');
      await dialog.locator('#investigation_investigatedPersons_0_age').fill('45');
      await dialog.locator('#investigation_investigatedPersons_0_address').fill('巴音嘎查三组');
      await dialog.locator('#investigation_investigatedPersons_0_relation').fill('申请人邻居');
      await dialog.locator('#investigation_recorder').fill('其木格');
      await dialog.getByRole('button', { name: '插入“问：”' }).click();
      const content = dialog.locator('#investigation_content');
      await content.press('End');
      await content.pressSequentially('围栏是哪天拉起来的？');
      await dialog.getByRole('button', { name: '插入“答：”' }).click();
      await content.press('End');
      await content.pressSequentially('上个月初。');
      expect(await content.inputValue()).toBe('问：围栏是哪天拉起来的？\n答：上个月初。');
      await screenshot(page, 'investigation-dialog');
      await dialog.getByRole('button', { name: '保存调查记录' }).click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      const card = page.getByTestId('investigation-1');
      await expectLocator(card).toContainText('马文礼（男，45岁，巴音嘎查三组，系申请人邻居）');
      await expectLocator(card).toContainText('调查人：其木格');

      // Corrected: the place and the age; the timeline says what changed.
      await card.getByRole('button', { name: '修改' }).click();
      await modalSettled(page);
      const edit = page.getByRole('dialog');
      await expectLocator(edit.locator('#investigation_place')).toHaveValue('争议草场现场');
      await edit.locator('#investigation_place').fill('争议草场东侧围栏处');
      await edit.locator('#investigation_investigatedPersons_0_age').fill('46');
      await edit.getByRole('button', { name: '保存调查记录' }).click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await expectLocator(card).toContainText('争议草场东侧围栏处');
      const timeline = page.getByTestId('case-timeline');
      await expectLocator(timeline).toContainText('更正调查记录');
      await expectLocator(timeline).toContainText('地点：争议草场现场 → 争议草场东侧围栏处');
      await expectLocator(timeline).toContainText('46岁');

      // A saved session record is corrected the same way.
      await page.getByTestId('edit-session-1').click();
      await modalSettled(page);
      const sessionDialog = page.getByRole('dialog');
      await expectLocator(sessionDialog).toContainText('修改调解记录');
      await sessionDialog.locator('#session_place').fill('嘎查村委会调解室');
      await sessionDialog.getByRole('button', { name: '保存调解记录' }).click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await expectLocator(page.getByTestId('session-1')).toContainText('嘎查村委会调解室');
      await expectLocator(timeline).toContainText('更正调解记录');
      await expectLocator(timeline).toContainText('地点：调解室 → 嘎查村委会调解室');
      await timeline.scrollIntoViewIfNeeded();
      await screenshot(page, 'record-corrections-timeline');

      const history = await callApi(page, 'cases.history', { caseId: c.id });
      expect(history.map((h) => h.entity)).toEqual(['SESSION', 'INVESTIGATION']);
    } finally {
      await desk.close();
    }
  });
});

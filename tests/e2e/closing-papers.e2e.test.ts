import { afterAll, describe, expect, it } from 'vitest';
import { chinaToday } from '../../domain/validation/calendar-date';
import { screenshot, sharedBrowser } from './support/browser';
import {
  acceptedCase,
  callApi,
  modalSettled,
  openDesk,
  pick,
  setUpRoom,
  type Desk,
} from './support/desk';
import { saveMediator } from './support/mediator-setup';
import { herders } from './support/herders';

const browser = sharedBrowser();

async function openPaper(desk: Desk, name: string) {
  const { page } = desk;
  // The menu opens on hover; the panels below load on their own and move the page, so wait
  // for the last of them before moving onto the item.
  await page.getByTestId('case-subsidy-panel').waitFor();
  await page.getByText(/打印存档（\d+）/).waitFor();
  await page.getByTestId('print-documents').scrollIntoViewIfNeeded();
  await page.getByTestId('print-documents').hover();
  const item = page.getByRole('menuitem', { name });
  await item.waitFor();
  // A click event on the item itself: the menu may still be animating in, or close while the
  // pointer travels to it under load.
  await item.dispatchEvent('click');
}

async function previewShown(desk: Desk, title: string) {
  const dialog = desk.page.getByRole('dialog').filter({ hasText: title });
  await dialog
    .locator('[data-testid="pdf-preview"] canvas[data-rendered="true"]')
    .first()
    .waitFor({ timeout: 60_000 });
  return dialog;
}

/** Closes the preview and waits until the print register below shows `stored` entries. */
async function closePreview(desk: Desk, stored: number) {
  await desk.page.getByRole('dialog').getByRole('button', { name: '关闭' }).first().click();
  await expect.poll(() => desk.page.getByRole('dialog').count(), { timeout: 15_000 }).toBe(0);
  await desk.page.getByText(new RegExp(`打印存档\\s*[（(]${stored}[)）]`)).waitFor();
}

/**
 * The closing papers in Chromium as a mediator meets them: a high-risk grassland case of 14
 * herders — the 调解通知书 and the 重大纠纷信息报告 ask for their details first, then preview
 * and freeze; after 调解不成 the menu offers the 终止调解告知书 and the 结案报告 instead; the
 * 以案定补 panel of the 14-party case shows its facts.
 */
describe('结案和不予受理文书', () => {
  let desk: Desk;
  afterAll(async () => desk?.close());

  it('notice and report with details, then termination papers, on a 14-party case', async () => {
    desk = await openDesk(browser(), 'closing-papers');
    const { page } = desk;
    await page.goto(desk.host.url, { timeout: 60_000 });
    await setUpRoom(page, desk.host.url, '锡');
    const mediator = await saveMediator(page, '其木格', ['zh', 'mn']);
    const today = chinaToday();
    let c = await acceptedCase(
      page,
      {
        intakeDate: today,
        source: 'ON_APPLICATION',
        category: 'FOREST_LAND',
        subtype: 'GRASSLAND',
        summary: '十四户牧民因冬季草场边界和网围栏位置发生争议，多次发生推搡，派出所已出警。',
        requests: ['确认草场边界'],
        riskLevel: 'HIGH',
        mediatorIds: [mediator.id],
        parties: herders(14),
      } as never,
      today,
    );
    c = await callApi(page, 'cases.transition', {
      caseId: c.id,
      expectedVersion: c.version,
      input: { action: 'START_MEDIATION' },
    } as never);
    const base = page.url().replace(/#.*$/, '');
    await page.goto(`${base}#/cases/${c.id}`);
    await page.getByTestId('case-agreements').waitFor();

    // 调解通知书: whom, when, where, what to bring — checked before anything is rendered.
    await openPaper(desk, '调解通知书…');
    const form = page.getByRole('dialog').filter({ hasText: '需携带的材料' });
    await modalSettled(page);
    await pick(page, form.getByTestId('notice-party'), '额尔敦2');
    await form.getByRole('button', { name: '生成并预览' }).click();
    await form.getByText('请填写调解时间').waitFor();
    await form.getByLabel('调解时间').fill(`${today} 09:30`);
    await form.getByLabel('调解时间').press('Enter');
    await form.getByRole('button', { name: '生成并预览' }).click();
    const notice = await previewShown(desk, '调解通知书');
    await screenshot(page, 'closing-mediation-notice');
    expect(await notice.count()).toBe(1);
    await closePreview(desk, 1);

    // 重大纠纷信息报告: measures and next steps are required.
    await openPaper(desk, '重大纠纷信息报告…');
    const report = page.getByRole('dialog').filter({ hasText: '已采取的措施' });
    await modalSettled(page);
    await report.getByLabel('已到场').check();
    await report.getByLabel('到场情况（出警单位、时间等）').fill('宝力格派出所民警两名到场。');
    await report.getByRole('button', { name: '生成并预览' }).click();
    await report.getByText('已采取的措施', { exact: false }).first().waitFor();
    await report.getByLabel('已采取的措施').fill('已将双方隔开，暂停在争议草场放牧。');
    await report.getByLabel('下一步工作').fill('组织双方现场勘界。');
    await report.getByRole('button', { name: '生成并预览' }).click();
    await previewShown(desk, '重大纠纷信息报告');
    await screenshot(page, 'closing-major-report');
    await closePreview(desk, 2);

    // 调解不成: the menu now offers the termination notice and the closing report.
    await callApi(page, 'cases.transition', {
      caseId: c.id,
      expectedVersion: (await callApi(page, 'cases.get', { caseId: c.id })).version,
      input: {
        action: 'TERMINATE_FAILED',
        terminatedDate: today,
        advisedRoutes: ['LITIGATION'],
        note: '双方对网围栏位置分歧较大。',
      },
    } as never);
    await page.reload();
    await page.getByTestId('case-agreements').waitFor();
    await page.getByTestId('print-documents').hover();
    await page.getByRole('menuitem', { name: '终止调解告知书' }).waitFor();
    expect(await page.getByRole('menuitem', { name: '调解通知书…' }).count()).toBe(0);
    await openPaper(desk, '结案报告');
    await previewShown(desk, '结案报告');
    await screenshot(page, 'closing-report');
    await closePreview(desk, 3);

    const printed = await callApi(page, 'documents.listPrinted', { caseId: c.id });
    expect(printed.map((p) => p.kind).sort()).toEqual([
      'CLOSING_REPORT',
      'MAJOR_DISPUTE_REPORT',
      'MEDIATION_NOTICE',
    ]);
    await screenshot(page, 'closing-case-page');
    expect(desk.errors).toEqual([]);
  }, 300_000);
});

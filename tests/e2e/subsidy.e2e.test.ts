import { afterAll, describe, expect, it } from 'vitest';
import { chinaToday } from '../../domain/validation/calendar-date';
import { screenshot, sharedBrowser } from './support/browser';
import { callApi, modalSettled, openDesk, pick, setUpRoom, type Desk } from './support/desk';
import { saveMediator } from './support/mediator-setup';
import { expectLocator } from './support/locator-expect';

const browser = sharedBrowser();

function herder(name: string, role: 'APPLICANT' | 'RESPONDENT', phone: string) {
  return {
    kind: 'NATURAL',
    role,
    name,
    gender: 'MALE',
    ethnicity: '01',
    birthDate: role === 'APPLICANT' ? '1990-01-01' : '1985-03-15',
    occupation: '牧民',
    phone: { phone },
    address: '锡林浩特市某苏木某嘎查',
    idDocument: null,
    preferredLanguage: 'zh',
    needsInterpreter: false,
  };
}

/**
 * 以案定补 on the real ledger through the built renderer: import the shipped example rule in
 * 设置 and enable it, see the tier the data suggests on a grassland case with the reason, go
 * against it (a reason is required), and open the 补贴申报 tab for the mediator.
 */
describe('以案定补', () => {
  let desk: Desk;
  afterAll(async () => desk?.close());

  it('example rule → suggested 疑难 → confirmed 一般 with a reason → claim tab', async () => {
    desk = await openDesk(browser(), 'subsidy');
    const { page } = desk;
    await page.goto(desk.host.url, { timeout: 60_000 });
    await setUpRoom(page, desk.host.url, '锡');
    const mediator = await saveMediator(page, '其木格', ['zh', 'mn']);
    const today = chinaToday();
    const saved = await callApi(page, 'cases.create', {
      intakeDate: today,
      source: 'ON_APPLICATION',
      category: 'FOREST_LAND',
      subtype: 'GRASSLAND',
      summary: '双方草场相邻，被申请人的牛羊越界放牧，造成申请人草场损失。',
      requests: ['赔偿草场损失'],
      riskLevel: 'MEDIUM',
      amountClaimedFen: 3_000_000,
      mediatorIds: [mediator.id],
      parties: [
        herder('巴特尔', 'APPLICANT', '13904791234'),
        herder('额尔敦', 'RESPONDENT', '13904795678'),
      ],
    } as never);
    const base = page.url().replace(/#.*$/, '');

    // 设置: the example is marked as an example; enabling it is one click.
    await page.goto(`${base}#/settings`);
    const section = page.getByTestId('subsidy-rules-section');
    await section.getByRole('button', { name: '导入示例规则' }).click();
    await page
      .getByRole('menuitem', { name: '示例：按难易程度分档（一般 / 疑难 / 重大）' })
      .click();
    await expectLocator(section).toContainText('示例');
    await section.getByRole('button', { name: '启用' }).click();
    await expectLocator(section).toContainText('已启用');
    await screenshot(page, 'subsidy-settings');

    // The case page: suggestion and its reason; going against it needs a reason.
    await page.goto(`${base}#/cases/${saved.case.id}`);
    const panel = page.getByTestId('case-subsidy-panel');
    await expectLocator(panel).toContainText('疑难');
    await expectLocator(panel).toContainText('争议金额 30,000.00 元（标准：20,000.00 元以上）');
    await expectLocator(panel).toContainText('结案后判断');
    await panel.getByRole('button', { name: '确认档次' }).click();
    const dialog = page.getByRole('dialog');
    await modalSettled(page);
    await dialog.getByLabel('一般', { exact: true }).check();
    await dialog.getByRole('button', { name: '确认档次' }).click();
    await dialog.getByText('所选档次与建议不同，请填写调整理由').waitFor();
    await dialog.getByLabel('调整理由').fill('事实清楚，一次调解即可');
    await dialog.getByRole('button', { name: '确认档次' }).click();
    await expectLocator(panel.getByTestId('subsidy-confirmed-tier')).toContainText('一般');
    await expectLocator(panel).toContainText('事实清楚，一次调解即可');
    await screenshot(page, 'subsidy-case-panel');

    // 统计上报 → 补贴申报: the case has no outcome yet, so the pack is empty and says so.
    await page.goto(`${base}#/reports`);
    await page.getByRole('tab', { name: '补贴申报' }).click();
    await pick(page, page.getByTestId('claim-mediator'), '其木格');
    await page.getByTestId('claim-build').click();
    const pack = page.getByTestId('claim-pack');
    await expectLocator(pack).toContainText('当前启用的是示例规则');
    await expectLocator(pack).toContainText('该期间没有这名调解员调结的案件');
    await expectLocator(pack).toContainText('以司法所和县司法局审核认定为准');
    await screenshot(page, 'subsidy-claim-tab');

    const history = await callApi(page, 'cases.history', { caseId: saved.case.id });
    expect(history.some((h) => h.fields.some((f) => f.label === '补贴档次'))).toBe(true);
    expect(desk.errors).toEqual([]);
  }, 180_000);
});

import { describe, expect, it } from 'vitest';
import { screenshot, sharedBrowser } from './support/browser';
import { callApi, modalSettled, openDesk, pick, setUpRoom, type Desk } from './support/desk';
import { expectLocator } from './support/locator-expect';

/** A mediator with a full profile, saved through the API (the 登记表 prints it). */
function saveMediator(page: Desk['page']) {
  return callApi(page, 'mediators.save', {
    id: null,
    expectedVersion: 0,
    name: '巴特尔',
    isPeopleMediator: true,
    languages: ['zh', 'mn'],
    active: true,
    profile: {
      grade: 'GRADE_3',
      filingNumber: '内司调备2026-031',
      filingStatus: 'FILED',
      employment: 'PART_TIME',
      gender: 'MALE',
      birthDate: '1975-05-04',
      phone: '13947901234',
      education: '高中',
      politicalStatus: '群众',
      workUnit: '某嘎查村民委员会',
      title: '调解员',
      trainings: [
        {
          date: '2026-05-10',
          title: '人民调解员岗前培训',
          hours: 16,
          organiser: '锡林浩特市司法局',
        },
      ],
    },
  });
}

/**
 * Issue 15, must-haves 4, 6 and 7 through Chromium and the real dev:web host: a case the court
 * sent, its 综治 lines corrected in the case-details dialog, the court's consent to 30 more days
 * recorded on the case page; then the mediator's 工作量 and 登记表 from 设置 → 调解员.
 */
describe('court-delegated case and mediator papers (real ledger, Chromium)', () => {
  const browser = sharedBrowser();
  let desk: Desk;

  it('records the court lines and extension, corrects the 综治 fields, filters the ledger', async () => {
    desk = await openDesk(browser(), 'court');
    const { page } = desk;
    try {
      await setUpRoom(page, desk.host.url, '草原');
      const mediator = await saveMediator(page);
      const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
      const saved = await callApi(page, 'cases.create', {
        intakeDate: today,
        source: 'ENTRUSTED_COURT',
        courtKind: 'DELEGATED',
        courtName: '锡林浩特市人民法院',
        courtReference: '（2026）内2502民诉前调77号',
        courtReceivedOn: today,
        category: 'FOREST_LAND',
        subtype: 'GRASSLAND',
        summary: '两户因夏季草场边界发生争议。',
        requests: ['确认草场边界'],
        riskLevel: 'MEDIUM',
        mediatorIds: [mediator.id],
        occurredOn: today,
        occurredPlace: '某嘎查夏季草场',
        personsInvolved: 12,
        warningLevel: 'LEVEL_3',
        responsibleLeader: '张明（苏木党委副书记）',
        parties: [
          {
            kind: 'NATURAL',
            role: 'APPLICANT',
            name: '其其格',
            gender: 'FEMALE',
            ethnicity: '02',
            birthDate: '1980-03-04',
            phone: { phone: '13800001234' },
            address: '某嘎查一组',
            idDocument: null,
          },
          {
            kind: 'NATURAL',
            role: 'RESPONDENT',
            name: '额尔敦',
            gender: 'MALE',
            ethnicity: '02',
            birthDate: '1972-02-11',
            phone: { phone: '13900005678' },
            address: '某嘎查二组',
            idDocument: null,
          },
        ],
      });
      const caseId = saved.case.id;
      const base = page.url().replace(/#.*$/, '');
      await page.goto(`${base}#/cases/${caseId}`);
      const facts = page.getByTestId('case-facts');
      await expectLocator(facts).toContainText('锡林浩特市人民法院');
      await expectLocator(facts).toContainText('三级（黄色）');
      await expectLocator(page.getByTestId('court-deadline')).toContainText('还有 30 天');

      // The court consents to 30 more days: recorded with its date and how it was given.
      await facts.getByRole('button', { name: '法院同意延长' }).click();
      await modalSettled(page);
      const dialog = page.getByRole('dialog');
      await dialog.locator('textarea').fill('电话征得承办法官同意');
      await screenshot(page, 'court-extension-dialog');
      await dialog.getByRole('button', { name: '法院同意延长' }).click();
      await dialog.waitFor({ state: 'detached' });
      await expectLocator(page.getByTestId('court-deadline')).toContainText('还有 60 天');
      await expectLocator(page.getByTestId('court-deadline')).toContainText('电话征得承办法官同意');
      await facts.getByRole('button', { name: '法院同意延长' }).waitFor({ state: 'detached' });

      // The 综治 lines are corrected with the intake's own block; the history keeps them.
      await page.getByTestId('edit-case').click();
      await modalSettled(page);
      const caseDialog = page.getByTestId('case-edit-modal');
      await caseDialog.getByTestId('court-fields').waitFor();
      await pick(page, caseDialog.locator('#case-edit_warningLevel'), '一级（红色）');
      await caseDialog.locator('#case-edit_personsInvolved').fill('40');
      await caseDialog.getByTestId('case-edit-reason').fill('苏木综治中心复核后升级');
      await screenshot(page, 'court-case-edit-dialog');
      await caseDialog
        .getByRole('button', { name: '保 存' })
        .or(caseDialog.getByRole('button', { name: '保存' }))
        .click();
      await caseDialog.waitFor({ state: 'detached' });
      await expectLocator(facts).toContainText('一级（红色）');
      await expectLocator(facts).toContainText('40 人');
      const timeline = page.getByTestId('case-timeline');
      await expectLocator(timeline).toContainText('预警等级：三级（黄色） → 一级（红色）');
      await facts.scrollIntoViewIfNeeded();
      await screenshot(page, 'court-case-page');
      const after = await callApi(page, 'cases.get', { caseId });
      expect(after.warningLevel).toBe('LEVEL_1');
      expect(after.personsInvolved).toBe(40);
      expect(after.courtDeadline?.extended).toBe(true);

      // 案件台账: the court filter keeps the court's case and hides the room's own.
      const own = await callApi(page, 'cases.create', {
        intakeDate: today,
        source: 'ON_APPLICATION',
        category: 'NEIGHBOUR',
        subtype: null,
        summary: '两户因院墙排水发生争议。',
        requests: ['改排水沟'],
        riskLevel: 'LOW',
        mediatorIds: [mediator.id],
        parties: [
          {
            kind: 'NATURAL',
            role: 'APPLICANT',
            name: '乌兰',
            gender: 'FEMALE',
            ethnicity: '02',
            birthDate: '1985-03-04',
            phone: { phone: '13800004321' },
            address: '某嘎查三组',
            idDocument: null,
          },
        ],
      });
      await page.goto(`${base}#/cases`);
      const rows = page.locator('.ant-table-tbody');
      await rows.locator(`tr[data-row-key="${own.case.id}"]`).waitFor();
      await pick(page, page.getByTestId('ledger-court-filter'), '委派调解（诉前）');
      await rows.locator(`tr[data-row-key="${own.case.id}"]`).waitFor({ state: 'detached' });
      await rows.locator(`tr[data-row-key="${caseId}"]`).waitFor();
      await screenshot(page, 'ledger-court-filter');
      await pick(page, page.getByTestId('ledger-court-filter'), '已过法院期限');
      await rows.locator(`tr[data-row-key="${caseId}"]`).waitFor({ state: 'detached' });

      expect(desk.errors).toEqual([]);
    } catch (error) {
      await screenshot(page, 'court-and-mediator-failure');
      throw error;
    } finally {
      await desk.close();
    }
  });

  it("shows a mediator's workload and 登记表, records copies printed, lists the versions", async () => {
    desk = await openDesk(browser(), 'mediator');
    const { page } = desk;
    try {
      await setUpRoom(page, desk.host.url, '草原');
      await saveMediator(page);
      await page.goto(page.url().replace(/#.*$/, ''));
      // 设置 → 调解员: the mediator's workload for the year and the 登记表.
      await page.getByRole('menuitem', { name: '设置' }).click();
      const section = page.getByTestId('mediators-section');
      await section.getByRole('button', { name: '工作量' }).click();
      await modalSettled(page);
      const workload = page.getByTestId('mediator-workload');
      await expectLocator(workload).toContainText('本期没有调结的案件');
      await expectLocator(workload).toContainText('受理案件');
      await screenshot(page, 'mediator-workload');
      await page.keyboard.press('Escape');
      await page.getByTestId('mediator-workload').waitFor({ state: 'detached' });
      await section.getByRole('button', { name: '登记表' }).click();
      await modalSettled(page);
      const register = page.getByTestId('mediator-register');
      await expectLocator(register).toContainText('打印存档第 1 版');
      await register.locator('canvas').first().waitFor();
      // dev:web has no printer: the clerk prints the downloaded PDF and records the copies.
      // antd's InputNumber puts the test id on its <input>.
      await register.getByTestId('print-copies').fill('2');
      await register.getByTestId('print-stored').click();
      await register.getByTestId('record-print').click();
      const versions = register.getByTestId('mediator-register-versions');
      await expectLocator(versions).toContainText('1 次，共 2 份');
      await expectLocator(versions).toContainText('现行');
      await screenshot(page, 'mediator-register');
      expect(desk.errors).toEqual([]);
    } catch (error) {
      await screenshot(page, 'mediator-papers-failure');
      throw error;
    } finally {
      await desk.close();
    }
  });
});

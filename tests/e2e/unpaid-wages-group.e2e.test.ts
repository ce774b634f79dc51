import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, sharedBrowser } from './support/browser';
import {
  addMediator,
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

const WORKERS = [
  '马福祥',
  '韩有才',
  '李建军',
  '马小军',
  '张海龙',
  '王德明',
  '冶成林',
  '赵永福',
  '刘军',
  '丁国强',
  '杨得胜',
];

const workerId = (i: number) =>
  validIdNumber('620102', `198${i % 10}0${(i % 9) + 1}15`, 11 + 2 * i);

/**
 * One worker typed the way a mediator does it: the card's name box already has focus, Tab twice
 * reaches the ID number (which fills in gender and birth date), Enter in the address adds the
 * next card.
 */
async function typeWorker(page: Page, index: number, worker: number) {
  const name = WORKERS[worker] ?? '';
  await expectLocator(page.locator(`#intake_parties_${index}_name`)).toHaveValue('');
  await page.waitForFunction(
    (id) => document.activeElement?.id === id,
    `intake_parties_${index}_name`,
  );
  await page.keyboard.type(name);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.type(workerId(worker));
  await typeAndPick(
    page,
    page.locator(`#intake_parties_${index}_ethnicity`),
    worker % 3 === 0 ? '回' : '汉',
    worker % 3 === 0 ? '回族' : '汉族',
  );
  await page.locator(`#intake_parties_${index}_occupation`).fill('建筑工人');
  await page
    .locator(`#intake_parties_${index}_phone_phone`)
    .fill(`1390931${String(1000 + worker)}`);
  await page.locator(`#intake_parties_${index}_address`).fill('兰州市城关区某街道');
}

describe('12-person unpaid-wage group dispute (real ledger, Chromium)', () => {
  const browser = sharedBrowser();
  let desk: Desk;

  it('registers 11 workers and the employer by keyboard and shows the case on 工作台', async () => {
    desk = await openDesk(browser(), 'wages');
    const { page } = desk;
    try {
      await setUpRoom(page, desk.host.url, '城关');
      await addMediator(page, '马建国');

      // High-risk cases are due in 5 days here, so this one shows up as due soon.
      const caseSettings = page.getByTestId('case-settings-section');
      await caseSettings.getByLabel('高风险').fill('5');
      await caseSettings.getByRole('button', { name: '保存案件设置' }).click();
      await page.getByText('案件设置已保存').waitFor();
      await screenshot(page, 'wages-settings');

      await page.getByRole('menuitem', { name: '受理登记' }).click();
      await typeWorker(page, 0, 0);
      await page.locator('#intake_parties_0_address').press('Enter');

      // Card 2 exists from the start as the respondent: the employer.
      await page.waitForFunction(() => document.activeElement?.id === 'intake_parties_1_name');
      await pick(page, page.locator('#intake_parties_1_kind'), '法人');
      await page.locator('#intake_parties_1_name').fill('兰州某建筑劳务有限公司');
      await page.locator('#intake_parties_1_legalRepName').fill('赵德才');
      await page.locator('#intake_parties_1_legalRepTitle').fill('经理');
      await page.locator('#intake_parties_1_phone_phone').fill('0931-8123456');
      await page.locator('#intake_parties_1_address').fill('兰州市城关区某路88号');
      await page.locator('#intake_parties_1_address').press('Enter');

      for (let worker = 1; worker < WORKERS.length; worker += 1) {
        const index = worker + 1;
        await typeWorker(page, index, worker);
        // The new card copies the applicant role of the card before.
        await expectLocator(page.getByTestId(`party-card-${index}`)).toContainText('申请人');
        if (worker < WORKERS.length - 1) {
          await page.locator(`#intake_parties_${index}_address`).press('Enter');
        }
      }
      expect(await page.locator('[data-testid^="party-card-"]').count()).toBe(12);

      await pick(page, page.locator('#intake_category'), '劳动争议纠纷');
      await pick(page, page.locator('#intake_subtype'), '拖欠农民工工资纠纷');
      await page.locator('#intake_amountClaimedFen').fill('286000');
      await page
        .locator('#intake_summary')
        .fill(
          '11名农民工在某小区工地务工，工程完工后劳务公司以总包方未结算为由拖欠工资共计28.6万元。',
        );
      await page.locator('#intake_requests_0').fill('支付拖欠的工资286000元');
      await pick(page, page.locator('#intake_riskLevel'), '高（橙）');
      await page.getByRole('checkbox', { name: '群体性纠纷' }).check();
      await page.getByRole('checkbox', { name: '拖欠农民工工资' }).check();
      expect(await page.getByRole('checkbox', { name: '涉及人数众多（群体性）' }).isChecked()).toBe(
        true,
      );
      await pick(page, page.locator('#intake_mediatorIds'), '马建国', { multiple: true });
      await page.keyboard.press('Escape');
      await noOpenDropdown(page);
      await screenshot(page, 'wages-intake');
      await page.getByRole('button', { name: '保存登记（Ctrl+回车）' }).first().click();

      await page.getByTestId('case-title').waitFor();
      await expectLocator(page.getByText('当事人（12）')).toContainText('12');
      await page
        .getByTestId('case-actions')
        .getByRole('button', { name: '受理', exact: true })
        .click();
      await modalSettled(page);
      await page.getByRole('dialog').getByRole('button', { name: '受理', exact: true }).click();
      await expectLocator(page.getByTestId('case-number')).toContainText('城关调字第001号');
      await screenshot(page, 'wages-case');

      // 工作台: due soon (5 days), this month's counts, and the orange high-risk tag.
      await page.getByRole('menuitem', { name: '工作台' }).click();
      const dueSoon = page.getByTestId('dashboard-due-soon');
      await expectLocator(dueSoon).toContainText('城关调字第001号');
      await expectLocator(dueSoon).toContainText('高（橙）');
      await expectLocator(page.getByTestId('dashboard-month')).toContainText('本月登记');
      const month = await page.getByTestId('dashboard-month').innerText();
      expect(month).toMatch(/本月登记\s*1\s*件/);
      expect(month).toMatch(/本月受理\s*1\s*件/);
      expect(month).toContain('劳动争议纠纷 1');
      const tagColour = await dueSoon
        .getByTestId('risk-tag')
        .first()
        .evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(tagColour).toBe('rgb(239, 108, 0)');
      await screenshot(page, 'wages-dashboard');

      // A new intake for one of the workers warns about the open case and links to it.
      await dueSoon.getByRole('link').first().click();
      await page.getByTestId('case-title').waitFor();
      await page.getByRole('menuitem', { name: '受理登记' }).click();
      await page.locator('#intake_parties_0_name').fill(WORKERS[3] ?? '');
      await page.locator('#intake_parties_0_idDocument_number').fill(workerId(3));
      await page.locator('#intake_parties_0_idDocument_number').press('Tab');
      await expectLocator(page.getByTestId('party-0-duplicate')).toContainText(
        '该当事人有 1 件未结纠纷',
      );
      // A minor without a guardian is marked at once.
      await page
        .locator('#intake_parties_1_idDocument_number')
        .fill(validIdNumber('620102', '20150601', 21));
      await expectLocator(page.getByTestId('party-1-minor')).toContainText('未满18周岁');
      await screenshot(page, 'wages-duplicate-warning');

      expect(desk.errors).toEqual([]);
    } catch (error) {
      await screenshot(page, 'wages-failure');
      throw error;
    } finally {
      await desk.close();
    }
  });
});

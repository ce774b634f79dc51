import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, sharedBrowser } from './support/browser';
import { callApi, openDesk, setUpRoom } from './support/desk';
import { E2E_DIRECTOR, hostApi } from './support/dev-web-host';
import { casesOfCairangAndDuoji } from './support/mediator-setup';

const MEDIATOR = { loginName: 'cairang', password: 'tiaojie-2026' };

/** Signs someone else in at the host; the page learns who is at the desk when it reloads. */
async function signInAs(
  page: Page,
  url: string,
  who: { readonly loginName: string; readonly password: string },
  menu: string,
) {
  await hostApi(url, 'accounts.signIn', { loginName: who.loginName, password: who.password });
  await page.reload();
  await page.getByTestId('user-menu').filter({ hasText: menu }).waitFor();
}

/** 设置 → 账号: the director flips 调解员可查看本调委会全部案件（只读） and waits for it to hold. */
async function flipReadRoom(page: Page, on: boolean) {
  await page.getByRole('menuitem', { name: '设置' }).click();
  const flip = page.getByTestId('mediators-read-room');
  await flip.waitFor();
  await flip.click();
  await page.locator(`[data-testid="mediators-read-room"][aria-checked="${on}"]`).waitFor();
  expect((await callApi(page, 'accounts.session', {})).mediatorsReadRoom).toBe(on);
}

/**
 * Issue 11 (§7.3 "+ cases of their committee read-only if configured"): the director allows it
 * in 设置; a 调解员 then lists 全部案件（只读） and opens another's case to look only — a banner,
 * no action, no 查看 of the whole number, and the reveal refused; turned off, the case is
 * refused again.
 */
describe('调解员可查看本调委会全部案件（只读） (real ledger, Chromium)', () => {
  const browser = sharedBrowser();

  it('the director turns it on; 才让 reads 多吉’s case without a single action; off closes it', async () => {
    const desk = await openDesk(browser(), 'mediators-read-room');
    const { page } = desk;
    // Many steps on a shared machine: one step may outlast the default wait.
    page.setDefaultTimeout(30_000);
    try {
      const url = desk.host.url;
      await setUpRoom(page, url, '金峰');
      const { cairang, id, own, other } = await casesOfCairangAndDuoji(page);
      await hostApi(url, 'accounts.create', {
        ...MEDIATOR,
        displayName: '才让',
        role: 'MEDIATOR',
        mediatorId: cairang.id,
      });

      // 多吉's case in mediation, with a draft agreement 才让 could type the address of
      const accepted = await callApi(page, 'cases.transition', {
        caseId: other.case.id,
        expectedVersion: other.case.version,
        input: { action: 'ACCEPT', acceptedDate: '2026-03-02' },
      });
      const mediating = await callApi(page, 'cases.transition', {
        caseId: accepted.id,
        expectedVersion: accepted.version,
        input: { action: 'START_MEDIATION' },
      });
      const draft = await callApi(page, 'agreements.createDraft', { caseId: mediating.id });

      await flipReadRoom(page, true);
      await screenshot(page, 'mediators-read-room-setting');

      await signInAs(page, url, MEDIATOR, '才让（调解员）');
      const base = page.url().replace(/#.*$/, '');
      await page.goto(`${base}#/cases`);
      await page.getByTestId(`ledger-row-${own.case.id}`).waitFor();
      expect(await page.getByTestId(`ledger-row-${other.case.id}`).count()).toBe(0);
      await page.getByTestId('ledger-all-cases').getByText('全部案件（只读）').click();
      await page.getByTestId(`ledger-row-${other.case.id}`).click();

      await page.getByTestId('case-title').filter({ hasText: '多吉承办的草场纠纷' }).waitFor();
      await page
        .getByTestId('case-read-only')
        .filter({ hasText: '只读：这不是您承办的案件' })
        .waitFor();
      const wang = other.case.parties[0]!;
      await page.getByTestId(`id-number-${wang.id}`).waitFor();
      await page.getByText('办理经过').first().waitFor();
      expect(await page.getByTestId(`reveal-id-${wang.id}`).count()).toBe(0);
      for (const testId of ['edit-case', 'add-party', 'add-investigation', 'print-documents']) {
        expect(await page.getByTestId(testId).count(), testId).toBe(0);
      }
      for (const name of ['受理', '不予受理', '添加调解记录', '打印文书']) {
        expect(await page.getByRole('button', { name, exact: true }).count(), name).toBe(0);
      }
      expect(await page.getByTestId('case-no-actions').innerText()).toBe(
        '只读查看：您不是本案承办调解员，不能办理本案',
      );
      expect(await page.content()).not.toContain(id);
      // phones and addresses come masked from the main process, as the banner says
      await page.getByText('138****1234').first().waitFor();
      expect(await page.content()).not.toContain('13800001234');
      expect(await page.content()).not.toContain('长江源村');
      await screenshot(page, 'mediators-read-room-case');
      // the agreement's address typed by hand: the banner and the way back, no editor
      await page.goto(`${base}#/agreements/${draft.id}`);
      await page.getByTestId('agreement-read-only').waitFor();
      expect(await page.getByRole('button').allInnerTexts()).not.toContain('保存草稿');
      expect(await page.getByTestId('agreement-number').count()).toBe(0);
      await page
        .getByTestId('agreement-read-only')
        .getByRole('button', { name: '返回案件' })
        .click();
      await page.getByTestId('case-read-only').waitFor();
      await expect(
        hostApi(url, 'parties.revealIdNumber', {
          caseId: other.case.id,
          partyId: wang.id,
          reason: '核对身份信息',
        }),
      ).rejects.toThrow('NOT_OWN_CASE');

      await signInAs(page, url, E2E_DIRECTOR, '卓玛');
      await flipReadRoom(page, false);
      await signInAs(page, url, MEDIATOR, '才让（调解员）');
      await page.goto(`${base}#/cases/${other.case.id}`);
      await page.locator('.ant-result-error').filter({ hasText: '这不是您承办的案件' }).waitFor();
      expect(await page.getByTestId('case-read-only').count()).toBe(0);
      expect(await page.content()).not.toContain('多吉承办的草场纠纷');
      expect(desk.errors).toEqual([]);
    } finally {
      await desk.close();
    }
  }, 300_000);
});

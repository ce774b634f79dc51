import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { screenshot, sharedBrowser } from './support/browser';
import { callApi, openDesk, setUpRoom } from './support/desk';
import { startHost, stopHostUnderPage } from './support/dev-web-host';
import { grasslandIntake } from './support/grassland-intake';
import { pagesOf, smashCellPointers } from '../unit/support/page-damage';

describe('damage and restore as the mediator sees them (real ledger, Chromium)', () => {
  const browser = sharedBrowser();

  it('restoring over a healthy ledger shows the loss and needs the typed sentence and a technical administrator (§7.4); the replaced ledger becomes a backup', async () => {
    const desk = await openDesk(browser(), 'restore-confirm');
    const { page } = desk;
    try {
      await setUpRoom(page, desk.host.url, '金峰');
      await callApi(page, 'cases.create', grasslandIntake('备份前登记的草场纠纷') as never);
      await callApi(page, 'system.backupNow', {});
      await callApi(page, 'cases.create', grasslandIntake('备份后登记的草场纠纷') as never);
      await page.getByRole('menuitem', { name: '设置' }).click();
      const restoreRow = page.getByRole('row').filter({ hasText: /manual-/ });
      await restoreRow.waitFor();
      // the dialog asks the preview alone, which says whether the second person's role exists
      const asked: string[] = [];
      page.on('request', (request) => {
        const body = request.method() === 'POST' ? request.postData() : null;
        const method = body?.match(/^\{"method":"([\w.]+)"/)?.[1];
        if (method) asked.push(method);
      });
      await restoreRow.getByRole('button', { name: '从此备份恢复' }).click();
      const dialog = page.getByRole('dialog');
      // a one-person room is told at once what to do first
      await dialog
        .getByTestId('restore-witness-none')
        .getByText(/请主任先在 设置 → 账号 新建技术管理员账号/)
        .waitFor();
      expect(asked).toContain('system.restorePreview');
      expect(asked).not.toContain('accounts.list');
      // nothing typed could restore yet: the sentence and the second person's fields are closed
      expect(await dialog.getByTestId('restore-phrase').isDisabled()).toBe(true);
      const noWitness = dialog.getByTestId('restore-witness');
      expect(await noWitness.getByLabel('技术管理员的登录名').isDisabled()).toBe(true);
      expect(await noWitness.getByLabel('技术管理员的密码').isDisabled()).toBe(true);
      await dialog.getByRole('button', { name: '取消' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await callApi(page, 'accounts.create', {
        loginName: 'liguanli',
        displayName: '李管理',
        role: 'ADMIN',
        password: 'admin-e2e-2026',
      });
      await page
        .getByRole('row')
        .filter({ hasText: /manual-/ })
        .getByRole('button', { name: '从此备份恢复' })
        .click();
      await dialog.getByText('备份后登记的草场纠纷').waitFor();
      await dialog.getByText(/当前台账是完好的/).waitFor();
      expect(await dialog.getByTestId('restore-witness-none').count()).toBe(0);
      const ok = dialog.getByRole('button', { name: '恢复' });
      expect(await ok.isDisabled()).toBe(true);
      await dialog.getByTestId('restore-phrase').fill('我确认用备份替换当前台账');
      // the sentence alone is not enough: the second person signs too
      expect(await ok.isDisabled()).toBe(true);
      const witness = dialog.getByTestId('restore-witness');
      await witness.getByLabel('技术管理员的登录名').fill('liguanli');
      await witness.getByLabel('技术管理员的密码').fill('wrong-password');
      await ok.click();
      await dialog
        .getByTestId('restore-witness-refusal')
        .getByText('第二人的登录名或密码不正确')
        .waitFor({ timeout: 60_000 });
      await witness.getByLabel('技术管理员的密码').fill('admin-e2e-2026');
      await screenshot(page, 'restore-confirm');
      await ok.click();
      // The window reloads on the settings page with the replaced ledger listed as a backup.
      await page
        .getByRole('row')
        .filter({ hasText: /before-restore-/ })
        .filter({ hasText: '恢复前' })
        .waitFor({ timeout: 30_000 });
      const found = await callApi(page, 'cases.search', {} as never);
      expect(JSON.stringify(found)).not.toContain('备份后登记的草场纠纷');
      expect(desk.errors).toEqual([]);
    } catch (error) {
      await screenshot(page, 'restore-confirm-failure');
      throw error;
    } finally {
      await desk.close();
    }
  });

  it('a damaged ledger: DAMAGED screen, newest good backup offered with what would be lost, restored', async () => {
    const desk = await openDesk(browser(), 'damaged');
    const { page } = desk;
    let host = desk.host;
    try {
      await setUpRoom(page, host.url, '金峰');
      await callApi(page, 'cases.create', grasslandIntake('备份前登记的草场纠纷') as never);
      await callApi(page, 'system.backupNow', {});
      await callApi(page, 'cases.create', grasslandIntake('损坏前最后登记的纠纷') as never);
      await stopHostUnderPage(page, host);
      const ledgerFile = path.join(host.dataDir, 'ledger', 'mediation-desk.sqlite');
      smashCellPointers(ledgerFile, pagesOf(ledgerFile, 'party', 'leaf')[0]!);
      host = await startHost(host.dataDir);
      await page.goto(host.url);
      await page.getByText('台账文件已损坏').first().waitFor();
      const recommended = page.getByTestId('recommended-backup');
      await recommended.getByText('损坏前最后登记的纠纷').waitFor();
      await page.getByText('请技术人员检查这台电脑的硬盘。').first().waitFor();
      // one line per backup: the long file name is cut, its whole name in a tooltip
      const nameCell = page.locator('td.ant-table-cell-ellipsis').filter({ hasText: /manual-/ });
      expect(await nameCell.count()).toBe(1);
      await screenshot(page, 'ledger-damaged');
      await recommended.getByRole('button', { name: '从此备份恢复' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByTestId('restore-loss').waitFor();
      await dialog.getByRole('button', { name: '恢复' }).click();
      await page.getByRole('menuitem', { name: '设置' }).waitFor();
      const found = await callApi(page, 'cases.search', {} as never);
      expect(JSON.stringify(found)).toContain('备份前登记的草场纠纷');
    } catch (error) {
      await screenshot(page, 'ledger-damaged-failure');
      throw error;
    } finally {
      await page.close();
      await host.stop();
      fs.rmSync(host.dataDir, { recursive: true, force: true });
    }
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { screenshot, watchPageErrors, sharedBrowser } from './support/browser';
import { setUpRoom } from './support/desk';
import { freshDataDir, signInDirector, startHost, stopHostUnderPage } from './support/dev-web-host';

describe('a lost ledger is never replaced silently (real ledger, Chromium)', () => {
  const browser = sharedBrowser();

  it('backs up from 设置, says the ledger is missing after it is deleted, and restores it', async () => {
    const dataDir = freshDataDir('recovery');
    let host = await startHost(dataDir);
    const page = await browser().newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(10_000);
    const errors = watchPageErrors(page);
    try {
      await setUpRoom(page, host.url, '锡林');
      await page.getByRole('menuitem', { name: '设置' }).click();
      await page.getByRole('button', { name: '立即备份' }).click();
      await page.getByText(/已备份：manual-/).waitFor();

      // The ledger file disappears (a reinstall, a wrong folder, a disk clean-up).
      await stopHostUnderPage(page, host);
      fs.rmSync(path.join(dataDir, 'ledger'), { recursive: true, force: true });
      host = await startHost(dataDir);
      await page.goto(host.url);
      await page.getByText('找不到案件台账').waitFor();
      // The daily copy from the first start is offered as well as the manual one.
      await page
        .getByRole('row')
        .filter({ hasText: /daily-/ })
        .waitFor();
      await page.getByText(/找不到原有的案件台账文件/).waitFor();
      // No empty ledger was created behind the user's back.
      expect(fs.existsSync(path.join(dataDir, 'ledger', 'mediation-desk.sqlite'))).toBe(false);
      await expect
        .poll(() => page.getByRole('button', { name: '新建空白台账' }).isDisabled())
        .toBe(true);
      await screenshot(page, 'recovery-missing');

      const manualRow = page.getByRole('row').filter({ hasText: /manual-/ });
      await manualRow.getByRole('button', { name: '从此备份恢复' }).click();
      // The ledger is already lost: the check of the backup and its loss, no typed sentence.
      const dialog = page.getByRole('dialog');
      await dialog.getByTestId('restore-loss').waitFor();
      await dialog.getByRole('button', { name: '恢复' }).click();
      await dialog.waitFor({ state: 'hidden' });
      // Nobody could sign in to a missing ledger; the restored one has its accounts again.
      await signInDirector(host.url);
      await page.reload();
      await page.getByRole('menuitem', { name: '设置' }).click();
      await expect
        .poll(() => page.getByLabel('调解委员会名称').inputValue())
        .toBe('锡林浩特市某苏木人民调解委员会');
      expect(errors).toEqual([]);
    } catch (error) {
      await screenshot(page, 'recovery-failure');
      throw error;
    } finally {
      await page.close();
      await host.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

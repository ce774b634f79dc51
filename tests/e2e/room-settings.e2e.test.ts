import fs from 'node:fs';
import { chinaToday } from '../../domain/validation/calendar-date';
import { describe, expect, it } from 'vitest';
import { expectLocator } from './support/locator-expect';
import { screenshot, watchPageErrors, sharedBrowser } from './support/browser';
import { freshDataDir, startHost, stopHostUnderPage } from './support/dev-web-host';

describe('room settings, first run to restart (real ledger, Chromium)', () => {
  const browser = sharedBrowser();

  it('asks for settings on first run, saves them, and still has them after a restart', async () => {
    const dataDir = freshDataDir('settings');
    let host = await startHost(dataDir);
    const page = await browser().newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(10_000);
    const errors = watchPageErrors(page);
    try {
      await page.goto(host.url);
      await page.getByText('欢迎使用调解工作台').waitFor();

      // Submitting the empty form shows Chinese errors next to the fields and saves nothing.
      await page.getByRole('button', { name: '保存并开始使用' }).click();
      await page.getByText('请填写调解委员会名称').waitFor();

      await page.getByLabel('调解委员会名称').fill('金峰路街道人民调解委员会');
      await page.getByLabel('调解室名称').fill('“熬茶”接访工作室');
      await page.getByLabel('调解组织类型').click();
      await page.getByTitle('街道调委会').click();
      await page.getByLabel('统计用区划代码（选填）').fill('63280100');
      await page.getByText('区划代码').first().waitFor();
      await page.getByLabel('编号简称').fill('金峰');
      await page.getByLabel('上报单位').fill('格尔木市司法局');
      await page.getByRole('button', { name: '保存并开始使用' }).click();
      // An 8-digit division code is refused inline.
      await page.locator('.ant-form-item-explain-error').first().waitFor();
      await page.getByLabel('统计用区划代码（选填）').fill('632801001001');
      await expectLocator(page.getByTestId('case-number-preview')).toContainText(
        `（${chinaToday().slice(0, 4)}）金峰调字第001号`,
      );
      await page.getByRole('button', { name: '保存并开始使用' }).click();

      await page.getByRole('menuitem', { name: '设置' }).waitFor();
      await page.getByRole('menuitem', { name: '设置' }).click();
      await expectLocator(page.getByLabel('调解委员会名称')).toHaveValue(
        '金峰路街道人民调解委员会',
      );
      await screenshot(page, 'settings-page');

      // Restart the host against the same data directory: the ledger keeps the settings.
      await stopHostUnderPage(page, host);
      host = await startHost(dataDir);
      await page.goto(host.url);
      await page.getByRole('menuitem', { name: '设置' }).click();
      await expectLocator(page.getByLabel('调解委员会名称')).toHaveValue(
        '金峰路街道人民调解委员会',
      );
      await expectLocator(page.getByLabel('调解室名称')).toHaveValue('“熬茶”接访工作室');
      await expectLocator(page.getByLabel('统计用区划代码（选填）')).toHaveValue('632801001001');

      // Editing works, and the 回访 screen opens from the menu after the save.
      await page.getByLabel('调解室名称').fill('刮碗子接访工作室');
      await page.getByRole('button', { name: '保存', exact: true }).click();
      await page.getByText('设置已保存').waitFor();
      await page.getByRole('menuitem', { name: '回访' }).click();
      await page.getByText('协议履行情况回访', { exact: false }).waitFor();

      expect(errors).toEqual([]);
    } catch (error) {
      await screenshot(page, 'settings-failure');
      throw error;
    } finally {
      await page.close();
      await host.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('runs the page without Node and blocks inline scripts (CSP)', async () => {
    const dataDir = freshDataDir('csp');
    const host = await startHost(dataDir);
    const page = await browser().newPage();
    page.setDefaultTimeout(10_000);
    const errors = watchPageErrors(page);
    try {
      await page.goto(host.url);
      await page.getByText('欢迎使用调解工作台').waitFor();
      const probe = await page.evaluate(() => {
        const w = window as unknown as Record<string, unknown>;
        const script = document.createElement('script');
        script.textContent = 'window.__inlineRan = true';
        document.body.appendChild(script);
        return {
          require: typeof w.require,
          process: typeof w.process,
          inlineRan: w.__inlineRan === true,
          bridgeKeys: Object.keys(w.mediationDesk as object),
        };
      });
      expect(probe).toEqual({
        require: 'undefined',
        process: 'undefined',
        inlineRan: false,
        bridgeKeys: ['invoke'],
      });
      await expect.poll(() => errors.some((e) => e.includes('Content Security Policy'))).toBe(true);
    } finally {
      await page.close();
      await host.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

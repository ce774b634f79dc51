import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { screenshot, sharedBrowser, watchCspViolations } from './support/browser';
import { callApi, openDesk, setUpRoom } from './support/desk';
import { expectLocator } from './support/locator-expect';
import { E2E_ACTOR } from './support/dev-web-host';

describe('统计上报 screen (real ledger, Chromium, strict CSP)', () => {
  const browser = sharedBrowser();

  it('records a screening round, previews the table and charts, exports with progress and history', async () => {
    const desk = await openDesk(browser(), 'reports');
    const { page } = desk;
    const violations = await watchCspViolations(page);
    try {
      await setUpRoom(page, desk.host.url, '苏木');
      await page.getByRole('menuitem', { name: '统计上报' }).click();
      await page.getByTestId('report-summary').waitFor();
      // ECharts is loaded lazily and draws on canvas under the CSP (no eval, no inline styles)
      await page.locator('[data-testid="chart-category"] canvas').waitFor();
      await page.locator('[data-testid="chart-month"] canvas').waitFor();
      await expectLocator(page.getByTestId('organisation-table')).toContainText('41 司法确认数');

      // a screening round through the form
      await page.getByRole('tab', { name: '矛盾纠纷排查' }).click();
      await page.getByTestId('screening-add').click();
      const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
      await page.getByLabel('排查日期').fill(today);
      await page.getByLabel('排查区域').fill('巴音嘎查');
      await page.getByLabel('走访户数').fill('36');
      await page.getByLabel('姓名').fill('乌力吉');
      await page.getByTestId('screening-save').click();
      await page.getByText('排查记录已保存').waitFor();
      await expectLocator(page.getByTestId('screening-list')).toContainText('巴音嘎查');

      await page.getByRole('tab', { name: '统计报表' }).click();
      await expectLocator(page.getByTestId('indicator-table')).toContainText(
        '组织开展矛盾纠纷排查',
      );
      const screeningRow = page
        .getByTestId('indicator-table')
        .locator('tr', { hasText: '排查走访户数' });
      await expectLocator(screeningRow).toContainText('36');

      await page.getByTestId('export-all').click();
      await page.getByTestId('export-progress').waitFor();
      await page.getByText('已导出 4 个文件').waitFor({ timeout: 90_000 });
      await screenshot(page, 'reports-screen');

      await page.getByTestId('open-folder').click();
      await page.getByText('当前环境不能直接打开文件夹').waitFor();

      await page.getByRole('tab', { name: '导出记录' }).click();
      await expectLocator(page.getByTestId('export-history')).toContainText('上报数据包');
      const runs = await callApi(page, 'exports.list', {});
      expect(runs.runs.map((r) => r.kind)).toEqual(['PACKAGE', 'LEDGER', 'STATISTICS']);

      // the identified export needs the typed sentence
      await page.getByRole('tab', { name: '统计报表' }).click();
      await page.getByRole('button', { name: '导出含个人信息的台账…' }).click();
      expect(await page.getByRole('button', { name: '确认导出' }).isDisabled()).toBe(true);
      await page
        .getByRole('textbox', { name: '导出含个人信息的案件台账' })
        .fill('我确认导出含个人信息的案件台账');
      await page.getByRole('button', { name: '确认导出' }).click();
      await page.getByText('已导出 1 个文件').waitFor();

      // 县级汇总: the package this room just exported, imported in the app's county mode
      const pkg = runs.runs.find((r) => r.kind === 'PACKAGE');
      const pkgFile = path.join(pkg?.directory ?? '', pkg?.files[0]?.name ?? '');
      await page.getByRole('tab', { name: '县级汇总' }).click();
      await page.getByTestId('county-file').setInputFiles(pkgFile);
      await expectLocator(page.getByTestId('county-merged')).toContainText('新增');
      await page.getByText('汇总库中有 1 个调解组织').waitFor();
      // The room sent its package and had no disputes this period: a 零报告, not 未上报.
      const rooms = page.getByTestId('county-rooms');
      await expectLocator(rooms).toContainText('零报告 1 个');
      await expectLocator(rooms).toContainText('未上报 0 个');
      await expectLocator(
        page.getByTestId('county-tables').getByTestId('indicator-table'),
      ).toContainText('排查走访户数');
      await page.getByTestId('county-file').setInputFiles(pkgFile);
      await expectLocator(page.getByTestId('county-merged')).toContainText('已导入过');
      // the county table written is listed with its SHA-256
      await expectLocator(page.getByTestId('county-exports')).toContainText('还没有导出过');
      await page.getByTestId('county-export').click();
      await page.getByText(/已导出：.*人民调解工作统计表/).waitFor();
      await expectLocator(page.getByTestId('county-exports')).toContainText(E2E_ACTOR);
      await screenshot(page, 'reports-county-mode');
      expect(desk.errors).toEqual([]);
      // the screening form once had an autoSize TextArea: antd measured it with a style attribute
      expect(violations).toEqual([]);
    } catch (error) {
      await screenshot(page, 'reports-failure');
      throw error;
    } finally {
      await desk.close();
    }
  }, 120_000);
});

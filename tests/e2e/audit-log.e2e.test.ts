import path from 'node:path';
import fs from 'node:fs';
import { openOutside } from '../unit/support/outside-connection.js';
import { describe, expect, it } from 'vitest';
import { screenshot, sharedBrowser } from './support/browser';
import { callApi, openDesk, setUpRoom } from './support/desk';
import { E2E_ACTOR, startHost, stopHostUnderPage } from './support/dev-web-host';
import { grasslandIntake } from './support/grassland-intake';
import { dropAuditTriggers } from '../unit/support/audit-outside';

describe('设置 → 审计日志 (real ledger, Chromium)', () => {
  const browser = sharedBrowser();

  it('lists the writes, verifies, and names a row changed outside the app on 设置 and 工作台', async () => {
    const desk = await openDesk(browser(), 'audit-log');
    const { page } = desk;
    let host = desk.host;
    try {
      await setUpRoom(page, host.url, '金峰');
      await callApi(page, 'cases.create', grasslandIntake('审计日志里的草场纠纷') as never);
      await page.getByRole('menuitem', { name: '设置' }).click();
      const section = page.getByTestId('audit-log-section');
      await section.scrollIntoViewIfNeeded();
      await section.getByTestId('audit-head').waitFor();
      await section.getByRole('button', { name: '核验审计日志' }).click();
      const result = section.getByTestId('audit-verify-result');
      await result.getByText('核验通过').first().waitFor({ timeout: 30_000 });
      // Filter by who acted.
      await section.getByLabel('操作人').fill(E2E_ACTOR);
      await section.getByRole('button', { name: '查询' }).click();
      await section.getByRole('row').filter({ hasText: '当事人 第' }).first().waitFor();
      await screenshot(page, 'audit-log');
      expect(desk.errors).toEqual([]);

      // A technician edits a name with a database tool, triggers dropped first.
      await stopHostUnderPage(page, host);
      const ledgerFile = path.join(host.dataDir, 'ledger', 'mediation-desk.sqlite');
      const outside = openOutside(ledgerFile);
      dropAuditTriggers(outside, 'row');
      outside.prepare("UPDATE party SET name = '李四' WHERE name = '卓玛'").run();
      outside.close();
      host = await startHost(host.dataDir);
      await page.goto(host.url);
      await page.getByRole('menuitem', { name: '设置' }).click();
      const again = page.getByTestId('audit-log-section');
      await again.scrollIntoViewIfNeeded();
      await again.getByRole('button', { name: '核验审计日志' }).click();
      const broken = again.getByTestId('audit-verify-result');
      await broken.getByText('核验未通过：台账在本程序之外被改动').waitFor({ timeout: 30_000 });
      const details = await broken.getByTestId('audit-verify-details').innerText();
      expect(details).toContain('当事人（表 party');
      expect(details).toContain('在本程序之外改动');
      await screenshot(page, 'audit-log-broken');
      await page.getByRole('menuitem', { name: '工作台' }).click();
      await page.getByTestId('audit-problem').waitFor();
      expect(await page.getByTestId('audit-problem').innerText()).toContain(
        '审计核验发现台账在本程序之外被改动',
      );
    } catch (error) {
      await screenshot(page, 'audit-log-failure');
      throw error;
    } finally {
      await page.close();
      await host.stop();
      fs.rmSync(host.dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});

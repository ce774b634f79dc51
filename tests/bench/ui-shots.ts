import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { chinaToday } from '../../domain/validation/calendar-date.js';
import type { BenchModule } from './bench-registry.js';
import { seedBenchLedger } from './seed-ledger.js';
import { readyKeptLedger } from './ui-bench.js';
import { startHost } from '../e2e/support/dev-web-host.js';
import { fifteenPartyDraft } from '../e2e/support/fifteen-parties.js';

/**
 * Not a timing: screenshots of the main screens for comparing the look before and after a change
 * to the styles (issue 13's stylesheet work). `BENCH_SHOTS=<dir>/<prefix> node dist/bench/bench.cjs
 * --only ui-shots` writes <prefix>-board.png, -ledger, -case, -intake15, -settings, -modal. Run
 * the bundle from another build's folder (its dist/dev-web, dist/renderer) for that build's look.
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function settle(page: Page): Promise<void> {
  await page.evaluate('document.fonts.ready');
  await page.waitForFunction("!document.querySelector('.ant-spin-spinning')");
  // Late fallback slices and the popups' entry motion.
  await page.waitForTimeout(1500);
  await page.evaluate('document.fonts.ready');
}

async function shot(page: Page, prefix: string, name: string): Promise<void> {
  await settle(page);
  await page.screenshot({
    path: `${prefix}-${name}.png`,
    fullPage: true,
    animations: 'disabled',
    caret: 'hide',
  });
  console.log(`  ${prefix}-${name}.png`);
}

export const uiShots: BenchModule = {
  name: 'ui-shots',
  async run({ cases }) {
    const prefix = process.env.BENCH_SHOTS;
    if (!prefix || !fs.existsSync(CHROMIUM)) {
      console.log('  skipped: set BENCH_SHOTS=<dir>/<prefix> (and have Chromium)');
      return {};
    }
    fs.mkdirSync(path.dirname(prefix), { recursive: true });
    const today = chinaToday();
    const seeded = await seedBenchLedger(cases, today);
    await readyKeptLedger(seeded.dir);
    const host = await startHost(seeded.dir);
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none'],
    });
    try {
      const context = await browser.newContext({
        viewport: { width: 1400, height: 900 },
        bypassCSP: true,
      });
      const page = await context.newPage();
      await page.goto(host.url);
      await page.getByTestId('dashboard-month').waitFor();
      await page.getByTestId('dashboard-due-soon').waitFor();
      await shot(page, prefix, 'board');

      await page.getByRole('menuitem', { name: '案件台账' }).click();
      await page.locator('.ant-table-tbody tr.ledger-row').first().waitFor();
      await shot(page, prefix, 'ledger');
      await page.locator('.ant-table-tbody tr.ledger-row').first().click();
      await page.getByTestId('case-title').waitFor();
      await shot(page, prefix, 'case');

      await page.evaluate(
        `window.mediationDesk.invoke('formDrafts.save', ${JSON.stringify({
          key: 'intake',
          payloadBase64: fifteenPartyDraft(today, 1),
        })})`,
      );
      await page.getByRole('menuitem', { name: '受理登记' }).click();
      await page.reload();
      await page.locator('#intake_parties_14_name').waitFor({ timeout: 120_000 });
      await shot(page, prefix, 'intake15');

      await page.getByRole('menuitem', { name: '设置' }).click();
      await page.getByTestId('audit-log-section').waitFor();
      await shot(page, prefix, 'settings');
      await page.getByTestId('mediators-section').getByRole('button').first().click();
      await page.locator('.ant-modal').first().waitFor();
      await shot(page, prefix, 'modal');
      await context.close();
      return {};
    } finally {
      await browser.close();
      await host.stop();
      fs.rmSync(seeded.dir, { recursive: true, force: true });
    }
  },
};

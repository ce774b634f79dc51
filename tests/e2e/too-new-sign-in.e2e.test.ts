import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ledgerPaths } from '../../db/ledger-files';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations/index';
import { screenshot, sharedBrowser, watchPageErrors } from './support/browser';
import { E2E_DIRECTOR, freshDataDir, hostApi, startHost } from './support/dev-web-host';
import { expectLocator } from './support/locator-expect';
import { openOutside } from '../unit/support/outside-connection.js';

/**
 * Review finding 3, as a person at the desk meets it: a ledger written by a newer version still
 * holds its accounts, so its recovery screen comes after a sign-in (checked against the file,
 * read-only), not to whoever is at the desk.
 */
describe('a too new ledger with accounts asks who is at the desk first (Chromium)', () => {
  const browser = sharedBrowser();

  it('shows the sign-in screen, then the recovery screen to the director', async () => {
    const dataDir = freshDataDir('too-new-sign-in');
    const first = await startHost(dataDir); // sets the desk up with its director
    await first.stop();
    // The ledger is encrypted: opened with the key in its data folder, as an outside tool would.
    const db = openOutside(ledgerPaths(dataDir).ledgerFile);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();

    const host = await startHost(dataDir); // signs the director in, against the file
    const page = await browser().newPage({ viewport: { width: 1440, height: 900 } });
    page.setDefaultTimeout(10_000);
    const errors = watchPageErrors(page);
    try {
      await hostApi(host.url, 'accounts.signOut', {});
      await page.goto(host.url);
      const screen = page.getByTestId('sign-in-screen');
      await screen.waitFor();
      expect(await page.getByText('台账版本过新').count()).toBe(0);
      await screenshot(page, 'too-new-sign-in');

      await screen.getByLabel('登录名').fill(E2E_DIRECTOR.loginName);
      await screen.getByLabel('密码', { exact: true }).fill(E2E_DIRECTOR.password);
      await page.locator('.desk-screen button[type=submit]:not(.ant-btn-loading)').click();
      await expectLocator(page.locator('.ant-card-head-title').first()).toContainText(
        '台账版本过新',
      );
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await host.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

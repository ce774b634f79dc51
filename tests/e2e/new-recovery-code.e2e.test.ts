import { describe, expect, it } from 'vitest';
import { screenshot, sharedBrowser } from './support/browser';
import { modalSettled, openDesk, setUpRoom } from './support/desk';
import { E2E_DIRECTOR, hostApi } from './support/dev-web-host';
import { expectLocator } from './support/locator-expect';

/**
 * Review finding 5, as a director meets it: 设置 → 账号 → 打印新的恢复码 asks for their own
 * password, shows the new code on the same screen set-up shows it on, and goes back to 账号;
 * the new code then resets this director's password.
 */
describe('a director prints a new recovery code (real ledger, Chromium)', () => {
  const browser = sharedBrowser();

  it('asks for the password, shows the code once, and the code works', async () => {
    const desk = await openDesk(browser(), 'new-recovery-code');
    const { page } = desk;
    try {
      await setUpRoom(page, desk.host.url, '金峰');
      await page.getByRole('menuitem', { name: '设置' }).click();
      const accounts = page.getByTestId('accounts-section');
      await accounts.getByRole('button', { name: '打印新的恢复码' }).click();
      await modalSettled(page);
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('当前密码').fill(E2E_DIRECTOR.password);
      await dialog.getByRole('button', { name: '生成新的恢复码' }).click();

      const shown = page.getByTestId('recovery-code');
      // Argon2 runs for the password, the code and the key slot: slow under load.
      await shown.waitFor({ timeout: 60_000 });
      await expectLocator(page.getByTestId('recovery-code-screen')).toContainText(
        '原来的恢复码已经作废',
      );
      const groups = (await shown.innerText()).split(/\s+/u).filter(Boolean);
      expect(groups).toHaveLength(6);
      await screenshot(page, 'new-recovery-code');
      await page.getByText('我已抄写或打印恢复码，并会妥善保管').click();
      await page.getByRole('button', { name: '继续' }).click();
      await page.getByTestId('recovery-code-screen').waitFor({ state: 'detached' });
      await accounts.waitFor();

      await hostApi(desk.host.url, 'accounts.signOut', {});
      const recovered = (await hostApi(desk.host.url, 'accounts.recover', {
        recoveryCode: groups.join(''),
        newPassword: 'xinmima-2026',
      })) as { session: { user: { loginName: string } } };
      expect(recovered.session.user.loginName).toBe(E2E_DIRECTOR.loginName);
      expect(desk.errors).toEqual([]);
    } finally {
      await desk.close();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { screenshot, sharedBrowser } from './support/browser';
import { callApi, modalSettled, openDesk, setUpRoom, validIdNumber } from './support/desk';
import { grasslandIntake } from './support/grassland-intake';
import { expectLocator } from './support/locator-expect';

/**
 * Issue 11, must-have 4: the case page lists ID numbers masked; 查看 asks why, shows the whole
 * number, and the look is in the audit log with its reason.
 */
describe('ID numbers masked on the case page (real ledger, Chromium)', () => {
  const browser = sharedBrowser();

  it('shows 前 6 位 and 后 4 位; 查看 needs a reason and is audited', async () => {
    const desk = await openDesk(browser(), 'id-reveal');
    const { page } = desk;
    try {
      await setUpRoom(page, desk.host.url, '金峰');
      const id = validIdNumber('632801', '19850704', 124);
      const intake = grasslandIntake('证件号码脱敏的草场纠纷');
      const saved = await callApi(page, 'cases.create', {
        ...intake,
        parties: [
          { ...intake.parties[0], idDocument: { type: 'RESIDENT_ID', number: id } },
          intake.parties[1],
        ],
      } as never);
      const wang = saved.case.parties[0]!;
      await page.goto(`${page.url().replace(/#.*$/, '')}#/cases/${saved.case.id}`);
      const shown = page.getByTestId(`id-number-${wang.id}`);
      await expectLocator(shown).toContainText(`632801********${id.slice(-4)}`);
      expect(await page.getByTestId('parties-table').innerText()).not.toContain(id);

      await page.getByTestId(`reveal-id-${wang.id}`).click();
      await modalSettled(page);
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: /查\s*看/ }).click();
      await expectLocator(dialog.locator('.ant-form-item-explain-error').first()).toContainText(
        '查看原因',
      );
      await dialog.getByLabel('查看原因').fill('核对申请司法确认的身份信息');
      // Typing a reason clears the message at once.
      await expect
        .poll(() => dialog.locator('.ant-form-item-explain-error').count(), { timeout: 10_000 })
        .toBe(0);
      await screenshot(page, 'id-reveal-dialog');
      await dialog.getByRole('button', { name: /查\s*看/ }).click();
      await dialog.waitFor({ state: 'detached' });
      await expectLocator(shown).toContainText(id);

      const audit = await callApi(page, 'audit.list', { action: 'REVEAL_ID' });
      expect(audit.entries).toHaveLength(1);
      expect(audit.entries[0]?.detail).toContain('核对申请司法确认的身份信息');
      expect(audit.entries[0]?.detail).not.toContain(id);
      await screenshot(page, 'id-reveal-shown');
      expect(desk.errors).toEqual([]);
    } finally {
      await desk.close();
    }
  });
});

import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { ARTIFACT_DIR } from './browser';
import { expectLocator } from './locator-expect';

/** A dialog on its own: a full-page shot shows it wherever the page happened to be scrolled. */
export async function shootDialog(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACT_DIR, { recursive: true });
  await page
    .getByRole('dialog')
    .locator('.ant-modal-container, .ant-modal-content')
    .first()
    .screenshot({ path: path.join(ARTIFACT_DIR, `${name}.png`) });
}

/** Types a date into an antd DatePicker (the keyboard way a mediator does it). */
export async function typeDate(page: Page, input: Locator, iso: string): Promise<void> {
  // Typed again when the picker did not take it: under load the first keys can reach the input
  // before the picker has focused it (seen once in CI: the field kept its default date).
  for (let attempt = 1; ; attempt += 1) {
    await input.click();
    await input.press('Control+a');
    await input.pressSequentially(iso);
    await input.press('Enter');
    if (attempt === 3 || (await input.inputValue()) === iso) break;
  }
  await expectLocator(input).toHaveValue(iso);
  await page.waitForFunction(
    () =>
      document.querySelectorAll('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').length ===
      0,
  );
}

import { describe, expect, it } from 'vitest';
import { sharedBrowser } from './support/browser';
import { openDesk, setUpRoom } from './support/desk';

// Strings, not functions: this file is type-checked without the DOM's types.
const RUNTIME_STYLES = `[...document.querySelectorAll('style')].map((s) => (s.textContent ?? '').slice(0, 60))`;
const colorOf = (selector: string, property: string) =>
  `getComputedStyle(document.querySelector(${JSON.stringify(selector)})).${property}`;

/**
 * Issue 13: antd's component styles come from the stylesheet the build makes for the desk's theme
 * (build/antd-style), so the 工作台's first render computes none; what antd still writes at run
 * time is its theme's CSS variables, one small block per component.
 */
describe('antd’s styles made at build time (Chromium)', () => {
  const browser = sharedBrowser();

  it('shows the 工作台 in the desk’s theme with no component styles made at run time', async () => {
    const desk = await openDesk(browser(), 'antd-static-styles');
    const { page } = desk;
    try {
      await setUpRoom(page, desk.host.url, '锡林');
      await page.reload();
      await page.getByTestId('dashboard-month').waitFor();

      const runtime = (await page.evaluate(RUNTIME_STYLES)) as string[];
      expect(runtime.length).toBeGreaterThan(0);
      expect(runtime.filter((text) => !text.startsWith('.css-var-desk'))).toEqual([]);

      // The theme's primary colour (#1d5fa8), not antd's default (#1677ff): the stylesheet was
      // made for the desk's theme.
      expect(await page.evaluate(colorOf('.ant-menu-item-selected', 'color'))).toBe(
        'rgb(29, 95, 168)',
      );
      await page.getByRole('menuitem', { name: '案件台账' }).click();
      await page.getByTestId('ledger-search').waitFor();
      expect(await page.evaluate(colorOf('.ant-btn-primary', 'backgroundColor'))).toBe(
        'rgb(29, 95, 168)',
      );
      expect(desk.errors).toEqual([]);
    } finally {
      await desk.close();
    }
  });
});

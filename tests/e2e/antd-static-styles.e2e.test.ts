import { createElement, type ReactElement } from 'react';
import { extractStyle } from '@ant-design/static-style-extract';
import { ConfigProvider } from 'antd';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { deskTheme } from '../../renderer/src/app/desk-theme';
import { sharedBrowser } from './support/browser';
import { callApi, noOpenDropdown, openDesk, openDropdown, setUpRoom } from './support/desk';
import { grasslandIntake } from './support/grassland-intake';

// Strings, not functions: this file is type-checked without the DOM's types.
const RUNTIME_STYLES = `[...document.querySelectorAll('style')].map((s) => (s.textContent ?? '').slice(0, 60))`;
// The antd classes on the page's elements, popups (portalled into body) included.
const RENDERED_ANT_CLASSES = `[...new Set([...document.querySelectorAll('[class]')].flatMap((el) =>
  [...el.classList].filter((c) => c.startsWith('ant-'))))]`;
// Every class named in a selector of the page's stylesheets, inside @media/@layer blocks too.
const STYLED_CLASSES = `(() => {
  const names = new Set();
  const walk = (rules) => {
    for (const rule of rules) {
      for (const m of (rule.selectorText ?? '').matchAll(/\\.(-?[_a-zA-Z][\\w-]*)/g)) names.add(m[1]);
      if (rule.cssRules) walk(rule.cssRules);
    }
  };
  for (const sheet of document.styleSheets) walk(sheet.cssRules);
  return [...names];
})()`;
const CLASS_IN_CSS = /\.(-?[_a-zA-Z][\w-]*)/g;

/** Classes that antd's full stylesheet (every component) gives rules to. */
function classesAntdStyles(): Set<string> {
  const css = extractStyle({
    customTheme: (node: ReactElement) => createElement(ConfigProvider, { theme: deskTheme }, node),
  });
  return new Set([...css.matchAll(CLASS_IN_CSS)].map((m) => m[1]!));
}

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

  // The stylesheet holds only the components the renderer can draw (build/antd-style/
  // antd-components.ts). A class that antd's full stylesheet styles but ours lacks, on any element
  // the main pages draw, is a component (or a part of one) that lost its styles.
  it('styles every antd class the main pages draw that antd itself styles', async () => {
    const desk = await openDesk(browser(), 'antd-styles-cover');
    const { page } = desk;
    const rendered = new Set<string>();
    const collect = async (where: string, target: Page = page) => {
      for (const name of (await target.evaluate(RENDERED_ANT_CLASSES)) as string[]) {
        rendered.add(name);
      }
      expect(rendered.size, where).toBeGreaterThan(0);
    };
    try {
      await setUpRoom(page, desk.host.url, '锡林');
      await callApi(page, 'cases.create', grasslandIntake('样式检查的草场纠纷') as never);
      await page.reload();
      await page.getByTestId('dashboard-month').waitFor();
      await collect('工作台');

      await page.getByRole('menuitem', { name: '案件台账' }).click();
      await page.locator('.ant-table-tbody tr.ledger-row').first().waitFor();
      await collect('案件台账');
      await page.locator('.ant-table-tbody tr.ledger-row').first().click();
      await page.getByTestId('case-title').waitFor();
      await collect('案件页');

      await page.getByRole('menuitem', { name: '受理登记' }).click();
      await page.locator('#intake_parties_0_name').waitFor();
      await page.locator('.ant-select').first().click();
      await openDropdown(page).waitFor();
      await collect('受理登记 with a dropdown open');
      await page.keyboard.press('Escape');
      // A closing dropdown can catch the next click while it animates out.
      await noOpenDropdown(page);
      await page.locator('.ant-picker').first().click();
      await page.locator('.ant-picker-dropdown').last().waitFor();
      await collect('受理登记 with a date panel open');
      await page.keyboard.press('Escape');

      await page.getByRole('menuitem', { name: '设置' }).click();
      await page.getByTestId('audit-log-section').waitFor();
      await collect('设置');

      const styled = new Set((await page.evaluate(STYLED_CLASSES)) as string[]);
      const antdStyles = classesAntdStyles();
      const lost = [...rendered].filter((name) => antdStyles.has(name) && !styled.has(name));
      expect(lost.sort()).toEqual([]);
      // The check has teeth: the pages drew antd's table, form, select, picker and menu.
      for (const name of ['ant-table', 'ant-form-item', 'ant-select', 'ant-picker', 'ant-menu']) {
        expect(rendered).toContain(name);
      }
      expect(desk.errors).toEqual([]);
    } finally {
      await desk.close();
    }
  });
});

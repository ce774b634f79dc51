import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { antdComponentsUsed } from '../../../build/antd-style/antd-components.ts';

// PlainTitle and PlainText stand in for antd's Typography in the shell and the 工作台 (issue 13:
// Typography brought Input and TextArea's chunk into the entry's preloads). They must draw what
// antd draws for the desk's theme, or the static stylesheet would draw them differently. The
// components are written against the DOM, which this program's lib lacks: loaded by their path at
// run time (vitest transforms them), typed here by what the test uses.
type Element = unknown;
interface React {
  createElement(type: unknown, props: object | null, ...children: unknown[]): Element;
}
const PLAIN = '../../../renderer/src/components/PlainTypography';
const THEME = '../../../renderer/src/app/desk-theme';
const { PlainTitle, PlainText } = (await import(PLAIN)) as {
  PlainTitle: unknown;
  PlainText: unknown;
};
const { deskTheme } = (await import(THEME)) as { deskTheme: object };
const { createElement: h } = (await import('react')) as unknown as React;
const { renderToStaticMarkup } = (await import('react-dom/server')) as {
  renderToStaticMarkup(element: Element): string;
};
const { ConfigProvider, Typography } = (await import('antd')) as unknown as {
  ConfigProvider: unknown;
  Typography: { Title: unknown; Text: unknown };
};

/** Markup as the app renders it: inside the desk's ConfigProvider, with its zero-runtime theme. */
const draw = (element: Element) =>
  renderToStaticMarkup(h(ConfigProvider, { theme: { ...deskTheme, zeroRuntime: true } }, element));

describe('PlainTitle and PlainText', () => {
  it('draw the elements and class names antd’s Typography draws for the desk’s theme', () => {
    const style = { padding: '16px 20px', margin: 0 };
    const pairs: [Element, Element][] = [
      [
        h(Typography.Title, { level: 4, style }, '调解工作台'),
        h(PlainTitle, { level: 4, style }, '调解工作台'),
      ],
      [h(Typography.Title, { level: 3 }, '工作台'), h(PlainTitle, { level: 3 }, '工作台')],
      [
        h(Typography.Text, { type: 'secondary', style }, 'v0.1.0'),
        h(PlainText, { type: 'secondary', style }, 'v0.1.0'),
      ],
      [h(Typography.Text, null, '2026-12-01'), h(PlainText, null, '2026-12-01')],
      [
        h(Typography.Text, { strong: true }, '周二 12-01'),
        h(PlainText, { strong: true }, '周二 12-01'),
      ],
      [
        h(
          Typography.Title,
          { level: 3 },
          '工作台',
          h(Typography.Text, { type: 'secondary' }, '今天'),
        ),
        h(PlainTitle, { level: 3 }, '工作台', h(PlainText, { type: 'secondary' }, '今天')),
      ],
    ];
    for (const [antd, plain] of pairs) expect(draw(plain)).toBe(draw(antd));
  });

  it('are styled by the static stylesheet only while the renderer still imports Typography', () => {
    const root = path.resolve(__dirname, '../../..');
    const used = antdComponentsUsed(
      path.join(root, 'renderer', 'src'),
      path.join(root, 'node_modules', 'antd', 'es'),
    );
    expect(used).toContain('Typography');
  });
});

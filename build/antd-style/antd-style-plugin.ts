import fs from 'node:fs';
import path from 'node:path';
import { createElement, type ReactElement } from 'react';
import { extractStyle } from '@ant-design/static-style-extract';
import { ConfigProvider } from 'antd';
import type { Plugin } from 'vite';
import { deskTheme } from '../../renderer/src/app/desk-theme.ts';
import { pruneAntdCss, pruneGridBreakpoints } from './antd-css-blocks.ts';
import { antdBreakpointsUsed, antdComponentsUsed } from './antd-components.ts';

/** Where the renderer imports the stylesheet from (renderer/src/generated is not in git). */
export const ANTD_STYLE_FILE = path.join('renderer', 'src', 'generated', 'antd-desk.css');

/**
 * antd's component styles for the desk's theme, made once at build time: the app runs antd with
 * `zeroRuntime`, so without this file its components would have no styles at all. Only the
 * components the renderer can draw (antd-components.ts), less what no page matches
 * (antd-css-blocks.ts): every page parses this file.
 */
export function antdDeskCss(root: string): string {
  const rendererSrc = path.join(root, 'renderer', 'src');
  return pruneGridBreakpoints(
    antdExtract(antdComponentsUsed(rendererSrc, path.join(root, 'node_modules', 'antd', 'es'))),
    antdBreakpointsUsed(rendererSrc),
  );
}

/** The given antd components' styles in the desk's theme, as the desk's stylesheet holds them. */
export function antdExtract(includes: readonly string[]): string {
  const css = extractStyle({
    customTheme: (node: ReactElement) => createElement(ConfigProvider, { theme: deskTheme }, node),
    includes: [...includes],
  });
  return pruneAntdCss(css, deskTheme.cssVar.key);
}

/** Writes the stylesheet before Vite reads main.tsx, so every renderer build ships it. */
export function antdStylePlugin(root: string): Plugin {
  return {
    name: 'desk-antd-style',
    buildStart() {
      const file = path.join(root, ANTD_STYLE_FILE);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, antdDeskCss(root));
    },
  };
}

import type { ThemeConfig } from 'antd';

/**
 * The desk's antd theme. The build writes antd's styles for exactly this theme into a static
 * stylesheet (build/antd-style), and the app renders with `zeroRuntime`, so the first render
 * computes no component styles; both must read the same object or the stylesheet and the
 * components' class names drift apart.
 */
export const deskTheme = {
  token: {
    fontFamily: "'DeskUI', 'Noto Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif",
    colorPrimary: '#1d5fa8',
    borderRadius: 4,
  },
  // A fixed key: the static stylesheet scopes the theme's variables to this class.
  cssVar: { key: 'css-var-desk' },
  // Plain selectors: the stylesheet must not depend on a hash of the build's environment.
  hashed: false,
} satisfies ThemeConfig;

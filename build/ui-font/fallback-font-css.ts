import type { Plugin } from 'vite';

/*
 * The fallback family's stylesheets (@fontsource/noto-sans-sc 400 and 700, ~100 unicode-range
 * slices each) name a woff file after every woff2 one. The app is Chromium only, which always
 * takes the woff2, so the woff sources are dead weight: ~20 KB of the first screen's CSS and
 * 196 woff files (6.3 MB) copied into dist/renderer.
 */

const FONTSOURCE_CSS = /[\\/]@fontsource[\\/][\w-]+[\\/][\w-]+\.css$/;
const WOFF_SOURCE = /,\s*url\([^)]*\.woff\)\s*format\(['"]woff['"]\)/g;

/** The stylesheet with only the woff2 source of each face. */
export function woff2Only(css: string): string {
  return css.replace(WOFF_SOURCE, '');
}

/** Cuts the woff sources from @fontsource stylesheets before Vite resolves their urls. */
export function fallbackFontCssPlugin(): Plugin {
  return {
    name: 'desk-fallback-font-css',
    enforce: 'pre',
    transform(code, id) {
      return FONTSOURCE_CSS.test(id.split('?')[0]!) ? { code: woff2Only(code), map: null } : null;
    },
  };
}

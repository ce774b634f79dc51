import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { antdStylePlugin } from '../build/antd-style/antd-style-plugin.ts';
import { fallbackFontCssPlugin } from '../build/ui-font/fallback-font-css.ts';
import { uiFontPlugin } from '../build/ui-font/ui-font-plugin.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

// With its dependencies (the group takes them along): the API client, the messages, the roles.
const BOOT_MODULES = /[\\/]renderer[\\/]src[\\/]app[\\/]boot-start\.ts$/;

export default defineConfig({
  root: here,
  base: './',
  plugins: [
    react(),
    uiFontPlugin(path.join(here, '..')),
    fallbackFontCssPlugin(),
    antdStylePlugin(path.join(here, '..')),
  ],
  build: {
    outDir: path.join(here, '..', 'dist', 'renderer'),
    emptyOutDir: true,
    // A desktop app loads from disk: big chunks cost little, but keep antd out of the entry.
    chunkSizeWarningLimit: 2500,
    modulePreload: { polyfill: false },
    // The minifier rounds antd's numbers (33.33333333333333% to 33.3333%, line heights): the build's
    // antd stylesheet (build/antd-style) would lay out a fraction of a pixel off the runtime styles.
    cssMinify: false,
    sourcemap: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // The window's first requests and what they need, in a chunk the entry evaluates
          // first (app/boot-start.ts): not behind React's and antd's evaluation.
          groups: [{ name: 'boot', test: BOOT_MODULES, priority: 10 }],
        },
      },
    },
  },
});

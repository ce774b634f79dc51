import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { uiFontPlugin } from '../build/ui-font/ui-font-plugin.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  plugins: [react(), uiFontPlugin(path.join(here, '..'))],
  build: {
    outDir: path.join(here, '..', 'dist', 'renderer'),
    emptyOutDir: true,
    // A desktop app loads from disk: big chunks cost little, but keep antd out of the entry.
    chunkSizeWarningLimit: 2500,
    modulePreload: { polyfill: false },
    sourcemap: true,
  },
});

import type { Plugin } from 'vite';
import { writeUiFonts } from './ui-font-files.ts';

/**
 * Writes the UI font before Vite reads renderer/src/app/ui-font.css, so every renderer build
 * (build.mjs, the benches, the e2e tests' build) ships fonts made from the current strings.
 */
export function uiFontPlugin(root: string): Plugin {
  return {
    name: 'desk-ui-font',
    async buildStart() {
      await writeUiFonts(root);
    },
  };
}

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fallbackFontCssPlugin, woff2Only } from '../../../build/ui-font/fallback-font-css.ts';

// Issue 13: the fallback family's faces name only their woff2 file (Chromium never takes the
// woff), so the first screen's CSS is smaller and dist ships no woff files.

const fontsource = path.resolve(__dirname, '../../../node_modules/@fontsource/noto-sans-sc');

describe('the fallback font’s stylesheets', () => {
  it.each(['400.css', '700.css'])('keep every face of %s with its woff2 source only', (file) => {
    const id = path.join(fontsource, file);
    const css = fs.readFileSync(id, 'utf8');
    const faces = (text: string) => text.match(/@font-face\s*\{[^}]*\}/g) ?? [];
    const before = faces(css);
    expect(before.length).toBeGreaterThan(90);
    expect(css).toMatch(/\.woff\)/);

    const plugin = fallbackFontCssPlugin();
    const transform = plugin.transform as (code: string, id: string) => { code: string } | null;
    const after = faces(transform(css, id)!.code);
    expect(after).toHaveLength(before.length);
    for (const [i, face] of after.entries()) {
      expect(face).not.toMatch(/\.woff\)/);
      expect(face.match(/url\([^)]*\.woff2\)\s*format\('woff2'\)/g)).toHaveLength(1);
      // the face is otherwise untouched: its unicode-range and weight decide when it loads
      expect(face).toBe(woff2Only(before[i]!));
      expect(face.replace(/\s+/g, '')).toContain(
        before[i]!.match(/unicode-range:[^;]*/)![0]!.replace(/\s+/g, ''),
      );
    }
  });

  it('leaves other stylesheets alone', () => {
    const transform = fallbackFontCssPlugin().transform as (code: string, id: string) => unknown;
    expect(transform('a{}', '/x/renderer/src/app/global.css')).toBeNull();
  });
});

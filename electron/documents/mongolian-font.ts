import { readFileSync } from 'node:fs';
// Before fontkit loads: lighter stand-ins for some of its dependencies (see there).
import './dependency-stand-ins.js';
import * as fontkit from 'fontkit';
import type { DocumentFontFiles } from './font-registry.js';
import { primeGlyphOffsets } from './glyph-offsets.js';
import { mongolianShaper, type MongolianShaper } from './mongolian-shaper.js';

/**
 * The traditional Mongolian font of the annexes, opened on first use (most documents have none):
 * the same bytes go to HarfBuzz, which shapes, and to fontkit, through which pdfkit subsets and
 * embeds the glyphs HarfBuzz chose. fontkit never lays this font out (its GSUB code fails on it).
 */
export interface MongolianFont {
  readonly file: string;
  readonly font: fontkit.Font;
  readonly shaper: MongolianShaper;
}

export class MongolianFontMissingError extends Error {
  constructor() {
    super('找不到传统蒙古文字体（Noto Sans Mongolian），无法排印蒙古文译文');
    this.name = 'MongolianFontMissingError';
  }
}

const opened = new Map<string, Promise<MongolianFont>>();

async function open(file: string): Promise<MongolianFont> {
  const bytes = readFileSync(file);
  const font = fontkit.create(bytes);
  if ('fonts' in font) throw new Error(`文书字体不能是字体集合（.ttc）：${file}`);
  primeGlyphOffsets(font, bytes);
  return { file, font, shaper: await mongolianShaper(bytes) };
}

/** Opens (once per process) the Mongolian font located by `resolveFontFiles`. */
export function loadMongolianFont(
  files: Pick<DocumentFontFiles, 'mongolian'>,
): Promise<MongolianFont> {
  const file = files.mongolian;
  if (file === undefined) return Promise.reject(new MongolianFontMissingError());
  let font = opened.get(file);
  if (!font) {
    font = open(file);
    opened.set(file, font);
  }
  return font;
}

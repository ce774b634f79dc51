import type { Font } from 'fontkit';
import type { FontKey } from './layout-boxes.js';

/**
 * Widths and line heights from the parsed fontkit fonts, and the split of a text into runs per
 * font: the measure stage and the draw stage use the same split, so what is measured is what
 * is drawn. A character the main font lacks comes from the next font of its chain (Tibetan
 * text takes Chinese punctuation such as （） from the Chinese font; rare CJK Extension
 * characters come from the fallback font when one is shipped).
 */

/** Names under which the fonts are registered with pdfkit. */
export type PdfFontName = 'serif' | 'serif-bold' | 'tibetan' | `fallback-${number}`;

export interface MetricFonts {
  readonly serif: Font;
  readonly serifBold: Font;
  /** Parsed lazily by font-registry: only touched when Tibetan text is measured. */
  readonly tibetan: Font;
  /** Rare-character fallbacks; also lazy: only touched when the main font lacks a character. */
  readonly fallbacks?: readonly Font[] | undefined;
}

export interface FontRun {
  readonly font: PdfFontName;
  readonly text: string;
}

const CHAINS: Readonly<Record<FontKey, readonly PdfFontName[]>> = {
  serif: ['serif'],
  serifBold: ['serif-bold'],
  tibetan: ['tibetan', 'serif'],
};

/** Characters that are layout, not ink: drawn with whatever font the run has. */
const isLayout = (cp: number) => cp === 0x20 || cp === 0x09 || cp === 0x3000;

export class TextMetrics {
  private readonly widthCache = new Map<PdfFontName, Map<string, number>>();
  private readonly runCache = new Map<FontKey, Map<string, FontRun[]>>();

  constructor(private readonly fonts: MetricFonts) {}

  font(name: PdfFontName): Font | undefined {
    switch (name) {
      case 'serif':
        return this.fonts.serif;
      case 'serif-bold':
        return this.fonts.serifBold;
      case 'tibetan':
        return this.fonts.tibetan;
      default:
        return this.fonts.fallbacks?.[Number(name.slice('fallback-'.length))];
    }
  }

  /** The fallback fonts' names, in order (parses them: call only for a missing character). */
  private fallbackNames(): PdfFontName[] {
    return (this.fonts.fallbacks ?? []).map((_, i): PdfFontName => `fallback-${i}`);
  }

  /** Which font of the chain prints `cp` (the first font of the chain when none has it). */
  private fontFor(cp: number, key: FontKey): PdfFontName {
    const chain = CHAINS[key];
    const first = chain[0] ?? 'serif';
    if (isLayout(cp)) return first;
    for (const name of chain) {
      const font = this.font(name);
      if (font?.hasGlyphForCodePoint(cp)) return name;
    }
    for (const name of this.fallbackNames()) {
      if (this.font(name)?.hasGlyphForCodePoint(cp)) return name;
    }
    return first;
  }

  runs(text: string, key: FontKey): readonly FontRun[] {
    let cache = this.runCache.get(key);
    if (!cache) {
      cache = new Map();
      this.runCache.set(key, cache);
    }
    const cached = cache.get(text);
    if (cached) return cached;
    const out: FontRun[] = [];
    let currentFont: PdfFontName | null = null;
    let buffer = '';
    for (const ch of text) {
      const cp = ch.codePointAt(0) ?? 0;
      // Combining marks stay with their base character (shaped together).
      const isMark = /^\p{M}$/u.test(ch);
      const font: PdfFontName =
        isMark && currentFont !== null ? currentFont : this.fontFor(cp, key);
      if (font !== currentFont && buffer !== '') {
        out.push({ font: currentFont ?? font, text: buffer });
        buffer = '';
      }
      currentFont = font;
      buffer += ch;
    }
    if (buffer !== '') {
      out.push({ font: currentFont ?? CHAINS[key][0] ?? 'serif', text: buffer });
    }
    if (cache.size < 50_000) cache.set(text, out);
    return out;
  }

  /** Advance width of a run in font units per em (shaped, as pdfkit lays it out). */
  private unitWidth(run: FontRun): number {
    let cache = this.widthCache.get(run.font);
    if (!cache) {
      cache = new Map();
      this.widthCache.set(run.font, cache);
    }
    const cached = cache.get(run.text);
    if (cached !== undefined) return cached;
    const font = this.font(run.font);
    if (!font) return 0;
    const scale = 1000 / font.unitsPerEm;
    let width: number;
    const cp = run.text.codePointAt(0) ?? 0;
    if (run.text.length <= 2 && String.fromCodePoint(cp).length === run.text.length) {
      width = font.glyphForCodePoint(cp).advanceWidth * scale;
    } else {
      width = font.layout(run.text).advanceWidth * scale;
    }
    if (cache.size < 100_000) cache.set(run.text, width);
    return width;
  }

  /** Printed width in points; characterSpacing is added after every character but the last. */
  width(text: string, key: FontKey, size: number, characterSpacing = 0): number {
    let units = 0;
    for (const run of this.runs(text, key)) units += this.unitWidth(run);
    const spacing =
      characterSpacing === 0 ? 0 : characterSpacing * Math.max([...text].length - 1, 0);
    return (units / 1000) * size + spacing;
  }

  /** pdfkit's `currentLineHeight(true)` for the main font of the key. */
  lineHeight(key: FontKey, size: number): number {
    const font = this.font(CHAINS[key][0] ?? 'serif');
    if (!font) return size * 1.2;
    return ((font.ascent - font.descent + font.lineGap) / font.unitsPerEm) * size;
  }
}

/** Whether any font of the Chinese chain (main font, then the fallbacks) prints `cp`. */
export function chineseChainHas(
  fonts: Pick<MetricFonts, 'serif' | 'fallbacks'>,
  cp: number,
): boolean {
  if (fonts.serif.hasGlyphForCodePoint(cp)) return true;
  return (fonts.fallbacks ?? []).some((f) => f.hasGlyphForCodePoint(cp));
}

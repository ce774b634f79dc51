/**
 * Shapes traditional Mongolian with HarfBuzz (the `harfbuzzjs` WebAssembly build).
 *
 * fontkit 2 (pdfkit's shaper) throws "Not a fixed size" in Noto Sans Mongolian's GSUB, and the
 * script's joining (initial, medial, final and isolated forms, FVS1–3, MVS, the NNBSP before a
 * suffix) needs a complete Universal Shaping Engine: HarfBuzz is the shaper Chromium uses for the
 * same text, so our glyphs are the ones the operating system's browser would show.
 *
 * Words are shaped horizontally (left to right); `mongolian-draw.ts` turns each column's line
 * 90° clockwise. HarfBuzz's module is ESM with a top-level await, so it is loaded with a real
 * dynamic import (the CommonJS bundles keep `import()` as it is and load the package from
 * node_modules) once per process, before the first annex is laid out.
 */

export interface ShapedGlyph {
  /** Glyph id in the font (not in a subset). */
  readonly id: number;
  /** Index (UTF-16) of the first character of the glyph's cluster in the shaped word. */
  readonly cluster: number;
  /** Advance and offsets in font units. */
  readonly advance: number;
  readonly xOffset: number;
  readonly yOffset: number;
}

export interface ShapedWord {
  readonly text: string;
  readonly glyphs: readonly ShapedGlyph[];
  /** Sum of the advances, in font units. */
  readonly advance: number;
}

export interface MongolianShaper {
  readonly unitsPerEm: number;
  /** Shapes one word (no U+0020 inside; NNBSP, MVS and FVS belong to the word). Cached. */
  shape(word: string): ShapedWord;
  /** Advance of a word in points at `size`. */
  width(word: string, size: number): number;
}

type HarfBuzz = typeof import('harfbuzzjs');

let harfBuzz: Promise<HarfBuzz> | null = null;

/** Loads the WebAssembly module once per process (about 0.4 MB compiled). */
export function loadHarfBuzz(): Promise<HarfBuzz> {
  harfBuzz ??= import('harfbuzzjs');
  return harfBuzz;
}

const shapers = new WeakMap<Uint8Array, MongolianShaper>();

/** A shaper over the font's bytes (the same bytes pdfkit embeds), cached per buffer. */
export async function mongolianShaper(fontBytes: Uint8Array): Promise<MongolianShaper> {
  const cached = shapers.get(fontBytes);
  if (cached) return cached;
  const hb = await loadHarfBuzz();
  const shaper = createShaper(hb, fontBytes);
  shapers.set(fontBytes, shaper);
  return shaper;
}

function createShaper(hb: HarfBuzz, fontBytes: Uint8Array): MongolianShaper {
  const face = new hb.Face(new hb.Blob(fontBytes), 0);
  const font = new hb.Font(face);
  const unitsPerEm = face.upem;
  const words = new Map<string, ShapedWord>();
  const shape = (word: string): ShapedWord => {
    const known = words.get(word);
    if (known) return known;
    const buffer = new hb.Buffer();
    buffer.addText(word);
    buffer.setDirection(hb.Direction.LTR);
    buffer.setScript('Mong');
    buffer.setLanguage('mn');
    // FVS, ZWJ and ZWNJ steer the forms; once applied they are no ink.
    buffer.setFlags(hb.BufferFlag.REMOVE_DEFAULT_IGNORABLES);
    hb.shape(font, buffer);
    const glyphs = buffer.getGlyphInfosAndPositions().map((g): ShapedGlyph => ({
      id: g.codepoint,
      cluster: g.cluster,
      advance: g.xAdvance ?? 0,
      xOffset: g.xOffset ?? 0,
      yOffset: g.yOffset ?? 0,
    }));
    const shaped: ShapedWord = {
      text: word,
      glyphs,
      advance: glyphs.reduce((sum, g) => sum + g.advance, 0),
    };
    words.set(word, shaped);
    return shaped;
  };
  return {
    unitsPerEm,
    shape,
    width: (word, size) => (shape(word).advance * size) / unitsPerEm,
  };
}

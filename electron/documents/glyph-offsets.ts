import type { Font } from 'fontkit';

/**
 * The `loca` table (where each glyph's outline starts) of a TrueType font, read straight from
 * the font file into fontkit's table cache. fontkit decodes it on first use through its generic
 * struct reader, one number at a time: ~10 ms CPU for each of the two Noto Serif SC cuts
 * (30,921 glyphs), paid by a fresh process's first document (issue 7, `agreement_pdf_cold_ms`).
 * The result has the shape fontkit's own decoding gives (`version`, `offsets`), which is all
 * that fontkit reads of it (glyph outlines and subsetting).
 */

export interface GlyphOffsets {
  /** `head.indexToLocFormat`: 0 short offsets (stored halved), 1 long offsets. */
  readonly version: number;
  readonly offsets: number[];
}

/** What this module reads and fills of a fontkit font (not in fontkit's public interface). */
interface FontkitInternals {
  readonly directory?: {
    readonly tables?: Readonly<Record<string, { offset: number; length: number } | undefined>>;
  };
  readonly head?: { readonly indexToLocFormat?: number };
  readonly _tables?: Record<string, unknown>;
}

/** Offsets as fontkit gives them; null when the table is not one fontkit would read this way. */
export function decodeGlyphOffsets(
  bytes: Uint8Array,
  table: { readonly offset: number; readonly length: number },
  version: number,
): GlyphOffsets | null {
  const size = version === 0 ? 2 : version === 1 ? 4 : 0;
  if (size === 0 || table.length % size !== 0) return null;
  if (table.offset + table.length > bytes.length) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset + table.offset, table.length);
  const count = table.length / size;
  const offsets = new Array<number>(count);
  if (size === 2) {
    for (let i = 0; i < count; i += 1) offsets[i] = view.getUint16(i * 2) << 1;
  } else {
    for (let i = 0; i < count; i += 1) offsets[i] = view.getUint32(i * 4);
  }
  return { version, offsets };
}

/** Fills fontkit's cache with the font's glyph offsets; a font without them is left as it is. */
export function primeGlyphOffsets(font: Font, bytes: Uint8Array): void {
  const internals = font as unknown as FontkitInternals;
  const table = internals.directory?.tables?.loca;
  const cache = internals._tables;
  if (!table || !cache || 'loca' in cache) return;
  const version = internals.head?.indexToLocFormat;
  if (version === undefined) return;
  const offsets = decodeGlyphOffsets(bytes, table, version);
  if (offsets) cache.loca = offsets;
}

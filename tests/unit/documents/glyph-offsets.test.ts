import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { resolveFontFiles } from '../../../electron/documents/font-registry.js';
import {
  decodeGlyphOffsets,
  type GlyphOffsets,
} from '../../../electron/documents/glyph-offsets.js';
import { fonts, REPO } from './fixtures.js';
import path from 'node:path';

/** fontkit's table cache, where the primed offsets go. */
const tablesOf = (font: fontkit.Font) =>
  (font as unknown as { _tables: Record<string, unknown> })._tables;
const locaOf = (font: fontkit.Font) => (font as unknown as { loca: GlyphOffsets }).loca;

/** Index of the first differing offset, -1 when equal (toEqual is slow on 30,000 numbers). */
function firstDifference(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return i;
  return -1;
}

describe('glyph offsets (loca) read straight from the font file', () => {
  it('are in fontkit’s cache as soon as the document fonts are opened', () => {
    const serif = fonts().serif;
    expect(tablesOf(serif).loca).toBeDefined();
    expect(locaOf(serif)).toBe(tablesOf(serif).loca);
  });

  const files = resolveFontFiles(path.join(REPO, 'node_modules', '@expo-google-fonts'));
  const every = [files.serif, files.serifBold, files.tibetan, ...files.rare];

  it.each(every.map((file) => [path.basename(file), file]))(
    'equal fontkit’s own decoding for %s',
    (_name, file) => {
      const bytes = readFileSync(file);
      const plain = fontkit.create(bytes) as fontkit.Font;
      const theirs = locaOf(plain);
      const internals = plain as unknown as {
        directory: { tables: Record<string, { offset: number; length: number }> };
      };
      const table = internals.directory.tables.loca;
      if (!table) throw new Error('a document font without loca');
      const ours = decodeGlyphOffsets(bytes, table, theirs.version);
      expect(ours?.version).toBe(theirs.version);
      expect(firstDifference(ours?.offsets ?? [], theirs.offsets)).toBe(-1);
    },
  );

  it('doubles short offsets and refuses a table fontkit would read otherwise', () => {
    const bytes = new Uint8Array([9, 9, 0x00, 0x01, 0x00, 0x05, 0x12, 0x34]);
    expect(decodeGlyphOffsets(bytes, { offset: 2, length: 6 }, 0)).toEqual({
      version: 0,
      offsets: [2, 10, 0x2468],
    });
    expect(decodeGlyphOffsets(bytes, { offset: 0, length: 8 }, 1)?.offsets).toEqual([
      0x09090001, 0x00051234,
    ]);
    expect(decodeGlyphOffsets(bytes, { offset: 2, length: 6 }, 1)).toBeNull();
    expect(decodeGlyphOffsets(bytes, { offset: 4, length: 8 }, 0)).toBeNull();
    expect(decodeGlyphOffsets(bytes, { offset: 0, length: 8 }, 2)).toBeNull();
  });
});

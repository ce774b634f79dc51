import { makeBox, type Box, type DrawOp } from './layout-boxes.js';
import {
  breakMongolianColumns,
  placeMongolianColumns,
  type MongolianColumn,
} from './mongolian-columns.js';
import type { MongolianShaper } from './mongolian-shaper.js';

/**
 * The measure stage of a traditional Mongolian annex: its paragraphs (each starting a column)
 * become boxes of columns standing left to right across the type area, one box per page-full.
 * A box is as tall as its longest column, so the last, short box leaves room below it for the
 * translator's line and the signatures; columns are never cut inside a word
 * (mongolian-columns.ts).
 */

/** Across a column: Noto Sans Mongolian's ascender + descender is 1.75 em; 2 em leaves a gap. */
export const MONGOLIAN_COLUMN_PITCH_EM = 2;
/** Distance from one column to the next is this many ems, the glyph band centred in it. */
export const MONGOLIAN_THICKNESS_EM = 1.75;

export interface MongolianColumnsInput {
  readonly paragraphs: readonly string[];
  readonly shaper: MongolianShaper;
  readonly size: number;
  readonly left: number;
  readonly width: number;
  /** Length of every column (the room under the annex's heading on its first page). */
  readonly columnLength: number;
}

export function mongolianColumns(input: MongolianColumnsInput): MongolianColumn[] {
  const { shaper, size } = input;
  return breakMongolianColumns(
    input.paragraphs
      .map((p) => p.trim())
      .filter((p) => p !== '')
      .join('\n'),
    input.columnLength,
    { width: (word) => shaper.width(word, size), space: shaper.width(' ', size) },
  );
}

export function mongolianColumnBoxes(input: MongolianColumnsInput): Box[] {
  const { shaper, size } = input;
  const pitch = size * MONGOLIAN_COLUMN_PITCH_EM;
  const space = shaper.width(' ', size);
  const lengthOf = (words: readonly string[]) =>
    words.reduce((sum, w, i) => sum + shaper.width(w, size) + (i > 0 ? space : 0), 0);
  const pages = placeMongolianColumns(
    mongolianColumns(input),
    { left: input.left, width: input.width },
    pitch,
  );
  return pages.map((page) => {
    const ops: DrawOp[] = page.map(({ column, left }) => ({
      kind: 'mongolian',
      x: left + (pitch - size * MONGOLIAN_THICKNESS_EM) / 2,
      y: 0,
      words: column.words,
      thickness: size * MONGOLIAN_THICKNESS_EM,
      size,
    }));
    const height = Math.max(...page.map(({ column }) => lengthOf(column.words)));
    return makeBox('body', Math.min(height, input.columnLength), ops);
  });
}

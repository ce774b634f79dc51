import { makeBox, type Box, type DrawOp } from './layout-boxes.js';
import {
  breakMongolianColumns,
  columnsPerPage,
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
 *
 * A short annex (one page of columns) whose full-length columns would push the signatures
 * overleaf is set in shorter columns instead, when that still fits the page's width and the
 * columns keep a readable length: a page of text then holds the annex and its signatures, as
 * a short Chinese text does. A longer annex keeps full-length columns.
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
  /**
   * Height of what must follow a one-page annex on its page (translator's line, signatures);
   * absent when the annex is not followed by the signatures.
   */
  readonly roomAfter?: number | undefined;
}

/** Shortest column a short annex is set in, in ems: two or three words still stand in it. */
export const MONGOLIAN_SHORT_COLUMN_EM = 6;

function joinedParagraphs(input: MongolianColumnsInput): string {
  return input.paragraphs
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .join('\n');
}

function breakAt(input: MongolianColumnsInput, length: number): MongolianColumn[] {
  const { shaper, size } = input;
  return breakMongolianColumns(joinedParagraphs(input), length, {
    width: (word) => shaper.width(word, size),
    space: shaper.width(' ', size),
  });
}

/** Length of a column's words down the page, one space between two. */
function lengthOf(input: MongolianColumnsInput, words: readonly string[]): number {
  const { shaper, size } = input;
  const space = shaper.width(' ', size);
  return words.reduce((sum, w, i) => sum + shaper.width(w, size) + (i > 0 ? space : 0), 0);
}

export function mongolianColumns(input: MongolianColumnsInput): MongolianColumn[] {
  const full = breakAt(input, input.columnLength);
  const { shaper, size, roomAfter } = input;
  if (roomAfter === undefined) return full;
  const perPage = columnsPerPage(input.width, size * MONGOLIAN_COLUMN_PITCH_EM);
  if (full.length > perPage) return full;
  const longest = Math.max(0, ...full.map((c) => lengthOf(input, c.words)));
  if (longest + roomAfter <= input.columnLength) return full;
  const short = input.columnLength - roomAfter;
  if (short < size * MONGOLIAN_SHORT_COLUMN_EM) return full;
  // A word longer than the short column would be cut by characters: keep the full length.
  const words = joinedParagraphs(input).split(/[ \n]/);
  if (words.some((w) => shaper.width(w, size) > short)) return full;
  const shorter = breakAt(input, short);
  return shorter.length <= perPage ? shorter : full;
}

export function mongolianColumnBoxes(input: MongolianColumnsInput): Box[] {
  const { size } = input;
  const pitch = size * MONGOLIAN_COLUMN_PITCH_EM;
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
    const height = Math.max(...page.map(({ column }) => lengthOf(input, column.words)));
    return makeBox('body', Math.min(height, input.columnLength), ops);
  });
}

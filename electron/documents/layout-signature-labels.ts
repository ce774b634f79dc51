import type { DocumentData, SignatureLabelKey } from './document-data.js';
import type { DrawOp } from './layout-boxes.js';
import { MONGOLIAN_COLUMN_PITCH_EM, MONGOLIAN_THICKNESS_EM } from './layout-mongolian.js';
import { breakMongolianColumns } from './mongolian-columns.js';
import type { MongolianShaper } from './mongolian-shaper.js';

/**
 * The own-script labels of a bilingual agreement's signature block (issue 12): a slot, a date
 * line or a seal line marked `ownScript` in the template carries, beside its Chinese, the room's
 * reviewed Tibetan and Mongolian wording of it — the Tibetan as a line under the Chinese, the
 * Mongolian as a short vertical column (the annex's font and shaping) at its right. Only reviewed
 * wording gets here (translation-wording-print.ts): an unreviewed label prints nothing, as on the
 * annex, and the slot keeps its Chinese label alone.
 */

export type { SignatureLabelKey };

/** Longest label column (a short label stands in one): a longer reviewed label goes on in a next column. */
export const LABEL_COLUMN_MM = 45;

export interface MongolianLabel {
  /** Columns left to right, each its words. */
  readonly columns: readonly (readonly string[])[];
  /** Length of the longest column down the page, in points. */
  readonly length: number;
  /** Distance across all columns (the last one's glyph band included), in points. */
  readonly breadth: number;
  readonly thickness: number;
  readonly pitch: number;
  readonly size: number;
}

export interface OwnScriptLabels {
  readonly tibetan?: string | undefined;
  readonly mongolian?: MongolianLabel | undefined;
}

/** The reviewed labels of `key` in the document's translations (the first of each language). */
export function ownScriptLabels(
  data: DocumentData,
  key: SignatureLabelKey | undefined,
  shaper: MongolianShaper | undefined,
  size: number,
): OwnScriptLabels {
  if (key === undefined) return {};
  const reviewed = (language: 'bo' | 'mn') =>
    (data.translations ?? [])
      .filter((t) => t.language === language)
      .map((t) => t.wording?.[key]?.trim() ?? '')
      .find((t) => t !== '');
  const tibetan = reviewed('bo');
  const mongolianText = reviewed('mn');
  // No shaper without a Mongolian translation; the annex refuses to lay out without one.
  const mongolian =
    mongolianText === undefined || shaper === undefined
      ? undefined
      : mongolianLabel(mongolianText, shaper, size);
  return {
    ...(tibetan !== undefined ? { tibetan } : {}),
    ...(mongolian !== undefined ? { mongolian } : {}),
  };
}

function mongolianLabel(text: string, shaper: MongolianShaper, size: number): MongolianLabel {
  const space = shaper.width(' ', size);
  const width = (word: string) => shaper.width(word, size);
  const columns = breakMongolianColumns(text.replace(/\s+/g, ' '), (LABEL_COLUMN_MM * 72) / 25.4, {
    width,
    space,
  }).map((c) => c.words);
  const length = Math.max(
    0,
    ...columns.map((words) => words.reduce((sum, w, i) => sum + width(w) + (i > 0 ? space : 0), 0)),
  );
  const thickness = size * MONGOLIAN_THICKNESS_EM;
  const pitch = size * MONGOLIAN_COLUMN_PITCH_EM;
  return {
    columns,
    length,
    breadth: (columns.length - 1) * pitch + thickness,
    thickness,
    pitch,
    size,
  };
}

/** The label's columns, left to right, the last one's right edge at `right`, their top at `y`. */
export function mongolianLabelOps(label: MongolianLabel, right: number, y: number): DrawOp[] {
  const left = right - label.breadth;
  return label.columns.map((words, i) => ({
    kind: 'mongolian',
    x: left + i * label.pitch,
    y,
    words,
    thickness: label.thickness,
    size: label.size,
  }));
}

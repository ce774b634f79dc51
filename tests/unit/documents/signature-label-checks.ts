import { expect } from 'vitest';
import type { TranslationWording } from '../../../electron/documents/document-data.js';
import type { DrawOp, LaidOutPage, PlacedBox } from '../../../electron/documents/layout-boxes.js';
import type { MongolianShaper } from '../../../electron/documents/mongolian-shaper.js';
import type { TextMetrics } from '../../../electron/documents/text-metrics.js';
import type { PdfLine } from './pdf-lines.js';

/**
 * The own-script labels of an agreement's signature block, checked on its layout and its
 * rendered lines: every reviewed label is printed, each in the box (row, slot, seal) of the
 * Chinese line it belongs to — never split from it by a page break — and each Mongolian column
 * stays inside the type area and clear of every other line, rule and cell border. Tibetan lines
 * are checked on the layout's own text ops (pdftotext reports a Tibetan ActualText line with no
 * width and not where it is drawn): each stays inside its box, its cell and the type area, clear
 * of every other text, rule and Mongolian column of its box.
 */

type LabelKey =
  | 'partySignature'
  | 'translatorLabel'
  | 'mediatorLabel'
  | 'recorderLabel'
  | 'dateLine'
  | 'sealLabel';

/** The Chinese a label stands with: one of these is a text of the label's box. */
const ANCHORS: Readonly<Record<LabelKey, readonly string[]>> = {
  partySignature: ['（签名盖章或按指印）', '签名或按指印'],
  translatorLabel: ['翻译人：'],
  mediatorLabel: ['人民调解员：'],
  recorderLabel: ['记录人：'],
  dateLine: ['年　　月　　日', '日期'],
  sealLabel: ['（印）'],
};

type Column = Extract<DrawOp, { kind: 'mongolian' }>;
const squash = (s: string) => s.replace(/\s+/g, '');
const isMongolianText = (s: string) => /[\u1800-\u18af]/u.test(s);

interface Geometry {
  /** Type area, page coordinates (points from the top left). */
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

function labelBoxes(pages: readonly LaidOutPage[]) {
  return pages.flatMap((page, index) =>
    page.boxes
      .filter((b) => ['signature', 'header', 'seal'].includes(b.box.role))
      .map((placed) => ({ placed, page: index + 1 })),
  );
}

const texts = (placed: PlacedBox) =>
  placed.box.ops.flatMap((op) => (op.kind === 'text' ? [op] : []));

export function checkSignatureLabels(
  pages: readonly LaidOutPage[],
  lines: readonly PdfLine[],
  wording: { readonly bo?: TranslationWording; readonly mn?: TranslationWording },
  shaper: MongolianShaper | undefined,
  area: Geometry,
  metrics: TextMetrics,
): void {
  const boxes = labelBoxes(pages);
  for (const { placed } of boxes) checkTibetan(placed, metrics, shaper, area);
  for (const [key, anchors] of Object.entries(ANCHORS) as [LabelKey, readonly string[]][]) {
    const bo = wording.bo?.[key];
    const mn = wording.mn?.[key];
    for (const { placed } of boxes) {
      const chinese = texts(placed).map((op) => op.text);
      const tibetan = squash(
        texts(placed)
          .filter((op) => op.font === 'tibetan')
          .map((op) => op.text)
          .join(''),
      );
      const mongolian = placed.box.ops
        .flatMap((op) => (op.kind === 'mongolian' ? op.words : []))
        .join(' ');
      const holds =
        (bo !== undefined && tibetan.includes(squash(bo))) ||
        (mn !== undefined && squash(mongolian).includes(squash(mn)));
      // a label's box holds its Chinese line: the page never breaks between them
      if (holds) {
        expect(
          chinese.some((t) => anchors.some((a) => t.includes(a))),
          `${key}: ${chinese.join('|')}`,
        ).toBe(true);
      }
    }
    // a reviewed label is printed (somewhere with its Chinese line)
    const printed = (text: string, of: 'bo' | 'mn') =>
      boxes.some(({ placed }) =>
        of === 'bo'
          ? squash(
              texts(placed)
                .filter((op) => op.font === 'tibetan')
                .map((op) => op.text)
                .join(''),
            ).includes(squash(text))
          : // a word longer than a column goes on in the next one: compare without spaces
            squash(
              placed.box.ops.flatMap((op) => (op.kind === 'mongolian' ? op.words : [])).join(''),
            ).includes(squash(text)),
      );
    const present = (k: LabelKey) =>
      k !== 'translatorLabel' ||
      boxes.some(({ placed }) => texts(placed).some((t) => t.text.startsWith('翻译人：')));
    if (bo !== undefined && present(key)) expect(printed(bo, 'bo'), `bo ${key}`).toBe(true);
    if (mn !== undefined && present(key)) expect(printed(mn, 'mn'), `mn ${key}`).toBe(true);
  }
  if (shaper === undefined) return;
  for (const { placed, page } of boxes) {
    for (const op of placed.box.ops) {
      if (op.kind !== 'mongolian') continue;
      checkColumn(op, placed, page, lines, shaper, area);
    }
  }
}

interface Rect {
  readonly x1: number;
  readonly x2: number;
  readonly y1: number;
  readonly y2: number;
}

const EPS = 0.01;
/** Least gap between two Mongolian columns one above the other (more than a label's 3 pt). */
const COLUMN_GAP = 12;
const disjoint = (a: Rect, b: Rect) =>
  a.x2 <= b.x1 + EPS || b.x2 <= a.x1 + EPS || a.y2 <= b.y1 + EPS || b.y2 <= a.y1 + EPS;

const columnLength = (op: Column, shaper: MongolianShaper) =>
  op.words.reduce(
    (sum, w, i) => sum + shaper.width(w, op.size) + (i > 0 ? shaper.width(' ', op.size) : 0),
    0,
  );

/** The rectangle a text op prints in, box-relative: its measured width, one line high. */
function textRect(op: Extract<DrawOp, { kind: 'text' }>, metrics: TextMetrics): Rect {
  return {
    x1: op.x,
    x2: op.x + metrics.width(op.text, op.font, op.size, op.characterSpacing ?? 0),
    y1: op.y,
    y2: op.y + metrics.lineHeight(op.font, op.size),
  };
}

function checkTibetan(
  placed: PlacedBox,
  metrics: TextMetrics,
  shaper: MongolianShaper | undefined,
  area: Geometry,
): void {
  const ops = placed.box.ops;
  for (const op of ops) {
    if (op.kind !== 'text' || op.font !== 'tibetan') continue;
    const r = textRect(op, metrics);
    const label = op.text;
    // inside its box and the type area
    expect(r.x1, label).toBeGreaterThanOrEqual(area.left - EPS);
    expect(r.x2, label).toBeLessThanOrEqual(area.right + EPS);
    expect(r.y1, label).toBeGreaterThanOrEqual(-EPS);
    expect(r.y2, label).toBeLessThanOrEqual(placed.box.height + EPS);
    expect(area.top + placed.y + r.y2, label).toBeLessThanOrEqual(area.bottom + EPS);
    for (const other of ops) {
      if (other === op) continue;
      if (other.kind === 'text') {
        const o = textRect(other, metrics);
        expect(disjoint(r, o), `${other.text} / ${label}`).toBe(true);
      } else if (other.kind === 'rule') {
        const crosses =
          other.y > r.y1 + EPS && other.y < r.y2 - EPS && other.x1 < r.x2 && other.x2 > r.x1;
        expect(crosses, `rule / ${label}`).toBe(false);
      } else if (other.kind === 'rect') {
        // no cell border runs through the line: it is inside its cell (or outside it)
        const vertical = (x: number) =>
          x > r.x1 + EPS && x < r.x2 - EPS && other.y < r.y2 && other.y + other.height > r.y1;
        const horizontal = (y: number) =>
          y > r.y1 + EPS && y < r.y2 - EPS && other.x < r.x2 && other.x + other.width > r.x1;
        expect(vertical(other.x) || vertical(other.x + other.width), `border / ${label}`).toBe(
          false,
        );
        expect(horizontal(other.y) || horizontal(other.y + other.height), `border / ${label}`).toBe(
          false,
        );
      } else if (shaper !== undefined) {
        const column = {
          x1: other.x,
          x2: other.x + other.thickness,
          y1: other.y,
          y2: other.y + columnLength(other, shaper),
        };
        expect(disjoint(r, column), `${other.words.join(' ')} / ${label}`).toBe(true);
      }
    }
  }
}

function checkColumn(
  op: Column,
  placed: PlacedBox,
  page: number,
  lines: readonly PdfLine[],
  shaper: MongolianShaper,
  area: Geometry,
): void {
  const length = columnLength(op, shaper);
  const label = op.words.join(' ');
  const x1 = op.x;
  const x2 = op.x + op.thickness;
  // box-relative, and on the page
  const y1 = op.y;
  const y2 = op.y + length;
  const top = area.top + placed.y;
  expect(x1, label).toBeGreaterThanOrEqual(area.left - 0.01);
  expect(x2, label).toBeLessThanOrEqual(area.right + 0.01);
  expect(y2, label).toBeLessThanOrEqual(placed.box.height + 0.01);
  expect(top + placed.box.height, label).toBeLessThanOrEqual(area.bottom + 0.01);
  // clear of every printed line on its page (the Mongolian ones are the columns themselves)
  for (const line of lines) {
    if (line.page !== page || isMongolianText(line.text)) continue;
    const apart =
      line.xMax <= x1 + 0.5 ||
      line.xMin >= x2 - 0.5 ||
      line.yMax <= top + y1 + 0.5 ||
      line.yMin >= top + y2 - 0.5;
    expect(apart, `${line.text} / ${label}`).toBe(true);
  }
  for (const other of placed.box.ops) {
    if (other.kind === 'rule') {
      const apart = other.x2 <= x1 || other.x1 >= x2 || other.y <= y1 || other.y >= y2;
      expect(apart, `rule / ${label}`).toBe(true);
    } else if (other.kind === 'rect') {
      const crosses = (a: number) => a > x1 && a < x2;
      expect(crosses(other.x), `border / ${label}`).toBe(false);
      expect(crosses(other.x + other.width), `border / ${label}`).toBe(false);
      expect(y2).toBeLessThanOrEqual(other.y + other.height + 0.01);
    } else if (other.kind === 'mongolian' && other !== op) {
      // two columns never stand on each other
      const otherLength = columnLength(other, shaper);
      const sideBySide = other.x + other.thickness <= x1 + 0.01 || other.x >= x2 - 0.01;
      // one above the other in a strip (a slot's label, its date's): a clear gap, so the two
      // never read as one column
      const apart =
        sideBySide || other.y + otherLength <= y1 - COLUMN_GAP || other.y >= y2 + COLUMN_GAP;
      expect(apart, `${other.words.join(' ')} / ${label}`).toBe(true);
    }
  }
}

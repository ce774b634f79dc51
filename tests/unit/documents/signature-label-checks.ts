import { expect } from 'vitest';
import type { TranslationWording } from '../../../electron/documents/document-data.js';
import type { DrawOp, LaidOutPage, PlacedBox } from '../../../electron/documents/layout-boxes.js';
import type { MongolianShaper } from '../../../electron/documents/mongolian-shaper.js';
import type { PdfLine } from './pdf-lines.js';

/**
 * The own-script labels of an agreement's signature block, checked on its layout and its
 * rendered lines: every reviewed label is printed, each in the box (row, slot, seal) of the
 * Chinese line it belongs to — never split from it by a page break — and each Mongolian column
 * stays inside the type area and clear of every other line, rule and cell border.
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
): void {
  const boxes = labelBoxes(pages);
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

function checkColumn(
  op: Column,
  placed: PlacedBox,
  page: number,
  lines: readonly PdfLine[],
  shaper: MongolianShaper,
  area: Geometry,
): void {
  const length = op.words.reduce(
    (sum, w, i) => sum + shaper.width(w, op.size) + (i > 0 ? shaper.width(' ', op.size) : 0),
    0,
  );
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
      const otherLength = other.words.reduce(
        (sum, w, i) =>
          sum + shaper.width(w, other.size) + (i > 0 ? shaper.width(' ', other.size) : 0),
        0,
      );
      const apart =
        other.x + other.thickness <= x1 + 0.01 ||
        other.x >= x2 - 0.01 ||
        other.y + otherLength <= y1 + 0.01 ||
        other.y >= y2 - 0.01;
      expect(apart, `${other.words.join(' ')} / ${label}`).toBe(true);
    }
  }
}

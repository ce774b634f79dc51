import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrawOp } from '../../../electron/documents/layout-boxes.js';
import {
  loadMongolianFont,
  type MongolianFont,
} from '../../../electron/documents/mongolian-font.js';
import { layoutDocument, renderDocument } from '../../../electron/documents/render-document.js';
import { agreementTemplate, FIXED_DATE, fonts, pdfFile, removePdfFiles } from './fixtures.js';
import {
  ANNEX_MN,
  bilingualAgreement,
  PARTY_SIGNATURE_MN,
  TRANSLATOR_MN,
} from './mongolian-signature-samples.js';

afterAll(removePdfFiles);

/**
 * The signature block of a Chinese + Mongolian agreement carries the room's reviewed Mongolian
 * labels (issue 12 leftover): a vertical column beside each party's and the interpreter's
 * signature line (in the compact table: the 签名或按指印 header, repeated on each page), inside
 * the type area, clear of every other mark, for 1 to 15 parties and an annex of any length.
 */
let mongolian: MongolianFont;
beforeAll(async () => {
  mongolian = await loadMongolianFont(fonts().files);
});
const withMongolian = () => ({ ...fonts(), mongolian });

const MM = 72 / 25.4;
type Column = Extract<DrawOp, { kind: 'mongolian' }>;
const isColumn = (op: DrawOp): op is Column => op.kind === 'mongolian';
const label = (words: readonly string[]) => words.join(' ');
/** 2 pages of annex columns, so the block falls on a later page than with a short annex. */
const LONG_ANNEX = Array.from({ length: 60 }, () => ANNEX_MN).join('\n');

function layoutOf(n: number, annex = ANNEX_MN, wording?: Parameters<typeof bilingualAgreement>[1]) {
  return layoutDocument(
    agreementTemplate(),
    bilingualAgreement(n, wording, annex),
    withMongolian(),
  );
}

/** Every label column with its page, box and the box's other marks. */
function labelColumns(layout: ReturnType<typeof layoutOf>) {
  return layout.pages.flatMap((page, p) =>
    page.boxes.flatMap((placed) =>
      placed.box.role === 'signature' || placed.box.role === 'header'
        ? placed.box.ops.filter(isColumn).map((op) => ({ op, placed, page: p }))
        : [],
    ),
  );
}

// A written agreement has at least two parties (the data builder refuses one).
const PARTY_COUNTS = [2, 3, 5, 6, 7, 14, 15];

describe('Mongolian signature labels in the signature block', () => {
  it.each(PARTY_COUNTS)(
    '%i parties: one label a signer, inside the type area, clear of every other mark',
    (n) => {
      const template = agreementTemplate();
      const m = template.file.page.marginsMm;
      const left = m.left * MM;
      const right = (210 - m.right) * MM;
      const typeHeight = (297 - m.top - m.bottom) * MM;
      for (const annex of [ANNEX_MN, LONG_ANNEX]) {
        const layout = layoutOf(n, annex);
        const columns = labelColumns(layout);
        const width = (op: Column) =>
          op.words.reduce(
            (sum, w, i) =>
              sum +
              mongolian.shaper.width(w, op.size) +
              (i > 0 ? mongolian.shaper.width(' ', op.size) : 0),
            0,
          );
        const parties = columns.filter(({ op }) => label(op.words) === PARTY_SIGNATURE_MN);
        const translator = columns.filter(({ op }) => label(op.words) === TRANSLATOR_MN);
        const compact = n >= 6;
        const headers = layout.pages.flatMap((page) =>
          page.boxes.filter((b) => b.box.role === 'header'),
        );
        // a slot per party; the compact table: its header, on every page the table is on
        expect(parties).toHaveLength(compact ? headers.length : n);
        if (compact) expect(parties.every(({ placed }) => placed.box.role === 'header')).toBe(true);
        expect(translator).toHaveLength(1);
        expect(columns).toHaveLength(parties.length + translator.length);
        for (const { op, placed } of columns) {
          const length = width(op);
          expect(op.x).toBeGreaterThanOrEqual(left - 0.01);
          expect(op.x + op.thickness).toBeLessThanOrEqual(right + 0.01);
          expect(placed.y + op.y + length).toBeLessThanOrEqual(placed.y + placed.box.height);
          expect(placed.y + placed.box.height).toBeLessThanOrEqual(typeHeight + 0.01);
          const column = { x1: op.x, x2: op.x + op.thickness, y1: op.y, y2: op.y + length };
          for (const other of placed.box.ops) {
            if (other === op) continue;
            if (other.kind === 'text') {
              // An upper bound of the line's box (a CJK character is one em wide).
              const x2 = other.x + [...other.text].length * other.size;
              const apart =
                x2 <= column.x1 ||
                other.x >= column.x2 ||
                other.y + other.size * 1.4 <= column.y1 ||
                other.y >= column.y2;
              expect(apart, `${other.text} / ${label(op.words)}`).toBe(true);
            } else if (other.kind === 'rule') {
              // the signature line stops before the column beside it
              const apart =
                other.x2 <= column.x1 ||
                other.x1 >= column.x2 ||
                other.y <= column.y1 ||
                other.y >= column.y2;
              expect(apart, `signature line / ${label(op.words)}`).toBe(true);
            } else if (other.kind === 'rect') {
              // a cell border never runs through the column
              const crosses = (a: number, lo: number, hi: number) => a > lo && a < hi;
              expect(crosses(other.x, column.x1, column.x2)).toBe(false);
              expect(crosses(other.x + other.width, column.x1, column.x2)).toBe(false);
              expect(column.y2).toBeLessThanOrEqual(other.y + other.height + 0.01);
            }
          }
        }
        // The block is never split from its heading: a page never ends with the table's
        // header, and the seal stands on a page with signatures.
        for (const page of layout.pages) {
          expect(page.boxes.at(-1)?.box.role).not.toBe('header');
          if (page.boxes.some((b) => b.box.role === 'seal')) {
            expect(page.boxes.some((b) => b.box.role === 'signature')).toBe(true);
          }
        }
      }
    },
    60_000,
  );

  it('prints no label that is not reviewed, as the annex prints no unreviewed wording', () => {
    for (const n of [2, 14]) {
      expect(labelColumns(layoutOf(n, ANNEX_MN, {}))).toEqual([]);
      const partyOnly = labelColumns(layoutOf(n, ANNEX_MN, { partySignature: PARTY_SIGNATURE_MN }));
      expect(partyOnly.every(({ op }) => label(op.words) === PARTY_SIGNATURE_MN)).toBe(true);
    }
  });

  it('sets a longer label in more columns, and refuses one that leaves no room to sign', () => {
    const longer = Array.from({ length: 2 }, () => PARTY_SIGNATURE_MN).join(' ');
    for (const n of [2, 14]) {
      const columns = labelColumns(layoutOf(n, ANNEX_MN, { partySignature: longer }));
      expect(columns.length).toBeGreaterThan(n < 6 ? n : 1);
      expect(columns.flatMap(({ op }) => op.words).slice(0, 6)).toEqual(longer.split(' '));
      const endless = Array.from({ length: 40 }, () => PARTY_SIGNATURE_MN).join(' ');
      expect(() => layoutOf(n, ANNEX_MN, { partySignature: endless })).toThrow(
        /蒙古文签名标签太长/,
      );
    }
  });

  it('blames a label only when it widened the compact table past the type area (review WO5)', () => {
    const base = agreementTemplate();
    // the type area narrowed by wider side margins (A4: 210 mm)
    const narrowed = (sideMm: number) => ({
      ...base,
      file: {
        ...base.file,
        page: {
          ...base.file.page,
          marginsMm: { ...base.file.page.marginsMm, left: sideMm, right: sideMm },
        },
      },
    });
    const labelled = {
      partySignature: Array.from({ length: 6 }, () => PARTY_SIGNATURE_MN).join(' '),
    };
    const layout = (sideMm: number, wording: Parameters<typeof bilingualAgreement>[1]) => () =>
      layoutDocument(narrowed(sideMm), bilingualAgreement(14, wording, ANNEX_MN), withMongolian());
    // 122 mm: too narrow for the table with or without labels: the type area is to blame
    expect(layout(44, {})).toThrow(/版心太窄，放不下签名表/);
    expect(layout(44, labelled)).toThrow(/版心太窄，放不下签名表/);
    // 138 mm: the table fits without labels; the long label's wider column does not
    expect(layout(36, {})).not.toThrow();
    expect(layout(36, labelled)).toThrow(/蒙古文签名标签太长/);
  });

  it('prints the labels extractable, tagged as Mongolian, and the same bytes on reprint', async () => {
    for (const n of [2, 14]) {
      const render = () =>
        renderDocument(agreementTemplate(), bilingualAgreement(n), {
          creationDate: FIXED_DATE,
          fonts: withMongolian(),
        });
      const pdf = await render();
      expect((await render()).equals(pdf)).toBe(true);
      const file = pdfFile(pdf, `labels-${n}.pdf`);
      const raw = execFileSync('pdftotext', ['-raw', file.file, '-'], { encoding: 'utf8' });
      const count = (s: string) => raw.split(s).length - 1;
      // a slot per party; the compact table's header on each of its pages
      const headers = layoutOf(n)
        .pages.flatMap((p) => p.boxes)
        .filter((b) => b.box.role === 'header').length;
      expect(count(PARTY_SIGNATURE_MN)).toBe(n < 6 ? n : headers);
      expect(count(TRANSLATOR_MN)).toBe(1);
      const texts = execFileSync('pdfinfo', ['-struct-text', file.file], { encoding: 'utf8' });
      expect(texts).toContain(`"${PARTY_SIGNATURE_MN}"`);
      // a box's labels are one element with /Lang (mn), beside the Chinese of its slots: one
      // a box holding Mongolian (annex columns or labels), and more than the annex alone
      const boxesWith = (layout: ReturnType<typeof layoutOf>) =>
        layout.pages.flatMap((p) => p.boxes).filter((b) => b.box.ops.some(isColumn)).length;
      const langs = (b: Buffer) => b.toString('latin1').split('/Lang (mn)').length - 1;
      expect(langs(pdf)).toBe(boxesWith(layoutOf(n)));
      expect(boxesWith(layoutOf(n))).toBeGreaterThan(boxesWith(layoutOf(n, ANNEX_MN, {})));
    }
  }, 120_000);
});

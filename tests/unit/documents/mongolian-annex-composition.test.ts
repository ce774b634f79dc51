import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  loadMongolianFont,
  type MongolianFont,
} from '../../../electron/documents/mongolian-font.js';
import { layoutDocument, renderDocument } from '../../../electron/documents/render-document.js';
import {
  agreementData,
  agreementTemplate,
  FIXED_DATE,
  fonts,
  pdfFile,
  removePdfFiles,
} from './fixtures.js';

afterAll(removePdfFiles);

/**
 * Composition of the Mongolian annex over any length: every column stays inside the type area
 * of its page, and the columns, read in drawing order, give back the text word for word (no
 * column cut inside a word), from an empty annex to a dozen pages.
 */
const WORDS = [
  'ᠮᠣᠩᠭᠣᠯ',
  'ᠬᠡᠯᠡ',
  'ᠠᠷᠠᠳ',
  'ᠪᠡᠯᠴᠢᠭᠡᠷ\u202fᠦᠨ',
  'ᠲᠠᠯ\u180eᠠ',
  'ᠲᠣᠭᠲᠠᠭᠠᠪᠠ᠃',
  'ᠬᠢᠵᠠᠭᠠᠷ\u202fᠢ',
  '2026',
];

let mongolian: MongolianFont;
beforeAll(async () => {
  mongolian = await loadMongolianFont(fonts().files);
});

const withMongolian = () => ({
  serif: fonts().serif,
  serifBold: fonts().serifBold,
  tibetan: fonts().tibetan,
  mongolian,
});

const annexText = fc
  .array(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 200 }), {
    minLength: 1,
    maxLength: 12,
  })
  .map((paragraphs) => paragraphs.map((p) => p.join(' ')).join('\n'));

const dataWith = (text: string) =>
  agreementData({
    translations: [
      { language: 'mn', title: '蒙古文译文', text, prevailing: 'CHINESE', translator: '乌力吉' },
    ],
  });

const SEED_1110419478 = [
  'ᠮᠣᠩᠭᠣᠯ\nᠮᠣᠩᠭᠣᠯ\nᠮᠣᠩᠭᠣᠯ\nᠮᠣᠩᠭᠣᠯ ᠮᠣᠩᠭᠣᠯ ᠮᠣᠩᠭᠣᠯ ᠮᠣᠩᠭᠣᠯ ᠮᠣᠩᠭᠣᠯ ᠲᠣᠭᠲᠠᠭᠠᠪᠠ᠃ ᠮᠣᠩᠭᠣᠯ ᠲᠣᠭᠲᠠᠭᠠᠪᠠ᠃ ᠮᠣᠩᠭᠣᠯ ᠮᠣᠩᠭᠣᠯ',
  'ᠮᠣᠩᠭᠣᠯ\nᠮᠣᠩᠭᠣᠯ\nᠮᠣᠩᠭᠣᠯ\nᠮᠣᠩᠭᠣᠯ\nᠮᠣᠩᠭᠣᠯ\nᠮᠣᠩᠭᠣᠯ',
  'ᠮᠣᠩᠭᠣᠯ ᠮᠣᠩᠭᠣᠯ ᠮᠣᠩᠭᠣᠯ ᠲᠣᠭᠲᠠᠭᠠᠪᠠ᠃ ᠮᠣᠩᠭᠣᠯ ᠮᠣᠩᠭᠣᠯ ᠮᠣᠩᠭᠣᠯ ᠮᠣᠩᠭᠣᠯ ᠮᠣᠩᠭᠣᠯ ᠲᠣᠭᠲᠠᠭᠠᠪᠠ᠃\nᠮᠣᠩᠭᠣᠯ',
].join('\n');

// Seed 2026 shrank to this one (a short annex: its last column and the translator's line).
const SEED_2026 = 'ᠲᠣᠭᠲᠠᠭᠠᠪᠠ᠃ ᠮᠣᠩᠭᠣᠯ ᠲᠣᠭᠲᠠᠭᠠᠪᠠ᠃ ᠮᠣᠩᠭᠣᠯ ᠠᠷᠠᠳ ᠮᠣᠩᠭᠣᠯ ᠲᠣᠭᠲᠠᠭᠠᠪᠠ᠃ ᠮᠣᠩᠭᠣᠯ\nᠮᠣᠩᠭᠣᠯ';

/**
 * The annex's words as `pdftotext -raw` gives them back: each column is a line; a page
 * begins with a form feed, which belongs to neither column nor word. A column may get the
 * next horizontal line appended (poppler joins a turned word to a following word whose
 * baseline, a y, happens to be near the column's x), so a line gives its leading run of
 * Mongolian words and numbers.
 */
async function extractedWords(text: string): Promise<string[]> {
  const pdf = await renderDocument(agreementTemplate(), dataWith(text), {
    creationDate: FIXED_DATE,
    fonts: withMongolian(),
  });
  const file = pdfFile(pdf, 'annex.pdf');
  const raw = execFileSync('pdftotext', ['-raw', file.file, '-'], { encoding: 'utf8' });
  const annexWord = (w: string) => /[\u1800-\u18af]/.test(w) || /^[0-9]+$/.test(w);
  return raw.split(/[\n\f]/).flatMap((line) => {
    const words = line.split(' ').filter((w) => w !== '');
    const end = words.findIndex((w) => !annexWord(w));
    return end < 0 ? words : words.slice(0, end);
  });
}

describe('Mongolian annex composition', () => {
  it('keeps every column inside the type area of its page', () => {
    const template = agreementTemplate();
    const margins = template.file.page.marginsMm;
    // A4 in points (210 × 297 mm)
    const mm = 72 / 25.4;
    const typeHeight = (297 - margins.top - margins.bottom) * mm;
    const right = (210 - margins.right) * mm;
    fc.assert(
      fc.property(annexText, (text) => {
        const layout = layoutDocument(template, dataWith(text), withMongolian());
        const columns = layout.pages.flatMap((p) =>
          p.boxes.flatMap((placed) =>
            placed.box.ops.flatMap((op) => (op.kind === 'mongolian' ? [{ op, placed }] : [])),
          ),
        );
        expect(columns.length).toBeGreaterThan(0);
        for (const { op, placed } of columns) {
          expect(placed.y + placed.box.height).toBeLessThanOrEqual(typeHeight + 0.01);
          expect(op.x + op.thickness).toBeLessThanOrEqual(right + 0.01);
        }
        expect(columns.flatMap(({ op }) => op.words)).toEqual(text.split(/[ \n]/));
      }),
      { numRuns: 25, seed: Number(process.env.PROPERTY_SEED ?? 20261123) },
    );
  });

  it('prints the columns of any length so that they extract word for word', async () => {
    await fc.assert(
      fc.asyncProperty(annexText, async (text) => {
        expect(await extractedWords(text)).toEqual(text.split(/[ \n]/));
      }),
      {
        numRuns: 5,
        seed: Number(process.env.PROPERTY_SEED ?? 20261123),
        // Seed -1110419478 shrank to this one: its last column stands alone on the
        // signature page, the first line of a page, where pdftotext puts its form feed.
        examples: [[SEED_1110419478], [SEED_2026]],
      },
    );
  });

  it('extracts an annex of many pages word for word, page breaks included', async () => {
    const words = ['ᠮᠣᠩᠭᠣᠯ', 'ᠬᠡᠯᠡ', 'ᠠᠷᠠᠳ'];
    const text = Array.from({ length: 12 }, (_, p) =>
      Array.from({ length: 200 }, (_, w) => words[(p * 7 + w) % 3]).join(' '),
    ).join('\n');
    expect(await extractedWords(text)).toEqual(text.split(/[ \n]/));
  });
});

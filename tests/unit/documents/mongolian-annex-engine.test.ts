import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveFontFiles } from '../../../electron/documents/font-registry.js';
import {
  breakMongolianColumns,
  columnText,
  placeMongolianColumns,
} from '../../../electron/documents/mongolian-columns.js';
import {
  loadMongolianFont,
  type MongolianFont,
} from '../../../electron/documents/mongolian-font.js';
import { decodeGreyPng, greyDifference, type GreyImage } from './png-grey.js';
import { pdfFile, removePdfFiles, REPO } from './fixtures.js';
import { mongolianSamplePdf } from './mongolian-sample-pdf.js';

afterAll(removePdfFiles);

/**
 * The traditional Mongolian engine (HarfBuzz shaping, columns turned 90° clockwise, glyphs in
 * pdfkit's subset). The reference image holds the three positional-form words of issue 12 and a
 * line with an NNBSP suffix, an FVS and an MVS; it was compared by eye with Debian Chromium's
 * `writing-mode: vertical-lr` rendering of the same text in the same font (same glyphs in every
 * word). Regenerate after an intended change with
 * `UPDATE_REFERENCE_IMAGES=1 npx vitest run tests/unit/documents/mongolian-annex-engine.test.ts`
 * and look at the PNG before committing it.
 */
const REFERENCE = path.join(import.meta.dirname, 'reference', 'mongolian-forms.png');

const NNBSP = '\u202f';
const FVS1 = '\u180b';
const MVS = '\u180e';
const SAMPLE = ['ᠮᠣᠩᠭᠣᠯ', 'ᠬᠡᠯᠡ', 'ᠠᠷᠠᠳ', `ᠪᠠᠭᠠᠲᠤᠷ${NNBSP}ᠤᠨ ᠭ${FVS1}ᠠ ᠬᠠᠨ${MVS}ᠠ`];

let font: MongolianFont;
beforeAll(async () => {
  font = await loadMongolianFont(
    resolveFontFiles(path.join(REPO, 'node_modules', '@expo-google-fonts')),
  );
});

function rasterise(pdf: Buffer, name: string): { png: Buffer; image: GreyImage } {
  const file = pdfFile(pdf, name);
  const prefix = path.join(file.dir, 'p');
  execFileSync('pdftoppm', ['-r', '100', '-gray', '-png', '-singlefile', file.file, prefix]);
  const png = readFileSync(`${prefix}.png`);
  return { png, image: decodeGreyPng(png) };
}

describe('traditional Mongolian columns', () => {
  it('draws the contextual forms as the reference image shows them', async () => {
    const { png, image } = rasterise(await mongolianSamplePdf(font, SAMPLE.join('\n')), 'm.pdf');
    if (process.env.UPDATE_REFERENCE_IMAGES === '1' || !existsSync(REFERENCE)) {
      writeFileSync(REFERENCE, png);
    }
    const reference = decodeGreyPng(readFileSync(REFERENCE));
    expect([image.width, image.height]).toEqual([reference.width, reference.height]);
    const diff = greyDifference(image, reference);
    expect(diff.mean).toBeLessThan(0.01);
    expect(diff.far).toBeLessThan(0.005);
    expect(diff.ink).toBeGreaterThan(0.02); // not a blank page
  });

  it('fails the reference when the letters are not joined (isolated forms)', async () => {
    // ZWNJ between letters forces every letter into its isolated form: the same characters,
    // other glyphs. The comparison must see that, or it would pass unshaped text.
    const isolated = SAMPLE.map((line) =>
      line
        .split(' ')
        .map((word) => [...word].join('\u200c'))
        .join(' '),
    );
    const { image } = rasterise(await mongolianSamplePdf(font, isolated.join('\n')), 'iso.pdf');
    const reference = decodeGreyPng(readFileSync(REFERENCE));
    expect(greyDifference(image, reference).far).toBeGreaterThan(0.01);
  });

  it('extracts as typed, FVS, MVS and NNBSP included', async () => {
    const file = pdfFile(await mongolianSamplePdf(font, SAMPLE.join('\n')), 'x.pdf');
    const text = execFileSync('pdftotext', ['-raw', file.file, '-'], { encoding: 'utf8' });
    const lines = text
      .split('\n')
      .map((line) => line.replace(/\f/g, ''))
      .filter((line) => line !== '');
    expect([...lines].sort()).toEqual([...SAMPLE].sort());
  });

  it('embeds a subset of the font and prints identical bytes again', async () => {
    const first = await mongolianSamplePdf(font, SAMPLE.join('\n'));
    const again = await mongolianSamplePdf(font, SAMPLE.join('\n'));
    expect(again.equals(first)).toBe(true);
    const file = pdfFile(first, 'fonts.pdf');
    const fonts = execFileSync('pdffonts', [file.file], { encoding: 'utf8' });
    expect(fonts).toMatch(
      /[A-Z]{6}\+NotoSansMongolian-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes/,
    );
    // a subset: far smaller than the 300 KB font
    expect(first.length).toBeLessThan(40_000);
  });
});

describe('breaking Mongolian text into columns', () => {
  const words = ['ᠮᠣᠩᠭᠣᠯ', 'ᠬᠡᠯᠡ', 'ᠠᠷᠠᠳ', `ᠪᠠᠭᠠᠲᠤᠷ${NNBSP}ᠤᠨ`, `ᠬᠠᠨ${MVS}ᠠ`, `ᠭ${FVS1}ᠠ`];
  // One unit per UTF-16 code unit: any monotone width will do for the rule.
  const measure = { width: (w: string) => w.length, space: 1 };

  it('never cuts a word, fills each column and keeps the order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 40 }), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.integer({ min: 14, max: 80 }),
        (paragraphs, length) => {
          const columns = breakMongolianColumns(
            paragraphs.map((p) => p.join(' ')).join('\n'),
            length,
            measure,
          );
          expect(columns.flatMap((c) => c.words)).toEqual(paragraphs.flat());
          expect(columns.filter((c) => c.opensParagraph)).toHaveLength(paragraphs.length);
          columns.forEach((column, i) => {
            expect(measure.width(columnText(column))).toBeLessThanOrEqual(length);
            const next = columns[i + 1];
            // greedy: the next column's first word did not fit at the end of this one
            if (next && !next.opensParagraph) {
              const first = next.words[0] ?? '';
              expect(columnText(column).length + 1 + first.length).toBeGreaterThan(length);
            }
          });
        },
      ),
      { seed: Number(process.env.PROPERTY_SEED ?? 20261123) },
    );
  });

  it('cuts only a word longer than a whole column, by characters', () => {
    const long = '1'.repeat(25);
    const columns = breakMongolianColumns(`ᠬᠡᠯᠡ ${long} ᠬᠡᠯᠡ`, 10, measure);
    expect(columns.map(columnText)).toEqual(['ᠬᠡᠯᠡ', '1'.repeat(10), '1'.repeat(10), '11111 ᠬᠡᠯᠡ']);
  });

  it('places columns left to right and continues on the next page', () => {
    const columns = breakMongolianColumns('ᠬᠡᠯᠡ\nᠠᠷᠠᠳ\nᠮᠣᠩᠭᠣᠯ', 100, measure);
    const pages = placeMongolianColumns(columns, { left: 50, width: 75 }, 30);
    expect(pages.map((page) => page.map((p) => [columnText(p.column), p.left]))).toEqual([
      [
        ['ᠬᠡᠯᠡ', 50],
        ['ᠠᠷᠠᠳ', 80],
      ],
      [['ᠮᠣᠩᠭᠣᠯ', 50]],
    ]);
  });
});

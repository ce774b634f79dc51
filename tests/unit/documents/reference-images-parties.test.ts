import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderDocument } from '../../../electron/documents/render-document.js';
import { FIXED_DATE, fonts, pdfFile, removePdfFiles } from './fixtures.js';
import { PARTY_SAMPLE_KINDS, sampleWithParties } from './party-samples.js';
import { decodeGreyPng, encodeGreyPng, greyDifference } from './png-grey.js';

afterAll(removePdfFiles);

/**
 * Reference images of every template at 2, 11 and 15 parties (issue 7): the first and the last
 * page (where the signatures, the seal and the composition rules show), rendered by poppler at
 * 24 dpi in grey, against committed images, plus the page count. After an intended layout change:
 * `UPDATE_REFERENCE_IMAGES=1 npx vitest run tests/unit/documents/reference-images-parties.test.ts`,
 * then look at the changed PNGs before committing them.
 */

const DIR = path.join(import.meta.dirname, 'reference', 'parties');
const PAGES_FILE = path.join(DIR, 'pages.json');
const UPDATE = process.env.UPDATE_REFERENCE_IMAGES === '1';
const COUNTS = [2, 11, 15] as const;

const pageCounts: Record<string, number> = existsSync(PAGES_FILE)
  ? (JSON.parse(readFileSync(PAGES_FILE, 'utf8')) as Record<string, number>)
  : {};

afterAll(() => {
  if (UPDATE) writeFileSync(PAGES_FILE, `${JSON.stringify(pageCounts, null, 2)}\n`);
});

function pageImage(file: string, dir: string, page: number): Buffer {
  const prefix = path.join(dir, `p${page}`);
  execFileSync('pdftoppm', [
    '-r',
    '24',
    '-gray',
    '-png',
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    file,
    prefix,
  ]);
  return encodeGreyPng(decodeGreyPng(readFileSync(`${prefix}.png`)));
}

describe('reference images at 2, 11 and 15 parties', () => {
  const cases = PARTY_SAMPLE_KINDS.flatMap((kind) => COUNTS.map((n) => [kind, n] as const));
  it.each(cases)(
    '%s with %i parties: page count, first and last page',
    async (kind, n) => {
      const sample = sampleWithParties(kind, n);
      const pdf = await renderDocument(sample.template, sample.data, {
        creationDate: FIXED_DATE,
        fonts: fonts(),
      });
      const file = pdfFile(pdf, `${kind}-${n}.pdf`);
      const pages = file.pages();
      const key = `${kind.toLowerCase()}-${n}`;
      if (UPDATE) pageCounts[key] = pages;
      // a template without committed references fails until someone has looked at its pages
      expect(
        pageCounts[key],
        `${key}: no reference (run with UPDATE_REFERENCE_IMAGES=1)`,
      ).toBeDefined();
      expect(pages, key).toBe(pageCounts[key]);
      for (const [which, page] of [
        ['first', 1],
        ['last', pages],
      ] as const) {
        const reference = path.join(DIR, `${key}-${which}.png`);
        const rendered = pageImage(file.file, file.dir, page);
        if (UPDATE) writeFileSync(reference, rendered);
        expect(existsSync(reference), `${reference} is missing`).toBe(true);
        const actual = decodeGreyPng(rendered);
        const expected = decodeGreyPng(readFileSync(reference));
        expect([actual.width, actual.height], `${key} ${which}`).toEqual([
          expected.width,
          expected.height,
        ]);
        const d = greyDifference(actual, expected);
        expect(d.mean, `${key} ${which}`).toBeLessThan(0.02);
        expect(d.far, `${key} ${which}`).toBeLessThan(0.01);
        // Some text of the document above the footer band. A page holding only the footer
        // measures about 0 here (at 24 dpi its small grey text is under 0.03 % of the page); the
        // sparsest real page, the 送达回执 of a 15-party 调解通知书 (heading, recipient, signature
        // line, date), measures 0.41 %.
        expect(d.bodyInk, `${key} ${which}: not a blank page`).toBeGreaterThan(0.003);
      }
    },
    120_000,
  );
});

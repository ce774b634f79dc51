import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderDocument } from '../../../electron/documents/render-document.js';
import { decodeGreyPng } from './png-grey.js';
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
 * Page 1 of the sample agreement, rendered by poppler at 40 dpi in grey, against the committed
 * reference image. Regenerate after an intended layout change with
 * `UPDATE_REFERENCE_IMAGES=1 npx vitest run tests/unit/documents/reference-image.test.ts`
 * and look at the new PNG before committing it.
 */
const REFERENCE = path.join(import.meta.dirname, 'reference', 'agreement-p1.png');

describe('reference image of the agreement, page 1', () => {
  it('matches the committed reference within tolerance', async () => {
    const pdf = await renderDocument(agreementTemplate(), agreementData(), {
      creationDate: FIXED_DATE,
      fonts: fonts(),
    });
    const file = pdfFile(pdf, 'agreement.pdf');
    const prefix = path.join(file.dir, 'p');
    execFileSync('pdftoppm', [
      '-r',
      '40',
      '-gray',
      '-png',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      file.file,
      prefix,
    ]);
    const rendered = readFileSync(`${prefix}.png`);
    if (process.env.UPDATE_REFERENCE_IMAGES === '1' || !existsSync(REFERENCE)) {
      writeFileSync(REFERENCE, rendered);
    }
    const actual = decodeGreyPng(rendered);
    const reference = decodeGreyPng(readFileSync(REFERENCE));
    expect([actual.width, actual.height]).toEqual([reference.width, reference.height]);
    let sum = 0;
    let far = 0;
    let ink = 0;
    for (let i = 0; i < actual.pixels.length; i += 1) {
      const d = Math.abs((actual.pixels[i] ?? 0) - (reference.pixels[i] ?? 0));
      sum += d;
      if (d > 64) far += 1;
      if ((actual.pixels[i] ?? 255) < 128) ink += 1;
    }
    const n = actual.pixels.length;
    expect(sum / n / 255).toBeLessThan(0.02);
    expect(far / n).toBeLessThan(0.01);
    expect(ink / n).toBeGreaterThan(0.005); // not a blank page
  });

  it('detects a changed layout', async () => {
    const pdf = await renderDocument(
      agreementTemplate(),
      agreementData({ factsAndIssues: '（略）' }),
      { creationDate: FIXED_DATE, fonts: fonts() },
    );
    const file = pdfFile(pdf, 'changed.pdf');
    const prefix = path.join(file.dir, 'p');
    execFileSync('pdftoppm', [
      '-r',
      '40',
      '-gray',
      '-png',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      file.file,
      prefix,
    ]);
    const actual = decodeGreyPng(readFileSync(`${prefix}.png`));
    const reference = decodeGreyPng(readFileSync(REFERENCE));
    let far = 0;
    for (let i = 0; i < actual.pixels.length; i += 1) {
      if (Math.abs((actual.pixels[i] ?? 0) - (reference.pixels[i] ?? 0)) > 64) far += 1;
    }
    expect(far / actual.pixels.length).toBeGreaterThan(0.01);
  });
});

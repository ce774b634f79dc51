import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { renderDocument } from '../../../electron/documents/render-document.js';
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

interface GreyImage {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
}

/**
 * 8-bit non-interlaced PNG, greyscale or RGB (poppler writes `-gray` pages as RGB with equal
 * channels); returns the first channel.
 */
export function decodeGreyPng(png: Buffer): GreyImage {
  if (png.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let bpp = 1;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const colourType = body[9];
      if (body[8] !== 8 || (colourType !== 0 && colourType !== 2) || body[12] !== 0) {
        throw new Error('only 8-bit grey or RGB non-interlaced PNG is supported');
      }
      bpp = colourType === 2 ? 3 : 1;
    } else if (type === 'IDAT') {
      idat.push(body);
    }
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const data = new Uint8Array(stride * height);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x += 1) {
      const at = y * stride + x;
      const a = x >= bpp ? (data[at - bpp] ?? 0) : 0;
      const b = y > 0 ? (data[at - stride] ?? 0) : 0;
      const c = x >= bpp && y > 0 ? (data[at - stride - bpp] ?? 0) : 0;
      const v = line[x] ?? 0;
      let out: number;
      switch (filter) {
        case 0:
          out = v;
          break;
        case 1:
          out = v + a;
          break;
        case 2:
          out = v + b;
          break;
        case 3:
          out = v + ((a + b) >> 1);
          break;
        case 4: {
          const p = a + b - c;
          const pa = Math.abs(p - a);
          const pb = Math.abs(p - b);
          const pc = Math.abs(p - c);
          out = v + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
          break;
        }
        default:
          throw new Error(`PNG filter ${String(filter)}`);
      }
      data[at] = out & 0xff;
    }
  }
  const pixels = new Uint8Array(width * height);
  for (let i = 0; i < pixels.length; i += 1) pixels[i] = data[i * bpp] ?? 0;
  return { width, height, pixels };
}

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

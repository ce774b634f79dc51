import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { assembleVolume, type VolumePart } from '../../../electron/documents/volume-assembly.js';
import { planPng } from '../../../electron/documents/png-passthrough.js';
import { pdfFile, removePdfFiles } from './fixtures.js';

/**
 * Scans go into the volume PDF without being decoded and re-encoded when PDF can read the PNG's
 * own stream. These tests build PNGs of every kind that takes that path (with every PNG row
 * filter, so the PDF predictor is exercised), and PNGs that must not take it, assemble a volume,
 * and let poppler's pdfimages decode the pictures back: the pixels must be the ones we drew.
 */

afterAll(removePdfFiles);

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(b: Buffer): number {
  let c = 0xffffffff;
  for (const x of b) c = (CRC[(c ^ x) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

const paeth = (a: number, b: number, c: number) => {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
};

/** Packed rows (already at the PNG's bit depth), filtered with filter type y % 5. */
function filterRows(rows: Buffer[], bpp: number): Buffer {
  const out: Buffer[] = [];
  rows.forEach((row, y) => {
    const prev = rows[y - 1] ?? Buffer.alloc(row.length);
    const type = y % 5;
    const f = Buffer.alloc(row.length + 1);
    f[0] = type;
    for (let x = 0; x < row.length; x += 1) {
      const a = x >= bpp ? (row[x - bpp] ?? 0) : 0;
      const b = prev[x] ?? 0;
      const c = x >= bpp ? (prev[x - bpp] ?? 0) : 0;
      const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][type] ?? 0;
      f[x + 1] = ((row[x] ?? 0) - predictor) & 0xff;
    }
    out.push(f);
  });
  return Buffer.concat(out);
}

interface PngSpec {
  readonly width: number;
  readonly height: number;
  readonly depth: number;
  readonly colorType: number;
  readonly rows: Buffer[];
  readonly bpp: number;
  readonly extra?: readonly Buffer[];
  readonly idat?: (z: Buffer) => Buffer;
}

function png(s: PngSpec): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(s.width, 0);
  ihdr.writeUInt32BE(s.height, 4);
  ihdr[8] = s.depth;
  ihdr[9] = s.colorType;
  const z = deflateSync(filterRows(s.rows, s.bpp));
  const data = s.idat ? s.idat(z) : z;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    ...(s.extra ?? []),
    // Split in two IDAT chunks: a reader must join them.
    chunk('IDAT', data.subarray(0, data.length >> 1)),
    chunk('IDAT', data.subarray(data.length >> 1)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const W = 37;
const H = 23;
const grey = (x: number, y: number) => (x * 7 + y * 13 + ((x * y) % 11)) & 0xff;
const colour = (x: number, y: number, c: number) => (x * (5 + c) + y * (3 + 2 * c) + c * 40) & 0xff;

const greyRows = () =>
  Array.from({ length: H }, (_, y) => Buffer.from(Array.from({ length: W }, (_, x) => grey(x, y))));
const rgbRows = () =>
  Array.from({ length: H }, (_, y) =>
    Buffer.from(Array.from({ length: W * 3 }, (_, i) => colour(Math.floor(i / 3), y, i % 3))),
  );
const PALETTE = Buffer.from(Array.from({ length: 16 * 3 }, (_, i) => (i * 17) & 0xff));
const paletteIndex = (x: number, y: number) => (x + 2 * y) % 16;
const paletteRows = () =>
  Array.from({ length: H }, (_, y) =>
    Buffer.from(Array.from({ length: W }, (_, x) => paletteIndex(x, y))),
  );
const bit = (x: number, y: number) => ((x ^ y) % 3 === 0 ? 1 : 0);
const bitRows = () =>
  Array.from({ length: H }, (_, y) => {
    const row = Buffer.alloc(Math.ceil(W / 8));
    for (let x = 0; x < W; x += 1)
      if (bit(x, y)) row[x >> 3] = (row[x >> 3] ?? 0) | (0x80 >> (x & 7));
    return row;
  });
const greyAlphaRows = () =>
  Array.from({ length: H }, (_, y) =>
    Buffer.from(Array.from({ length: W * 2 }, (_, i) => (i % 2 ? 255 : grey(i >> 1, y)))),
  );

const PNGS = {
  grey: png({ width: W, height: H, depth: 8, colorType: 0, rows: greyRows(), bpp: 1 }),
  rgb: png({ width: W, height: H, depth: 8, colorType: 2, rows: rgbRows(), bpp: 3 }),
  palette: png({
    width: W,
    height: H,
    depth: 8,
    colorType: 3,
    rows: paletteRows(),
    bpp: 1,
    extra: [chunk('PLTE', PALETTE)],
  }),
  bits: png({ width: W, height: H, depth: 1, colorType: 0, rows: bitRows(), bpp: 1 }),
  greyAlpha: png({ width: W, height: H, depth: 8, colorType: 4, rows: greyAlphaRows(), bpp: 2 }),
  // The zlib stream is cut short: neither path can read it.
  damaged: png({
    width: W,
    height: H,
    depth: 8,
    colorType: 0,
    rows: greyRows(),
    bpp: 1,
    idat: (z) => z.subarray(0, z.length - 9),
  }),
};

async function onePage(text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([595.28, 841.89]).drawText(text, { x: 50, y: 780 });
  return doc.save();
}

const frame = {
  cover: () => onePage('cover'),
  index: () => onePage('index'),
  back: () => onePage('back'),
  backTitle: 'back',
  backRemark: '',
  creationDate: new Date('2026-03-10T02:00:00Z'),
};

/** Reads a binary PNM pdfimages wrote: RGB (P6) or bitmap (P4, 1 = black). */
function readPnm(file: string): { kind: string; width: number; height: number; data: Buffer } {
  const b = readFileSync(file);
  const header: string[] = [];
  let at = 0;
  const want = b.toString('latin1', 0, 2) === 'P4' ? 3 : 4;
  while (header.length < want) {
    while (/\s/.test(String.fromCharCode(b[at] ?? 32))) at += 1;
    let word = '';
    while (!/\s/.test(String.fromCharCode(b[at] ?? 32))) word += String.fromCharCode(b[at++] ?? 32);
    header.push(word);
  }
  at += 1;
  return {
    kind: header[0] ?? '',
    width: Number(header[1]),
    height: Number(header[2]),
    data: b.subarray(at),
  };
}

const piece = (name: string, bytes: Buffer) => ({
  kind: 'image' as const,
  name,
  mediaType: 'image/png' as const,
  bytes,
});

describe('scans in the volume PDF', () => {
  it('takes the fast path only for PNGs PDF can read as they are', () => {
    const fast = (b: Buffer) => {
      const plan = planPng(b);
      return plan.kind === 'passthrough' ? plan.png : null;
    };
    expect(fast(PNGS.grey)).toMatchObject({ width: W, height: H, colors: 1, palette: null });
    expect(fast(PNGS.rgb)).toMatchObject({ colors: 3, bitsPerComponent: 8 });
    expect(fast(PNGS.palette)?.palette?.length).toBe(48);
    expect(fast(PNGS.bits)).toMatchObject({ bitsPerComponent: 1 });
    expect(planPng(PNGS.greyAlpha).kind).toBe('decode');
    expect(planPng(PNGS.damaged).kind).toBe('broken');
    const withTransparency = png({
      width: W,
      height: H,
      depth: 8,
      colorType: 0,
      rows: greyRows(),
      bpp: 1,
      extra: [chunk('tRNS', Buffer.from([0, 0]))],
    });
    expect(planPng(withTransparency).kind).toBe('decode');
    const sixteenBit = png({
      width: W,
      height: H,
      depth: 16,
      colorType: 0,
      rows: greyRows().map((r) => Buffer.concat([r, r])),
      bpp: 2,
    });
    expect(planPng(sixteenBit).kind).toBe('decode');
    expect(planPng(Buffer.from('not a png at all, just text')).kind).toBe('broken');
    expect(planPng(PNGS.grey.subarray(0, 60)).kind).toBe('broken');
    // A filter byte outside 0–4 is damage, not a picture.
    const badFilter = png({
      width: W,
      height: H,
      depth: 8,
      colorType: 0,
      rows: greyRows(),
      bpp: 1,
      idat: () => deflateSync(Buffer.alloc((W + 1) * H, 9)),
    });
    expect(planPng(badFilter).kind).toBe('broken');
  });

  it('puts every scan in with the pixels that were drawn, and names the unreadable one', async () => {
    const parts: VolumePart[] = [
      {
        title: '履行凭证',
        remark: '',
        pieces: Object.entries(PNGS).map(([name, bytes]) => piece(`${name}.png`, bytes)),
      },
    ];
    const volume = await assembleVolume(parts, frame);
    // cover, index, five readable scans, back cover
    expect(volume.pageCount).toBe(8);
    expect(volume.rows[0]).toMatchObject({ pages: '1–5' });
    expect(volume.rows[0]?.remark).toContain('damaged.png');
    const file = pdfFile(volume.bytes, 'scans.pdf');
    expect(file.qpdfCheck()).toContain('No syntax or stream encoding errors');
    const list = execFileSync('pdfimages', ['-list', file.file], { encoding: 'utf8' });
    const images = list.split('\n').filter((l) => /^\s*\d+\s+\d+\s+image/.test(l));
    expect(images).toHaveLength(5);
    execFileSync('pdfimages', [file.file, path.join(file.dir, 'img')]);
    const files = readdirSync(file.dir)
      .filter((f) => f.startsWith('img-'))
      .sort();
    // pdfimages numbers the pictures in page order.
    const [g, rgb, pal, bits, ga] = files.map((f) => readPnm(path.join(file.dir, f)));
    const greyPixels = greyRows().flatMap((r) => [...r]);
    // pdfimages writes grey pictures as PPM with three equal channels.
    const asGrey = (data: Buffer | undefined) => [...(data ?? [])].filter((_, i) => i % 3 === 0);
    const sameChannels = (data: Buffer | undefined) =>
      [...(data ?? [])].every((v, i, all) => v === all[i - (i % 3)]);
    expect(g?.kind).toBe('P6');
    expect(sameChannels(g?.data)).toBe(true);
    expect(asGrey(g?.data)).toEqual(greyPixels);
    expect(rgb?.kind).toBe('P6');
    expect([...(rgb?.data ?? [])]).toEqual(rgbRows().flatMap((r) => [...r]));
    expect(pal?.kind).toBe('P6');
    const expectedPalette: number[] = [];
    for (let y = 0; y < H; y += 1) {
      for (let x = 0; x < W; x += 1) {
        const i = paletteIndex(x, y) * 3;
        expectedPalette.push(PALETTE[i] ?? 0, PALETTE[i + 1] ?? 0, PALETTE[i + 2] ?? 0);
      }
    }
    expect([...(pal?.data ?? [])]).toEqual(expectedPalette);
    expect(bits?.kind).toBe('P4');
    // PBM: 1 is black; the PNG's 1 is white.
    const pbmRow = Math.ceil(W / 8);
    for (let y = 0; y < H; y += 1) {
      for (let x = 0; x < W; x += 1) {
        const black = ((bits?.data[y * pbmRow + (x >> 3)] ?? 0) >> (7 - (x & 7))) & 1;
        expect(black).toBe(1 - bit(x, y));
      }
    }
    // The grey+alpha scan went through the decoder and is still the drawn picture.
    expect(ga?.kind).toBe('P6');
    expect(sameChannels(ga?.data)).toBe(true);
    expect(asGrey(ga?.data)).toEqual(greyPixels);
  });
});

import zlib from 'node:zlib';

/**
 * A PNG's compressed pixels can go into a PDF as they are: PNG's zlib stream with its per-row
 * filters is exactly what PDF's FlateDecode with a PNG predictor (/Predictor 15) reads. pdf-lib's
 * embedPng instead decodes every pixel in JavaScript and deflates them again, which for a phone
 * scan of an A4 page costs far more than the rest of the volume. This reads the chunks, checks
 * the stream really inflates to the image's size (a broken scan must be refused, not written
 * into the volume), and returns what the PDF image needs. PNGs PDF cannot take this way (alpha
 * channels, transparency, interlacing, 16-bit samples) are decoded by pdf-lib as before.
 */

export interface PassThroughPng {
  readonly width: number;
  readonly height: number;
  readonly colors: 1 | 3;
  /** DeviceGray / DeviceRGB, or an indexed palette (RGB triplets). */
  readonly palette: Buffer | null;
  readonly bitsPerComponent: 1 | 2 | 4 | 8;
  readonly data: Buffer;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface Chunks {
  readonly ihdr: Buffer;
  readonly idat: Buffer[];
  readonly plte: Buffer | null;
  readonly transparency: boolean;
}

function readChunks(png: Buffer): Chunks | null {
  if (png.length < 8 + 25 || !png.subarray(0, 8).equals(SIGNATURE)) return null;
  let ihdr: Buffer | null = null;
  let plte: Buffer | null = null;
  let transparency = false;
  const idat: Buffer[] = [];
  let at = 8;
  for (;;) {
    if (at + 12 > png.length) return null;
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const end = at + 12 + length;
    if (end > png.length) return null;
    const body = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') ihdr = body;
    else if (type === 'PLTE') plte = body;
    else if (type === 'IDAT') idat.push(body);
    else if (type === 'tRNS') transparency = true;
    else if (type === 'IEND') break;
    at = end;
  }
  if (ihdr === null || ihdr.length !== 13 || idat.length === 0) return null;
  return { ihdr, idat, plte, transparency };
}

const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/**
 * What to do with a PNG scan: put its stream in as it is, decode it (pdf-lib), or refuse it.
 * A PNG whose chunks or zlib stream are damaged is refused here: pdf-lib's inflater would
 * otherwise accept a stream cut short and print a half-empty picture as if it were the receipt.
 */
export type PngPlan =
  | { readonly kind: 'passthrough'; readonly png: PassThroughPng }
  | { readonly kind: 'decode' }
  | { readonly kind: 'broken' };

export function planPng(png: Buffer): PngPlan {
  const broken = { kind: 'broken' } as const;
  const decode = { kind: 'decode' } as const;
  const chunks = readChunks(png);
  if (chunks === null) return broken;
  const { ihdr, idat, plte, transparency } = chunks;
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  const depth = ihdr[8] ?? 0;
  const colorType = ihdr[9] ?? 0;
  const interlace = ihdr[12] ?? 0;
  const channels = CHANNELS[colorType];
  if (width === 0 || height === 0 || width > 20_000 || height > 20_000) return broken;
  if (channels === undefined || ![1, 2, 4, 8, 16].includes(depth)) return broken;
  if ((ihdr[10] ?? 1) !== 0 || (ihdr[11] ?? 1) !== 0 || interlace > 1) return broken;
  if (colorType === 3 && (plte === null || plte.length % 3 !== 0 || plte.length === 0)) {
    return broken;
  }
  const data = Buffer.concat(idat);
  const rowBytes = Math.ceil((width * channels * depth) / 8) + 1;
  let pixels: Buffer;
  try {
    // Native zlib: a few milliseconds for an A4 scan, and proof the stream is whole.
    pixels = zlib.inflateSync(data, {
      maxOutputLength: interlace === 0 ? rowBytes * height + 1 : 2 * rowBytes * height + 64,
    });
  } catch {
    return broken;
  }
  if (interlace !== 0) return decode;
  if (pixels.length !== rowBytes * height) return broken;
  for (let row = 0; row < height; row += 1) {
    if ((pixels[row * rowBytes] ?? 5) > 4) return broken;
  }
  const gray = colorType === 0;
  const rgb = colorType === 2;
  const indexed = colorType === 3;
  // Alpha channels need splitting into a soft mask; tRNS and 16-bit samples need decoding too.
  if ((!gray && !rgb && !indexed) || transparency || depth === 16) return decode;
  return {
    kind: 'passthrough',
    png: {
      width,
      height,
      colors: rgb ? 3 : 1,
      palette: indexed ? plte : null,
      bitsPerComponent: depth as 1 | 2 | 4 | 8,
      data,
    },
  };
}

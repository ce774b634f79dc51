import { deflateSync, inflateSync } from 'node:zlib';

/** Small PNG helpers for reference images (no image library needed for 8-bit grey). */

export interface GreyImage {
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

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** An 8-bit greyscale PNG (a third of poppler's RGB output for the same page). */
export function encodeGreyPng(image: GreyImage): Buffer {
  const { width, height, pixels } = image;
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y += 1) {
    raw[y * (width + 1)] = 0;
    Buffer.from(pixels.subarray(y * width, (y + 1) * width)).copy(raw, y * (width + 1) + 1);
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export interface GreyDifference {
  /** Mean absolute difference, 0–1. */
  readonly mean: number;
  /** Share of pixels differing by more than a quarter of the range. */
  readonly far: number;
  /**
   * Share of inked pixels in the actual image (darker than three quarters grey: at 24 dpi a
   * line of CJK text is mostly anti-aliased grey, so a stricter cut misses a short last page).
   */
  readonly ink: number;
  /**
   * The same share above the footer band (the bottom 8 % of the page, where 第N页共M页 and the
   * check code stand): zero on a page that holds nothing of the document itself.
   */
  readonly bodyInk: number;
}

/** Where the footer band starts, as a share of the page height. */
export const FOOTER_BAND_TOP = 0.92;

export function greyDifference(actual: GreyImage, reference: GreyImage): GreyDifference {
  let sum = 0;
  let far = 0;
  let ink = 0;
  let bodyInk = 0;
  const bodyEnd = Math.floor(actual.height * FOOTER_BAND_TOP) * actual.width;
  for (let i = 0; i < actual.pixels.length; i += 1) {
    const d = Math.abs((actual.pixels[i] ?? 0) - (reference.pixels[i] ?? 0));
    sum += d;
    if (d > 64) far += 1;
    if ((actual.pixels[i] ?? 255) < 192) {
      ink += 1;
      if (i < bodyEnd) bodyInk += 1;
    }
  }
  const n = actual.pixels.length || 1;
  return { mean: sum / n / 255, far: far / n, ink: ink / n, bodyInk: bodyInk / (bodyEnd || 1) };
}

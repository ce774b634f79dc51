import {
  PDFDocument,
  StandardFonts,
  degrees,
  drawImage,
  rgb,
  type PDFPage,
  type PDFRef,
} from 'pdf-lib';
import type { VolumeIndexRow } from '../../domain/volume/volume-views.js';
import { planPng } from './png-passthrough.js';

/**
 * One PDF of the whole volume (一案一卷, domain §2.2, §4.8), in index order: cover, 卷内目录,
 * the documents and scans, 卷内备考表. pdf-lib does what pdfkit cannot: copy pages out of the
 * stored PDFs (signed agreements, scanned receipts) without re-rendering them, and embed
 * JPEG/PNG scans as pages. Documents are numbered from 1 after the index, as archives number a
 * bound volume, and every numbered page carries its 页号 in the top right corner so the index
 * can be checked against the paper.
 */

const A4 = { width: 595.28, height: 841.89 };
const SCAN_MARGIN = 28;

export type VolumePiece =
  | { readonly kind: 'pdf'; readonly name: string; readonly bytes: Uint8Array }
  | {
      readonly kind: 'image';
      readonly name: string;
      readonly mediaType: 'image/jpeg' | 'image/png';
      readonly bytes: Uint8Array;
    };

/** One row of the index: a document or a group of scans. */
export interface VolumePart {
  readonly title: string;
  readonly remark: string;
  readonly pieces: readonly VolumePiece[];
}

export interface VolumeFrame {
  /** Renders the cover / index / back cover for the given rows and total page count. */
  readonly cover: () => Promise<Uint8Array>;
  readonly index: (rows: readonly VolumeIndexRow[], pageCount: number) => Promise<Uint8Array>;
  readonly back: (rows: readonly VolumeIndexRow[], pageCount: number) => Promise<Uint8Array>;
  readonly backTitle: string;
  /** e.g. 含卷宗情况说明 when notes are printed on it. */
  readonly backRemark: string;
  readonly creationDate: Date;
}

export interface AssembledVolume {
  readonly bytes: Buffer;
  readonly rows: readonly VolumeIndexRow[];
  readonly pageCount: number;
}

/** A scan already embedded in the volume: its image object and pixel size. */
interface EmbeddedScan {
  readonly ref: PDFRef;
  readonly width: number;
  readonly height: number;
}

interface LoadedPiece {
  readonly piece: VolumePiece;
  readonly pdf: PDFDocument | null;
  readonly scan: EmbeddedScan | null;
  readonly pages: number;
}

/**
 * Embeds a scan into the volume once, straight away (reading it is the check that it is an
 * image). PNGs go in without re-encoding when PDF can read their stream (png-passthrough.ts).
 */
async function embedScan(
  out: PDFDocument,
  piece: Extract<VolumePiece, { kind: 'image' }>,
): Promise<EmbeddedScan> {
  if (piece.mediaType === 'image/png') {
    const plan = planPng(
      Buffer.from(piece.bytes.buffer, piece.bytes.byteOffset, piece.bytes.length),
    );
    if (plan.kind === 'broken') throw new Error(`${piece.name}: damaged PNG`);
    if (plan.kind === 'passthrough') {
      const png = plan.png;
      const colorSpace =
        png.palette !== null
          ? [
              'Indexed',
              'DeviceRGB',
              png.palette.length / 3 - 1,
              out.context.register(out.context.stream(png.palette)),
            ]
          : png.colors === 3
            ? 'DeviceRGB'
            : 'DeviceGray';
      const ref = out.context.register(
        out.context.stream(png.data, {
          Type: 'XObject',
          Subtype: 'Image',
          Width: png.width,
          Height: png.height,
          BitsPerComponent: png.bitsPerComponent,
          ColorSpace: colorSpace,
          Filter: 'FlateDecode',
          DecodeParms: {
            Predictor: 15,
            Colors: png.colors,
            BitsPerComponent: png.bitsPerComponent,
            Columns: png.width,
          },
        }),
      );
      return { ref, width: png.width, height: png.height };
    }
  }
  const image =
    piece.mediaType === 'image/png'
      ? await out.embedPng(piece.bytes)
      : await out.embedJpg(piece.bytes);
  return { ref: image.ref, width: image.width, height: image.height };
}

async function loadPiece(out: PDFDocument, piece: VolumePiece): Promise<LoadedPiece | null> {
  if (piece.kind === 'image') {
    try {
      return { piece, pdf: null, scan: await embedScan(out, piece), pages: 1 };
    } catch {
      return null;
    }
  }
  try {
    const pdf = await PDFDocument.load(piece.bytes, {
      ignoreEncryption: true,
      updateMetadata: false,
    });
    return { piece, pdf, scan: null, pages: pdf.getPageCount() };
  } catch {
    // A scan that is not a readable PDF is named in the index instead of breaking the volume.
    return null;
  }
}

const pageRange = (first: number, count: number): string =>
  count <= 0 ? '' : count === 1 ? String(first) : `${first}–${first + count - 1}`;

async function pagesOf(bytes: Uint8Array): Promise<number> {
  return (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
}

export async function assembleVolume(
  parts: readonly VolumePart[],
  frame: VolumeFrame,
): Promise<AssembledVolume> {
  const out = await PDFDocument.create({ updateMetadata: false });
  const loaded: { part: VolumePart; pieces: LoadedPiece[]; unreadable: string[] }[] = [];
  for (const part of parts) {
    const pieces: LoadedPiece[] = [];
    const unreadable: string[] = [];
    for (const piece of part.pieces) {
      const l = await loadPiece(out, piece);
      if (l) pieces.push(l);
      else unreadable.push(piece.name);
    }
    loaded.push({ part, pieces, unreadable });
  }
  const rows: VolumeIndexRow[] = [];
  let next = 1;
  for (const [i, l] of loaded.entries()) {
    const count = l.pieces.reduce((n, p) => n + p.pages, 0);
    const remark = [
      l.part.remark,
      ...l.unreadable.map((name) => `扫描件“${name}”无法读取，原件另行装订`),
    ]
      .filter((x) => x !== '')
      .join('；');
    rows.push({ no: i + 1, title: l.part.title, pages: pageRange(next, count), remark });
    next += count;
  }
  const backFirst = next;
  const withBack = (backPages: number): VolumeIndexRow[] => [
    ...rows,
    {
      no: rows.length + 1,
      title: frame.backTitle,
      pages: pageRange(backFirst, backPages),
      remark: '',
    },
  ];
  const cover = await frame.cover();
  const coverPages = await pagesOf(cover);
  // The total appears on the index and the back cover, and their own lengths are part of it:
  // render until the count is stable (twice in practice).
  let total = coverPages + 1 + (backFirst - 1) + 1;
  let index = await frame.index(withBack(1), total);
  let back = await frame.back(withBack(1), total);
  for (let round = 0; round < 3; round += 1) {
    const indexPages = await pagesOf(index);
    const backPages = await pagesOf(back);
    const counted = coverPages + indexPages + (backFirst - 1) + backPages;
    if (counted === total && round > 0) break;
    total = counted;
    index = await frame.index(withBack(backPages), total);
    back = await frame.back(withBack(backPages), total);
  }
  const backPages = await pagesOf(back);
  const finalRows = withBack(backPages);

  out.setCreationDate(frame.creationDate);
  out.setModificationDate(frame.creationDate);
  out.setProducer('Mediation Desk');
  const stampFont = await out.embedFont(StandardFonts.Helvetica);
  const stamp = (page: PDFPage, n: number) => {
    const { width, height } = page.getSize();
    const text = String(n);
    const size = 11;
    page.drawText(text, {
      x: width - 40 - stampFont.widthOfTextAtSize(text, size),
      y: height - 32,
      size,
      font: stampFont,
      color: rgb(0, 0, 0),
    });
  };
  const copyAll = async (bytes: Uint8Array | PDFDocument, numberFrom: number | null) => {
    const src = bytes instanceof PDFDocument ? bytes : await PDFDocument.load(bytes);
    const pages = await out.copyPages(src, src.getPageIndices());
    pages.forEach((p, i) => {
      out.addPage(p);
      if (numberFrom !== null) stamp(p, numberFrom + i);
    });
  };
  await copyAll(cover, null);
  await copyAll(index, null);
  let n = 1;
  for (const l of loaded) {
    for (const p of l.pieces) {
      if (p.pdf) {
        await copyAll(p.pdf, n);
      } else if (p.scan) {
        const image = p.scan;
        const page = out.addPage([A4.width, A4.height]);
        const scale = Math.min(
          (A4.width - 2 * SCAN_MARGIN) / image.width,
          (A4.height - 3 * SCAN_MARGIN) / image.height,
          // Small scans (a phone photo of a receipt) are not blown up beyond 2x.
          2,
        );
        const w = image.width * scale;
        const h = image.height * scale;
        const name = page.node.newXObject('Image', image.ref);
        page.pushOperators(
          ...drawImage(name, {
            x: (A4.width - w) / 2,
            y: A4.height - SCAN_MARGIN * 1.5 - h,
            width: w,
            height: h,
            rotate: degrees(0),
            xSkew: degrees(0),
            ySkew: degrees(0),
          }),
        );
        stamp(page, n);
      }
      n += p.pages;
    }
  }
  await copyAll(back, n);
  const bytes = Buffer.from(await out.save());
  return { bytes, rows: finalRows, pageCount: out.getPageCount() };
}

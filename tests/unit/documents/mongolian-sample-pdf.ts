import PDFDocument from 'pdfkit';
import { drawMongolianColumn } from '../../../electron/documents/mongolian-draw.js';
import {
  breakMongolianColumns,
  placeMongolianColumns,
} from '../../../electron/documents/mongolian-columns.js';
import type { MongolianFont } from '../../../electron/documents/mongolian-font.js';
import { FIXED_DATE } from './fixtures.js';

/**
 * A small PDF of traditional Mongolian columns drawn by the annex engine, for reference images,
 * extraction and reprint checks: each paragraph of `text` starts a column.
 */
export function mongolianSamplePdf(
  font: MongolianFont,
  text: string,
  page: { readonly width: number; readonly height: number } = { width: 240, height: 260 },
  size = 20,
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: [page.width, page.height],
    margin: 0,
    autoFirstPage: false,
    font: null as unknown as string,
    info: { Producer: 'Mediation Desk', CreationDate: FIXED_DATE, ModDate: FIXED_DATE },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('mongolian', font.font as unknown as PDFKit.Mixins.PDFFontSource);
  const margin = 10;
  const thickness = size * 1.75;
  const columns = breakMongolianColumns(text, page.height - 2 * margin, {
    width: (word) => font.shaper.width(word, size),
    space: font.shaper.width(' ', size),
  });
  const pages = placeMongolianColumns(
    columns,
    { left: margin, width: page.width - 2 * margin },
    thickness,
  );
  for (const placed of pages) {
    doc.addPage();
    for (const { column, left } of placed) {
      drawMongolianColumn(
        doc,
        font.shaper,
        column.words,
        { left, top: margin, thickness },
        { fontName: 'mongolian', size, color: '#000000' },
      );
    }
  }
  doc.end();
  return done;
}

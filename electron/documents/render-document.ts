// Before pdfkit and fontkit load: lighter stand-ins for some of their dependencies (see there).
import './dependency-stand-ins.js';
import PDFDocument from 'pdfkit';
import type { Font } from 'fontkit';
import { documentDataSchema, type DocumentData } from './document-data.js';
import { drawPages, MONGOLIAN_FONT_NAME, RULE, INK } from './layout-draw.js';
import { DocumentRenderError, globalScope, MM, resolve } from './layout-measure.js';
import { MissingValueError, type Lookup } from './placeholders.js';
import { checkDocumentText } from './text-coverage.js';
import { TextMetrics, type PdfFontName } from './text-metrics.js';
import type { DocumentTemplate } from './template-loader.js';
import {
  contentHash,
  documentVerificationCode,
  geometry,
  layoutDocument,
  metricFonts,
  type RenderOptions,
} from './document-layout.js';

export { chineseListNumber, DocumentRenderError } from './layout-measure.js';
export type { DocumentRenderErrorCode } from './layout-measure.js';
export { documentVerificationCode, layoutDocument } from './document-layout.js';
export type { DocumentLayout, RenderOptions } from './document-layout.js';

/**
 * Lays a template out as a PDF in three stages (ARCHITECTURE.md, “Documents”):
 * **measure** (layout-measure.ts) turns blocks into boxes, **paginate** (layout-paginate.ts)
 * places boxes on pages under the composition rules as a pure function, **draw**
 * (layout-draw.ts) puts them on pdfkit pages; the footer is drawn last, when the page count
 * is known.
 *
 * Determinism: CreationDate/ModDate come from the caller and pdfkit derives the file ID from
 * the info dictionary, so the same template + data + date give byte-identical output and a
 * stored SHA-256 can be re-verified later (platform notes).
 */

export const PRODUCER = 'Mediation Desk';

/** Radius of the page-edge seal guide: committee seals are 42 mm across. */
const EDGE_SEAL_RADIUS = 21 * MM;

/**
 * The guide for the page-edge seal. Marked as an artifact, and its label is drawn as glyph
 * outlines, not text: it is a printing aid, never part of the document's text.
 */
function drawPageEdgeSealMark(doc: PDFKit.PDFDocument, font: Font): void {
  const x = doc.page.width;
  const y = doc.page.height / 2;
  doc.markContent('Artifact', { type: 'Layout' });
  doc
    .save()
    .lineWidth(0.5)
    .strokeColor(RULE)
    .dash(3, { space: 3 })
    .moveTo(x, y - EDGE_SEAL_RADIUS)
    .bezierCurveTo(
      x - EDGE_SEAL_RADIUS * 1.333,
      y - EDGE_SEAL_RADIUS,
      x - EDGE_SEAL_RADIUS * 1.333,
      y + EDGE_SEAL_RADIUS,
      x,
      y + EDGE_SEAL_RADIUS,
    )
    .stroke()
    .undash()
    .restore();
  const label = '骑缝章';
  const size = 8;
  const step = 10;
  const scale = size / font.unitsPerEm;
  [...label].forEach((ch, i) => {
    const glyph = font.glyphForCodePoint(ch.codePointAt(0) ?? 0);
    const top = y - (label.length * step) / 2 + i * step;
    doc
      .save()
      .translate(x - 14, top + size * 0.88)
      .scale(scale, -scale)
      .path(glyph.path.toSVG())
      .fill(RULE)
      .restore();
  });
  doc.endMarkedContent();
}

function drawFooters(
  doc: PDFKit.PDFDocument,
  template: DocumentTemplate,
  data: DocumentData,
  verificationCode: string,
  options: { left: number; width: number; edgeMark: Font | null },
): void {
  const range = doc.bufferedPageRange();
  const footer = template.file.footer;
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    if (options.edgeMark && range.count > 1) drawPageEdgeSealMark(doc, options.edgeMark);
    const scope: Lookup = (path) => {
      switch (path) {
        case 'page.number':
          return String(i - range.start + 1);
        case 'page.count':
          return String(range.count);
        case 'document.verificationCode':
          return verificationCode;
        case 'document.title':
          return template.file.title;
        default:
          return globalScope(data)(path);
      }
    };
    // Writing inside the bottom margin must not make pdfkit add a page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - bottom + Math.min(bottom * 0.35, 12 * MM);
    doc.markContent('Artifact', { type: 'Pagination' });
    doc
      .font('serif')
      .fontSize(10.5)
      .fillColor(INK)
      .text(resolve(template, footer.pageNumber, scope), options.left, y, {
        width: options.width,
        align: 'center',
        lineBreak: false,
      });
    if (footer.verification !== undefined) {
      doc
        .fontSize(8)
        .fillColor(RULE)
        .text(resolve(template, footer.verification, scope), options.left, y + 16, {
          width: options.width,
          align: 'right',
          lineBreak: false,
        });
    }
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
}

/** pdfkit's typings accept paths and buffers; it also takes a parsed fontkit font (duck-typed). */
function asFontSource(font: Font): PDFKit.Mixins.PDFFontSource {
  return font as unknown as PDFKit.Mixins.PDFFontSource;
}

/**
 * pdfkit names font subsets after its internal font ids (F1, F2 …), so every file it writes
 * carries the same subset tags (AAAAAA+…): readers that cache fonts by name then mix glyphs of
 * different files. Starting the ids at a number derived from the content gives each document
 * its own tags while keeping output deterministic.
 */
function distinctSubsetTags(doc: PDFKit.PDFDocument, hash: string): void {
  const start = 100_000 + (Number.parseInt(hash.slice(0, 8), 16) % 800_000);
  (doc as unknown as { _fontCount: number })._fontCount = start;
}

export async function renderDocument(
  template: DocumentTemplate,
  data: DocumentData,
  options: RenderOptions,
): Promise<Buffer> {
  const parsed = documentDataSchema.safeParse(data);
  if (!parsed.success) throw new DocumentRenderError('BAD_DATA', '文书数据格式错误');
  const check = checkDocumentText(template, data, options.fonts);
  if (check.errors.length > 0) {
    throw new DocumentRenderError(
      'TEXT_NOT_PRINTABLE',
      check.errors[0]?.message ?? '',
      check.errors,
    );
  }
  if (check.warnings.length > 0 && !options.allowMissingGlyphs) {
    throw new DocumentRenderError(
      'TEXT_NOT_PRINTABLE',
      check.warnings[0]?.message ?? '',
      check.warnings,
    );
  }

  const metrics = new TextMetrics(metricFonts(options.fonts));
  const layout = layoutDocument(template, data, options.fonts, metrics);

  const file = template.file;
  const g = geometry(template);
  const hash = contentHash(template, data);
  const doc = new PDFDocument({
    size: file.page.size,
    margins: g.margins,
    bufferPages: true,
    autoFirstPage: false,
    // No default Helvetica: every glyph comes from the embedded Noto fonts.
    font: null as unknown as string,
    lang: 'zh-CN',
    displayTitle: true,
    pdfVersion: '1.7',
    // Tagged PDF: a structure tree in reading order, page furniture marked as artifacts.
    tagged: true,
    info: {
      Title: file.title,
      Producer: PRODUCER,
      Creator: `${PRODUCER} (${file.id} v${file.version})`,
      CreationDate: options.creationDate,
      ModDate: options.creationDate,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolveDone, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolveDone(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  distinctSubsetTags(doc, hash);
  doc.registerFont('serif', asFontSource(options.fonts.serif));
  doc.registerFont('serif-bold', asFontSource(options.fonts.serifBold));
  // The Tibetan font is parsed only for documents that carry a translation page.
  if ((data.translations ?? []).length > 0) {
    doc.registerFont('tibetan', asFontSource(options.fonts.tibetan));
  }
  const mongolian = options.fonts.mongolian;
  if (mongolian && (data.translations ?? []).some((t) => t.language === 'mn')) {
    doc.registerFont(MONGOLIAN_FONT_NAME, asFontSource(mongolian.font));
  }
  // A fallback font is registered (and parsed) only when a character needs it.
  const registered = new Set<string>();
  const ensureFont = (name: PdfFontName) => {
    if (!name.startsWith('fallback-') || registered.has(name)) return;
    const font = metrics.font(name);
    if (font) doc.registerFont(name, asFontSource(font));
    registered.add(name);
  };
  try {
    doc.addPage();
    doc.font('serif');
    const structure = doc.struct('Document', { title: file.title, lang: 'zh-CN' });
    doc.addStructure(structure);
    drawPages(
      { doc, metrics, top: g.margins.top, ensureFont, structure, mongolian: mongolian?.shaper },
      layout.pages,
    );
    structure.end();
    drawFooters(doc, template, data, documentVerificationCode(template, data), {
      left: g.margins.left,
      width: g.pageWidth - g.margins.left - g.margins.right,
      edgeMark: options.pageEdgeSealMark ? options.fonts.serif : null,
    });
  } catch (error) {
    doc.end();
    await done.catch(() => undefined);
    if (error instanceof MissingValueError) {
      throw new DocumentRenderError('MISSING_VALUE', error.message);
    }
    throw error;
  }
  doc.end();
  return done;
}

import type { Box, DrawOp, LaidOutPage } from './layout-boxes.js';
import { drawMongolianColumn } from './mongolian-draw.js';
import type { MongolianShaper } from './mongolian-shaper.js';
import type { PdfFontName, TextMetrics } from './text-metrics.js';

/**
 * The draw stage: executes the operations of placed boxes on pdfkit pages. It decides nothing
 * about layout; every line was broken and every box placed before. Text is drawn line by line
 * with `lineBreak: false`, one run per font (text-metrics.ts), so pdfkit never re-wraps.
 */

/** Characters with the ink colour of the form (pure black prints best on office lasers). */
export const INK = '#000000';
export const RULE = '#555555';

export interface DrawTarget {
  readonly doc: PDFKit.PDFDocument;
  readonly metrics: TextMetrics;
  /** Top of the type area. */
  readonly top: number;
  /** Registers a font with pdfkit before its first use (rare-character fallbacks). */
  readonly ensureFont?: ((name: PdfFontName) => void) | undefined;
  /**
   * Root of the structure tree of a tagged PDF: each box's text becomes one structure element
   * (H for headings, P otherwise) in reading order; borders and rules are layout artifacts.
   */
  readonly structure?: PDFKit.PDFStructureElement | undefined;
  /** Shapes the columns of a Mongolian annex (its font is registered as `mongolian`). */
  readonly mongolian?: MongolianShaper | undefined;
}

/** Name of the traditional Mongolian font in pdfkit's registry. */
export const MONGOLIAN_FONT_NAME = 'mongolian';

/** Standard structure type of a box's text (ISO 32000-1 §14.8.4). */
const STRUCTURE_TYPE: Readonly<Record<Box['role'], string>> = {
  heading: 'H',
  body: 'P',
  signature: 'P',
  seal: 'P',
  header: 'P',
  note: 'P',
  space: 'P',
  break: 'P',
};

function drawText(target: DrawTarget, op: Extract<DrawOp, { kind: 'text' }>, y: number): void {
  const { doc, metrics } = target;
  if (op.text === '') return;
  const runs = metrics.runs(op.text, op.font);
  // Shaped scripts (Tibetan stacks) extract from their source text, not from glyph guesses.
  const shaped = op.font === 'tibetan';
  if (shaped) doc.markContent('Span', { actual: op.text });
  let x = op.x;
  const last = runs[runs.length - 1];
  for (const run of runs) {
    target.ensureFont?.(run.font);
    doc
      .font(run.font)
      .fontSize(op.size)
      .fillColor(op.grey ? RULE : INK)
      .text(run.text, x, y, {
        lineBreak: false,
        characterSpacing: op.characterSpacing ?? 0,
      });
    // Only a following run needs the advance: measuring a whole line shapes it once more, which
    // was a third of a long register's render time (most lines are a single run).
    if (run === last) break;
    x += metrics.width(run.text, op.font, op.size, op.characterSpacing ?? 0);
    if (op.characterSpacing) x += op.characterSpacing;
  }
  if (shaped) doc.endMarkedContent();
}

export function drawOps(target: DrawTarget, ops: readonly DrawOp[], top: number): void {
  const { doc } = target;
  for (const op of ops) {
    switch (op.kind) {
      case 'text':
        drawText(target, op, top + op.y);
        break;
      case 'rect':
        doc
          .save()
          .lineWidth(0.75)
          .strokeColor(INK)
          .rect(op.x, top + op.y, op.width, op.height)
          .stroke()
          .restore();
        break;
      case 'mongolian': {
        if (!target.mongolian) throw new Error('蒙古文译文需要蒙古文字形引擎');
        drawMongolianColumn(
          doc,
          target.mongolian,
          op.words,
          { left: op.x, top: top + op.y, thickness: op.thickness },
          { fontName: MONGOLIAN_FONT_NAME, size: op.size, color: INK },
        );
        break;
      }
      case 'rule':
        doc
          .save()
          .lineWidth(0.5)
          .strokeColor(RULE)
          .moveTo(op.x1, top + op.y)
          .lineTo(op.x2, top + op.y)
          .stroke()
          .restore();
        break;
      default: {
        const unreachable: never = op;
        throw new Error(`未知的绘制操作：${JSON.stringify(unreachable)}`);
      }
    }
  }
}

/** Draws every page (pages must already exist in pdfkit's buffer, one per laid-out page). */
export function drawPages(target: DrawTarget, pages: readonly LaidOutPage[]): void {
  const { doc } = target;
  pages.forEach((page, index) => {
    if (index > 0) doc.addPage();
    // Writing near the bottom margin must not make pdfkit add a page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    for (const placed of page.boxes) drawBox(target, placed.box, target.top + placed.y);
    doc.page.margins.bottom = bottom;
  });
}

function drawBox(target: DrawTarget, box: Box, top: number): void {
  const { doc, structure } = target;
  if (!structure) {
    drawOps(target, box.ops, top);
    return;
  }
  const isText = (op: DrawOp) => (op.kind === 'text' && op.text !== '') || op.kind === 'mongolian';
  const lines = box.ops.filter((op) => op.kind === 'rect' || op.kind === 'rule');
  const text = box.ops.filter(isText);
  if (lines.length > 0) {
    doc.markContent('Artifact', { type: 'Layout' });
    drawOps(target, lines, top);
    doc.endMarkedContent();
  }
  if (text.length === 0) return;
  const type = STRUCTURE_TYPE[box.role];
  // A signature slot of a bilingual document holds Chinese and own-script labels: each language
  // its own element, so a reader voices each right; a box of one language stays one element.
  const languages = [...new Set(text.map(languageOf))];
  for (const language of languages) {
    const ops = languages.length === 1 ? text : text.filter((op) => languageOf(op) === language);
    const content = doc.markStructureContent(type);
    drawOps(target, ops, top);
    doc.endMarkedContent();
    // A translation line carries its language, so a reader voices it as Tibetan or Mongolian.
    structure.add(doc.struct(type, language === 'zh' ? {} : { lang: language }, [content]));
  }
}

function languageOf(op: DrawOp): 'zh' | 'bo' | 'mn' {
  if (op.kind === 'mongolian') return 'mn';
  return op.kind === 'text' && op.font === 'tibetan' ? 'bo' : 'zh';
}

import type { MongolianShaper, ShapedWord } from './mongolian-shaper.js';

/**
 * Draws a column of traditional Mongolian on a pdfkit page: the words shaped by HarfBuzz
 * (mongolian-shaper.ts), set as one horizontal line, turned 90° clockwise about the column's
 * top right corner, so the line reads top to bottom and the next column stands to its right.
 *
 * pdfkit cannot shape the font (fontkit's GSUB fails on it), so the glyph ids HarfBuzz chose
 * are put into pdfkit's own subset of the registered font (`includeGlyph`, the widths and the
 * ToUnicode entries it writes at `embed`), and the text operators are written here. Each
 * column is one marked-content span whose ActualText is the typed text, so copying and
 * `pdftotext` give back the words as entered, FVS, MVS and NNBSP included (a glyph's ToUnicode
 * entry is only a fallback for readers that ignore ActualText).
 */

/** The fields of pdfkit's EmbeddedFont this module uses (pdfkit's types do not declare them). */
interface PdfkitEmbeddedFont {
  readonly id: string;
  readonly font: { getGlyph(id: number): { readonly advanceWidth: number } };
  readonly subset: { includeGlyph(id: number): number };
  readonly widths: (number | undefined)[];
  readonly unicode: (readonly number[] | undefined)[];
  readonly scale: number;
  readonly ascender: number;
  readonly descender: number;
  ref(): unknown;
}

export interface MongolianColumnStyle {
  /** Name the font was registered under with `doc.registerFont`. */
  readonly fontName: string;
  readonly size: number;
  readonly color: string;
}

const num = (n: number) => String(Math.round(n * 1000) / 1000);

function embeddedFont(doc: PDFKit.PDFDocument, fontName: string): PdfkitEmbeddedFont {
  doc.font(fontName);
  // pdfkit keeps the current font object on `_font`; it is the only way to reach its subset.
  return (doc as unknown as { _font: PdfkitEmbeddedFont })._font;
}

function hex4(n: number): string {
  return n.toString(16).padStart(4, '0');
}

/** Text shown for each glyph in pdfkit's ToUnicode map (first use of a subset glyph wins). */
function clusterText(word: ShapedWord, index: number): number[] {
  const glyph = word.glyphs[index];
  if (!glyph) return [];
  const previous = word.glyphs[index - 1];
  if (previous && previous.cluster === glyph.cluster) return [];
  const end = word.glyphs.find((g) => g.cluster > glyph.cluster)?.cluster ?? word.text.length;
  return [...word.text.slice(glyph.cluster, end)].map((c) => c.codePointAt(0) ?? 0);
}

/**
 * Draws `words` as one column whose top left corner is (`left`, `top`) and whose thickness is
 * `thickness` (the glyphs' tops face right, their baseline runs down the column).
 */
export function drawMongolianColumn(
  doc: PDFKit.PDFDocument,
  shaper: MongolianShaper,
  words: readonly string[],
  at: { readonly left: number; readonly top: number; readonly thickness: number },
  style: MongolianColumnStyle,
): void {
  if (words.length === 0) return;
  const font = embeddedFont(doc, style.fontName);
  const text = words.join(' ');
  const shaped: ShapedWord[] = [];
  words.forEach((word, i) => {
    if (i > 0) shaped.push(shaper.shape(' '));
    shaped.push(shaper.shape(word));
  });
  const em = 1000 / shaper.unitsPerEm;
  // The line's ascender-to-descender band, centred across the column.
  const band = ((font.ascender - font.descender) * style.size) / 1000;
  const baseline = (at.thickness - band) / 2 + (font.ascender * style.size) / 1000;
  const ops: string[] = [];
  let pending: string[] = [];
  let x = 0;
  let cursorAt = 0;
  const flush = () => {
    if (pending.length > 0) ops.push(`[${pending.join(' ')}] TJ`);
    pending = [];
  };
  for (const word of shaped) {
    word.glyphs.forEach((glyph, i) => {
      const gid = font.subset.includeGlyph(glyph.id);
      font.widths[gid] ??= font.font.getGlyph(glyph.id).advanceWidth * font.scale;
      font.unicode[gid] ??= clusterText(word, i);
      const natural = font.widths[gid] ?? 0;
      const advance = glyph.advance * em;
      if (glyph.xOffset !== 0 || glyph.yOffset !== 0) {
        flush();
        const ox = x + glyph.xOffset * em;
        ops.push(
          `1 0 0 1 ${num((ox * style.size) / 1000)} ${num((glyph.yOffset * em * style.size) / 1000)} Tm`,
        );
        ops.push(`<${hex4(gid)}> Tj`);
        x += advance;
        ops.push(`1 0 0 1 ${num((x * style.size) / 1000)} 0 Tm`);
        cursorAt = x;
        return;
      }
      if (x !== cursorAt) pending.push(num(-(x - cursorAt)));
      pending.push(`<${hex4(gid)}>`);
      cursorAt = x + natural;
      x += advance;
    });
  }
  flush();
  if (doc.page.fonts[font.id] == null) doc.page.fonts[font.id] = font.ref();
  doc.save();
  doc.fillColor(style.color);
  // Turned about the column's top right corner: the line's start is the column's top.
  doc.rotate(90, { origin: [at.left + at.thickness, at.top] });
  // Back to PDF's y-up text space, origin on the baseline at the start of the line.
  doc.transform(1, 0, 0, -1, at.left + at.thickness, at.top + baseline);
  doc.markContent('Span', { actual: text });
  doc.addContent('BT');
  doc.addContent('1 0 0 1 0 0 Tm');
  doc.addContent(`/${font.id} ${num(style.size)} Tf`);
  for (const op of ops) doc.addContent(op);
  doc.addContent('ET');
  doc.endMarkedContent();
  doc.restore();
}

import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import type { Font } from 'fontkit';
import { documentDataSchema, type DocumentData } from './document-data.js';
import type { DocumentFonts } from './font-registry.js';
import { MissingValueError, resolveText, type Lookup } from './placeholders.js';
import { checkDocumentText, type TextIssue } from './text-coverage.js';
import type { DocumentTemplate } from './template-loader.js';
import type {
  FieldRowsBlock,
  FormTableBlock,
  NumberedListBlock,
  ParagraphBlock,
  SealAreaBlock,
  SignatureTableBlock,
  TemplateBlock,
} from './template-schema.js';

/**
 * Lays a template out as a PDF with pdfkit.
 *
 * Determinism: CreationDate/ModDate come from the caller and pdfkit derives the file ID from
 * the info dictionary, so the same template + data + date give byte-identical output and a
 * stored SHA-256 can be re-verified later (platform notes).
 *
 * Layout rules: flowing text breaks across pages (pdfkit's UAX #14 line breaker applies the
 * Chinese 禁则: no line starts with ，。、）》); atomic blocks (signature table, seal area,
 * form-table rows) move to the next page instead of splitting; the footer is drawn into the
 * bottom margin after layout, when the page count is known.
 */

export interface RenderOptions {
  readonly creationDate: Date;
  readonly fonts: Pick<DocumentFonts, 'serif' | 'serifBold' | 'tibetan'>;
  /**
   * Print even if some characters are missing from the font (they come out as boxes). Callers
   * show `checkDocumentText(...).warnings` to the mediator first.
   */
  readonly allowMissingGlyphs?: boolean;
  /**
   * Draw a dashed half-circle on the right edge of every page of a multi-page document: where
   * the committee puts its page-edge seal (骑缝章) across the stacked pages.
   */
  readonly pageEdgeSealMark?: boolean;
}

export type DocumentRenderErrorCode = 'TEXT_NOT_PRINTABLE' | 'MISSING_VALUE' | 'BAD_DATA';

export class DocumentRenderError extends Error {
  readonly code: DocumentRenderErrorCode;
  readonly issues: readonly TextIssue[];
  constructor(code: DocumentRenderErrorCode, message: string, issues: readonly TextIssue[] = []) {
    super(message);
    this.name = 'DocumentRenderError';
    this.code = code;
    this.issues = issues;
  }
}

export const PRODUCER = 'Mediation Desk';

const MM = 72 / 25.4;
/** Characters with the ink colour of the form (pure black prints best on office lasers). */
const INK = '#000000';
const RULE = '#555555';

/**
 * A short code printed in the footer that identifies the content of this document: the same
 * template version and the same data give the same code. Not a signature; it lets a
 * committee match a paper copy to the record it was printed from.
 */
export function documentVerificationCode(template: DocumentTemplate, data: DocumentData): string {
  const canonical = JSON.stringify([
    template.file.id,
    template.file.version,
    sortedEntries(data.fields),
    Object.keys(data.lists)
      .sort()
      .map((name) => [name, (data.lists[name] ?? []).map(sortedEntries)]),
    data.translations ?? [],
  ]);
  const hex = createHash('sha256').update(canonical, 'utf8').digest('hex').toUpperCase();
  return `${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}`;
}

function sortedEntries(record: Readonly<Record<string, string>>): [string, string][] {
  return Object.keys(record)
    .sort()
    .map((k) => [k, record[k] ?? '']);
}

interface Ctx {
  readonly doc: PDFKit.PDFDocument;
  readonly template: DocumentTemplate;
  readonly data: DocumentData;
  readonly left: number;
  readonly width: number;
  readonly bodySize: number;
  readonly lineGap: number;
}

type Scope = Lookup;

const CHINESE_NUMBERS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (term numbering). */
export function chineseListNumber(n: number): string {
  if (n < 1 || n > 99 || !Number.isInteger(n)) return String(n);
  if (n < 10) return CHINESE_NUMBERS[n] ?? '';
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : CHINESE_NUMBERS[tens]}十${CHINESE_NUMBERS[n % 10]}`;
}

function text(ctx: Ctx, raw: string, scope: Scope): string {
  const compiled = ctx.template.compiled.get(raw);
  if (!compiled) throw new Error(`模板文字未编译：${raw}`);
  return resolveText(compiled, scope);
}

function globalScope(data: DocumentData): Scope {
  return (path) => (Object.hasOwn(data.fields, path) ? data.fields[path] : undefined);
}

function itemScope(item: Readonly<Record<string, string>>, parent: Scope): Scope {
  return (path) => (Object.hasOwn(item, path) ? item[path] : parent(path));
}

function listItems(ctx: Ctx, name: string): readonly Readonly<Record<string, string>>[] {
  return ctx.data.lists[name] ?? [];
}

function isPresent(ctx: Ctx, condition: string | undefined, scope: Scope): boolean {
  if (condition === undefined) return true;
  if (Object.hasOwn(ctx.data.lists, condition)) return listItems(ctx, condition).length > 0;
  const value = scope(condition);
  return value !== undefined && value.trim() !== '';
}

function useFont(ctx: Ctx, bold: boolean, size: number): void {
  ctx.doc.font(bold ? 'serif-bold' : 'serif').fontSize(size);
}

function lineHeight(ctx: Ctx): number {
  return ctx.doc.currentLineHeight(true) + ctx.lineGap;
}

function maxY(ctx: Ctx): number {
  return ctx.doc.page.height - ctx.doc.page.margins.bottom;
}

function newPage(ctx: Ctx): void {
  ctx.doc.addPage();
  ctx.doc.x = ctx.left;
  ctx.doc.y = ctx.doc.page.margins.top;
}

/** Moves to a new page unless `height` fits below the current position. */
function ensureSpace(ctx: Ctx, height: number): boolean {
  const atTop = ctx.doc.y <= ctx.doc.page.margins.top + 0.01;
  if (!atTop && ctx.doc.y + height > maxY(ctx) + 0.01) {
    newPage(ctx);
    return true;
  }
  return false;
}

function spaceBefore(ctx: Ctx, mmValue: number | undefined): void {
  if (!mmValue) return;
  // Space before a block is dropped at the top of a page.
  if (ctx.doc.y <= ctx.doc.page.margins.top + 0.01) return;
  ctx.doc.y = Math.min(ctx.doc.y + mmValue * MM, maxY(ctx));
}

function spaceAfter(ctx: Ctx, mmValue: number | undefined): void {
  if (!mmValue) return;
  ctx.doc.y = Math.min(ctx.doc.y + mmValue * MM, maxY(ctx));
}

// ---------------------------------------------------------------- flowing text

interface FlowStyle {
  readonly bold: boolean;
  readonly size: number;
  readonly align: 'left' | 'center' | 'right';
  readonly indent: number;
  readonly characterSpacing?: number;
  /** Text for the first line in front of the paragraph (e.g. 一、) hanging off the indent. */
  readonly x?: number;
  readonly width?: number;
}

function paragraphsOf(value: string): string[] {
  return value
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((p) => p.replace(/\s+$/u, ''))
    .filter((p) => p.trim() !== '');
}

function flowOptions(ctx: Ctx, style: FlowStyle): PDFKit.Mixins.TextOptions {
  return {
    width: style.width ?? ctx.width,
    align: style.align,
    indent: style.indent,
    lineGap: ctx.lineGap,
    characterSpacing: style.characterSpacing ?? 0,
  };
}

function flowHeight(ctx: Ctx, value: string, style: FlowStyle): number {
  useFont(ctx, style.bold, style.size);
  let height = 0;
  for (const p of paragraphsOf(value)) height += ctx.doc.heightOfString(p, flowOptions(ctx, style));
  return height;
}

function flow(ctx: Ctx, value: string, style: FlowStyle): void {
  useFont(ctx, style.bold, style.size);
  ctx.doc.fillColor(INK);
  const x = style.x ?? ctx.left;
  for (const p of paragraphsOf(value)) {
    // Never start a paragraph with less than one line left.
    ensureSpace(ctx, lineHeight(ctx));
    ctx.doc.text(p, x, ctx.doc.y, flowOptions(ctx, style));
  }
  ctx.doc.x = ctx.left;
}

// ---------------------------------------------------------------- blocks

function paragraphStyle(ctx: Ctx, block: ParagraphBlock): FlowStyle {
  const size = block.sizePt ?? ctx.bodySize;
  return {
    bold: block.bold ?? false,
    size,
    align: block.align ?? 'left',
    indent: (block.indentChars ?? 0) * size,
  };
}

function fieldRowsCells(ctx: Ctx, block: FieldRowsBlock, scope: Scope): string[][] {
  return block.rows
    .map((row) =>
      row
        .filter((cell) => isPresent(ctx, cell.if, scope))
        .map((cell) => `${cell.label}：${text(ctx, cell.value, scope)}`),
    )
    .filter((row) => row.length > 0);
}

function fieldRowsGeometry(ctx: Ctx, block: FieldRowsBlock) {
  const labelWidth = (block.labelWidthChars ?? 4) * ctx.bodySize;
  return { x: ctx.left + labelWidth, width: ctx.width - labelWidth, gap: 2 * ctx.bodySize };
}

/** Height of a field-rows block (same placement rules as drawFieldRows). */
function measureFieldRows(ctx: Ctx, block: FieldRowsBlock, scope: Scope): number {
  const { width, gap } = fieldRowsGeometry(ctx, block);
  useFont(ctx, false, ctx.bodySize);
  const lh = lineHeight(ctx);
  const opts = { width, lineGap: ctx.lineGap };
  let height = 0;
  for (const row of fieldRowsCells(ctx, block, scope)) {
    let cursor = 0;
    height += lh;
    for (const pair of row) {
      const pairWidth = ctx.doc.widthOfString(pair);
      if (pairWidth > width) {
        // Long value (an address): its own lines.
        if (cursor > 0) height += lh;
        height += ctx.doc.heightOfString(pair, opts) - lh;
        cursor = width; // next pair starts a new line
        continue;
      }
      if (cursor > 0 && cursor + gap + pairWidth > width) {
        height += lh;
        cursor = 0;
      }
      cursor += (cursor > 0 ? gap : 0) + pairWidth;
    }
  }
  return height;
}

/**
 * Places “标签：值” pairs left to right and starts a new line only between pairs, so that
 * 民族：汉族 is never broken as 民族：汉 / 族. A pair wider than the line is wrapped on its own.
 */
function drawFieldRows(ctx: Ctx, block: FieldRowsBlock, scope: Scope): void {
  const { x, width, gap } = fieldRowsGeometry(ctx, block);
  // The first row stays with its label.
  useFont(ctx, false, ctx.bodySize);
  const lh = lineHeight(ctx);
  ensureSpace(ctx, Math.min(measureFieldRows(ctx, block, scope), lh * 2));
  const top = ctx.doc.y;
  useFont(ctx, true, ctx.bodySize);
  ctx.doc.fillColor(INK).text(block.label, ctx.left, top, {
    width: x - ctx.left,
    lineGap: ctx.lineGap,
    lineBreak: false,
  });
  useFont(ctx, false, ctx.bodySize);
  let y = top;
  for (const row of fieldRowsCells(ctx, block, scope)) {
    let cursor = 0;
    const newLine = (): void => {
      y += lh;
      cursor = 0;
      if (y + lh > maxY(ctx) + 0.01) {
        newPage(ctx);
        y = ctx.doc.y;
      }
    };
    for (const pair of row) {
      const pairWidth = ctx.doc.widthOfString(pair);
      if (pairWidth > width) {
        if (cursor > 0) newLine();
        ctx.doc.text(pair, x, y, { width, lineGap: ctx.lineGap });
        y = ctx.doc.y - lh;
        cursor = width;
        continue;
      }
      if (cursor > 0 && cursor + gap + pairWidth > width) newLine();
      const at = x + cursor + (cursor > 0 ? gap : 0);
      ctx.doc.text(pair, at, y, { lineBreak: false });
      cursor = at - x + pairWidth;
    }
    y += lh;
  }
  ctx.doc.x = ctx.left;
  ctx.doc.y = y;
}

function numberedItems(ctx: Ctx, block: NumberedListBlock, scope: Scope): string[] {
  return listItems(ctx, block.over).map((item, i) => {
    const n = block.numbering === 'chinese' ? chineseListNumber(i + 1) : String(i + 1);
    return `${n}、${text(ctx, block.text, itemScope(item, scope))}`;
  });
}

interface Slot {
  readonly label: string;
  readonly hint: string | undefined;
}

function signatureSlots(ctx: Ctx, block: SignatureTableBlock, scope: Scope): Slot[] {
  const slots: Slot[] = [];
  for (const slot of block.slots) {
    const scopes =
      slot.over === undefined
        ? [scope]
        : listItems(ctx, slot.over).map((item) => itemScope(item, scope));
    for (const s of scopes) {
      if (!isPresent(ctx, slot.if, s)) continue;
      slots.push({
        label: text(ctx, slot.label, s),
        hint: slot.hint === undefined ? undefined : text(ctx, slot.hint, s),
      });
    }
  }
  return slots;
}

interface SignatureGeometry {
  readonly columnWidth: number;
  readonly rows: readonly (readonly Slot[])[];
  readonly rowHeights: readonly number[];
  readonly labelSize: number;
}

function signatureGeometry(ctx: Ctx, block: SignatureTableBlock, scope: Scope): SignatureGeometry {
  const columnWidth = ctx.width / block.columns;
  if (columnWidth < block.slotWidthMm * MM) {
    throw new DocumentRenderError(
      'BAD_DATA',
      `签名栏每格至少 ${block.slotWidthMm} 毫米宽，版心放不下 ${block.columns} 列`,
    );
  }
  const slots = signatureSlots(ctx, block, scope);
  const rows: Slot[][] = [];
  for (let i = 0; i < slots.length; i += block.columns)
    rows.push(slots.slice(i, i + block.columns));
  const labelSize = ctx.bodySize;
  const cellWidth = columnWidth - ctx.bodySize;
  useFont(ctx, false, labelSize);
  const lh = lineHeight(ctx);
  const rowHeights = rows.map(
    (row) =>
      Math.max(
        ...row.map((slot) => {
          const opts = { width: cellWidth, lineGap: ctx.lineGap };
          const label = ctx.doc.heightOfString(slot.label, opts);
          const hint = slot.hint === undefined ? 0 : ctx.doc.heightOfString(slot.hint, opts);
          return label + hint + block.slotHeightMm * MM + (block.dateLine === undefined ? 0 : lh);
        }),
      ) +
      lh * 0.5,
  );
  return { columnWidth, rows, rowHeights, labelSize };
}

function drawSignatureRow(
  ctx: Ctx,
  block: SignatureTableBlock,
  geometry: SignatureGeometry,
  row: readonly Slot[],
  rowHeight: number,
  scope: Scope,
): void {
  const top = ctx.doc.y;
  const cellWidth = geometry.columnWidth - ctx.bodySize;
  const dateLine = block.dateLine === undefined ? undefined : text(ctx, block.dateLine, scope);
  const opts = { width: cellWidth, lineGap: ctx.lineGap };
  useFont(ctx, false, geometry.labelSize);
  const lh = lineHeight(ctx);
  // Signature lines of one row sit at the same height even when a label wraps.
  const labelsHeight = Math.max(
    ...row.map(
      (slot) =>
        ctx.doc.heightOfString(slot.label, opts) +
        (slot.hint === undefined ? 0 : ctx.doc.heightOfString(slot.hint, opts)),
    ),
  );
  const boxBottom = top + labelsHeight + block.slotHeightMm * MM;
  row.forEach((slot, column) => {
    const x = ctx.left + column * geometry.columnWidth;
    ctx.doc.fillColor(INK).text(slot.label, x, top, opts);
    if (slot.hint !== undefined) ctx.doc.text(slot.hint, x, ctx.doc.y, opts);
    // Below the labels: the empty box for signature, seal or red fingerprint
    // (at least slotWidthMm × slotHeightMm), closed by a thin signature line.
    const lineWidth = Math.min(cellWidth, Math.max(block.slotWidthMm * MM, cellWidth * 0.8));
    ctx.doc
      .save()
      .lineWidth(0.5)
      .strokeColor(RULE)
      .moveTo(x, boxBottom - 2)
      .lineTo(x + lineWidth, boxBottom - 2)
      .stroke()
      .restore();
    if (dateLine !== undefined) {
      ctx.doc.fillColor(INK).text(dateLine, x, boxBottom + lh * 0.15, {
        width: lineWidth,
        align: 'right',
        lineGap: ctx.lineGap,
      });
    }
  });
  ctx.doc.x = ctx.left;
  ctx.doc.y = top + rowHeight;
}

function drawSignatureTable(ctx: Ctx, block: SignatureTableBlock, scope: Scope, reserve: number) {
  const geometry = signatureGeometry(ctx, block, scope);
  const total = geometry.rowHeights.reduce((a, b) => a + b, 0);
  const note =
    block.continuationNote === undefined ? undefined : text(ctx, block.continuationNote, scope);
  const pageHeight = maxY(ctx) - ctx.doc.page.margins.top;
  const noteHeight =
    note === undefined ? 0 : flowHeight(ctx, note, bodyStyle(ctx)) + lineHeight(ctx);
  if (
    ctx.doc.y + total + reserve > maxY(ctx) + 0.01 &&
    total + reserve + noteHeight <= pageHeight
  ) {
    newPage(ctx);
    // A signature page without any text invites substitution of the pages before it.
    if (note !== undefined) {
      flow(ctx, note, bodyStyle(ctx));
      ctx.doc.y += lineHeight(ctx);
    }
  }
  // Only a table taller than a whole page is split, and then only between rows.
  geometry.rows.forEach((row, i) => {
    const height = geometry.rowHeights[i] ?? 0;
    ensureSpace(ctx, height);
    drawSignatureRow(ctx, block, geometry, row, height, scope);
  });
}

function bodyStyle(ctx: Ctx): FlowStyle {
  return { bold: false, size: ctx.bodySize, align: 'left', indent: 2 * ctx.bodySize };
}

function sealLines(ctx: Ctx, block: SealAreaBlock, scope: Scope): string[] {
  return block.lines.map((line) => text(ctx, line, scope));
}

function drawSealArea(ctx: Ctx, block: SealAreaBlock, scope: Scope): void {
  const height = blockHeight(ctx, block, scope);
  ensureSpace(ctx, height);
  ctx.doc.y += block.sealSpaceMm * MM;
  useFont(ctx, false, ctx.bodySize);
  const right = (block.rightIndentChars ?? 2) * ctx.bodySize;
  for (const line of sealLines(ctx, block, scope)) {
    ctx.doc.fillColor(INK).text(line, ctx.left, ctx.doc.y, {
      width: ctx.width - right,
      align: 'right',
      lineGap: ctx.lineGap,
    });
  }
  ctx.doc.x = ctx.left;
}

function formColumns(ctx: Ctx, block: FormTableBlock): number[] {
  const total = block.columnWidths.reduce((a, b) => a + b, 0);
  return block.columnWidths.map((w) => (w / total) * ctx.width);
}

const CELL_PAD = 4;

type FormRow = FormTableBlock['rows'][number];

/** The rows actually printed: `over` rows once per list item, `if` rows only when present. */
function formRows(ctx: Ctx, block: FormTableBlock, scope: Scope): { row: FormRow; scope: Scope }[] {
  return block.rows.flatMap((row) => {
    const scopes =
      row.over === undefined
        ? [scope]
        : listItems(ctx, row.over).map((item) => itemScope(item, scope));
    return scopes.filter((s) => isPresent(ctx, row.if, s)).map((s) => ({ row, scope: s }));
  });
}

function formRowHeight(ctx: Ctx, block: FormTableBlock, row: FormRow, scope: Scope): number {
  const columns = formColumns(ctx, block);
  let col = 0;
  let height = (row.minHeightMm ?? 0) * MM;
  for (const cell of row.cells) {
    const span = cell.span ?? 1;
    const width = columns.slice(col, col + span).reduce((a, b) => a + b, 0) - 2 * CELL_PAD;
    col += span;
    useFont(ctx, cell.bold ?? false, ctx.bodySize);
    const h = paragraphsOf(text(ctx, cell.text, scope)).reduce(
      (sum, p) => sum + ctx.doc.heightOfString(p, { width, lineGap: ctx.lineGap }),
      0,
    );
    height = Math.max(height, h + 2 * CELL_PAD);
  }
  return height;
}

function drawFormTable(ctx: Ctx, block: FormTableBlock, scope: Scope): void {
  const columns = formColumns(ctx, block);
  const pageHeight = maxY(ctx) - ctx.doc.page.margins.top;
  for (const { row, scope: rowScope } of formRows(ctx, block, scope)) {
    const height = formRowHeight(ctx, block, row, rowScope);
    if (height > pageHeight) {
      throw new DocumentRenderError('BAD_DATA', '表格中有一格内容超过一页，请改用附页');
    }
    ensureSpace(ctx, height);
    const top = ctx.doc.y;
    let col = 0;
    let x = ctx.left;
    for (const cell of row.cells) {
      const span = cell.span ?? 1;
      const width = columns.slice(col, col + span).reduce((a, b) => a + b, 0);
      col += span;
      ctx.doc
        .save()
        .lineWidth(0.75)
        .strokeColor(INK)
        .rect(x, top, width, height)
        .stroke()
        .restore();
      useFont(ctx, cell.bold ?? false, ctx.bodySize);
      const paragraphs = paragraphsOf(text(ctx, cell.text, rowScope));
      const options = { width: width - 2 * CELL_PAD, lineGap: ctx.lineGap };
      const textHeight =
        cell.valign === 'middle'
          ? paragraphs.reduce((sum, p) => sum + ctx.doc.heightOfString(p, options), 0)
          : 0;
      // lineGap is added below every line, also the last: centre the ink, not the gap.
      ctx.doc.y =
        cell.valign === 'middle'
          ? top + Math.max(CELL_PAD, (height - textHeight + ctx.lineGap) / 2)
          : top + CELL_PAD;
      for (const p of paragraphs) {
        ctx.doc.fillColor(INK).text(p, x + CELL_PAD, ctx.doc.y, {
          width: width - 2 * CELL_PAD,
          align: cell.align ?? 'left',
          lineGap: ctx.lineGap,
        });
      }
      x += width;
    }
    ctx.doc.x = ctx.left;
    ctx.doc.y = top + height;
  }
}

/** Full height of a block (for keep-together decisions); flowing blocks count completely. */
function blockHeight(ctx: Ctx, block: TemplateBlock, scope: Scope): number {
  if (!isPresent(ctx, block.if, scope)) return 0;
  switch (block.type) {
    case 'heading':
      return flowHeight(ctx, text(ctx, block.text, scope), headingStyle(ctx, block));
    case 'paragraph':
      return flowHeight(ctx, text(ctx, block.text, scope), paragraphStyle(ctx, block));
    case 'field-rows':
      return measureFieldRows(ctx, block, scope);
    case 'repeat':
      return listItems(ctx, block.over).reduce(
        (h, item) =>
          h + block.blocks.reduce((s, b) => s + blockHeight(ctx, b, itemScope(item, scope)), 0),
        0,
      );
    case 'numbered-list':
      return numberedItems(ctx, block, scope).reduce(
        (h, item) => h + flowHeight(ctx, item, listStyle(ctx, block)),
        0,
      );
    case 'signature-table':
      return signatureGeometry(ctx, block, scope).rowHeights.reduce((a, b) => a + b, 0);
    case 'seal-area':
      useFont(ctx, false, ctx.bodySize);
      return block.sealSpaceMm * MM + block.lines.length * lineHeight(ctx);
    case 'form-table':
      return formRows(ctx, block, scope).reduce(
        (h, r) => h + formRowHeight(ctx, block, r.row, r.scope),
        0,
      );
    case 'spacer':
      return block.heightMm * MM;
    case 'page-break':
      return 0;
    default: {
      const unreachable: never = block;
      throw new Error(`未知的模板块：${JSON.stringify(unreachable)}`);
    }
  }
}

/** Height that must stay on the same page as the block before it (keepWithNext). */
function leadingHeight(ctx: Ctx, block: TemplateBlock, scope: Scope): number {
  switch (block.type) {
    case 'signature-table':
    case 'seal-area':
    case 'spacer':
      return blockHeight(ctx, block, scope);
    case 'form-table': {
      const first = formRows(ctx, block, scope)[0];
      return first === undefined ? 0 : formRowHeight(ctx, block, first.row, first.scope);
    }
    case 'page-break':
      return 0;
    default:
      // Flowing text: its first two lines.
      useFont(ctx, false, ctx.bodySize);
      return Math.min(blockHeight(ctx, block, scope), 2 * lineHeight(ctx));
  }
}

function headingStyle(
  ctx: Ctx,
  block: { sizePt?: number | undefined; letterSpacingPt?: number | undefined },
): FlowStyle {
  return {
    bold: true,
    size: block.sizePt ?? 22,
    align: 'center',
    indent: 0,
    characterSpacing: block.letterSpacingPt ?? 0,
  };
}

function listStyle(ctx: Ctx, block: NumberedListBlock): FlowStyle {
  return {
    bold: false,
    size: ctx.bodySize,
    align: 'left',
    indent: (block.indentChars ?? 2) * ctx.bodySize,
  };
}

function renderBlocks(ctx: Ctx, blocks: readonly TemplateBlock[], scope: Scope): void {
  const visible = blocks.filter((b) => isPresent(ctx, b.if, scope));
  visible.forEach((block, index) => {
    // Space needed below this block for the blocks it must stay with.
    let reserve = 0;
    if ('keepWithNext' in block && block.keepWithNext) {
      for (let j = index + 1; j < visible.length; j += 1) {
        const next = visible[j];
        if (!next) break;
        reserve += leadingHeight(ctx, next, scope);
        if (!('keepWithNext' in next && next.keepWithNext)) break;
      }
    }
    if ('spaceBeforeMm' in block) spaceBefore(ctx, block.spaceBeforeMm);
    if (reserve > 0 && block.type !== 'signature-table') {
      const own =
        block.type === 'seal-area'
          ? blockHeight(ctx, block, scope)
          : leadingHeight(ctx, block, scope);
      const whole =
        block.type === 'paragraph' || block.type === 'heading'
          ? blockHeight(ctx, block, scope)
          : own;
      ensureSpace(ctx, whole + reserve);
    }
    renderBlock(ctx, block, scope, reserve);
    if ('spaceAfterMm' in block) spaceAfter(ctx, block.spaceAfterMm);
  });
}

function renderBlock(ctx: Ctx, block: TemplateBlock, scope: Scope, reserve: number): void {
  switch (block.type) {
    case 'heading':
      flow(ctx, text(ctx, block.text, scope), headingStyle(ctx, block));
      return;
    case 'paragraph':
      flow(ctx, text(ctx, block.text, scope), paragraphStyle(ctx, block));
      return;
    case 'field-rows':
      drawFieldRows(ctx, block, scope);
      return;
    case 'repeat':
      for (const item of listItems(ctx, block.over)) {
        renderBlocks(ctx, block.blocks, itemScope(item, scope));
      }
      return;
    case 'numbered-list':
      for (const item of numberedItems(ctx, block, scope)) flow(ctx, item, listStyle(ctx, block));
      return;
    case 'signature-table':
      drawSignatureTable(ctx, block, scope, reserve);
      return;
    case 'seal-area':
      drawSealArea(ctx, block, scope);
      return;
    case 'form-table':
      drawFormTable(ctx, block, scope);
      return;
    case 'spacer':
      ctx.doc.y = Math.min(ctx.doc.y + block.heightMm * MM, maxY(ctx));
      return;
    case 'page-break':
      newPage(ctx);
      return;
    default: {
      const unreachable: never = block;
      throw new Error(`未知的模板块：${JSON.stringify(unreachable)}`);
    }
  }
}

function renderTranslations(ctx: Ctx): void {
  for (const translation of ctx.data.translations ?? []) {
    newPage(ctx);
    flow(ctx, translation.title, { bold: true, size: 18, align: 'center', indent: 0 });
    ctx.doc.y += lineHeight(ctx);
    ctx.doc
      .font('tibetan')
      .fontSize(ctx.bodySize + 2)
      .fillColor(INK);
    for (const p of paragraphsOf(translation.text)) {
      ctx.doc.text(p, ctx.left, ctx.doc.y, { width: ctx.width, lineGap: ctx.lineGap });
    }
  }
}

/** Radius of the page-edge seal guide: committee seals are 42 mm across. */
const EDGE_SEAL_RADIUS = 21 * MM;

function drawPageEdgeSealMark(ctx: Ctx): void {
  const { doc } = ctx;
  const x = doc.page.width;
  const y = doc.page.height / 2;
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
  useFont(ctx, false, 8);
  const label = '骑缝章';
  const step = 10;
  [...label].forEach((ch, i) => {
    doc.fillColor(RULE).text(ch, x - 14, y - (label.length * step) / 2 + i * step, {
      width: 10,
      lineBreak: false,
    });
  });
}

function drawFooters(ctx: Ctx, verificationCode: string, pageEdgeSealMark: boolean): void {
  const { doc, template } = ctx;
  const range = doc.bufferedPageRange();
  const footer = template.file.footer;
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    if (pageEdgeSealMark && range.count > 1) {
      const right = doc.page.margins.right;
      doc.page.margins.right = 0;
      drawPageEdgeSealMark(ctx);
      doc.page.margins.right = right;
    }
    const scope: Scope = (path) => {
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
          return globalScope(ctx.data)(path);
      }
    };
    // Writing inside the bottom margin must not make pdfkit add a page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - bottom + Math.min(bottom * 0.35, 12 * MM);
    useFont(ctx, false, 10.5);
    doc.fillColor(INK).text(text(ctx, footer.pageNumber, scope), ctx.left, y, {
      width: ctx.width,
      align: 'center',
      lineBreak: false,
    });
    if (footer.verification !== undefined) {
      useFont(ctx, false, 8);
      doc.fillColor(RULE).text(text(ctx, footer.verification, scope), ctx.left, y + 16, {
        width: ctx.width,
        align: 'right',
        lineBreak: false,
      });
    }
    doc.page.margins.bottom = bottom;
  }
}

/** pdfkit's typings accept paths and buffers; it also takes a parsed fontkit font (duck-typed). */
function asFontSource(font: Font): PDFKit.Mixins.PDFFontSource {
  return font as unknown as PDFKit.Mixins.PDFFontSource;
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

  const file = template.file;
  const margins = {
    top: file.page.marginsMm.top * MM,
    bottom: file.page.marginsMm.bottom * MM,
    left: file.page.marginsMm.left * MM,
    right: file.page.marginsMm.right * MM,
  };
  const doc = new PDFDocument({
    size: file.page.size,
    margins,
    bufferPages: true,
    autoFirstPage: false,
    // No default Helvetica: every glyph comes from the embedded Noto fonts.
    font: null as unknown as string,
    lang: 'zh-CN',
    displayTitle: true,
    pdfVersion: '1.7',
    info: {
      Title: file.title,
      Producer: PRODUCER,
      Creator: `${PRODUCER} (${file.id} v${file.version})`,
      CreationDate: options.creationDate,
      ModDate: options.creationDate,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.registerFont('serif', asFontSource(options.fonts.serif));
  doc.registerFont('serif-bold', asFontSource(options.fonts.serifBold));
  // The Tibetan font is parsed only for documents that carry a translation page.
  if ((data.translations ?? []).length > 0) {
    doc.registerFont('tibetan', asFontSource(options.fonts.tibetan));
  }
  doc.addPage();
  const ctx: Ctx = {
    doc,
    template,
    data,
    left: margins.left,
    width: doc.page.width - margins.left - margins.right,
    bodySize: file.text.bodySizePt,
    lineGap: file.text.lineGapPt,
  };
  try {
    doc.font('serif');
    ctx.doc.y = margins.top;
    renderBlocks(ctx, file.blocks, globalScope(data));
    renderTranslations(ctx);
    drawFooters(ctx, documentVerificationCode(template, data), options.pageEdgeSealMark ?? false);
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

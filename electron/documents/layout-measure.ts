import type { DocumentData } from './document-data.js';
import { makeBox, type Box, type BoxRole, type DrawOp, type FontKey } from './layout-boxes.js';
import { breakParagraph, paragraphsOf, type BrokenLine } from './line-breaker.js';
import { mongolianColumnBoxes } from './layout-mongolian.js';
import {
  mongolianLabelOps,
  ownScriptLabels,
  type OwnScriptLabels,
  type SignatureLabelKey,
} from './layout-signature-labels.js';
import type { MongolianShaper } from './mongolian-shaper.js';
import { resolveText, type Lookup } from './placeholders.js';
import type { DocumentTemplate } from './template-loader.js';
import type {
  DataTableBlock,
  FieldRowsBlock,
  FormTableBlock,
  NumberedListBlock,
  SealAreaBlock,
  SignatureTableBlock,
  TemplateBlock,
} from './template-schema.js';
import type { TextMetrics } from './text-metrics.js';

/**
 * The measure stage: template blocks + data → boxes of known height (one per printed line,
 * table row, signature row, seal), each with drawing operations relative to its top. Line
 * breaking is done here (line-breaker.ts), so pagination can move single lines and the draw
 * stage never re-wraps.
 *
 * Also decided here, because they are properties of the content:
 * - orphans/widows: the first two and the last two lines of a paragraph stay together;
 * - the last clause before the signature block keeps with it (composition rule);
 * - a form cell taller than its row may be prints “（见附页一）” and its remaining text goes to a
 *   附页 appended to the same document.
 */

export const MM = 72 / 25.4;
const CELL_PAD = 4;

export class DocumentRenderError extends Error {
  readonly code: DocumentRenderErrorCode;
  readonly issues: readonly import('./text-coverage.js').TextIssue[];
  constructor(
    code: DocumentRenderErrorCode,
    message: string,
    issues: readonly import('./text-coverage.js').TextIssue[] = [],
  ) {
    super(message);
    this.name = 'DocumentRenderError';
    this.code = code;
    this.issues = issues;
  }
}

export type DocumentRenderErrorCode = 'TEXT_NOT_PRINTABLE' | 'MISSING_VALUE' | 'BAD_DATA';

export interface MeasureInput {
  readonly template: DocumentTemplate;
  readonly data: DocumentData;
  readonly metrics: TextMetrics;
  /** Left margin (x of the type area). */
  readonly left: number;
  /** Width and height of the type area. */
  readonly width: number;
  readonly pageHeight: number;
  /** Shaper of a traditional Mongolian annex (loaded before layout: HarfBuzz loads async). */
  readonly mongolian?: MongolianShaper | undefined;
}

/** A text continued on a 附页. */
export interface Annex {
  readonly number: string;
  /** What was continued: the label of the cell (纠纷简要情况) or the document title. */
  readonly label: string;
  readonly text: string;
  /** The cut fell inside a paragraph: the 附页 continues it without a first-line indent. */
  readonly midParagraph: boolean;
}

export interface Measured {
  readonly boxes: readonly Box[];
  readonly signaturePageNote: Box;
  readonly endOfTextNote: Box;
  readonly annexes: readonly Annex[];
}

type Scope = Lookup;

interface Ctx extends MeasureInput {
  readonly bodySize: number;
  readonly lineGap: number;
  readonly keep: readonly string[];
  readonly annexes: Annex[];
  group: number;
}

interface Style {
  readonly font: FontKey;
  readonly size: number;
  readonly align: 'left' | 'center' | 'right';
  /** First-line indent and indent of the following lines, in points. */
  readonly firstIndent: number;
  readonly restIndent: number;
  readonly characterSpacing: number;
  /** x of the text column and its width (defaults: the type area). */
  readonly x: number;
  readonly width: number;
}

const CHINESE_NUMBERS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (term numbering). */
export function chineseListNumber(n: number): string {
  if (n < 1 || n > 99 || !Number.isInteger(n)) return String(n);
  if (n < 10) return CHINESE_NUMBERS[n] ?? '';
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : CHINESE_NUMBERS[tens]}十${CHINESE_NUMBERS[n % 10]}`;
}

// ---------------------------------------------------------------- scopes

export function globalScope(data: DocumentData): Scope {
  return (path) => (Object.hasOwn(data.fields, path) ? data.fields[path] : undefined);
}

function itemScope(item: Readonly<Record<string, string>>, parent: Scope): Scope {
  return (path) => (Object.hasOwn(item, path) ? item[path] : parent(path));
}

export function resolve(template: DocumentTemplate, raw: string, scope: Scope): string {
  const compiled = template.compiled.get(raw);
  if (!compiled) throw new Error(`模板文字未编译：${raw}`);
  return resolveText(compiled, scope);
}

function text(ctx: Ctx, raw: string, scope: Scope): string {
  return resolve(ctx.template, raw, scope);
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

// ---------------------------------------------------------------- text

function style(ctx: Ctx, partial: Partial<Style>): Style {
  return {
    font: 'serif',
    size: ctx.bodySize,
    align: 'left',
    firstIndent: 0,
    restIndent: 0,
    characterSpacing: 0,
    x: ctx.left,
    width: ctx.width,
    ...partial,
  };
}

function lineHeight(ctx: Ctx, s: Pick<Style, 'font' | 'size'>): number {
  return ctx.metrics.lineHeight(s.font, s.size) + ctx.lineGap;
}

function measureOf(ctx: Ctx, s: Style): (t: string) => number {
  return (t) => ctx.metrics.width(t, s.font, s.size, s.characterSpacing);
}

/** Lines of every paragraph of `value`. */
function linesOf(ctx: Ctx, value: string, s: Style): BrokenLine[][] {
  const measure = measureOf(ctx, s);
  return paragraphsOf(value).map((p) =>
    breakParagraph(p, measure, {
      width: s.width,
      firstIndent: s.firstIndent,
      restIndent: s.restIndent,
      keep: ctx.keep,
    }),
  );
}

function lineOp(s: Style, line: BrokenLine, y: number, grey = false): DrawOp {
  const free = s.width - line.indent - line.width;
  const dx = s.align === 'center' ? free / 2 : s.align === 'right' ? free : 0;
  return {
    kind: 'text',
    x: s.x + line.indent + Math.max(dx, 0),
    y,
    text: line.text,
    font: s.font,
    size: s.size,
    ...(grey ? { grey } : {}),
    ...(s.characterSpacing ? { characterSpacing: s.characterSpacing } : {}),
  };
}

/**
 * One box per line; the first two and the last two lines of a paragraph stay together
 * (no orphan, no widow); `keepAll` keeps every line with the next (headings, short blocks).
 */
function textBoxes(ctx: Ctx, value: string, s: Style, role: BoxRole, keepAll = false): Box[] {
  const lh = lineHeight(ctx, s);
  const boxes: Box[] = [];
  for (const lines of linesOf(ctx, value, s)) {
    ctx.group += 1;
    const n = lines.length;
    lines.forEach((line, i) => {
      boxes.push(
        withGroup(
          makeBox(role, lh, [lineOp(s, line, 0)], {
            keepWithNext: keepAll || (n > 1 && (i === 0 || i === n - 2)),
          }),
          ctx.group,
        ),
      );
    });
  }
  return boxes;
}

/** Paragraph ids let the closing rule find the last clause (all its lines). */
const GROUP = new WeakMap<Box, number>();
function withGroup(box: Box, group: number): Box {
  GROUP.set(box, group);
  return box;
}

// ---------------------------------------------------------------- blocks

function paragraphBoxes(ctx: Ctx, value: string, s: Style, role: BoxRole, keepAll = false): Box[] {
  return textBoxes(ctx, value, s, role, keepAll);
}

function fieldRowsBoxes(ctx: Ctx, block: FieldRowsBlock, scope: Scope): Box[] {
  const labelWidth = (block.labelWidthChars ?? 4) * ctx.bodySize;
  const x0 = ctx.left + labelWidth;
  const width = ctx.width - labelWidth;
  const gap = 2 * ctx.bodySize;
  const s = style(ctx, { x: x0, width });
  const measure = measureOf(ctx, s);
  const lh = lineHeight(ctx, s);
  const lines: DrawOp[][] = [];
  let current: DrawOp[] = [];
  let cursor = 0;
  const newLine = () => {
    lines.push(current);
    current = [];
    cursor = 0;
  };
  for (const row of block.rows) {
    const pairs = row
      .filter((cell) => isPresent(ctx, cell.if, scope))
      .map((cell) => ({ label: `${cell.label}：`, value: text(ctx, cell.value, scope) }));
    if (pairs.length === 0) continue;
    for (const { label, value } of pairs) {
      const pair = `${label}${value.replace(/\s*\n\s*/g, ' ')}`;
      const pairWidth = measure(pair);
      if (pairWidth > width) {
        // A long value (an address) wraps under itself, not under the label (hanging indent).
        if (cursor > 0) newLine();
        const hang = Math.min(measure(label), width / 2);
        const broken = breakParagraph(pair, measure, {
          width,
          restIndent: hang,
          keep: ctx.keep,
        });
        broken.forEach((line, i) => {
          current.push(lineOp(s, line, 0));
          if (i < broken.length - 1) newLine();
        });
        cursor = width;
        continue;
      }
      if (cursor > 0 && cursor + gap + pairWidth > width) newLine();
      const at = cursor > 0 ? cursor + gap : 0;
      current.push({
        kind: 'text',
        x: x0 + at,
        y: 0,
        text: pair,
        font: 'serif',
        size: ctx.bodySize,
      });
      cursor = at + pairWidth;
    }
    newLine();
  }
  if (current.length > 0) newLine();
  // The label (当事人) hangs in front of the first line, in bold.
  lines[0]?.unshift({
    kind: 'text',
    x: ctx.left,
    y: 0,
    text: block.label,
    font: 'serifBold',
    size: ctx.bodySize,
  });
  ctx.group += 1;
  const group = ctx.group;
  // A party block stays together unless it is longer than a page.
  return lines.map((ops, i) =>
    withGroup(makeBox('body', lh, ops, { keepWithNext: i < lines.length - 1 }), group),
  );
}

function numberedListBoxes(ctx: Ctx, block: NumberedListBlock, scope: Scope): Box[] {
  const s = style(ctx, { firstIndent: (block.indentChars ?? 2) * ctx.bodySize });
  return listItems(ctx, block.over).flatMap((item, i) => {
    const n = block.numbering === 'chinese' ? chineseListNumber(i + 1) : String(i + 1);
    return paragraphBoxes(ctx, `${n}、${text(ctx, block.text, itemScope(item, scope))}`, s, 'body');
  });
}

interface Slot {
  readonly label: string;
  readonly hint: string | undefined;
  readonly ownScript: SignatureLabelKey | undefined;
}

/** The reviewed own-script labels of a slot (none in a Chinese-only document). */
function labelsOf(ctx: Ctx, key: SignatureLabelKey | undefined): OwnScriptLabels {
  return ownScriptLabels(ctx.data, key, ctx.mongolian, ctx.bodySize);
}

/** Room between the Chinese and a Mongolian label, and around a label's column. */
const LABEL_GAP = 3;

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
        ownScript: slot.ownScript,
      });
    }
  }
  return slots;
}

/** Height of the lines of `value` in a column; ops placed from `y`. */
function cellText(
  ctx: Ctx,
  value: string,
  s: Style,
  y: number,
): { ops: DrawOp[]; height: number; lines: BrokenLine[][] } {
  const lh = lineHeight(ctx, s);
  const ops: DrawOp[] = [];
  const lines = linesOf(ctx, value, s);
  let at = y;
  for (const paragraph of lines) {
    for (const line of paragraph) {
      ops.push(lineOp(s, line, at));
      at += lh;
    }
  }
  return { ops, height: at - y, lines };
}

function signatureTableBoxes(ctx: Ctx, block: SignatureTableBlock, scope: Scope): Box[] {
  const slots = signatureSlots(ctx, block, scope);
  if (block.compact && listItems(ctx, block.compact.over).length >= block.compact.atLeast) {
    return compactSignatureBoxes(ctx, block, slots, scope);
  }
  const columnWidth = ctx.width / block.columns;
  if (columnWidth < block.slotWidthMm * MM) {
    throw new DocumentRenderError(
      'BAD_DATA',
      `签名栏每格至少 ${block.slotWidthMm} 毫米宽，版心放不下 ${block.columns} 列`,
    );
  }
  const cellWidth = columnWidth - ctx.bodySize;
  const lh = lineHeight(ctx, style(ctx, {}));
  const dateLine = block.dateLine === undefined ? undefined : text(ctx, block.dateLine, scope);
  // The blank date's reviewed labels go with every date line: the Tibetan under it, the
  // Mongolian column right of it, where the slot's own column stands above.
  const dateOwn = dateLine === undefined ? {} : labelsOf(ctx, block.dateLineOwnScript);
  const boxes: Box[] = [];
  const fullLine = Math.min(cellWidth, Math.max(block.slotWidthMm * MM, cellWidth * 0.8));
  for (let i = 0; i < slots.length; i += block.columns) {
    const row = slots.slice(i, i + block.columns);
    const measured = row.map((slot, column) => {
      const s = style(ctx, { x: ctx.left + column * columnWidth, width: cellWidth });
      const own = labelsOf(ctx, slot.ownScript);
      const label = cellText(ctx, slot.label, s, 0);
      const hint = slot.hint === undefined ? undefined : cellText(ctx, slot.hint, s, label.height);
      const above = label.height + (hint?.height ?? 0);
      // The Tibetan label is a line under the Chinese hint, in the Tibetan font.
      const tibetan =
        own.tibetan === undefined
          ? undefined
          : cellText(ctx, own.tibetan, { ...s, font: 'tibetan' }, above);
      // The Mongolian labels stand right of the signature and date lines, which are shortened.
      const beside = Math.max(own.mongolian?.breadth ?? 0, dateOwn.mongolian?.breadth ?? 0);
      const lineWidth =
        beside === 0 ? fullLine : Math.min(fullLine, cellWidth - beside - LABEL_GAP);
      if (lineWidth < block.slotWidthMm * MM) throw labelTooLong();
      return {
        s,
        ops: [...label.ops, ...(hint?.ops ?? []), ...(tibetan?.ops ?? [])],
        height: above + (tibetan?.height ?? 0),
        mongolian: own.mongolian,
        lineWidth,
      };
    });
    // Signature lines of one row sit at the same height even when a label wraps.
    const labelsHeight = Math.max(...measured.map((m) => m.height));
    const mongolianLength = Math.max(0, ...measured.map((m) => m.mongolian?.length ?? 0));
    // The date's Mongolian column stands under the slot's own, in the same strip: a line apart,
    // so the two read as two labels and not as one column.
    const beforeDate = dateOwn.mongolian === undefined ? LABEL_GAP : lh;
    const boxBottom =
      labelsHeight +
      Math.max(
        block.slotHeightMm * MM,
        mongolianLength === 0 ? 0 : mongolianLength + LABEL_GAP + beforeDate,
      );
    const ops: DrawOp[] = [];
    let dateHeight = dateLine === undefined ? 0 : lh;
    for (const m of measured) {
      ops.push(...m.ops);
      if (m.mongolian !== undefined) {
        ops.push(...mongolianLabelOps(m.mongolian, m.s.x + cellWidth, labelsHeight + LABEL_GAP));
      }
      const lineWidth = m.lineWidth;
      // The empty box for signature, seal or red fingerprint, closed by a signature line.
      ops.push({ kind: 'rule', x1: m.s.x, x2: m.s.x + lineWidth, y: boxBottom - 2 });
      if (dateLine !== undefined) {
        const w = ctx.metrics.width(dateLine, 'serif', ctx.bodySize);
        ops.push({
          kind: 'text',
          x: m.s.x + Math.max(lineWidth - w, 0),
          y: boxBottom + lh * 0.15,
          text: dateLine,
          font: 'serif',
          size: ctx.bodySize,
        });
        const tibetan =
          dateOwn.tibetan === undefined
            ? undefined
            : cellText(
                ctx,
                dateOwn.tibetan,
                { ...m.s, font: 'tibetan', width: lineWidth, align: 'right' },
                boxBottom + lh * 1.15,
              );
        ops.push(...(tibetan?.ops ?? []));
        if (dateOwn.mongolian !== undefined) {
          ops.push(
            ...mongolianLabelOps(dateOwn.mongolian, m.s.x + cellWidth, boxBottom + LABEL_GAP),
          );
        }
        // without a Tibetan label the date keeps its one line (the box as before the labels)
        dateHeight = Math.max(
          dateHeight,
          tibetan === undefined ? 0 : lh * 1.15 + tibetan.height,
          dateOwn.mongolian === undefined ? 0 : dateOwn.mongolian.length + 2 * LABEL_GAP,
        );
      }
    }
    const height = boxBottom + dateHeight + lh * 0.5;
    boxes.push(makeBox('signature', height, ops, { keepWithNext: true }));
  }
  return boxes;
}

/**
 * 序号 | 姓名 | 签名或按指印 | 日期, one row per signer, cells at least 25 × 20 mm: many parties
 * sign on one or two pages instead of three slots a page; the header row repeats.
 */
function compactSignatureBoxes(
  ctx: Ctx,
  block: SignatureTableBlock,
  slots: readonly Slot[],
  scope: Scope,
): Box[] {
  const rowHeight = Math.max(block.compact?.rowHeightMm ?? 20, 20) * MM;
  const dateLine = block.dateLine === undefined ? '' : text(ctx, block.dateLine, scope);
  const numberW = 14 * MM;
  // The column's own-script labels go with its Chinese header (the parties' signature label),
  // a slot of another label (the mediator's, the recorder's, the interpreter's) carries its own
  // in its signature cell; the date's labels go with the 日期 header.
  const headerKey = slots.find((slot) => slot.ownScript === 'partySignature')?.ownScript;
  const headerOwn = labelsOf(ctx, headerKey);
  const dateOwn = labelsOf(ctx, block.dateLineOwnScript);
  const slotOwn = slots.map((slot) =>
    slot.ownScript === headerKey ? {} : labelsOf(ctx, slot.ownScript),
  );
  // A cell widens for a Mongolian label of more columns than it has room for (labelledRow).
  const need = (own: OwnScriptLabels, room: LabelRoom) =>
    own.mongolian === undefined ? 0 : cellWidthFor(own.mongolian.breadth, room);
  const signUnlabelled = Math.max(block.slotWidthMm * MM, 45 * MM);
  const signW = Math.max(
    signUnlabelled,
    need(headerOwn, 'printed'),
    ...slotOwn.map((own) => need(own, 'signature')),
  );
  // The blank date (年 月 日) is one unbreakable span: the column takes its width.
  const dateUnlabelled = Math.max(
    25 * MM,
    ctx.metrics.width(dateLine, 'serif', ctx.bodySize) + 2 * CELL_PAD + 2,
  );
  const dateW = Math.max(dateUnlabelled, need(dateOwn, 'printed'));
  const nameW = ctx.width - numberW - signW - dateW;
  if (nameW < 30 * MM) {
    // The label is to blame only when the table would fit without the room it took (review
    // WO5: the date column is ~30 mm wide with no label at all, so a width test blamed it).
    const fitsUnlabelled = ctx.width - numberW - signUnlabelled - dateUnlabelled >= 30 * MM;
    if (fitsUnlabelled) throw labelTooLong();
    throw new DocumentRenderError('BAD_DATA', '版心太窄，放不下签名表');
  }
  const widths = [numberW, nameW, signW, dateW];
  const headerLabels = [
    { index: 2, own: headerOwn, room: 'printed' as const },
    { index: 3, own: dateOwn, room: 'printed' as const },
  ];
  const header = labelledRow(ctx, widths, headerLabels, (minHeight) =>
    tableRowBox(
      ctx,
      widths,
      ['序号', '姓名', '签名或按指印', '日期'].map((t) => ({
        text: t,
        align: 'center',
        bold: true,
      })),
      minHeight,
      'header',
    ),
  );
  const headerBox = makeBox('header', header.height, header.ops, { keepWithNext: true });
  const rows = slots.map((slot, i) => {
    const own = slotOwn[i] ?? {};
    // A row's Tibetan label goes under its Chinese one in the 姓名 cell, at that cell's width;
    // its Mongolian column stands in the signature cell, half of which stays free to sign.
    const nameLines = cellText(
      ctx,
      slot.label,
      style(ctx, { width: (widths[1] ?? 0) - 2 * CELL_PAD }),
      0,
    );
    const row = labelledRow(
      ctx,
      widths,
      [
        {
          index: 1,
          own: own.tibetan === undefined ? {} : { tibetan: own.tibetan },
          room: 'printed',
          top: nameLines.height,
        },
        {
          index: 2,
          own: own.mongolian === undefined ? {} : { mongolian: own.mongolian },
          room: 'signature',
        },
      ],
      (minHeight) =>
        tableRowBox(
          ctx,
          widths,
          [
            { text: String(i + 1), align: 'center' },
            { text: slot.label },
            { text: '' },
            { text: dateLine, align: 'right', valign: 'bottom' },
          ],
          Math.max(rowHeight, minHeight),
          'signature',
        ),
    );
    // Only the first row stays with the header; the table then breaks between rows and
    // repeats its header (the last row keeps with the seal through the block's keepWithNext).
    return makeBox('signature', row.height, row.ops, {
      keepWithNext: i === 0,
      repeatHeader: headerBox,
    });
  });
  return [headerBox, ...rows];
}

/** A reviewed label of many columns would leave no room to sign beside it. */
function labelTooLong(): DocumentRenderError {
  return new DocumentRenderError(
    'BAD_DATA',
    '蒙古文签名标签太长，签名栏放不下：请在 设置 → 译文固定用语 中改短',
  );
}

/**
 * How a labelled cell holds its labels. In a cell one signs in, the Tibetan line stands at the
 * left and the Mongolian column at the right, half the cell kept free for the signature or
 * fingerprint. In a printed cell (a header, a signer's name) nobody writes: the Tibetan takes
 * the cell's width under the Chinese and the Mongolian column stands under it, so a long label
 * makes the row taller, not a column of Tibetan a few characters wide.
 */
type LabelRoom = 'signature' | 'printed';

/** Least width of a cell whose Mongolian label is `breadth` wide. */
function cellWidthFor(breadth: number, room: LabelRoom): number {
  return (room === 'signature' ? 2 * breadth : breadth) + 2 * CELL_PAD;
}

/**
 * A table row whose labelled cells (the signature cell, the headers) also carry own-script
 * labels under the cell's first line (the Chinese header is centred there and would run into a
 * column beside it); the row is made tall enough for them.
 */
function labelledRow(
  ctx: Ctx,
  widths: readonly number[],
  labelled: readonly {
    readonly index: number;
    readonly own: OwnScriptLabels;
    readonly room: LabelRoom;
    /** Height of the cell's Chinese above the labels: one line unless given. */
    readonly top?: number;
  }[],
  row: (minHeight: number) => { height: number; ops: DrawOp[] },
): { height: number; ops: DrawOp[] } {
  const cells = labelled.filter(
    ({ own }) => own.tibetan !== undefined || own.mongolian !== undefined,
  );
  if (cells.length === 0) return row(0);
  const lh = lineHeight(ctx, style(ctx, {}));
  const placed = cells.map(({ index, own, room, top = lh }) => {
    const cellW = widths[index] ?? 0;
    const right = ctx.left + widths.slice(0, index + 1).reduce((a, b) => a + b, 0);
    const breadth = own.mongolian?.breadth ?? 0;
    if (cellWidthFor(breadth, room) > cellW + 0.01) throw labelTooLong();
    const stacked = room === 'printed';
    const tibetanStyle = style(ctx, {
      font: 'tibetan',
      x: right - cellW + CELL_PAD,
      width: cellW - 2 * CELL_PAD - (stacked || breadth === 0 ? 0 : breadth + LABEL_GAP),
    });
    const tibetan =
      own.tibetan === undefined
        ? undefined
        : cellText(ctx, own.tibetan, tibetanStyle, CELL_PAD + top);
    const tibetanHeight = tibetan?.height ?? 0;
    const mongolianTop = CELL_PAD + top + (stacked ? tibetanHeight : 0);
    const ops = [
      ...(tibetan?.ops ?? []),
      ...(own.mongolian === undefined
        ? []
        : mongolianLabelOps(own.mongolian, right - CELL_PAD, mongolianTop)),
    ];
    const mongolianLength = own.mongolian?.length ?? 0;
    return {
      ops,
      height:
        top +
        (stacked ? tibetanHeight + mongolianLength : Math.max(tibetanHeight, mongolianLength)),
    };
  });
  const minHeight = CELL_PAD + Math.max(...placed.map((p) => p.height)) + CELL_PAD;
  const base = row(minHeight);
  return { height: base.height, ops: [...base.ops, ...placed.flatMap((p) => p.ops)] };
}

interface CellSpec {
  readonly text: string;
  readonly align?: 'left' | 'center' | 'right' | undefined;
  readonly valign?: 'top' | 'middle' | 'bottom' | undefined;
  readonly bold?: boolean | undefined;
  readonly size?: number | undefined;
}

/** A bordered table row: one rect per cell, text inside with padding. */
function tableRowBox(
  ctx: Ctx,
  widths: readonly number[],
  cells: readonly CellSpec[],
  minHeight: number,
  _role: BoxRole,
): { height: number; ops: DrawOp[] } {
  const measured = cells.map((cell, i) => {
    const x = ctx.left + widths.slice(0, i).reduce((a, b) => a + b, 0);
    const w = widths[i] ?? 0;
    const s = style(ctx, {
      x: x + CELL_PAD,
      width: w - 2 * CELL_PAD,
      align: cell.align ?? 'left',
      font: cell.bold ? 'serifBold' : 'serif',
      size: cell.size ?? ctx.bodySize,
    });
    return { x, w, cell, s, body: cellText(ctx, cell.text, s, 0) };
  });
  const height = Math.max(minHeight, ...measured.map((m) => m.body.height + 2 * CELL_PAD));
  const ops: DrawOp[] = [];
  for (const m of measured) {
    ops.push({ kind: 'rect', x: m.x, y: 0, width: m.w, height });
    const free = height - m.body.height;
    // lineGap is below every line, also the last: centre the ink, not the gap.
    const dy =
      m.cell.valign === 'middle'
        ? Math.max(CELL_PAD, (free + ctx.lineGap) / 2)
        : m.cell.valign === 'bottom'
          ? Math.max(CELL_PAD, free - CELL_PAD + ctx.lineGap / 2)
          : CELL_PAD;
    for (const op of m.body.ops) ops.push({ ...op, y: op.y + dy });
  }
  return { height, ops };
}

function sealBoxes(ctx: Ctx, block: SealAreaBlock, scope: Scope): Box[] {
  // The seal's reviewed labels: the Tibetan as a line under the seal line, the Mongolian as a
  // column right of it (the lines step left when the column needs more than their indent).
  const own = labelsOf(ctx, block.ownScript);
  const indent = (block.rightIndentChars ?? 2) * ctx.bodySize;
  if ((own.mongolian?.breadth ?? 0) > ctx.width / 2) throw labelTooLong();
  const s = style(ctx, {
    align: 'right',
    width: ctx.width - Math.max(indent, (own.mongolian?.breadth ?? -LABEL_GAP) + LABEL_GAP),
  });
  const lh = lineHeight(ctx, s);
  const ops: DrawOp[] = [];
  const top = block.sealSpaceMm * MM;
  let y = top;
  block.lines.forEach((line, i) => {
    const value = text(ctx, line, scope);
    const w = ctx.metrics.width(value, 'serif', ctx.bodySize);
    ops.push({
      ...lineOp(s, { text: value, start: 0, end: value.length, width: w, indent: 0 }, y),
    });
    y += lh;
    if (i === 0 && own.tibetan !== undefined) {
      const tibetan = cellText(ctx, own.tibetan, { ...s, font: 'tibetan' }, y);
      ops.push(...tibetan.ops);
      y += tibetan.height;
    }
  });
  if (own.mongolian !== undefined) {
    ops.push(...mongolianLabelOps(own.mongolian, ctx.left + ctx.width, top));
  }
  const height = Math.max(y, top + (own.mongolian?.length ?? 0) + LABEL_GAP);
  return [makeBox('seal', height, ops)];
}

type FormRow = FormTableBlock['rows'][number];

function formColumns(ctx: Ctx, columnWidths: readonly number[]): number[] {
  const total = columnWidths.reduce((a, b) => a + b, 0);
  return columnWidths.map((w) => (w / total) * ctx.width);
}

function annexNumber(n: number): string {
  return chineseListNumber(n);
}

/**
 * A form row. A cell whose text is taller than the row may be (`maxHeightMm`, or what fits on
 * a page) keeps the lines that fit, ends with “（见附页一）” and hands the rest to a 附页.
 */
function formRowBox(
  ctx: Ctx,
  block: FormTableBlock,
  row: FormRow,
  scope: Scope,
  header: Box | undefined,
  cap = Infinity,
): Box {
  const columns = formColumns(ctx, block.columnWidths);
  const lhBody = lineHeight(ctx, style(ctx, {}));
  const reserve = (header?.height ?? 0) + 2 * CELL_PAD;
  const maxHeight = Math.min(
    row.maxHeightMm === undefined ? Infinity : row.maxHeightMm * MM,
    ctx.pageHeight - reserve - lhBody,
    cap,
  );
  const widths: number[] = [];
  const cells: CellSpec[] = [];
  let col = 0;
  row.cells.forEach((cell, index) => {
    const span = cell.span ?? 1;
    const w = columns.slice(col, col + span).reduce((a, b) => a + b, 0);
    col += span;
    widths.push(w);
    let value = text(ctx, cell.text, scope);
    const s = style(ctx, { width: w - 2 * CELL_PAD, font: cell.bold ? 'serifBold' : 'serif' });
    const lines = linesOf(ctx, value, s);
    const count = lines.reduce((n, p) => n + p.length, 0);
    const fit = Math.floor((maxHeight - 2 * CELL_PAD) / lineHeight(ctx, s));
    if (count > fit && fit >= 2) {
      const number = annexNumber(ctx.annexes.length + 1);
      const marker = `（见附页${number}）`;
      // Keep fit − 1 lines and the marker on the last line.
      const kept: string[] = [];
      let left = fit - 1;
      let rest = '';
      let midParagraph = false;
      const paragraphs = paragraphsOf(value);
      for (let p = 0; p < lines.length; p += 1) {
        const plines = lines[p] ?? [];
        const para = paragraphs[p] ?? '';
        if (left >= plines.length) {
          kept.push(para);
          left -= plines.length;
          continue;
        }
        const cut = left > 0 ? (plines[left - 1]?.end ?? 0) : 0;
        if (cut > 0) kept.push(para.slice(0, cut));
        midParagraph = cut > 0;
        rest = [para.slice(cut), ...paragraphs.slice(p + 1)].join('\n');
        break;
      }
      const previous = row.cells[index - 1];
      const label =
        previous === undefined ? ctx.template.file.title : text(ctx, previous.text, scope).trim();
      ctx.annexes.push({
        number,
        label: label === '' ? ctx.template.file.title : label,
        text: rest,
        midParagraph,
      });
      value = `${kept.join('\n')}\n${marker}`;
    }
    cells.push({ text: value, align: cell.align, valign: cell.valign, bold: cell.bold });
  });
  // A row cut to fit its page (`cap`) is full of text: its least height (room to write by hand)
  // gives way.
  const least = cap < Infinity ? 0 : (row.minHeightMm ?? 0) * MM;
  const measured = tableRowBox(ctx, widths, cells, least, 'body');
  const role: BoxRole = row.header ? 'header' : (row.role ?? 'body');
  return makeBox(role, measured.height, measured.ops, {
    keepWithNext: row.header === true,
    repeatHeader: row.header ? undefined : header,
  });
}

/**
 * A form whose long cell goes on in a 附页 is cut where the whole form still fits on its page
 * (`room`: what is left of the page it starts on), so the signature and seal rows stay on the
 * form's page instead of standing alone on a 签署页. A form that does not spill is untouched:
 * it breaks between rows like any table.
 */
function formTableBoxes(ctx: Ctx, block: FormTableBlock, scope: Scope, room: number): Box[] {
  const rows: { row: FormRow; scope: Scope }[] = [];
  for (const row of block.rows) {
    const scopes =
      row.over === undefined
        ? [scope]
        : listItems(ctx, row.over).map((item) => itemScope(item, scope));
    for (const s of scopes.filter((sc) => isPresent(ctx, row.if, sc))) rows.push({ row, scope: s });
  }
  const measure = (cut?: { index: number; cap: number }) => {
    const annexesBefore = ctx.annexes.length;
    const boxes: Box[] = [];
    let spilled = -1;
    let header: Box | undefined;
    rows.forEach(({ row, scope: s }, i) => {
      const before = ctx.annexes.length;
      const cap = cut?.index === i ? cut.cap : Infinity;
      const box = formRowBox(ctx, block, row, s, header, cap);
      if (ctx.annexes.length > before && spilled < 0) spilled = i;
      if (row.header) header = box;
      boxes.push(box);
    });
    return { boxes, spilled, annexesBefore };
  };
  const first = measure();
  const total = first.boxes.reduce((h, b) => h + b.height, 0);
  const spilledBox = first.boxes[first.spilled];
  if (spilledBox === undefined || total <= room + EPS_PT) return first.boxes;
  const cap = spilledBox.height - (total - room);
  // A cell that goes on in a 附页 is full of text, so the row's least height (room to write by
  // hand) does not hold it; four lines do, so the cut still reads as the start of the text.
  if (cap < 4 * lineHeight(ctx, style(ctx, {})) + 2 * CELL_PAD) return first.boxes;
  // Measure again with the shorter cell: the 附页 of the first pass gives way to its own.
  ctx.annexes.splice(first.annexesBefore);
  return measure({ index: first.spilled, cap }).boxes;
}

function dataTableBoxes(ctx: Ctx, block: DataTableBlock, scope: Scope): Box[] {
  const widths = formColumns(
    ctx,
    block.columns.map((c) => c.width),
  );
  const size = block.sizePt ?? ctx.bodySize;
  const header = tableRowBox(
    ctx,
    widths,
    block.columns.map((c) => ({
      text: text(ctx, c.header, scope),
      align: 'center',
      bold: true,
      size,
    })),
    0,
    'header',
  );
  const headerBox = makeBox('header', header.height, header.ops, { keepWithNext: true });
  const wanted = block.where === undefined ? undefined : text(ctx, block.where.equals, scope);
  const items = listItems(ctx, block.over).filter(
    (item) => block.where === undefined || item[block.where.field] === wanted,
  );
  if (items.length === 0) return [];
  const rows = items.map((item, i) => {
    const s = itemScope(item, scope);
    const row = tableRowBox(
      ctx,
      widths,
      block.columns.map((c) => ({
        text: c.number ? String(i + 1) : text(ctx, c.text ?? '', s),
        align: c.align ?? (c.number ? 'center' : 'left'),
        valign: 'middle',
        size,
      })),
      (block.rowMinHeightMm ?? 0) * MM,
      'body',
    );
    // The first row stays with the header; later rows break freely.
    return makeBox('body', row.height, row.ops, { keepWithNext: i === 0, repeatHeader: headerBox });
  });
  return [headerBox, ...rows];
}

function blockBoxes(ctx: Ctx, block: TemplateBlock, scope: Scope, room: number): Box[] {
  switch (block.type) {
    case 'heading':
      return paragraphBoxes(
        ctx,
        text(ctx, block.text, scope),
        style(ctx, {
          font: 'serifBold',
          size: block.sizePt ?? 22,
          align: 'center',
          characterSpacing: block.letterSpacingPt ?? 0,
        }),
        'heading',
        true,
      );
    case 'paragraph': {
      const size = block.sizePt ?? ctx.bodySize;
      return paragraphBoxes(
        ctx,
        text(ctx, block.text, scope),
        style(ctx, {
          font: block.bold ? 'serifBold' : 'serif',
          size,
          align: block.align ?? 'left',
          firstIndent: (block.indentChars ?? 0) * size,
        }),
        block.role === 'note' ? 'note' : 'body',
      );
    }
    case 'field-rows':
      return fieldRowsBoxes(ctx, block, scope);
    case 'repeat':
      return listItems(ctx, block.over).flatMap((item) =>
        blocksBoxes(ctx, block.blocks, itemScope(item, scope)),
      );
    case 'numbered-list':
      return numberedListBoxes(ctx, block, scope);
    case 'signature-table':
      return signatureTableBoxes(ctx, block, scope);
    case 'seal-area':
      return sealBoxes(ctx, block, scope);
    case 'form-table':
      return formTableBoxes(ctx, block, scope, room);
    case 'data-table':
      return dataTableBoxes(ctx, block, scope);
    case 'spacer':
      return [makeBox('space', block.heightMm * MM, [])];
    case 'page-break':
      return [makeBox('break', 0, [])];
    default: {
      const unreachable: never = block;
      throw new Error(`未知的模板块：${JSON.stringify(unreachable)}`);
    }
  }
}

const EPS_PT = 0.01;

/**
 * What is left of the first page for `block` after the boxes before it, less a line for a note
 * that follows it (a form's 备注). Past the first page the position is not known here, and
 * a whole page is assumed.
 */
function roomAfter(ctx: Ctx, before: readonly Box[], block: TemplateBlock): number {
  const used = before.reduce(
    (h, b, i) => h + (i === 0 ? 0 : b.spaceBefore) + b.height + b.spaceAfter,
    0,
  );
  const spaceBefore = 'spaceBeforeMm' in block ? (block.spaceBeforeMm ?? 0) * MM : 0;
  const slack = lineHeight(ctx, style(ctx, {}));
  return (used < ctx.pageHeight ? ctx.pageHeight - used - spaceBefore : ctx.pageHeight) - slack;
}

function blocksBoxes(ctx: Ctx, blocks: readonly TemplateBlock[], scope: Scope): Box[] {
  const out: Box[] = [];
  for (const block of blocks) {
    if (!isPresent(ctx, block.if, scope)) continue;
    const boxes = blockBoxes(ctx, block, scope, roomAfter(ctx, out, block));
    if (boxes.length === 0) continue;
    // A table stays with the text that introduces it (a term and its obligee table).
    const before = out[out.length - 1];
    if (block.type === 'data-table' && before !== undefined && !before.keepWithNext) {
      const kept: Box = { ...before, keepWithNext: true };
      const group = GROUP.get(before);
      if (group !== undefined) GROUP.set(kept, group);
      out[out.length - 1] = kept;
    }
    const spaceBefore = 'spaceBeforeMm' in block ? (block.spaceBeforeMm ?? 0) * MM : 0;
    const spaceAfter = 'spaceAfterMm' in block ? (block.spaceAfterMm ?? 0) * MM : 0;
    const keep = 'keepWithNext' in block && block.keepWithNext === true;
    const last = boxes.length - 1;
    boxes.forEach((box, i) => {
      if (i !== 0 && i !== last) {
        out.push(box);
        return;
      }
      // The block's own keepWithNext decides for its last box (a heading always keeps).
      const keepLast = keep || box.role === 'heading';
      const b: Box = {
        ...box,
        spaceBefore: i === 0 ? box.spaceBefore + spaceBefore : box.spaceBefore,
        spaceAfter: i === last ? box.spaceAfter + spaceAfter : box.spaceAfter,
        keepWithNext: i === last ? keepLast : box.keepWithNext,
      };
      const group = GROUP.get(box);
      if (group !== undefined) GROUP.set(b, group);
      out.push(b);
    });
  }
  return out;
}

/** Lines of the last clause before the signature block that move with it. */
const LAST_CLAUSE_LINES = 6;

/**
 * Composition rule: the last clause before each signature block keeps with it, so that no page
 * holds only signatures, a seal or a date when the clause and the block fit on one page.
 */
function keepLastClauseWithSignatures(boxes: readonly Box[]): Box[] {
  const out = [...boxes];
  const keep = (j: number) => {
    const b = out[j];
    if (!b || b.keepWithNext) return;
    const next: Box = { ...b, keepWithNext: true };
    const group = GROUP.get(b);
    if (group !== undefined) GROUP.set(next, group);
    out[j] = next;
  };
  for (let i = 1; i < out.length; i += 1) {
    const box = out[i];
    const prev = out[i - 1];
    if (!box || !prev) continue;
    // The seal never goes alone: the last signature row comes with it.
    if (box.role === 'seal' && prev.role === 'signature') keep(i - 1);
    const startsBlock =
      box.role === 'signature' ||
      box.role === 'seal' ||
      (box.role === 'header' && out[i + 1]?.role === 'signature');
    if (!startsBlock || CLOSING.has(prev.role)) continue;
    let j = i - 1;
    while (j >= 0 && out[j]?.role === 'space') keep(j--);
    const last = out[j];
    if (!last || last.role === 'break') continue;
    const group = GROUP.get(last);
    for (let taken = 0; j >= 0 && taken < LAST_CLAUSE_LINES; taken += 1, j -= 1) {
      const b = out[j];
      if (!b || (taken > 0 && (group === undefined || GROUP.get(b) !== group))) break;
      keep(j);
    }
  }
  return out;
}

const CLOSING = new Set<BoxRole>(['signature', 'seal', 'header']);

function annexBoxes(ctx: Ctx, annex: Annex): Box[] {
  const heading = paragraphBoxes(
    ctx,
    `附页${annex.number}`,
    style(ctx, { font: 'serifBold', size: 18, align: 'center' }),
    'heading',
    true,
  );
  const caption = paragraphBoxes(
    ctx,
    `（${ctx.template.file.title}“${annex.label}”栏续）`,
    style(ctx, { align: 'center' }),
    'heading',
    true,
  );
  const indent = 2 * ctx.bodySize;
  const [head = '', ...tail] = paragraphsOf(annex.text);
  const body = [
    ...paragraphBoxes(
      ctx,
      head,
      style(ctx, { firstIndent: annex.midParagraph ? 0 : indent }),
      'body',
    ),
    ...paragraphBoxes(ctx, tail.join('\n'), style(ctx, { firstIndent: indent }), 'body'),
  ];
  const lh = lineHeight(ctx, style(ctx, {}));
  return [
    makeBox('break', 0, []),
    ...heading,
    ...caption.map((b, i) => (i === 0 ? { ...b, spaceBefore: lh * 0.5 } : b)),
    ...body.map((b, i) => (i === 0 ? { ...b, spaceBefore: lh * 0.5 } : b)),
  ];
}

export const PREVAILING_TEXT_STATEMENTS = {
  CHINESE: '本译文与中文文本如有不一致，以中文文本为准。',
  EQUAL: '中文文本与本译文具有同等效力。',
} as const;

type Translation = NonNullable<DocumentData['translations']>[number];

function chineseHeadingBoxes(ctx: Ctx, translation: Translation): Box[] {
  const lh = lineHeight(ctx, style(ctx, {}));
  const statement = PREVAILING_TEXT_STATEMENTS[translation.prevailing ?? 'CHINESE'];
  return [
    ...paragraphBoxes(
      ctx,
      translation.title,
      style(ctx, { font: 'serifBold', size: 18, align: 'center' }),
      'heading',
      true,
    ),
    ...paragraphBoxes(ctx, `（${statement}）`, style(ctx, { align: 'center' }), 'body').map(
      (b, i) => (i === 0 ? { ...b, spaceBefore: lh * 0.3, spaceAfter: 0 } : b),
    ),
  ];
}

/** The translator vouches for the translation on its own page, with room to sign. */
function translatorBoxes(ctx: Ctx, translation: Translation): Box[] {
  const translator = translation.translator?.trim() ?? '';
  if (translator === '') return [];
  const lh = lineHeight(ctx, style(ctx, {}));
  return paragraphBoxes(
    ctx,
    `翻译人：${translator}${'\u3000'.repeat(2)}签名：${'\u3000'.repeat(8)}`,
    style(ctx, { align: 'right' }),
    'body',
  ).map((b, i) => (i === 0 ? { ...b, spaceBefore: lh * 1.5 } : b));
}

function tibetanAnnexBoxes(ctx: Ctx, translation: Translation): Box[] {
  const annex: Box[] = [];
  const wording = translation.wording ?? {};
  const tibetan = style(ctx, { font: 'tibetan', size: ctx.bodySize + 2 });
  const lh = lineHeight(ctx, style(ctx, {}));
  annex.push(makeBox('break', 0, []));
  if (wording.title !== undefined) {
    annex.push(
      ...paragraphBoxes(
        ctx,
        wording.title,
        style(ctx, { font: 'tibetan', size: 18, align: 'center' }),
        'heading',
        true,
      ),
    );
  }
  annex.push(...chineseHeadingBoxes(ctx, translation));
  if (wording.prevailing !== undefined) {
    annex.push(
      ...paragraphBoxes(
        ctx,
        wording.prevailing,
        style(ctx, { font: 'tibetan', size: ctx.bodySize + 2, align: 'center' }),
        'body',
      ),
    );
  }
  if (wording.partyLine !== undefined) {
    annex.push(
      ...paragraphBoxes(ctx, wording.partyLine, tibetan, 'body').map((b, i) =>
        i === 0 ? { ...b, spaceBefore: lh * 0.5 } : b,
      ),
    );
  }
  annex.push(
    ...paragraphBoxes(ctx, translation.text, tibetan, 'body').map((b, i) =>
      i === 0 ? { ...b, spaceBefore: lh * 0.5 } : b,
    ),
  );
  for (const sentence of wording.closing ?? []) {
    annex.push(...paragraphBoxes(ctx, sentence, tibetan, 'body'));
  }
  annex.push(...translatorBoxes(ctx, translation));
  return annex;
}

/**
 * A traditional Mongolian annex: the Chinese heading and prevailing-text sentence across the
 * top, then the reviewed title, clause and party line, the translation and the closing
 * sentences as vertical columns (each a new column), then the translator's line. Every column
 * is as long as the room under the heading, so the heading always stands with the first
 * columns; a one-page annex followed by the signatures is set in columns short enough to leave
 * them room on its page, where that still reads (layout-mongolian.ts).
 */
function mongolianAnnexBoxes(
  ctx: Ctx,
  translation: Translation,
  /** Height of the signature block that follows the annex (absent: another annex follows). */
  closingHeight: number | undefined,
): Box[] {
  if (!ctx.mongolian) {
    throw new DocumentRenderError('TEXT_NOT_PRINTABLE', '蒙古文译文需要蒙古文字形引擎');
  }
  const wording = translation.wording ?? {};
  const lh = lineHeight(ctx, style(ctx, {}));
  const heading = chineseHeadingBoxes(ctx, translation).map((b) => ({
    ...b,
    keepWithNext: true,
  }));
  const headingHeight = stackHeight(heading);
  const translator = translatorBoxes(ctx, translation);
  const columns = mongolianColumnBoxes({
    paragraphs: [
      wording.title ?? '',
      wording.prevailing ?? '',
      wording.partyLine ?? '',
      translation.text,
      ...(wording.closing ?? []),
    ],
    shaper: ctx.mongolian,
    size: ctx.bodySize + 2,
    left: ctx.left,
    width: ctx.width,
    columnLength: ctx.pageHeight - headingHeight - lh,
    roomAfter: closingHeight === undefined ? undefined : stackHeight(translator) + closingHeight,
  }).map((b, i) => (i === 0 ? { ...b, spaceBefore: lh * 0.5 } : b));
  return [makeBox('break', 0, []), ...heading, ...columns, ...translator];
}

/** Height of boxes stacked on one page, their spacing included. */
function stackHeight(boxes: readonly Box[]): number {
  return boxes.reduce((sum, b) => sum + b.spaceBefore + b.height + b.spaceAfter, 0);
}

/**
 * Translation pages are an annex inside the signed document: they come before the signature
 * block (which then follows the translation's last lines), each says which text prevails.
 */
function withTranslations(ctx: Ctx, boxes: readonly Box[]): Box[] {
  const translations = ctx.data.translations ?? [];
  if (translations.length === 0) return [...boxes];
  // Before the first signature row of the document (or at the end when nothing is signed),
  // with the header row of the signature table. Only that header: a table in the text (the
  // obligees of a group obligation) has header rows too, and the translation must not land
  // before it, splitting the terms from their table.
  let at = boxes.findIndex((b) => b.role === 'signature' || b.role === 'seal');
  if (at < 0) at = boxes.length;
  while (at > 0 && boxes[at - 1]?.role === 'header') at -= 1;
  const closing = boxes.slice(at);
  const annex: Box[] = [];
  translations.forEach((translation, i) => {
    const last = i === translations.length - 1;
    annex.push(
      ...(translation.language === 'mn'
        ? mongolianAnnexBoxes(ctx, translation, last ? stackHeight(closing) : undefined)
        : tibetanAnnexBoxes(ctx, translation)),
    );
  });
  return [...boxes.slice(0, at), ...annex, ...closing];
}

/** Names printed on one line (short names of people and organisations). */
function namesToKeep(data: DocumentData): string[] {
  const names = new Set<string>();
  for (const items of Object.values(data.lists)) {
    for (const item of items) {
      for (const [key, value] of Object.entries(item)) {
        if (key.endsWith('.name') && value.length >= 2 && value.length <= 8) names.add(value);
      }
    }
  }
  for (const [key, value] of Object.entries(data.fields)) {
    if (key.endsWith('.name') && value.length >= 2 && value.length <= 8) names.add(value);
  }
  return [...names];
}

export function measureDocument(input: MeasureInput): Measured {
  const file = input.template.file;
  const ctx: Ctx = {
    ...input,
    bodySize: file.text.bodySizePt,
    lineGap: file.text.lineGapPt,
    keep: namesToKeep(input.data),
    annexes: [],
    group: 0,
  };
  const scope = globalScope(input.data);
  const body = keepLastClauseWithSignatures(
    withTranslations(ctx, blocksBoxes(ctx, file.blocks, scope)),
  );
  const annexes: Box[] = [];
  // A 附页 may itself be long: it flows over as many pages as it needs (never cut again).
  for (const annex of ctx.annexes) annexes.push(...annexBoxes(ctx, annex));

  const signatureNoteText =
    file.composition?.signaturePageNote !== undefined
      ? text(ctx, file.composition.signaturePageNote, scope)
      : (continuationNoteOf(ctx, file.blocks, scope) ??
        `（本页无正文，为《${file.title}》签署页）`);
  const endText =
    file.composition?.endOfTextNote !== undefined
      ? text(ctx, file.composition.endOfTextNote, scope)
      : '（以下无正文）';
  const lh = lineHeight(ctx, style(ctx, {}));
  const stack = (boxes: readonly Box[]) =>
    boxes.flatMap((b, i) => b.ops.map((op) => ({ ...op, y: op.y + i * lh })));
  const noteLines = paragraphBoxes(
    ctx,
    signatureNoteText,
    style(ctx, { firstIndent: 2 * ctx.bodySize }),
    'note',
  );
  const endLines = paragraphBoxes(ctx, endText, style(ctx, { align: 'center' }), 'note');
  return {
    boxes: [...body, ...annexes],
    signaturePageNote: makeBox('note', noteLines.length * lh, stack(noteLines), {
      spaceAfter: lh * 0.5,
    }),
    endOfTextNote: makeBox('note', endLines.length * lh, stack(endLines), {
      spaceBefore: lh * 0.25,
    }),
    annexes: ctx.annexes,
  };
}

function continuationNoteOf(
  ctx: Ctx,
  blocks: readonly TemplateBlock[],
  scope: Scope,
): string | undefined {
  for (const block of blocks) {
    if (block.type === 'signature-table' && block.continuationNote !== undefined) {
      return text(ctx, block.continuationNote, scope);
    }
  }
  return undefined;
}

import { z } from 'zod';

/**
 * Shape of a template file in `templates/` (e.g. `agreement.v1.json`). Templates are data:
 * versioned, reviewed like code, validated here when loaded. A printed document records the
 * template id + version it was made with, so a template is never edited in place: a change is
 * a new version file.
 *
 * Block vocabulary (covers the forms of domain §2.4–§2.10):
 * - heading        centred title (二号 bold by default)
 * - paragraph      flowing text; `\n` in values starts a new paragraph; first-line indent in
 *                  characters; may be aligned right (编号) or centre
 * - field-rows     a hanging label (当事人) with rows of “标签：值” pairs (party blocks); a pair
 *                  may carry `if` (printed only when that field is non-empty)
 * - repeat         repeats its blocks for each item of a list (parties, agents)
 * - numbered-list  one item per list entry numbered 一、二、三、 or 1、2、3、 (terms, requests)
 * - signature-table signature slots in a grid, each ≥ 2.5 cm × 2 cm with label and date line;
 *                  kept together when it fits a page; `compact` switches to a table (序号,
 *                  姓名, 签名或按指印, 日期; cells ≥ 25 × 20 mm) when a list has many items
 * - seal-area      committee name + （印） and date, right-aligned, with room for the seal
 * - form-table     bordered grid of cells (registration forms §2.5, §2.10); rows never split;
 *                  a row may repeat `over` a list (one row per party) and carry its own `if`;
 *                  `role` marks rows where parties sign or the seal goes, `header` rows are
 *                  repeated when the table continues on a new page; a cell taller than
 *                  `maxHeightMm` prints “（见附页一）” and continues on a 附页 at the end
 * - data-table     a table with a header row (repeated on every page it continues on) and one
 *                  row per item of a list, columns with relative widths (group obligations)
 * - spacer, page-break
 * Any block may carry `if` (render only when that field or list is non-empty) and
 * `keepWithNext` (do not leave it alone at the bottom of a page). A paragraph may be a `note`
 * (备注 below a form): not text of the document for the composition rules.
 * The composition rules themselves (签署页 note, “（以下无正文）”) live in the layout engine;
 * `composition` only words them for a template.
 */

const mm = z.number().min(0).max(300);
const text = z.string().max(20_000);
const listName = z.string().regex(/^[a-z][A-Za-z0-9]*$/);
/** `if`: a field path (`party.isPerson`) or a list name (`agents`). */
const condition = z.string().regex(/^[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)*$/);

const common = {
  if: condition.optional(),
  keepWithNext: z.boolean().optional(),
  spaceBeforeMm: mm.optional(),
  spaceAfterMm: mm.optional(),
};

const align = z.enum(['left', 'center', 'right']);

export interface HeadingBlock {
  readonly type: 'heading';
  readonly text: string;
  readonly sizePt?: number | undefined;
  readonly letterSpacingPt?: number | undefined;
}

const headingBlock = z.strictObject({
  type: z.literal('heading'),
  text,
  sizePt: z.number().min(8).max(40).optional(),
  letterSpacingPt: z.number().min(0).max(30).optional(),
  ...common,
});

const paragraphBlock = z.strictObject({
  type: z.literal('paragraph'),
  text,
  align: align.optional(),
  indentChars: z.number().min(0).max(8).optional(),
  bold: z.boolean().optional(),
  sizePt: z.number().min(8).max(40).optional(),
  role: z.enum(['body', 'note']).optional(),
  ...common,
});

/** `if` on a cell: the pair is printed only when that field is non-empty (e.g. an ID number). */
const fieldCell = z.strictObject({
  label: z.string().max(40),
  value: text,
  if: condition.optional(),
});

const fieldRowsBlock = z.strictObject({
  type: z.literal('field-rows'),
  label: z.string().max(20),
  labelWidthChars: z.number().min(0).max(10).optional(),
  rows: z.array(z.array(fieldCell).min(1).max(8)).min(1).max(20),
  ...common,
});

const numberedListBlock = z.strictObject({
  type: z.literal('numbered-list'),
  over: listName,
  numbering: z.enum(['chinese', 'arabic']),
  text,
  indentChars: z.number().min(0).max(8).optional(),
  ...common,
});

const signatureSlot = z.strictObject({
  over: listName.optional(),
  if: condition.optional(),
  label: z.string().max(200),
  hint: z.string().max(200).optional(),
  /** Which reviewed own-script label a bilingual document prints with this slot's Chinese one. */
  ownScript: z
    .enum(['partySignature', 'translatorLabel', 'mediatorLabel', 'recorderLabel'])
    .optional(),
});

const signatureTableBlock = z.strictObject({
  type: z.literal('signature-table'),
  columns: z.number().int().min(1).max(3),
  // 2.5 cm × 2 cm is the least room for a signature with a red fingerprint (domain §2.9).
  slotWidthMm: z.number().min(25).max(170),
  slotHeightMm: z.number().min(20).max(80),
  dateLine: z.string().max(40).optional(),
  /** The reviewed own-script label of the blank date, beside each date line (or its header). */
  dateLineOwnScript: z.literal('dateLine').optional(),
  continuationNote: z.string().max(200).optional(),
  /**
   * Compact signature table instead of slots: when list `over` has at least `atLeast` items
   * (six or more parties), one row per slot with 序号, 姓名, 签名或按指印, 日期.
   */
  compact: z
    .strictObject({
      over: listName,
      atLeast: z.number().int().min(1).max(200),
      rowHeightMm: z.number().min(20).max(60).optional(),
    })
    .optional(),
  slots: z.array(signatureSlot).min(1).max(20),
  ...common,
});

const sealAreaBlock = z.strictObject({
  type: z.literal('seal-area'),
  lines: z.array(z.string().max(200)).min(1).max(4),
  sealSpaceMm: z.number().min(0).max(60),
  rightIndentChars: z.number().min(0).max(10).optional(),
  /** The reviewed own-script label of the seal, under (Tibetan) or right of (Mongolian) line 1. */
  ownScript: z.literal('sealLabel').optional(),
  ...common,
});

const formCell = z.strictObject({
  text,
  span: z.number().int().min(1).max(12).optional(),
  bold: z.boolean().optional(),
  align: align.optional(),
  /** Vertical placement in a tall row; labels of official forms sit in the middle. */
  valign: z.enum(['top', 'middle']).optional(),
});

const formTableBlock = z.strictObject({
  type: z.literal('form-table'),
  columnWidths: z.array(z.number().positive()).min(1).max(12),
  rows: z
    .array(
      z.strictObject({
        cells: z.array(formCell).min(1).max(12),
        minHeightMm: mm.optional(),
        /** Repeat this row for each item of a list (one row per party). */
        over: listName.optional(),
        /** Print the row only when this field or list is non-empty. */
        if: condition.optional(),
        /** Where parties sign or the seal goes (composition rules); default: text. */
        role: z.enum(['body', 'signature', 'seal']).optional(),
        /** Repeated at the top of every page the table continues on. */
        header: z.boolean().optional(),
        /** A cell taller than this continues on a 附页 (default: what fits on a page). */
        maxHeightMm: z.number().min(10).max(250).optional(),
      }),
    )
    .min(1)
    .max(60),
  ...common,
});

const dataTableColumn = z.strictObject({
  header: z.string().max(40),
  /** Cell text in the scope of the row's list item; omit with `number` for 序号. */
  text: text.optional(),
  /** Prints the row number (1, 2, 3 …). */
  number: z.boolean().optional(),
  width: z.number().positive(),
  align: align.optional(),
});

const dataTableBlock = z.strictObject({
  type: z.literal('data-table'),
  over: listName,
  /**
   * Only the items whose field `field` equals `equals` (resolved in the enclosing scope), e.g.
   * the obligees of one term inside a `repeat` over terms.
   */
  where: z.strictObject({ field: condition, equals: z.string().max(200) }).optional(),
  columns: z.array(dataTableColumn).min(1).max(10),
  rowMinHeightMm: mm.optional(),
  sizePt: z.number().min(8).max(24).optional(),
  ...common,
});

const spacerBlock = z.strictObject({
  type: z.literal('spacer'),
  heightMm: mm,
  if: condition.optional(),
});
const pageBreakBlock = z.strictObject({ type: z.literal('page-break'), if: condition.optional() });

type Common = {
  readonly if?: string | undefined;
  readonly keepWithNext?: boolean | undefined;
  readonly spaceBeforeMm?: number | undefined;
  readonly spaceAfterMm?: number | undefined;
};

export type ParagraphBlock = z.infer<typeof paragraphBlock>;
export type FieldRowsBlock = z.infer<typeof fieldRowsBlock>;
export type NumberedListBlock = z.infer<typeof numberedListBlock>;
export type SignatureTableBlock = z.infer<typeof signatureTableBlock>;
export type SealAreaBlock = z.infer<typeof sealAreaBlock>;
export type FormTableBlock = z.infer<typeof formTableBlock>;
export type DataTableBlock = z.infer<typeof dataTableBlock>;
export type SpacerBlock = z.infer<typeof spacerBlock>;
export type PageBreakBlock = z.infer<typeof pageBreakBlock>;
export interface RepeatBlock extends Common {
  readonly type: 'repeat';
  readonly over: string;
  readonly blocks: readonly TemplateBlock[];
}

export type TemplateBlock =
  | (HeadingBlock & Common)
  | ParagraphBlock
  | FieldRowsBlock
  | RepeatBlock
  | NumberedListBlock
  | SignatureTableBlock
  | SealAreaBlock
  | FormTableBlock
  | DataTableBlock
  | SpacerBlock
  | PageBreakBlock;

export const templateBlockSchema: z.ZodType<TemplateBlock> = z.lazy(() =>
  z.discriminatedUnion('type', [
    headingBlock,
    paragraphBlock,
    fieldRowsBlock,
    z.strictObject({
      type: z.literal('repeat'),
      over: listName,
      blocks: z.array(templateBlockSchema).min(1).max(50),
      ...common,
    }),
    numberedListBlock,
    signatureTableBlock,
    sealAreaBlock,
    formTableBlock,
    dataTableBlock,
    spacerBlock,
    pageBreakBlock,
  ]),
);

export const documentTemplateSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]{1,60}$/),
  version: z.number().int().min(1),
  title: z.string().min(1).max(60),
  description: z.string().max(500).optional(),
  page: z.strictObject({
    size: z.literal('A4'),
    marginsMm: z.strictObject({ top: mm, bottom: mm, left: mm, right: mm }),
  }),
  text: z.strictObject({
    bodySizePt: z.number().min(8).max(24),
    lineGapPt: z.number().min(0).max(24),
  }),
  footer: z.strictObject({
    pageNumber: z.string().max(100),
    verification: z.string().max(100).optional(),
  }),
  /** Wording of the composition rules' notes; the engine has defaults. */
  composition: z
    .strictObject({
      /** On a page holding only signatures / the seal; default “（本页无正文，为《标题》签署页）”. */
      signaturePageNote: z.string().max(200).optional(),
      /** Below the last text of a page followed by blank space; default “（以下无正文）”. */
      endOfTextNote: z.string().max(40).optional(),
    })
    .optional(),
  blocks: z.array(templateBlockSchema).min(1).max(200),
});

export type DocumentTemplateFile = z.infer<typeof documentTemplateSchema>;

/**
 * The boxes the three layout stages pass along: **measure** (layout-measure.ts) turns template
 * blocks into boxes of known height with drawing operations relative to their top; **paginate**
 * (layout-paginate.ts) places boxes on pages under the composition rules without touching a
 * PDF; **draw** (layout-draw.ts) executes the operations on pdfkit pages.
 */

export type FontKey = 'serif' | 'serifBold' | 'tibetan';

export type DrawOp =
  | {
      readonly kind: 'text';
      /** Absolute x on the page; y relative to the top of the box (top of the line). */
      readonly x: number;
      readonly y: number;
      readonly text: string;
      readonly font: FontKey;
      readonly size: number;
      readonly grey?: boolean;
      readonly characterSpacing?: number;
    }
  | {
      readonly kind: 'rect';
      readonly x: number;
      readonly y: number;
      readonly width: number;
      readonly height: number;
    }
  | {
      readonly kind: 'rule';
      readonly x1: number;
      readonly x2: number;
      readonly y: number;
    }
  | {
      /** One column of traditional Mongolian (mongolian-draw.ts), top at `y`, left at `x`. */
      readonly kind: 'mongolian';
      readonly x: number;
      readonly y: number;
      readonly words: readonly string[];
      /** Distance across the column. */
      readonly thickness: number;
      readonly size: number;
    };

/**
 * What a box is, for the composition rules:
 * - body       text of the document (a line of a clause, a field row, a filled table row)
 * - heading    a title or caption; never last on a page (it carries keepWithNext)
 * - signature  a signature slot or row (also a form row where parties sign)
 * - seal       the committee's seal and date
 * - header     a table's header row (repeated on each page the table continues on)
 * - note       a remark printed below a form (备注), not body text
 * - space      vertical space only
 * - break      forces a new page (page-break block, start of a 附页)
 */
export type BoxRole =
  'body' | 'heading' | 'signature' | 'seal' | 'header' | 'note' | 'space' | 'break';

export interface Box {
  readonly role: BoxRole;
  readonly height: number;
  /** Space above the box; dropped at the top of a page. */
  readonly spaceBefore: number;
  /** Space below the box; dropped at the bottom of a page. */
  readonly spaceAfter: number;
  /** Never end a page after this box (the next box comes along). */
  readonly keepWithNext: boolean;
  /** For table rows: the header row printed again when the table continues on a new page. */
  readonly repeatHeader?: Box | undefined;
  readonly ops: readonly DrawOp[];
}

export interface PlacedBox {
  readonly box: Box;
  /** Offset of the box's top from the top of the type area. */
  readonly y: number;
}

export interface LaidOutPage {
  readonly boxes: readonly PlacedBox[];
  /** Begun by a forced break (a 附页, a translation, a page-break block): a new part starts. */
  readonly opensPart?: boolean;
}

/** Roles that are not text of the document: a page holding only these needs the 签署页 note. */
export const CLOSING_ROLES: ReadonlySet<BoxRole> = new Set(['signature', 'seal']);

/** Roles that count as text of the document on a page. */
export const CONTENT_ROLES: ReadonlySet<BoxRole> = new Set(['body', 'heading']);

export function makeBox(
  role: BoxRole,
  height: number,
  ops: readonly DrawOp[],
  extra: Partial<Omit<Box, 'role' | 'height' | 'ops'>> = {},
): Box {
  return {
    role,
    height,
    ops,
    spaceBefore: extra.spaceBefore ?? 0,
    spaceAfter: extra.spaceAfter ?? 0,
    keepWithNext: extra.keepWithNext ?? false,
    repeatHeader: extra.repeatHeader,
  };
}

/** Moves every op of a box down by `dy` (used to stack sub-boxes into one box). */
export function shiftOps(ops: readonly DrawOp[], dy: number): DrawOp[] {
  return ops.map((op) => ({ ...op, y: op.y + dy }));
}

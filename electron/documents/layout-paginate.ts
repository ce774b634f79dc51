import {
  CLOSING_ROLES,
  CONTENT_ROLES,
  type Box,
  type LaidOutPage,
  type PlacedBox,
} from './layout-boxes.js';

/**
 * The paginate stage: a pure function from measured boxes to pages. It knows nothing of PDF,
 * fonts or templates, so unit tests drive it with plain boxes.
 *
 * Composition rules (issue 7, domain §2.9):
 * - keep-with-next chains (a caption with its text, orphan/widow lines, a clause with the
 *   signature block, the seal with the last signature row) move to the next page together
 *   when they fit on one page; a chain taller than a page is broken between boxes;
 * - a page that would hold only signatures, a seal or a date starts with the 签署页 note
 *   (“（本页无正文，为《…》签署页）”); measure makes the last clause keep with the signature
 *   block, so the note appears only when the signatures alone fill more than a page;
 * - a table row that starts a page gets its table's header row repeated above it;
 * - a page whose text ends with a blank tail gets “（以下无正文）” when the text of its part
 *   (the body, a translation, a 附页) does not go on overleaf.
 */

export interface PaginateOptions {
  /** Height of the type area. */
  readonly pageHeight: number;
  /** Printed at the top of a page holding only signatures or the seal. */
  readonly signaturePageNote?: Box | undefined;
  /** Printed below the last text of a page followed by a blank tail. */
  readonly endOfTextNote?: Box | undefined;
  /** Least blank tail (share of the type area) that gets the end-of-text note. */
  readonly blankTailShare?: number | undefined;
}

const EPS = 0.01;

interface MutablePage {
  boxes: PlacedBox[];
  y: number;
  note: Box | null;
  opensPart: boolean;
}

export function paginate(boxes: readonly Box[], options: PaginateOptions): LaidOutPage[] {
  const { pageHeight } = options;
  const pages: MutablePage[] = [];
  let page: MutablePage = { boxes: [], y: 0, note: null, opensPart: false };
  pages.push(page);

  const atTop = () =>
    page.boxes.length === 0 ||
    page.boxes.every((p) => p.box === page.note || p.box.role === 'header');

  /** What a fresh page must print before `first`: the 签署页 note and/or a repeated header. */
  const pageLead = (first: Box): Box[] => {
    const lead: Box[] = [];
    if (CLOSING_ROLES.has(first.role) && options.signaturePageNote)
      lead.push(options.signaturePageNote);
    if (first.repeatHeader && first.repeatHeader !== first) lead.push(first.repeatHeader);
    return lead;
  };

  const place = (box: Box) => {
    const gap = page.boxes.length === 0 ? 0 : box.spaceBefore;
    page.boxes.push({ box, y: page.y + gap });
    page.y += gap + box.height + box.spaceAfter;
  };

  const newPage = (first: Box) => {
    page = { boxes: [], y: 0, note: null, opensPart: false };
    pages.push(page);
    for (const lead of pageLead(first)) {
      if (lead === options.signaturePageNote) page.note = lead;
      place(lead);
    }
  };

  /** Height of a run of boxes placed from the current position (or a fresh page). */
  const runHeight = (run: readonly Box[], fresh: boolean): number => {
    let h = 0;
    run.forEach((box, i) => {
      const startsPage = i === 0 && (fresh ? true : page.boxes.length === 0);
      h +=
        (startsPage ? 0 : box.spaceBefore) + box.height + (i < run.length - 1 ? box.spaceAfter : 0);
    });
    return h;
  };
  const leadHeight = (first: Box) =>
    pageLead(first).reduce(
      (h, b, i) => h + (i === 0 ? 0 : b.spaceBefore) + b.height + b.spaceAfter,
      0,
    );

  const fitsHere = (box: Box) =>
    page.y + (page.boxes.length === 0 ? 0 : box.spaceBefore) + box.height <= pageHeight + EPS;

  // Units: boxes joined by keepWithNext; a break box stands alone.
  const units: Box[][] = [];
  let current: Box[] = [];
  for (const box of boxes) {
    if (box.role === 'break') {
      if (current.length > 0) units.push(current);
      units.push([box]);
      current = [];
      continue;
    }
    current.push(box);
    if (!box.keepWithNext) {
      units.push(current);
      current = [];
    }
  }
  if (current.length > 0) units.push(current);

  for (const unit of units) {
    const first = unit[0];
    if (!first) continue;
    if (first.role === 'break') {
      if (page.boxes.length > 0) page = pushEmpty(pages);
      page.opensPart = pages.length > 1;
      continue;
    }
    if (page.y + runHeight(unit, false) <= pageHeight + EPS) {
      for (const box of unit) place(box);
      continue;
    }
    if (!atTop() && leadHeight(first) + runHeight(unit, true) <= pageHeight + EPS) {
      newPage(first);
      for (const box of unit) place(box);
      continue;
    }
    // Taller than a page: break between boxes, but never leave the seal alone, and start on
    // a new page when not even the unit's head (up to its first signature row) fits here.
    const headEnd = unit.findIndex((b) => CLOSING_ROLES.has(b.role));
    const head = unit.slice(0, headEnd < 0 ? Math.min(2, unit.length) : headEnd + 1);
    if (!atTop() && page.y + runHeight(head, false) > pageHeight + EPS) newPage(first);
    unit.forEach((box, k) => {
      const after = unit[k + 1];
      const sealAlone =
        k === unit.length - 2 &&
        after?.role === 'seal' &&
        page.y + runHeight([box, after], false) > pageHeight + EPS;
      if ((!fitsHere(box) || sealAlone) && !atTop()) newPage(box);
      place(box);
    });
  }

  // A page that got the 签署页 note but also holds text does not need it: drop it, move up.
  const out: LaidOutPage[] = pages.map((p) => {
    const opensPart = p.opensPart ? { opensPart: true } : {};
    if (p.note === null) return { boxes: p.boxes, ...opensPart };
    const hasText = p.boxes.some((b) => CONTENT_ROLES.has(b.box.role));
    if (!hasText) return { boxes: p.boxes, ...opensPart };
    const index = p.boxes.findIndex((b) => b.box === p.note);
    const removed = p.boxes[index];
    const next = p.boxes[index + 1];
    if (!removed || !next) return { boxes: p.boxes, ...opensPart };
    const shift = next.y;
    return {
      boxes: p.boxes.filter((_, i) => i !== index).map((b) => ({ box: b.box, y: b.y - shift })),
      ...opensPart,
    };
  });
  return addEndOfTextNotes(out, options).filter(
    (p, i, all) => p.boxes.length > 0 || (i === 0 && all.length === 1),
  );
}

function pushEmpty(pages: MutablePage[]): MutablePage {
  const page: MutablePage = { boxes: [], y: 0, note: null, opensPart: false };
  pages.push(page);
  return page;
}

const hasText = (p: LaidOutPage) => p.boxes.some((b) => CONTENT_ROLES.has(b.box.role));

/**
 * True when the text of this part goes on after page `i`: a later page, before the next part
 * begins, holds text (e.g. the last clause that moved over with the signature block).
 */
function textContinuesAfter(pages: readonly LaidOutPage[], i: number): boolean {
  for (let j = i + 1; j < pages.length; j += 1) {
    const p = pages[j];
    if (!p || p.opensPart) return false;
    if (hasText(p)) return true;
  }
  return false;
}

function addEndOfTextNotes(pages: LaidOutPage[], options: PaginateOptions): LaidOutPage[] {
  const note = options.endOfTextNote;
  if (!note) return pages;
  const share = options.blankTailShare ?? 0.2;
  return pages.map((p, i) => {
    if (i === pages.length - 1) return p;
    const last = p.boxes[p.boxes.length - 1];
    if (!last || !CONTENT_ROLES.has(last.box.role)) return p;
    // “以下无正文” says the text ends here; where it goes on overleaf the blank is layout only.
    if (textContinuesAfter(pages, i)) return p;
    const bottom = last.y + last.box.height;
    const blank = options.pageHeight - bottom;
    if (blank < share * options.pageHeight) return p;
    if (bottom + note.spaceBefore + note.height > options.pageHeight + EPS) return p;
    return { ...p, boxes: [...p.boxes, { box: note, y: bottom + note.spaceBefore }] };
  });
}

/** Roles of every page, for tests and checks. */
export function pageRoles(pages: readonly LaidOutPage[]): string[][] {
  return pages.map((p) => p.boxes.map((b) => b.box.role));
}

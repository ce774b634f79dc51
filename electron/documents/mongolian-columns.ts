/**
 * Breaks traditional Mongolian text into columns (pure; widths come from the shaper).
 *
 * A column is one horizontal line of the text turned 90° clockwise, so its "width" here is its
 * length down the page. Lines break only at U+0020 between words: NNBSP (U+202F) ties a suffix
 * to its word and MVS/FVS are inside words, so a word is never cut where a space is near.
 * A newline starts a new column. A single word longer than a whole column (only possible for
 * text that is not Mongolian words, e.g. a long run of digits) is cut by characters, as the
 * Chinese line breaker does with an over-long token.
 */

export interface MongolianColumn {
  /** The words of the column in order (joined by one space when drawn). */
  readonly words: readonly string[];
  /** First column of a paragraph (after a newline or at the start). */
  readonly opensParagraph: boolean;
}

export interface ColumnMeasure {
  /** Length of a word along the column, in points. */
  readonly width: (word: string) => number;
  /** Length of the space between two words. */
  readonly space: number;
}

export function columnText(column: Pick<MongolianColumn, 'words'>): string {
  return column.words.join(' ');
}

function cutOverlong(word: string, length: number, measure: ColumnMeasure): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const ch of word) {
    const next = current + ch;
    if (current !== '' && measure.width(next) > length) {
      pieces.push(current);
      current = ch;
    } else {
      current = next;
    }
  }
  if (current !== '') pieces.push(current);
  return pieces;
}

export function breakMongolianColumns(
  text: string,
  length: number,
  measure: ColumnMeasure,
): MongolianColumn[] {
  const columns: MongolianColumn[] = [];
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
    const words = paragraph.split(' ').filter((w) => w !== '');
    if (words.length === 0) continue;
    let line: string[] = [];
    let used = 0;
    let opens = true;
    const flush = () => {
      if (line.length === 0) return;
      columns.push({ words: line, opensParagraph: opens });
      opens = false;
      line = [];
      used = 0;
    };
    for (const word of words) {
      const w = measure.width(word);
      if (w > length) {
        flush();
        const pieces = cutOverlong(word, length, measure);
        pieces.forEach((piece, i) => {
          if (i < pieces.length - 1) {
            line = [piece];
            flush();
          } else {
            line = [piece];
            used = measure.width(piece);
          }
        });
        continue;
      }
      const needed = line.length === 0 ? w : used + measure.space + w;
      if (needed > length) {
        flush();
        line = [word];
        used = w;
      } else {
        line.push(word);
        used = needed;
      }
    }
    flush();
  }
  return columns;
}

export interface PlacedColumn {
  readonly column: MongolianColumn;
  /** Left edge of the column. */
  readonly left: number;
}

/** How many columns `pitch` apart stand across `width` (at least one). */
export function columnsPerPage(width: number, pitch: number): number {
  return Math.max(1, Math.floor(width / pitch));
}

/**
 * Columns stand left to right, `pitch` apart, as many as the area's width holds; the rest
 * continues on the next page. Always at least one column per page.
 */
export function placeMongolianColumns(
  columns: readonly MongolianColumn[],
  area: { readonly left: number; readonly width: number },
  pitch: number,
): PlacedColumn[][] {
  const perPage = columnsPerPage(area.width, pitch);
  const pages: PlacedColumn[][] = [];
  columns.forEach((column, i) => {
    const slot = i % perPage;
    if (slot === 0) pages.push([]);
    pages[pages.length - 1]?.push({ column, left: area.left + slot * pitch });
  });
  return pages;
}

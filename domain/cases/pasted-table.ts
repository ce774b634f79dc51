import { cleanText } from '../text-discipline';

/**
 * Rows copied from Excel or WPS arrive as tab-separated text: one line per row, a cell holding a
 * tab, a line break or a quote is wrapped in double quotes with inner quotes doubled. This reads
 * that text back into cells, so a pasted address with a line break stays one cell.
 */
export function parsePastedTable(text: string): string[][] {
  const src = text.replace(/\r\n?/gu, '\n');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  while (i < src.length) {
    if (src[i] === '"' && cell === '') {
      const quoted = readQuoted(src, i);
      // Text that opens a quote and never closes it was not quoted by a spreadsheet (a cell is
      // only quoted when closed again): the quote is an ordinary character of the cell.
      if (quoted) {
        cell = quoted.value;
        i = quoted.end;
        // Anything between the closing quote and the next tab or line break belongs to the cell.
        while (i < src.length && src[i] !== '\t' && src[i] !== '\n') cell += src[i++];
        continue;
      }
    }
    const ch = src[i] as string;
    if (ch === '\t') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else {
      cell += ch;
    }
    i += 1;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  // Spreadsheets end the copy with a line break; blank rows carry nothing to enter.
  return rows.map((r) => r.map((c) => c.trim())).filter((r) => r.some((c) => c !== ''));
}

function readQuoted(src: string, start: number): { value: string; end: number } | null {
  let value = '';
  for (let i = start + 1; i < src.length; i += 1) {
    if (src[i] === '"') {
      if (src[i + 1] === '"') {
        value += '"';
        i += 1;
      } else {
        return { value, end: i + 1 };
      }
    } else {
      value += src[i];
    }
  }
  return null;
}

/** The roster columns the group table takes from a paste. */
export const PASTE_COLUMNS = ['name', 'idNumber', 'phone', 'address', 'occupation'] as const;
export type PasteColumn = (typeof PASTE_COLUMNS)[number] | 'ethnicity';

// Header words rosters use for each column (exact cell text, after removing spaces and a
// trailing colon). 性别 and 出生日期 are not taken: they follow the ID number.
const HEADER_WORDS: Readonly<Record<PasteColumn, readonly string[]>> = {
  name: ['姓名', '名字', '工人姓名', '当事人姓名', '申请人姓名'],
  idNumber: ['身份证号', '身份证号码', '公民身份号码', '身份证', '证件号码', '证件号'],
  phone: ['电话', '联系电话', '手机', '手机号', '手机号码', '电话号码', '联系方式'],
  address: ['住址', '地址', '家庭住址', '现住址', '户籍地址', '单位或住址', '家庭地址'],
  occupation: ['职业', '工种', '职务', '职业或职务'],
  ethnicity: ['民族'],
};

function headerColumn(cell: string): PasteColumn | null {
  const word = cell.replace(/\s/gu, '').replace(/[:：]$/u, '');
  for (const [column, words] of Object.entries(HEADER_WORDS)) {
    if (words.includes(word)) return column as PasteColumn;
  }
  return null;
}

/** True when the first row is the sheet's header (姓名, 身份证号 …) rather than a person. */
export function looksLikeHeader(row: readonly string[]): boolean {
  return row.some((c) => headerColumn(c) !== null);
}

/**
 * Where each pasted column goes. With a header row the header decides (序号, 性别 and unknown
 * columns are skipped, whatever their order); without one the cells fill the table's columns
 * in roster order from the cell the paste went into.
 */
export function pastedColumns(
  rows: readonly (readonly string[])[],
  startColumn: (typeof PASTE_COLUMNS)[number],
): { columns: (PasteColumn | null)[]; body: readonly (readonly string[])[] } {
  const first = rows[0];
  if (first && looksLikeHeader(first)) {
    return { columns: first.map(headerColumn), body: rows.slice(1) };
  }
  const start = PASTE_COLUMNS.indexOf(startColumn);
  const width = Math.max(0, ...rows.map((r) => r.length));
  const columns = Array.from({ length: width }, (_, c) => PASTE_COLUMNS[start + c] ?? null);
  return { columns, body: rows };
}

/**
 * A pasted cell as the table should hold it: a line break inside a cell (Alt+Enter in Excel)
 * becomes a space, since every roster column is a single line; invisible characters (zero-width
 * spaces and the like) go as the save would remove them. A character the save would refuse is
 * left in place, so the cell shows the refusal and names the character.
 */
export function pastedCellText(cell: string): string {
  const line = cell.replace(/\s*\n\s*/gu, ' ');
  const cleaned = cleanText(line, 'LINE');
  return cleaned.ok ? cleaned.value : line;
}

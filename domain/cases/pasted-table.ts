/**
 * Rows copied from Excel or WPS arrive as tab-separated text: one line per row, a cell holding a
 * tab, a line break or a quote is wrapped in double quotes with inner quotes doubled. This reads
 * that text back into cells, so a pasted address with a line break stays one cell.
 */
export function parsePastedTable(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let atCellStart = true;
  const src = text.replace(/\r\n?/gu, '\n');
  for (let i = 0; i < src.length; i += 1) {
    const ch = src[i] as string;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') {
        quoted = false;
      } else {
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && atCellStart) {
      quoted = true;
      atCellStart = false;
      continue;
    }
    if (ch === '\t') {
      row.push(cell);
      cell = '';
      atCellStart = true;
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
    } else {
      cell += ch;
      atCellStart = false;
    }
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  // Spreadsheets end the copy with a line break; blank rows carry nothing to enter.
  return rows.map((r) => r.map((c) => c.trim())).filter((r) => r.some((c) => c !== ''));
}

/** True when the first row is the sheet's header (姓名, 身份证号 …) rather than a person. */
export function looksLikeHeader(row: readonly string[]): boolean {
  return row.some((c) => /^(姓名|身份证号码?|公民身份号码|电话|联系电话|住址|职业)$/u.test(c));
}

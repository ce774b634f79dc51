/**
 * Text that a spreadsheet would run as a formula starts with = + - @ or a tab / carriage
 * return (CSV/formula injection, platform-notes "Export"). Every text cell we write goes
 * through this; the apostrophe makes Excel and WPS show the text as typed.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function safeCellText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function isFormulaLike(text: string): boolean {
  return FORMULA_START.test(text);
}

/**
 * The index folds text with NFKC (search-tokens.ts), so a case whose facts say "第４号" or "①"
 * holds the digit 4 or 1 for the search. A lone digit is decided by reading the stored texts
 * (db/cases/ledger-query.ts), where SQL's instr sees only the ASCII digit; this finds the other
 * characters that fold to it, by the runtime's own NFKC, so the index and the check agree.
 */

/** NFKC of each character met so far that may fold (a text holds few distinct ones). */
const folded = new Map<number, string>();

function foldOf(codePoint: number): string {
  let fold = folded.get(codePoint);
  if (fold === undefined) {
    fold = String.fromCodePoint(codePoint).normalize('NFKC');
    folded.set(codePoint, fold);
  }
  return fold;
}

/** ASCII and the CJK ideographs (most of a Chinese text) are their own NFKC form. */
const isOwnForm = (unit: number) => unit < 0x80 || (unit >= 0x4e00 && unit <= 0x9fff);

/** True when `text` holds a character other than the ASCII `digit` whose NFKC form holds it. */
export function holdsDigitForm(text: string, digit: string): boolean {
  for (let at = 0; at < text.length; at += 1) {
    const unit = text.charCodeAt(at);
    if (isOwnForm(unit)) continue;
    const codePoint = text.codePointAt(at) ?? unit;
    if (codePoint > 0xffff) at += 1;
    if (foldOf(codePoint).includes(digit)) return true;
  }
  return false;
}

/**
 * Chinese text has no spaces and most names and dispute words are two characters (王芳, 草场),
 * which an FTS5 trigram index can never match. So the ledger indexes overlapping bigrams made
 * here, and FTS5's plain unicode61 tokenizer only splits them on the spaces we put in:
 *
 *   "草场纠纷" → "草场 场纠 纠纷 纷"
 *
 * Every character starts exactly one token (the last of a run stands alone), so:
 *  - a 1-character query is the prefix query  "草"*;
 *  - a query of n ≥ 2 characters is the phrase of its n−1 bigrams, which matches exactly the
 *    documents containing it as a substring (tokens of one run sit in consecutive positions,
 *    and no bigram spans two runs).
 * Digits and Latin letters go through the same path, so a short part of a phone, ID or case
 * number is found too; seven or more of them are looked up as a prefix of a whole identifier. Query tokens are built from letters and digits only, then quoted, so
 * user text can never be read as FTS5 syntax.
 */

const RUN = /[\p{L}\p{N}]+/gu;

function normalise(text: string): string {
  // NFKC folds full-width digits and letters (１３８, ｘ) into ASCII, as people type both.
  return text.normalize('NFKC').toLowerCase();
}

function runsOf(text: string): string[][] {
  const runs: string[][] = [];
  for (const match of normalise(text).matchAll(RUN)) runs.push(Array.from(match[0]));
  return runs;
}

/** Index text for one field value: bigrams of every run plus its last character. */
export function indexTokens(text: string): string {
  const out: string[] = [];
  for (const chars of runsOf(text)) {
    for (let i = 0; i + 1 < chars.length; i += 1) out.push(`${chars[i]}${chars[i + 1]}`);
    const last = chars[chars.length - 1];
    if (last !== undefined) out.push(last);
  }
  return out.join(' ');
}

/** Joins field values for the index, keeping runs of different fields apart. */
export function indexDocument(values: readonly (string | null | undefined)[]): string {
  return values
    .filter((v): v is string => typeof v === 'string' && v !== '')
    .map(indexTokens)
    .filter((t) => t !== '')
    .join(' ');
}

/** Long runs of digits and letters are identifiers: kept whole so a prefix finds them fast. */
const CODE_RUN = /[0-9a-z]{6,}/g;
const CODE_QUERY = /^[0-9a-z]{7,}$/;

/** Whole identifiers (phone, ID, credit code, number digits) for the `codes` column. */
export function codeTokens(values: readonly (string | null | undefined)[]): string {
  const out = new Set<string>();
  for (const v of values) {
    if (typeof v !== 'string') continue;
    for (const m of normalise(v).matchAll(CODE_RUN)) out.add(m[0]);
  }
  return [...out].join(' ');
}

export interface SearchPlan {
  /** FTS5 MATCH expression, or null when the text has nothing searchable (only punctuation). */
  readonly match: string | null;
  /** The normalised runs, for the substring check used when most of the ledger matches. */
  readonly runs: readonly string[];
}

function runExpression(chars: readonly string[]): string {
  if (chars.length === 1) return `"${chars[0]}"*`;
  const bigrams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i += 1) bigrams.push(`${chars[i]}${chars[i + 1]}`);
  return `"${bigrams.join(' ')}"`;
}

const ASCII_LETTERS = /^[a-z]+$/;

/**
 * Every run of the query must appear in the case. A run of Latin letters may also be pinyin
 * (full or initials, `wf` → 王芳, `wang` → 王…), looked up as a prefix in the names column.
 */
export function searchPlan(query: string): SearchPlan {
  const runs = runsOf(query).slice(0, 16);
  if (runs.length === 0) return { match: null, runs: [] };
  const parts = runs.map((chars) => {
    const word = chars.join('');
    // A phone or ID typed in full: one prefix lookup instead of a phrase of ten or more
    // digit bigrams, each of which occurs in most cases.
    if (CODE_QUERY.test(word)) return `(codes : "${word}"*)`;
    const body = `body : ${runExpression(chars)}`;
    return ASCII_LETTERS.test(word) ? `(${body} OR names : "${word}"*)` : `(${body})`;
  });
  return { match: parts.join(' AND '), runs: runs.map((chars) => chars.join('')) };
}

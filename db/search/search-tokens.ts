/**
 * Chinese text has no spaces and most names and dispute words are two characters (王芳, 草场),
 * which an FTS5 trigram index can never match. So the ledger indexes overlapping bigrams made
 * here, and FTS5's plain unicode61 tokenizer only splits them on the spaces we put in:
 *
 *   "草场纠纷" → "草场 场纠 纠纷 纷"
 *
 * Every character starts exactly one token (the last of a run stands alone), so:
 *  - a 1-character query is the prefix query  "草"*;
 *  - a 2-character query is the one token "草场";
 *  - a query of n ≥ 3 characters asks for all of its bigrams. The index keeps no positions
 *    (detail=none), so the candidates are checked for the substring against the stored text
 *    (db/cases/ledger-query.ts); "放牧越界" does not match a case that only says "越界放牧".
 * Latin letters go through the same path; seven or more letters and digits together are looked
 * up as a prefix of a whole identifier. Three or more digits alone are a prefix of a digit
 * suffix token (`digitSuffixTokens`), so any part of a phone, ID or case number is one lookup.
 * A lone digit is the exception: its prefix query "1"* reads every phone and ID number starting
 * with it (150–300 ms at 100,000 cases), while nearly every case holds it, so the stored texts
 * are read in sort order instead and the index is only the fallback (`loneDigit`). Query tokens
 * are built from letters and digits only, then quoted, so user text can never be read as FTS5
 * syntax.
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

/** Code units of the character starting at `at` (a run holds whole code points only). */
function widthAt(run: string, at: number): number {
  const unit = run.charCodeAt(at);
  return unit >= 0xd800 && unit <= 0xdbff ? 2 : 1;
}

/**
 * Index text for field values: bigrams of every run plus its last character, runs of different
 * fields kept apart. Every save builds this for the whole case, so each token is one slice of
 * its run: arrays of characters and per-value strings were a fifth of a party correction's
 * garbage (issue 8).
 */
export function indexDocument(values: readonly (string | null | undefined)[]): string {
  const tokens: string[] = [];
  for (const value of values) {
    if (typeof value !== 'string' || value === '') continue;
    for (const match of normalise(value).matchAll(RUN)) {
      const run = match[0];
      for (let at = 0; at < run.length;) {
        const next = at + widthAt(run, at);
        tokens.push(run.slice(at, next < run.length ? next + widthAt(run, next) : next));
        at = next;
      }
    }
  }
  return tokens.join(' ');
}

/**
 * Every stretch of three or more digits, in any text, is indexed by its suffixes (each cut to
 * DIGIT_SUFFIX_MAX): a digit query of three or more is then a prefix of one of them wherever
 * it lies, so the middle or the end of a phone or an ID number (13800, the last four) is one
 * prefix lookup answered exactly. As bigrams such a query was every one of its digit pairs,
 * each held by about half of all cases, and thousands of candidates were read and checked to
 * find a few (1.3–1.5 s at 100,000 cases). Longer queries look up their first
 * DIGIT_SUFFIX_MAX digits and check the few candidates.
 */
const DIGIT_STRETCH = /[0-9]{3,}/g;
export const DIGIT_SUFFIX_MIN = 3;
export const DIGIT_SUFFIX_MAX = 12;

/** The digit suffix tokens of field values (normalised as the bigrams are). */
export function digitSuffixTokens(values: readonly (string | null | undefined)[]): string {
  const out = new Set<string>();
  for (const v of values) {
    if (typeof v !== 'string' || v === '') continue;
    for (const m of normalise(v).matchAll(DIGIT_STRETCH)) {
      const run = m[0];
      for (let at = 0; at + DIGIT_SUFFIX_MIN <= run.length; at += 1) {
        out.add(run.slice(at, at + DIGIT_SUFFIX_MAX));
      }
    }
  }
  return [...out].join(' ');
}

/**
 * Long runs of digits and letters are identifiers: kept whole so a prefix finds them fast.
 * They share the index's one column with the bigrams and the name pinyin keys; every
 * identifier is also indexed as bigrams, so a short query never depends on which it hits.
 */
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

/**
 * How one run of the query is looked up. The index is `detail=none` (rowids only, no
 * positions: a quarter of the size), so a run of three or more characters can only be asked
 * as "has every one of its bigrams"; those candidates are then checked against the stored text
 * (`exact` false). Runs of one or two characters, and prefix lookups of identifiers and
 * pinyin, are answered exactly by the index.
 */
export interface RunPlan {
  /** The normalised run (letters and digits only), for the substring check. */
  readonly text: string;
  /** FTS5 expression matching at least every case that contains the run. */
  readonly match: string;
  /** True when `match` finds exactly the cases containing the run. */
  readonly exact: boolean;
  /**
   * For an inexact run of Latin letters: the pinyin/identifier prefix lookup, whose hits are
   * exact matches and need no substring check. Null otherwise.
   */
  readonly exactPart: string | null;
  /**
   * A lone digit (the first key of a phone or case number): decided by the substring check of
   * the stored texts; `match` only narrows when that check cannot be read in sort order.
   */
  readonly loneDigit: boolean;
}

export interface SearchPlan {
  /**
   * FTS5 MATCH expression of the runs the index answers or narrows, lone digits left out; of
   * every run when all are lone digits (`scanFirst`). Null when the text has nothing searchable
   * (only punctuation).
   */
  readonly match: string | null;
  /** The normalised runs, for the substring check. */
  readonly runs: readonly string[];
  readonly runPlans: readonly RunPlan[];
  /** Every run is exact: the index hits are the answer, no candidate needs checking. */
  readonly exact: boolean;
  /** Every run is a lone digit: read the texts in sort order first, `match` as the fallback. */
  readonly scanFirst: boolean;
}

const ASCII_LETTERS = /^[a-z]+$/;
const DIGIT = /^[0-9]$/;
const DIGITS = /^[0-9]+$/;

function runPlan(chars: readonly string[], digitSuffixes: boolean): RunPlan {
  const text = chars.join('');
  const letters = ASCII_LETTERS.test(text);
  // A phone, ID or pinyin typed in full: one prefix lookup of a whole identifier or name key
  // instead of ten or more digit bigrams, each of which occurs in most cases.
  const loneDigit = DIGIT.test(text);
  const prefix = { text, match: `"${text}"*`, exactPart: null, loneDigit };
  if (digitSuffixes && chars.length >= DIGIT_SUFFIX_MIN && DIGITS.test(text)) {
    if (chars.length <= DIGIT_SUFFIX_MAX) return { ...prefix, exact: true };
    // Its first and last digits narrow to the few texts holding both; an identifier starting
    // with the whole run (an ID number typed in full) is a hit with no check.
    const head = text.slice(0, DIGIT_SUFFIX_MAX);
    const tail = text.slice(-DIGIT_SUFFIX_MAX);
    return {
      text,
      match: `("${head}"* AND "${tail}"*)`,
      exact: false,
      exactPart: `"${text}"*`,
      loneDigit: false,
    };
  }
  if (CODE_QUERY.test(text)) return { ...prefix, exact: true };
  if (chars.length === 1) return { ...prefix, exact: !loneDigit };
  // Two Latin letters may also be the start of a pinyin key (wf → 王芳, wa → wang…): a prefix.
  // Only bigrams, pinyin keys and identifiers can start with them, and an identifier's
  // bigrams are indexed too, so the prefix is still exact.
  if (chars.length === 2) {
    const match = letters ? `"${text}"*` : `"${text}"`;
    return { text, match, exact: true, exactPart: null, loneDigit: false };
  }
  const bigrams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i += 1) bigrams.add(`${chars[i]}${chars[i + 1]}`);
  const all = `(${[...bigrams].map((b) => `"${b}"`).join(' AND ')})`;
  // Tokens of three or more characters are only pinyin keys and identifiers, so a prefix hit
  // is a real match (name pinyin, or an identifier containing the run).
  const exactPart = letters ? `"${text}"*` : null;
  return {
    text,
    match: exactPart === null ? all : `(${all} OR ${exactPart})`,
    exact: false,
    exactPart,
    loneDigit: false,
  };
}

/**
 * Every run of the query must appear in the case. A run of Latin letters may also be pinyin
 * (full or initials, `wf` → 王芳, `wang` → 王…), looked up as a prefix of the name keys.
 * `digitSuffixes` false while some entries of the index were built before digit suffixes
 * (db/search/search-index-upgrade.ts): digit runs are then asked as bigrams and identifiers.
 */
export function searchPlan(query: string, digitSuffixes = true): SearchPlan {
  const runs = runsOf(query).slice(0, 16);
  if (runs.length === 0) {
    return { match: null, runs: [], runPlans: [], exact: true, scanFirst: false };
  }
  const runPlans = runs.map((run) => runPlan(run, digitSuffixes));
  const scanFirst = runPlans.every((r) => r.loneDigit);
  return {
    match: runPlans
      .filter((r) => scanFirst || !r.loneDigit)
      .map((r) => r.match)
      .join(' AND '),
    runs: runPlans.map((r) => r.text),
    runPlans,
    exact: runPlans.every((r) => r.exact),
    scanFirst,
  };
}

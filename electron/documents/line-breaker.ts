/**
 * Breaks printed text into lines for the measure stage.
 *
 * pdfkit's own breaker (UAX #14) may break between any two Chinese characters, which splits
 * dates (“2027年1月/15日”), amounts and names across lines. This breaker works on atoms that are
 * never broken: one CJK character, one run of Latin letters/digits (ID numbers, masked or
 * not, phone numbers, ¥30,000.00), a date, a capital amount, a short name the caller lists;
 * closing punctuation sticks to the atom before it and opening punctuation to the atom after it
 * (禁则). An atom wider than a whole line is the only thing that is broken inside, by characters.
 *
 * Pure: widths come from the caller, so the same code measures Chinese and Tibetan text.
 */

/** Closing punctuation never starts a line. */
const CLOSING = new Set([...'，。、）》；：！？」』】〕’”％,.;:!?)]}…—·～]']);
/** Opening punctuation never ends a line. */
const OPENING = new Set([...'（《「『【〔‘“([{¥$']);

const CN_DIGIT = '〇零一二三四五六七八九十';
/**
 * Spans printed on one line: dates (Arabic and Chinese numerals, also the blank “年 月 日” of
 * a date line), capital money amounts, 第…号 numbers.
 */
const PROTECTED = new RegExp(
  [
    String.raw`\d{4}年\d{1,2}月(?:\d{1,2}日)?`,
    String.raw`\d{1,2}月\d{1,2}日`,
    `[${CN_DIGIT}]{4}年[${CN_DIGIT}]{1,3}月(?:[${CN_DIGIT}]{1,3}日)?`,
    `[${CN_DIGIT}]{1,3}月[${CN_DIGIT}]{1,3}日`,
    String.raw`年[\u3000 ]*月[\u3000 ]*日`,
    '人民币[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整]{1,24}',
    '[零壹贰叁肆伍陆柒捌玖拾佰仟万亿]{1,20}元(?:[零壹贰叁肆伍陆柒捌玖]角)?(?:[零壹贰叁肆伍陆柒捌玖]分)?整?',
    String.raw`\d{1,3}(?:[,，]\d{3})*(?:\.\d+)?元`,
    String.raw`\d+(?:\.\d+)?(?:元|万元|个月|日|天|年|只|头|亩|米|%)`,
  ].join('|'),
  'gu',
);

/**
 * Latin letters, digits and the punctuation inside numbers and codes (no break inside). `*` is
 * the mask of a printed ID or phone number (632801********1246, 138****1234): a masked number is
 * one token like the unmasked one.
 */
const isWordChar = (ch: string) => /[\p{L}\p{N}@#&_+\-/.,:'’%¥$*]/u.test(ch) && !isCjk(ch);

export function isCjk(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return (
    (cp >= 0x2e80 && cp <= 0x9fff) ||
    (cp >= 0xac00 && cp <= 0xd7af) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xffef) ||
    (cp >= 0x20000 && cp <= 0x3ffff)
  );
}

const isTibetan = (ch: string) => {
  const cp = ch.codePointAt(0) ?? 0;
  return cp >= 0x0f00 && cp <= 0x0fff;
};

/** Tibetan breaks after the tsheg (་) or a shad (།), never inside a syllable's stack. */
const isTibetanBreakAfter = (ch: string) => ch === '\u0f0b' || ch === '\u0f0d' || ch === '\u0f0e';

interface Atom {
  /** Offset in the paragraph (UTF-16 units). */
  readonly start: number;
  readonly end: number;
  /** A space: may be dropped at a line break. */
  readonly space: boolean;
}

/** Splits a paragraph into unbreakable atoms. `keep` lists extra spans (names) not to break. */
export function atomsOf(paragraph: string, keep: readonly string[] = []): Atom[] {
  const protectedAt = new Map<number, number>();
  const protect = (start: number, end: number) => {
    if (end - start < 2) return;
    const current = protectedAt.get(start);
    if (current === undefined || current < end) protectedAt.set(start, end);
  };
  for (const m of paragraph.matchAll(PROTECTED)) protect(m.index, m.index + m[0].length);
  for (const name of keep) {
    if (name.length < 2) continue;
    let at = paragraph.indexOf(name);
    while (at >= 0) {
      protect(at, at + name.length);
      at = paragraph.indexOf(name, at + name.length);
    }
  }

  const raw: Atom[] = [];
  let i = 0;
  while (i < paragraph.length) {
    const until = protectedAt.get(i);
    if (until !== undefined) {
      // A protected span that starts inside a Latin run still only starts here.
      raw.push({ start: i, end: until, space: false });
      i = until;
      continue;
    }
    const cp = paragraph.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(cp);
    const len = ch.length;
    if (ch === ' ' || ch === '\t' || ch === '\u3000') {
      raw.push({ start: i, end: i + len, space: ch !== '\u3000' });
      i += len;
      continue;
    }
    if (isTibetan(ch)) {
      let j = i + len;
      if (!isTibetanBreakAfter(ch)) {
        while (j < paragraph.length && !protectedAt.has(j)) {
          const c = String.fromCodePoint(paragraph.codePointAt(j) ?? 0);
          if (!isTibetan(c)) break;
          j += c.length;
          if (isTibetanBreakAfter(c)) break;
        }
      }
      raw.push({ start: i, end: j, space: false });
      i = j;
      continue;
    }
    if (isWordChar(ch)) {
      let j = i + len;
      while (j < paragraph.length && !protectedAt.has(j)) {
        const c = String.fromCodePoint(paragraph.codePointAt(j) ?? 0);
        if (!isWordChar(c)) break;
        j += c.length;
      }
      raw.push({ start: i, end: j, space: false });
      i = j;
      continue;
    }
    // One CJK character, with any combining marks / variation selectors that follow it.
    let j = i + len;
    while (j < paragraph.length) {
      const mark = String.fromCodePoint(paragraph.codePointAt(j) ?? 0);
      if (!/^[\p{M}\u{fe00}-\u{fe0f}\u{e0100}-\u{e01ef}]$/u.test(mark)) break;
      j += mark.length;
    }
    raw.push({ start: i, end: j, space: false });
    i = j;
  }

  // 禁则: glue closing punctuation to the atom before, opening punctuation to the atom after.
  const out: Atom[] = [];
  let pendingOpen: number | null = null;
  for (const atom of raw) {
    const first = paragraph.slice(atom.start, atom.end);
    const firstChar = String.fromCodePoint(first.codePointAt(0) ?? 0);
    const isSingle = firstChar.length === atom.end - atom.start;
    if (!atom.space && isSingle && OPENING.has(firstChar)) {
      pendingOpen ??= atom.start;
      continue;
    }
    const start = pendingOpen ?? atom.start;
    pendingOpen = null;
    const prev = out[out.length - 1];
    if (prev && !prev.space && !atom.space && isSingle && CLOSING.has(firstChar)) {
      out[out.length - 1] = { start: prev.start, end: atom.end, space: false };
      continue;
    }
    out.push({ start, end: atom.end, space: atom.space });
  }
  if (pendingOpen !== null) out.push({ start: pendingOpen, end: paragraph.length, space: false });
  return out;
}

export interface BrokenLine {
  readonly text: string;
  /** Offsets of the line in the paragraph. */
  readonly start: number;
  readonly end: number;
  readonly width: number;
  /** Indent of this line (first-line indent or hanging indent). */
  readonly indent: number;
}

export interface BreakOptions {
  readonly width: number;
  readonly firstIndent?: number;
  /** Indent of every line after the first (hanging indent of wrapped field values). */
  readonly restIndent?: number;
  readonly keep?: readonly string[];
}

/** Greedy line filling over atoms; `measure` gives the printed width of a string. */
export function breakParagraph(
  paragraph: string,
  measure: (s: string) => number,
  options: BreakOptions,
): BrokenLine[] {
  const atoms = atomsOf(paragraph, options.keep);
  const lines: BrokenLine[] = [];
  const firstIndent = options.firstIndent ?? 0;
  const restIndent = options.restIndent ?? 0;
  let lineStart = -1;
  let lineEnd = -1;
  let width = 0;
  const indent = () => (lines.length === 0 ? firstIndent : restIndent);
  const available = () => Math.max(options.width - indent(), 1);
  const flush = () => {
    if (lineStart < 0) return;
    const text = paragraph.slice(lineStart, lineEnd).replace(/[ \t]+$/u, '');
    lines.push({ text, start: lineStart, end: lineEnd, width, indent: indent() });
    lineStart = -1;
    lineEnd = -1;
    width = 0;
  };
  for (const atom of atoms) {
    const s = paragraph.slice(atom.start, atom.end);
    if (atom.space && lineStart < 0) continue; // no space at the start of a line
    const w = measure(s);
    if (lineStart >= 0 && width + w > available() + 0.01) {
      if (atom.space) {
        flush();
        continue;
      }
      flush();
    }
    if (w > available() + 0.01) {
      // Longer than a whole line: break by characters.
      let at = atom.start;
      for (const ch of s) {
        const cw = measure(ch);
        if (lineStart >= 0 && width + cw > available() + 0.01) flush();
        if (lineStart < 0) lineStart = at;
        at += ch.length;
        lineEnd = at;
        width += cw;
      }
      continue;
    }
    if (lineStart < 0) lineStart = atom.start;
    lineEnd = atom.end;
    width += w;
  }
  flush();
  return lines;
}

/** Paragraphs of a value: `\n` separates; blank paragraphs are dropped. */
export function paragraphsOf(value: string): string[] {
  return value
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((p) => p.replace(/\s+$/u, ''))
    .filter((p) => p.trim() !== '');
}

import { describeCodePoint, isNoncharacter } from './character-names';

/**
 * The one text discipline of the ledger (issue 8, must-have 4). Every text field of the API
 * passes through `cleanText` before anything else looks at it, so search, the duplicate-party
 * check, the documents and the exports all see the same normalised form:
 *
 * - NFC; CRLF, CR, NEL, U+2028 and U+2029 become LF; a TAB becomes spaces. Only long text
 *   keeps line breaks: one inside a single-line field is refused (at its ends it is trimmed).
 * - Characters that change what is shown or cannot be stored and printed reliably are REFUSED
 *   (controls, bidi embeddings/overrides/isolates, private use, noncharacters, unassigned code
 *   points, lone surrogates, U+FFFD from a broken conversion). The message names them by code
 *   point and name, never by quoting them.
 * - Invisible characters that copy-paste carries along are REMOVED (zero-width space, BOM, word
 *   joiner, soft hyphen, direction marks, Hangul fillers, braille blank, tags, stray joiners and
 *   selectors), except where a script needs them: Mongolian keeps its free variation selectors
 *   (U+180B–U+180D, U+180F) after a Mongolian letter, the vowel separator U+180E between
 *   Mongolian letters and the narrow no-break space U+202F before or after Mongolian; ZWJ/ZWNJ
 *   stay between letters of Mongolian, Tibetan and Arabic-script text (Uyghur, Kazakh).
 * - Other spaces (no-break, en/em, ideographic) become an ordinary space; long text keeps the
 *   ideographic space U+3000 that Chinese paragraphs are indented with.
 *
 * Field kinds: STRICT (names, ID numbers, phones, codes) and LINE are one line with runs of
 * spaces collapsed; STRICT also drops variation selectors so one name has one spelling.
 * MULTILINE keeps line breaks and indentation, and trims only the ends of lines.
 */

export type TextKind = 'STRICT' | 'LINE' | 'MULTILINE';

export type CleanResult =
  | { readonly ok: true; readonly value: string; readonly removed: readonly number[] }
  | { readonly ok: false; readonly codePoint: number; readonly reason: string };

// Everything in this set is printable as is in every kind: the fast path for nearly all input.
// (ASCII and Latin-1 printables, general punctuation without the invisible ones, CJK
// punctuation, CJK Unified Ideographs and Extension A, full-width forms; LF in long text.)
const PLAIN_LINE =
  /^[\u0020-\u007E\u00A1-\u00AC\u00AE-\u00FF\u2010-\u2027\u2030-\u205E\u3001-\u303F\u3400-\u4DBF\u4E00-\u9FFF\uFF01-\uFF5E]*$/u;
const PLAIN_MULTILINE =
  /^[\n\u0020-\u007E\u00A1-\u00AC\u00AE-\u00FF\u2010-\u2027\u2030-\u205E\u3001-\u303F\u3400-\u4DBF\u4E00-\u9FFF\uFF01-\uFF5E]*$/u;

const JOINING_SCRIPT = /[\p{Script=Mongolian}\p{Script=Tibetan}\p{Script=Arabic}]/u;
const MONGOLIAN = /\p{Script=Mongolian}/u;
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
const FORMAT_OR_UNASSIGNED = /[\p{Cf}\p{Cn}\p{Co}\p{Cc}]/u;
const OTHER_SPACE = /[\p{Zs}\u180E]/u;

const FVS = new Set([0x180b, 0x180c, 0x180d, 0x180f]);
const MVS = 0x180e;
const NNBSP = 0x202f;
const ZWNJ = 0x200c;
const ZWJ = 0x200d;
const IDEOGRAPHIC_SPACE = 0x3000;
const REPLACEMENT = 0xfffd;

function isMongolianLetter(ch: string | undefined): boolean {
  return ch !== undefined && MONGOLIAN.test(ch) && LETTER_OR_MARK.test(ch);
}

function isJoiningLetter(ch: string | undefined): boolean {
  return ch !== undefined && JOINING_SCRIPT.test(ch) && LETTER_OR_MARK.test(ch);
}

function isBidiControl(cp: number): boolean {
  return (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

function isVariationSelector(cp: number): boolean {
  return (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);
}

type Verdict = 'KEEP' | 'REMOVE' | 'SPACE' | 'REFUSE';

/** What happens to one code point, given its neighbours (already unified line breaks). */
function judge(
  cp: number,
  ch: string,
  prev: string | undefined,
  next: string | undefined,
  kind: TextKind,
): Verdict {
  if (cp === 0x0a) return kind === 'MULTILINE' ? 'KEEP' : 'REFUSE';
  if (cp >= 0xd800 && cp <= 0xdfff) return 'REFUSE';
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) return 'REFUSE';
  if (isBidiControl(cp) || isNoncharacter(cp) || cp === REPLACEMENT) return 'REFUSE';
  if (FVS.has(cp)) return isMongolianLetter(prev) ? 'KEEP' : 'REMOVE';
  if (cp === MVS) return isMongolianLetter(prev) && isMongolianLetter(next) ? 'KEEP' : 'REMOVE';
  if (cp === NNBSP) return isMongolianLetter(prev) || isMongolianLetter(next) ? 'KEEP' : 'SPACE';
  if (cp === ZWJ || cp === ZWNJ) {
    return isJoiningLetter(prev) && isJoiningLetter(next) ? 'KEEP' : 'REMOVE';
  }
  if (isVariationSelector(cp)) {
    return kind !== 'STRICT' && prev !== undefined && !/\s/u.test(prev) ? 'KEEP' : 'REMOVE';
  }
  if (cp === IDEOGRAPHIC_SPACE) return kind === 'MULTILINE' ? 'KEEP' : 'SPACE';
  if (cp === 0x2800 || cp === 0x3164 || cp === 0xffa0 || cp === 0x115f || cp === 0x1160) {
    return 'REMOVE';
  }
  if (cp === 0xfffc || cp === 0x034f) return 'REMOVE';
  if (FORMAT_OR_UNASSIGNED.test(ch)) {
    if (/\p{Co}/u.test(ch) || /\p{Cn}/u.test(ch)) return 'REFUSE';
    // Format characters (Cf): zero-width space, BOM, word joiner, soft hyphen, marks, tags…
    return 'REMOVE';
  }
  if (OTHER_SPACE.test(ch) && cp !== 0x20) return 'SPACE';
  return 'KEEP';
}

const REASONS: Readonly<Record<string, string>> = {
  lineBreak: '是换行，这一栏只能填一行',
  control: '是控制字符，会打乱显示和打印',
  bidi: '是方向控制字符，会改变文字的显示方向，可能让打印出的内容与保存的内容不一致',
  private: '是私用区字符，在其他电脑和打印件上可能显示为别的字或方框，请改用标准汉字',
  unassigned: '不是已定义的字符，无法打印',
  broken: '是乱码替换符，说明文字在复制或转换时已损坏，请重新输入原文',
};

function refusalReason(cp: number, ch: string): string {
  if (cp === 0x0a) return REASONS.lineBreak!;
  if (isBidiControl(cp)) return REASONS.bidi!;
  if (cp === REPLACEMENT) return REASONS.broken!;
  if (/\p{Co}/u.test(ch)) return REASONS.private!;
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) return REASONS.control!;
  return REASONS.unassigned!;
}

function finish(text: string, kind: TextKind): string {
  if (kind === 'MULTILINE') {
    return text
      .split('\n')
      .map((line) => line.replace(/ +$/u, ''))
      .join('\n')
      .replace(/^[ \n]+|\n+$/gu, '');
  }
  return text.replace(/ {2,}/gu, ' ').trim();
}

/**
 * For text already in the ledger (the normalising migration): nothing can be refused any more,
 * so a refused character is removed, except private-use and unassigned code points, which may
 * be a person's rare name character in an older encoding and are kept for a person to fix;
 * a line break inside a single line becomes a space.
 */
export function salvageText(raw: string, kind: TextKind): string {
  const result = cleanText(raw, kind, true);
  return result.ok ? result.value : raw;
}

/** Cleans one field's text for its kind; see the module comment for the rules. */
export function cleanText(raw: string, kind: TextKind, salvage = false): CleanResult {
  // Line breaks first: NFC never merges across them, and CR LF must count as one break.
  let text = raw.replace(/\r\n?|\u0085|\u2028|\u2029/gu, '\n');
  text = text.replace(/\t/gu, kind === 'MULTILINE' ? '    ' : ' ');
  // Lone surrogates survive normalize() unchanged; they are judged below.
  text = text.normalize('NFC');
  // A line pasted with its line break keeps the line; a break inside it is refused below.
  if (kind !== 'MULTILINE') text = text.replace(/^\n+|\n+$/gu, '');
  if ((kind === 'MULTILINE' ? PLAIN_MULTILINE : PLAIN_LINE).test(text))
    return { ok: true, value: finish(text, kind), removed: [] };

  const chars = Array.from(text);
  const out: string[] = [];
  const removed: number[] = [];
  for (let i = 0; i < chars.length; i += 1) {
    const ch = chars[i]!;
    const cp = ch.codePointAt(0)!;
    // The previous character is the last one kept, so a removed joiner does not shield its
    // neighbour; the next one is as typed (a selector only follows a letter).
    const verdict = judge(cp, ch, out[out.length - 1], chars[i + 1], kind);
    if (verdict === 'REFUSE') {
      if (!salvage) return { ok: false, codePoint: cp, reason: refusalReason(cp, ch) };
      if (cp === 0x0a) out.push(' ');
      else if (/[\p{Co}\p{Cn}]/u.test(ch) && !isNoncharacter(cp)) out.push(ch);
      else removed.push(cp);
    } else if (verdict === 'KEEP') out.push(ch);
    else if (verdict === 'SPACE') out.push(' ');
    else removed.push(cp);
  }
  return { ok: true, value: finish(out.join(''), kind), removed };
}

/** The Chinese message for a refused character in the field called `label`. */
export function refusalMessage(label: string, result: Extract<CleanResult, { ok: false }>): string {
  return `${label}含有不能保存的字符 ${describeCodePoint(result.codePoint)}：${result.reason}。请删除后重新输入`;
}

/** A note for the form when characters were removed, e.g. "已删除 1 个不可见字符：U+200B 零宽空格（…）". */
export function removalNote(removed: readonly number[]): string | null {
  if (removed.length === 0) return null;
  const distinct = [...new Set(removed)].slice(0, 3).map(describeCodePoint);
  return `已删除 ${removed.length} 个不可见字符：${distinct.join('、')}`;
}

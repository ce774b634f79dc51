import { characterCount } from '../text-input';
import { cleanText, refusalMessage } from '../text-discipline';

/**
 * Names of parties (§6.6). A name is kept whole: Tibetan and Mongolian names usually have no
 * surname, and transliterated Uygur and Kazak names join their parts with a middle dot.
 * Anything that looks like a template or HTML is stored as the literal text the user typed;
 * it is the printing and display code's job never to interpret it.
 */

export const PERSON_NAME_MAX = 40;

export type PersonNameResult =
  | { readonly ok: true; readonly normalised: string }
  | { readonly ok: false; readonly error: string };

const MIDDLE_DOT = '\u00B7';

// Dots that input methods and fonts produce where the name needs "·" (U+00B7): bullet,
// katakana middle dot, full-width full stop, hyphenation point, dot operator, half-width
// katakana middle dot. Left as typed, the same person would be found under several spellings.
const LOOK_ALIKE_DOTS = /[\u2022\u30FB\uFF0E\u2027\u22C5\uFF65]/gu;
// A full stop between two Chinese characters is the same mistake made on an ASCII keyboard.
const FULL_STOP_BETWEEN_HAN = /(?<=\p{Script=Han})\s*\.\s*(?=\p{Script=Han})/gu;
const SPACE_AROUND_DOT = /\s*\u00B7\s*/gu;

// Ten times the limit is more than any typing produces; longer input is refused unread.
const MAX_RAW_LENGTH = PERSON_NAME_MAX * 10;

/** Name-specific spelling on top of the text discipline (which removes invisible characters). */
function unifyDots(cleaned: string): string {
  return cleaned
    .replace(LOOK_ALIKE_DOTS, MIDDLE_DOT)
    .replace(FULL_STOP_BETWEEN_HAN, MIDDLE_DOT)
    .replace(SPACE_AROUND_DOT, MIDDLE_DOT)
    .trim()
    .replace(/\s+/gu, ' ');
}

/** The stored form of a name, for comparing names already in the ledger (refused text as is). */
export function normalisePersonName(raw: string): string {
  const cleaned = cleanText(raw, 'STRICT');
  return unifyDots(cleaned.ok ? cleaned.value : raw.normalize('NFC'));
}

export function checkPersonName(raw: string): PersonNameResult {
  if (typeof raw !== 'string') return { ok: false, error: '请填写姓名' };
  if (raw.length > MAX_RAW_LENGTH) {
    return { ok: false, error: `姓名太长（最多${PERSON_NAME_MAX}个字）` };
  }
  const cleaned = cleanText(raw, 'STRICT');
  if (!cleaned.ok) return { ok: false, error: refusalMessage('姓名', cleaned) };
  const normalised = unifyDots(cleaned.value);
  if (normalised === '') return { ok: false, error: '请填写姓名' };
  const count = characterCount(normalised);
  if (count > PERSON_NAME_MAX) {
    return { ok: false, error: `姓名太长（最多${PERSON_NAME_MAX}个字，现在是${count}个字）` };
  }
  if (/^[\d\s]+$/u.test(normalised.normalize('NFKC'))) {
    return { ok: false, error: '姓名不能只有数字，请填写当事人的姓名' };
  }
  return { ok: true, normalised };
}

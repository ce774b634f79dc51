import { codePointLabel, describeCodePoint } from '../character-names';

/**
 * Names and addresses in a party's own script (issue 12, must-have 2): traditional Mongolian
 * or Tibetan beside the Chinese ones. Which script a party's boxes hold follows the party's
 * 使用语言 (蒙古语 → Mongolian, 藏语 → Tibetan), so it is never stored twice and cannot
 * disagree with it. The text has already passed the one text discipline (which keeps the
 * Mongolian FVS, MVS and NNBSP and the joiners where the script needs them); this check only
 * makes sure the box holds the script it is for: a Chinese name typed into the Mongolian box
 * would be printed on the Mongolian annex as if it were Mongolian.
 */

export type ScriptKind = 'MONGOLIAN' | 'TIBETAN';

/** Stable code of the refusal, carried on the field issue (the renderer may branch on it). */
export const SCRIPT_MISMATCH = 'SCRIPT_MISMATCH';

export const SCRIPT_LABELS: Readonly<Record<ScriptKind, string>> = {
  MONGOLIAN: '蒙古文',
  TIBETAN: '藏文',
};

/** The script of a party's own-script boxes, or null when the language has none offered. */
export function scriptOfLanguage(language: string): ScriptKind | null {
  if (language === 'mn') return 'MONGOLIAN';
  if (language === 'bo') return 'TIBETAN';
  return null;
}

const MONGOLIAN_BLOCK = /^[\u1800-\u18AF]$/u;
const TIBETAN_BLOCK = /^[\u0F00-\u0FFF]$/u;
// Shared by both scripts: spaces, the joiners the discipline keeps, NNBSP (Mongolian suffixes),
// digits of a house number and punctuation (an address has commas, dashes and brackets).
const SHARED = /^[\u0020\u202F0-9\p{P}]$/u;
const JOINERS = new Set(['\u200C', '\u200D']);

function inScript(ch: string, script: ScriptKind): boolean {
  if (SHARED.test(ch) || JOINERS.has(ch)) return true;
  switch (script) {
    case 'MONGOLIAN':
      return MONGOLIAN_BLOCK.test(ch);
    case 'TIBETAN':
      return TIBETAN_BLOCK.test(ch);
    default: {
      const never: never = script;
      throw new Error(`unknown script ${String(never)}`);
    }
  }
}

export type ScriptCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly code: typeof SCRIPT_MISMATCH; readonly message: string };

// Han, Latin and other letters are named as typed so the mediator sees which one is wrong;
// anything else (a mark, a symbol) by its code point, as the text discipline does.
function named(ch: string): string {
  const cp = ch.codePointAt(0)!;
  return /\p{L}/u.test(ch) ? `“${ch}”（${codePointLabel(cp)}）` : describeCodePoint(cp);
}

/** Whether cleaned `text` of the box labelled `label` is written in `script` only. */
export function checkScript(text: string, script: ScriptKind, label: string): ScriptCheck {
  for (const ch of text) {
    if (inScript(ch, script)) continue;
    const what = /\p{Script=Han}/u.test(ch) ? '汉字' : '其他文字的字符';
    return {
      ok: false,
      code: SCRIPT_MISMATCH,
      message: `${label}只能填写${SCRIPT_LABELS[script]}，含有${what}${named(ch)}；汉文请填在汉文栏内`,
    };
  }
  return { ok: true };
}

export type OwnScriptField = 'ownScriptName' | 'ownScriptAddress';

const FIELD_WORDS: Readonly<Record<OwnScriptField, string>> = {
  ownScriptName: '姓名',
  ownScriptAddress: '住址',
};

/**
 * What is wrong with cleaned own-script text for a party of `language`, or null. One function
 * for the schema (main process) and the form's inline hint (renderer), so both say the same.
 */
export function ownScriptProblem(
  field: OwnScriptField,
  text: string | null,
  language: string,
): Extract<ScriptCheck, { ok: false }> | null {
  if (text === null || text === '') return null;
  const what = FIELD_WORDS[field];
  const script = scriptOfLanguage(language);
  if (script === null) {
    return {
      ok: false,
      code: SCRIPT_MISMATCH,
      message: `只有使用语言为蒙古语或藏语的当事人才能填写本民族文字${what}`,
    };
  }
  const checked = checkScript(text, script, `${SCRIPT_LABELS[script]}${what}`);
  return checked.ok ? null : checked;
}

// A Mongolian translation's columns may hold, besides the script, what Noto Sans Mongolian also
// draws: digits, Latin letters (units, a bank's or a device's name) and punctuation.
const TRANSLATION_MONGOLIAN =
  /^[\p{Script=Mongolian}\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]$/u;

/**
 * What is wrong with a cleaned translation text for `language`, or null. A letter of another
 * script in the Mongolian box (Chinese, Tibetan, Cyrillic) has no glyph in the annex's font:
 * it is refused here rather than printed as an empty box in a signed agreement. The Tibetan
 * page prints Chinese through its font chain and is not checked.
 */
export function translationScriptProblem(
  text: string,
  language: string,
): Extract<ScriptCheck, { ok: false }> | null {
  if (language !== 'mn') return null;
  for (const ch of text) {
    if (TRANSLATION_MONGOLIAN.test(ch)) continue;
    const what = /\p{Script=Han}/u.test(ch) ? '汉字' : '其他文字的字符';
    return {
      ok: false,
      code: SCRIPT_MISMATCH,
      message: `蒙古文译文只能填写蒙古文（可夹数字、拉丁字母和标点），含有${what}${named(ch)}；汉文请填在协议正文中`,
    };
  }
  return null;
}

/** The script a text is written in, when it is all one of ours (to preset a party's language). */
export function scriptOfText(text: string): ScriptKind | null {
  if (checkScript(text, 'MONGOLIAN', '').ok && /[\u1820-\u18AF]/u.test(text)) return 'MONGOLIAN';
  if (checkScript(text, 'TIBETAN', '').ok && /[\u0F40-\u0FBC]/u.test(text)) return 'TIBETAN';
  return null;
}

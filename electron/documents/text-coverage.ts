import type { Font } from 'fontkit';
import { SIGNATURE_LABEL_KEYS, type DocumentData } from './document-data.js';
import type { DocumentFonts } from './font-registry.js';
import type { MongolianFont } from './mongolian-font.js';
import { chineseChainHas } from './text-metrics.js';
import { templateLiterals, type DocumentTemplate } from './template-loader.js';

/**
 * Checks, before anything is drawn, that every character can be printed:
 * - a character the Chinese font lacks (some CJK Extension B+ name characters) would print as
 *   an empty box: reported as a warning naming the field and the characters, so the mediator
 *   can decide (handwrite it on the printed copy, or use a registered substitute);
 * - traditional Mongolian (U+1800–U+18AF) belongs on a Mongolian annex, which HarfBuzz shapes
 *   and the engine sets in vertical columns (mongolian-draw.ts): an error anywhere else (pdfkit
 *   cannot shape it), and an error on the annex itself when the caller did not open the
 *   Mongolian font; on the annex every character is checked against that font;
 * - Tibetan belongs on a translation page (standard forms stay Chinese, domain §4.10): an error
 *   in the body; on a `bo` translation page it is checked against the Tibetan font.
 */

export type TextIssueCode = 'MISSING_GLYPHS' | 'MONGOLIAN_SCRIPT' | 'TIBETAN_IN_BODY';

export interface TextIssue {
  readonly code: TextIssueCode;
  /** `agreement.factsAndIssues`, `parties[1].party.name`, `translations[0]`, `template`. */
  readonly field: string;
  readonly characters: readonly string[];
  readonly message: string;
}

export interface TextCheck {
  readonly errors: readonly TextIssue[];
  readonly warnings: readonly TextIssue[];
}

const isMongolian = (cp: number) => cp >= 0x1800 && cp <= 0x18af;
const isTibetan = (cp: number) => cp >= 0x0f00 && cp <= 0x0fff;
/** Characters that are layout, not ink: never looked up in a font. */
const isLayout = (cp: number) => cp === 0x0a || cp === 0x0d || cp === 0x09 || cp === 0x20;

function unique(chars: Iterable<string>): string[] {
  return [...new Set(chars)];
}

function describe(chars: readonly string[]): string {
  return chars
    .map((c) => `“${c}”(U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`)
    .join('、');
}

function checkBodyText(
  field: string,
  text: string,
  has: (cp: number) => boolean,
  errors: TextIssue[],
  warnings: TextIssue[],
) {
  const mongolian: string[] = [];
  const tibetan: string[] = [];
  const missing: string[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (isLayout(cp)) continue;
    if (isMongolian(cp)) mongolian.push(ch);
    else if (isTibetan(cp)) tibetan.push(ch);
    else if (!has(cp)) missing.push(ch);
  }
  if (mongolian.length > 0) {
    errors.push({
      code: 'MONGOLIAN_SCRIPT',
      field,
      characters: unique(mongolian),
      message: '含有传统蒙古文：本排版器不能输出竖排蒙古文，请删除后用蒙古文译文打印功能另行打印',
    });
  }
  if (tibetan.length > 0) {
    errors.push({
      code: 'TIBETAN_IN_BODY',
      field,
      characters: unique(tibetan),
      message: '含有藏文：协议正文使用中文，藏文请填写在藏文译文页',
    });
  }
  if (missing.length > 0) {
    const chars = unique(missing);
    warnings.push({
      code: 'MISSING_GLYPHS',
      field,
      characters: chars,
      message: `字体缺少 ${describe(chars)}，打印出来会是空框，请在打印件上手写补正或改用通用字`,
    });
  }
}

export function checkDocumentText(
  template: DocumentTemplate,
  data: DocumentData,
  fonts: Pick<DocumentFonts, 'serif' | 'serifBold' | 'tibetan'> & {
    readonly fallbacks?: readonly Font[] | undefined;
    readonly mongolian?: MongolianFont | undefined;
  },
): TextCheck {
  const errors: TextIssue[] = [];
  const warnings: TextIssue[] = [];
  // The main font, then the rare-character fallbacks (parsed only when the main font lacks one).
  const has = (cp: number) => chineseChainHas(fonts, cp);
  // Regular and Bold Noto Serif SC have the same coverage; check against Regular.
  checkBodyText('template', templateLiterals(template).join(''), has, errors, warnings);
  for (const [key, text] of Object.entries(data.fields)) {
    checkBodyText(key, text, has, errors, warnings);
  }
  for (const [list, items] of Object.entries(data.lists)) {
    items.forEach((item, i) => {
      for (const [key, text] of Object.entries(item)) {
        checkBodyText(`${list}[${i}].${key}`, text, has, errors, warnings);
      }
    });
  }
  (data.translations ?? []).forEach((translation, i) => {
    const field = `translations[${i}]`;
    checkBodyText(`${field}.title`, translation.title, has, errors, warnings);
    // the room's reviewed wording is printed in the same Tibetan font chain as the text
    const w = translation.wording;
    const wording = [
      w?.title,
      w?.partyLine,
      w?.prevailing,
      ...(w?.closing ?? []),
      ...SIGNATURE_LABEL_KEYS.map((key) => w?.[key]),
    ];
    const chars = [...translation.text, ...wording.flatMap((t) => [...(t ?? '')])];
    const mongolian = chars.filter((c) => isMongolian(c.codePointAt(0) ?? 0));
    if (translation.language === 'mn' && fonts.mongolian) {
      const font = fonts.mongolian.font;
      const missing = chars.filter((c) => {
        const cp = c.codePointAt(0) ?? 0;
        return !isLayout(cp) && !font.hasGlyphForCodePoint(cp);
      });
      if (missing.length > 0) {
        const unmatched = unique(missing);
        warnings.push({
          code: 'MISSING_GLYPHS',
          field,
          characters: unmatched,
          message: `蒙古文字体缺少 ${describe(unmatched)}，蒙古文译文只能写传统蒙古文、数字及标点`,
        });
      }
      return;
    }
    if (translation.language === 'mn' || mongolian.length > 0) {
      errors.push({
        code: 'MONGOLIAN_SCRIPT',
        field,
        characters: unique(mongolian),
        message: '蒙古文译文页需竖排，本排版器不能输出，请用蒙古文译文打印功能另行打印',
      });
      return;
    }
    const missing = chars.filter((c) => {
      const cp = c.codePointAt(0) ?? 0;
      // Chinese punctuation on the translation page, such as full-width （）, comes from the
      // Chinese font (text-metrics.ts: the Tibetan font chain).
      return !isLayout(cp) && !fonts.tibetan.hasGlyphForCodePoint(cp) && !has(cp);
    });
    if (missing.length > 0) {
      const unmatched = unique(missing);
      warnings.push({
        code: 'MISSING_GLYPHS',
        field,
        characters: unmatched,
        message: `藏文字体缺少 ${describe(unmatched)}，译文页只能写藏文及中文标点`,
      });
    }
  });
  return { errors, warnings };
}

import { z } from 'zod';

/**
 * Text that people type is the main way bad bytes get into the ledger. Every string field
 * of the API is built from these helpers so that the rules are the same everywhere:
 * NFC normalisation, a length limit, and no control or bidi-override characters (which can
 * hide text in printed agreements and break exports).
 */

// C0 controls except TAB and LF, DEL, C1 controls, bidi embeddings/overrides/isolates,
// line/paragraph separators, and lone surrogates (which SQLite would store as U+FFFD).
/* eslint-disable no-control-regex -- finding control characters is the purpose */
const FORBIDDEN_MULTILINE =
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u2028\u2029]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;
const FORBIDDEN_SINGLE_LINE =
  /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u2028\u2029]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;
/* eslint-enable no-control-regex */

export function hasForbiddenCharacters(text: string, multiline: boolean): boolean {
  return (multiline ? FORBIDDEN_MULTILINE : FORBIDDEN_SINGLE_LINE).test(text);
}

/** Length in user-perceived characters (a rare CJK Extension B character counts as one). */
export function characterCount(text: string): number {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}

interface TextOptions {
  readonly min?: number;
  readonly max: number;
  readonly label: string;
}

// A cap on raw input length before any work is done, so a 1 MB string is refused cheaply.
const rawCap = (max: number) => max * 2 + 16;

function textSchema(options: TextOptions, multiline: boolean) {
  const { min = 0, max, label } = options;
  return z
    .string({
      error: (issue) => (issue.input === undefined ? `请填写${label}` : `${label}必须是文字`),
    })
    .max(rawCap(max), { error: `${label}太长（最多 ${max} 个字）` })
    .transform((s) => {
      const unified = multiline ? s.replace(/\r\n?/g, '\n') : s;
      return unified.normalize('NFC').trim();
    })
    .superRefine((s, ctx) => {
      if (hasForbiddenCharacters(s, multiline)) {
        ctx.addIssue({
          code: 'custom',
          message: `${label}含有不可见的控制字符，请删除后重新输入`,
        });
        return;
      }
      const count = characterCount(s);
      if (count < min) {
        ctx.addIssue({
          code: 'custom',
          message: count === 0 ? `请填写${label}` : `${label}至少 ${min} 个字`,
        });
      } else if (count > max) {
        ctx.addIssue({ code: 'custom', message: `${label}太长（最多 ${max} 个字）` });
      }
    });
}

/** One line of text: names, titles, addresses. */
export const singleLine = (options: TextOptions) => textSchema(options, false);

/** Paragraphs: summaries, session records, agreement facts. TAB and LF are kept. */
export const multiLine = (options: TextOptions) => textSchema(options, true);

/** Optional single-line text: a missing key, null and empty input are all stored as null. */
export const optionalSingleLine = (options: Omit<TextOptions, 'min'>) =>
  singleLine({ ...options, min: 0 })
    .nullish()
    .transform((s) => (s === undefined || s === null || s === '' ? null : s));

export const optionalMultiLine = (options: Omit<TextOptions, 'min'>) =>
  multiLine({ ...options, min: 0 })
    .nullish()
    .transform((s) => (s === undefined || s === null || s === '' ? null : s));

import { z } from 'zod';

import { cleanText, refusalMessage, type TextKind } from './text-discipline';

/**
 * Text that people type is the main way bad bytes get into the ledger. Every string field
 * of the API is built from these helpers so that the rules are the same everywhere: the one
 * text discipline of `text-discipline.ts` (NFC, line breaks, tabs, invisible and format
 * characters by field kind) and a length limit counted in characters.
 */

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
  /** STRICT for codes and identifiers typed as free text (ID numbers, registration codes). */
  readonly strict?: boolean;
}

// A cap on raw input length before any work is done, so a 1 MB string is refused cheaply.
const rawCap = (max: number) => max * 2 + 16;

function textSchema(options: TextOptions, multiline: boolean) {
  const { min = 0, max, label } = options;
  const kind: TextKind = multiline ? 'MULTILINE' : options.strict === true ? 'STRICT' : 'LINE';
  return z
    .string({
      error: (issue) => (issue.input === undefined ? `请填写${label}` : `${label}必须是文字`),
    })
    .max(rawCap(max), { error: `${label}太长（最多 ${max} 个字）` })
    .transform((raw, ctx) => {
      const cleaned = cleanText(raw, kind);
      if (!cleaned.ok) {
        ctx.addIssue({ code: 'custom', message: refusalMessage(label, cleaned) });
        return z.NEVER;
      }
      const s = cleaned.value;
      const count = characterCount(s);
      if (count < min) {
        ctx.addIssue({
          code: 'custom',
          message: count === 0 ? `请填写${label}` : `${label}至少 ${min} 个字`,
        });
      } else if (count > max) {
        ctx.addIssue({ code: 'custom', message: `${label}太长（最多 ${max} 个字）` });
      }
      return s;
    });
}

/** One line of text: names, titles, addresses. */
export const singleLine = (options: TextOptions) => textSchema(options, false);

/** Paragraphs: summaries, session records, agreement facts. Line breaks are kept. */
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

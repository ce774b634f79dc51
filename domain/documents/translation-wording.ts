import { z } from 'zod';
import { singleLine } from '../text-input';
import { checkScript, SCRIPT_LABELS, scriptOfLanguage } from '../validation/own-script';

/**
 * The fixed wording of a translation page (issue 12, must-have 3): title, labels, the PML 31/33
 * sentences, the copies statement and the prevailing-text clauses, in Tibetan and traditional
 * Mongolian. The drafts we ship (templates/translation-wording.v1.json) were written by us, not
 * by a qualified translator: they stay 待审校 and are never printed. A room enters its reviewed
 * wording (text + reviewer) in 设置 → 译文固定用语; only that is printed, and where a room has
 * none the page keeps the Chinese fixed sentence, so a draft is never presented as reviewed.
 */

export const WORDING_LANGUAGES = ['bo', 'mn'] as const;
export type WordingLanguage = (typeof WORDING_LANGUAGES)[number];

export const WORDING_KEYS = [
  'title',
  'oralTitle',
  'partyLabel',
  'art31',
  'art33',
  'copies',
  'partySignature',
  'translatorLabel',
  'prevailsChinese',
  'prevailsEqual',
  // The rest of the agreement's signature block (issue 12 leftover): added after rooms had
  // saved wording, so a room's stored entries may lack them; they are then 待审校 there.
  'mediatorLabel',
  'recorderLabel',
  'dateLine',
  'sealLabel',
] as const;
export type WordingKey = (typeof WORDING_KEYS)[number];

/** The labels printed in the agreement's signature block (not on the translation page). */
export const SIGNATURE_WORDING_KEYS = [
  'partySignature',
  'translatorLabel',
  'mediatorLabel',
  'recorderLabel',
  'dateLine',
  'sealLabel',
] as const satisfies readonly WordingKey[];
export type SignatureWordingKey = (typeof SIGNATURE_WORDING_KEYS)[number];

/**
 * Longest signature-block label a room may save, in characters: a label stands beside a
 * signature line, in a table cell or at the seal, and must leave them room, and the last row
 * of signatures must still share a page with the seal (composition property test). A Mongolian
 * label is set in vertical columns of at most 45 mm, at most half a signature cell wide; the
 * date and seal labels name a single thing (年月日, 印). Each cap leaves room over our draft.
 */
export function signatureLabelMax(language: WordingLanguage, key: SignatureWordingKey): number {
  const short = key === 'dateLine' || key === 'sealLabel';
  if (language === 'bo') return short ? 20 : 40;
  return short ? 16 : 24;
}

const isSignatureKey = (key: WordingKey): key is SignatureWordingKey =>
  (SIGNATURE_WORDING_KEYS as readonly WordingKey[]).includes(key);

/**
 * A signature label longer than its cap: one a room reviewed before the caps (up to 500 then).
 * It stays stored but is treated as not reviewed — never printed, the Chinese stands alone —
 * so it cannot make an agreement unprintable; 设置 asks for it again.
 */
export const overSignatureCap = (language: WordingLanguage, key: WordingKey, text: string) =>
  isSignatureKey(key) && [...text].length > signatureLabelMax(language, key);

/** Where the number of copies goes in the copies statement (digits are printed in its place). */
export const COPIES_PLACEHOLDER = '{N}';

/** TOO_LONG: reviewed before the signature-label caps and over its cap (overSignatureCap). */
export type WordingStatus = 'UNREVIEWED' | 'REVIEWED' | 'TOO_LONG';

const languageSchema = z.enum(WORDING_LANGUAGES, { error: '译文语言只能是藏文或蒙古文' });
const keySchema = z.enum(WORDING_KEYS, { error: '没有这条固定用语' });

/** One shipped entry: the Chinese it translates, our draft (null: none drafted) and its status. */
const shippedEntrySchema = z.strictObject({
  key: keySchema,
  source: z.string().min(1),
  draft: z.string().min(1).nullable(),
  // Only a room's own reviewer makes an entry 已审校 (and printed): what we ship is a draft.
  status: z.literal('UNREVIEWED'),
});

/** The shape of templates/translation-wording.v1.json, checked when it is loaded. */
export const shippedWordingSchema = z
  .strictObject({
    $comment: z.string().optional(),
    version: z.literal(1),
    languages: z.strictObject({
      bo: z.array(shippedEntrySchema),
      mn: z.array(shippedEntrySchema),
    }),
  })
  .superRefine((file, ctx) => {
    for (const language of WORDING_LANGUAGES) {
      const keys = file.languages[language].map((e) => e.key);
      const missing = WORDING_KEYS.filter((k) => !keys.includes(k));
      if (missing.length > 0 || new Set(keys).size !== keys.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['languages', language],
          message: `every key exactly once (missing: ${missing.join(', ') || 'none'})`,
        });
      }
    }
  });
export type ShippedWording = z.infer<typeof shippedWordingSchema>;

/** One entry as the settings screen and the agreement editor see it. */
export interface WordingEntryView {
  readonly key: WordingKey;
  readonly source: string;
  /** Our draft, shown for reference; null when none was drafted. */
  readonly draft: string | null;
  /** The room's reviewed text (the only text printed), or null: 待审校. */
  readonly reviewedText: string | null;
  readonly reviewer: string | null;
  /** YYYY-MM-DD (China) of the room's review. */
  readonly reviewedAt: string | null;
  readonly status: WordingStatus;
}

export interface WordingLanguageView {
  readonly language: WordingLanguage;
  readonly entries: readonly WordingEntryView[];
}

export interface WordingView {
  readonly languages: readonly WordingLanguageView[];
}

/** One entry of a save: the reviewed text and who reviewed it. */
export const wordingEntryInputSchema = z.strictObject({
  key: keySchema,
  text: singleLine({ label: '译文', min: 1, max: 500 }),
  reviewer: singleLine({ label: '审校人', min: 1, max: 40 }),
});

/** What is wrong with the cleaned text of entry `key` in `language`, or null. */
export function wordingTextProblem(
  language: WordingLanguage,
  key: WordingKey,
  text: string,
): { readonly code: string; readonly message: string } | null {
  const script = scriptOfLanguage(language);
  if (script === null) return null;
  const placeholders = text.split(COPIES_PLACEHOLDER).length - 1;
  if (key === 'copies' && placeholders !== 1) {
    return {
      code: 'PLACEHOLDER',
      message: `份数处请写 ${COPIES_PLACEHOLDER}（一处），打印时换成份数`,
    };
  }
  if (isSignatureKey(key) && overSignatureCap(language, key, text)) {
    return {
      code: 'LABEL_TOO_LONG',
      message: `这条签名栏标签最多 ${signatureLabelMax(language, key)} 个字，要印在签名线旁`,
    };
  }
  const checked = checkScript(
    text.split(COPIES_PLACEHOLDER).join(''),
    script,
    `${SCRIPT_LABELS[script]}译文`,
  );
  return checked.ok ? null : checked;
}

export const saveWordingInputSchema = z
  .strictObject({
    language: languageSchema,
    entries: z
      .array(wordingEntryInputSchema, { error: '固定用语格式不正确' })
      .min(1, { error: '请至少填写一条固定用语' })
      .max(WORDING_KEYS.length, { error: '固定用语条数太多' }),
  })
  .superRefine((input, ctx) => {
    const seen = new Set<string>();
    input.entries.forEach((entry, i) => {
      if (seen.has(entry.key)) {
        ctx.addIssue({ code: 'custom', path: ['entries', i, 'key'], message: '固定用语有重复' });
      }
      seen.add(entry.key);
      const problem = wordingTextProblem(input.language, entry.key, entry.text);
      if (problem !== null) {
        ctx.addIssue({
          code: 'custom',
          path: ['entries', i, 'text'],
          message: problem.message,
          params: { code: problem.code },
        });
      }
    });
  });
export type SaveWordingInput = z.infer<typeof saveWordingInputSchema>;

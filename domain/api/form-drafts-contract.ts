import { z } from 'zod';
import { method } from './method.js';

/** `intake`, `session:<caseId>:new`, `agreement:<id>`: a form's name and what it is about. */
const key = z
  .string({ error: '草稿标识无效' })
  .regex(/^[a-z]{1,20}(:[a-z0-9]{1,20}){0,3}$/u, { error: '草稿标识无效' });

/** Up to ~3 MB of form values; a 200-party intake is well under 1 MB. */
export const MAX_FORM_DRAFT_CHARS = 4_000_000;

export interface FormDraft {
  readonly payloadBase64: string;
  readonly savedAt: string;
}

/**
 * Autosaved form contents (issue 8, must-have 5). The payload is opaque to the main process:
 * the values exactly as typed, including text a save would refuse, so nothing typed is lost. It
 * travels as base64 of UTF-8 JSON, so it never passes as ledger text and can hold any character.
 */
export const formDraftsContract = {
  'formDrafts.get': method<FormDraft | null>()(z.strictObject({ key })),
  'formDrafts.save': method<null>()(
    z.strictObject({
      key,
      payloadBase64: z
        .string({ error: '草稿内容无效' })
        .max(MAX_FORM_DRAFT_CHARS, { error: '草稿过大，未能自动保存' })
        .regex(/^[A-Za-z0-9+/]*={0,2}$/u, { error: '草稿内容无效' }),
    }),
  ),
  /** After the form was saved, or when the user discards what was restored. */
  'formDrafts.discard': method<null>()(z.strictObject({ key })),
} as const;

import {
  SIGNATURE_WORDING_KEYS,
  type SignatureWordingKey,
} from '../../domain/documents/translation-wording.js';
import { z } from 'zod';

/**
 * What a document is filled with. All values are strings already formatted for print
 * (dates per the committee's date style, amounts as `人民币叁万元整（¥30,000.00）`).
 * List items are keyed by full path (`party.name`).
 */
export interface DocumentTranslation {
  /** bo = Tibetan, mn = Mongolian (traditional script cannot be typeset here; see preflight). */
  readonly language: 'bo' | 'mn';
  /** Chinese heading printed on the translation page, e.g. 藏文译文. */
  readonly title: string;
  readonly text: string;
  /** Which text prevails (printed on the translation page); default: the Chinese text. */
  readonly prevailing?: 'CHINESE' | 'EQUAL' | undefined;
  /** Who translated it: a 翻译人 line with room to sign closes the translation page. */
  readonly translator?: string | undefined;
  /**
   * The room's reviewed fixed wording (设置 → 译文固定用语), each printed only when reviewed:
   * the title in the script first, the party label with the party's name before the text, the
   * prevailing-text clause under the Chinese one, the PML 31/33 and copies sentences after the
   * text. A shipped draft (待审校) never gets here.
   */
  readonly wording?: TranslationWording | undefined;
}

export interface TranslationWording {
  readonly title?: string | undefined;
  readonly partyLine?: string | undefined;
  readonly prevailing?: string | undefined;
  readonly closing?: readonly string[] | undefined;
  /** The party's signature label (签名盖章或按指印), printed in the signature block. */
  readonly partySignature?: string | undefined;
  /** The translator's label (翻译人), printed in the interpreter's signature slot. */
  readonly translatorLabel?: string | undefined;
  /** 人民调解员 and 记录人, printed in their signature slots. */
  readonly mediatorLabel?: string | undefined;
  readonly recorderLabel?: string | undefined;
  /** The blank date (年 月 日) under each signature line, or the 日期 header. */
  readonly dateLine?: string | undefined;
  /** The committee's （印）, printed at the seal line. */
  readonly sealLabel?: string | undefined;
}

/** The reviewed labels printed in the signature block (and in no translation page). */
export const SIGNATURE_LABEL_KEYS: readonly (SignatureWordingKey & keyof TranslationWording)[] =
  SIGNATURE_WORDING_KEYS;
export type SignatureLabelKey = SignatureWordingKey;

export interface DocumentData {
  readonly fields: Readonly<Record<string, string>>;
  readonly lists: Readonly<Record<string, readonly Readonly<Record<string, string>>[]>>;
  readonly translations?: readonly DocumentTranslation[] | undefined;
}

const value = z.string().max(100_000);

export const documentDataSchema = z.strictObject({
  fields: z.record(z.string(), value),
  // A long correction history is the longest list (see correction-history-data.ts).
  lists: z.record(z.string(), z.array(z.record(z.string(), value)).max(1000)),
  translations: z
    .array(
      z.strictObject({
        language: z.enum(['bo', 'mn']),
        title: z.string().max(60),
        text: z.string().max(200_000),
        prevailing: z.enum(['CHINESE', 'EQUAL']).optional(),
        translator: z.string().max(100).optional(),
        wording: z
          .strictObject({
            title: z.string().max(500).optional(),
            partyLine: z.string().max(600).optional(),
            prevailing: z.string().max(500).optional(),
            closing: z.array(z.string().max(500)).max(3).optional(),
            partySignature: z.string().max(500).optional(),
            translatorLabel: z.string().max(500).optional(),
            mediatorLabel: z.string().max(500).optional(),
            recorderLabel: z.string().max(500).optional(),
            dateLine: z.string().max(500).optional(),
            sealLabel: z.string().max(500).optional(),
          })
          .optional(),
      }),
    )
    .max(10)
    .optional(),
});

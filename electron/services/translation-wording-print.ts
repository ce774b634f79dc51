import type { Db } from '../../db/connection.js';
import { listRoomWording } from '../../db/translation-wording-queries.js';
import {
  COPIES_PLACEHOLDER,
  overSignatureCap,
  type WordingKey,
  type WordingLanguage,
} from '../../domain/documents/translation-wording.js';
import { SIGNATURE_LABEL_KEYS, type TranslationWording } from '../documents/document-data.js';

/** Digits of the script for the number of copies: Tibetan ༠–༩, Mongolian ᠐–᠙. */
function scriptDigits(n: number, language: WordingLanguage): string {
  const zero = language === 'bo' ? 0x0f20 : 0x1810;
  return [...String(n)].map((d) => String.fromCodePoint(zero + Number(d))).join('');
}

export interface WordingFor {
  readonly language: WordingLanguage;
  /** The party's name as the page gives it: in the party's own script when recorded. */
  readonly partyName: string;
  readonly prevails: 'CHINESE' | 'EQUAL';
  /** Null: the document states no number of copies (the oral register). */
  readonly copies: number | null;
  /** The written agreement's title, or the oral register's. */
  readonly titleKey: 'title' | 'oralTitle';
  /**
   * The document's signature block prints the reviewed signature labels; where it prints none
   * (the oral register's form) they stay out of its frozen input.
   */
  readonly signatureLabels: boolean;
}

/** Reads the room's reviewed wording once per agreement; null where nothing is reviewed. */
export function reviewedWording(db: Db): (page: WordingFor) => TranslationWording | undefined {
  const rows = listRoomWording(db);
  return (page) => {
    // Only the room's reviewed entries: the shipped drafts are 待审校 and never printed.
    const text = (key: WordingKey) =>
      rows.find((r) => r.language === page.language && r.key === key)?.text;
    const label = text('partyLabel');
    const copiesCount = page.copies;
    const copies =
      copiesCount === null
        ? undefined
        : text('copies')?.replace(COPIES_PLACEHOLDER, scriptDigits(copiesCount, page.language));
    const closing = [text('art31'), text('art33'), copies].filter(
      (s): s is string => s !== undefined,
    );
    // printed in the signature block, not on the translation page (layout-signature-labels.ts)
    const signature = page.signatureLabels
      ? Object.fromEntries(
          SIGNATURE_LABEL_KEYS.flatMap((key) => {
            const value = text(key);
            // one reviewed before the caps and over its cap prints as not reviewed
            return value === undefined || overSignatureCap(page.language, key, value)
              ? []
              : [[key, value]];
          }),
        )
      : {};
    const wording: TranslationWording = {
      ...(text(page.titleKey) !== undefined ? { title: text(page.titleKey) } : {}),
      ...(label !== undefined ? { partyLine: `${label} ${page.partyName}`.trim() } : {}),
      ...(text(page.prevails === 'CHINESE' ? 'prevailsChinese' : 'prevailsEqual') !== undefined
        ? { prevailing: text(page.prevails === 'CHINESE' ? 'prevailsChinese' : 'prevailsEqual') }
        : {}),
      ...(closing.length > 0 ? { closing } : {}),
      ...signature,
    };
    // no key at all when nothing is reviewed: the frozen input (and the PDF) stay as before
    return Object.keys(wording).length > 0 ? wording : undefined;
  };
}

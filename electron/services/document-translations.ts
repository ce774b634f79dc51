import type { Db } from '../../db/connection.js';
import type { DocumentTranslation } from '../documents/document-data.js';
import type { LedgerParty } from './document-ledger-data.js';
import { reviewedWording } from './translation-wording-print.js';

const TRANSLATION_TITLES = { bo: '藏文译文', mn: '蒙古文译文' } as const;

export interface TranslationsOf {
  readonly translations: readonly {
    readonly partyId: number;
    readonly language: 'bo' | 'mn';
    readonly text: string;
  }[];
  readonly prevails: 'CHINESE' | 'EQUAL';
  readonly parties: readonly LedgerParty[];
  /** 一式N份 of the document; null where it states none (the oral register). */
  readonly copies: number | null;
  readonly translator: string | undefined;
  /** Which reviewed title prints in the script: the agreement's or the oral register's. */
  readonly titleKey: 'title' | 'oralTitle';
  /** Its signature block prints own-script labels (the agreement's; the oral register's form none). */
  readonly signatureLabels: boolean;
}

/**
 * The translation pages of a signed document (written agreement or oral register), with the
 * room's reviewed wording only: one mapping, so both documents print a translation alike.
 */
export function documentTranslations(db: Db, of: TranslationsOf): DocumentTranslation[] {
  if (of.translations.length === 0) return [];
  const wordingOf = reviewedWording(db);
  return of.translations.map((t) => {
    const party = of.parties.find((p) => p.row.id === t.partyId)?.row;
    const wording = wordingOf({
      language: t.language,
      // Chinese cannot stand in a Mongolian column: without a Mongolian name the label
      // stands alone (the Chinese heading above the columns names the party).
      partyName: party?.own_script_name ?? (t.language === 'mn' ? '' : (party?.name ?? '')),
      prevails: of.prevails,
      copies: of.copies,
      titleKey: of.titleKey,
      signatureLabels: of.signatureLabels,
    });
    return {
      language: t.language,
      title: `${TRANSLATION_TITLES[t.language]}（当事人${party?.name ?? ''}）`,
      text: t.text,
      prevailing: of.prevails,
      translator: of.translator,
      ...(wording !== undefined ? { wording } : {}),
    };
  });
}

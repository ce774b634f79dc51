import type { DocumentPartyInput } from '../../../electron/documents/agreement-data.js';
import {
  signatureLabelMax,
  type WordingLanguage,
} from '../../../domain/documents/translation-wording.js';
import type { TranslationWording } from '../../../electron/documents/document-data.js';
import { agreementData, SAMPLE_AGREEMENT_INPUT } from './fixtures.js';
import { ANNEX_MN } from './mongolian-signature-samples.js';

/**
 * A room's reviewed signature-block labels in both scripts (the shipped drafts, entered as
 * reviewed by the room's translator), and a Chinese + Tibetan + Mongolian agreement carrying them.
 */
export const SIGNATURE_BO = {
  partySignature: 'མིང་རྟགས་འགོད་པའམ་མཛུབ་རྗེས་གནོན་པ།',
  translatorLabel: 'ཡིག་སྒྱུར་བ།',
  mediatorLabel: 'མི་དམངས་བར་འདུམ་པ།',
  recorderLabel: 'ཟིན་བྲིས་པ།',
  dateLine: 'ལོ་ཟླ་ཚེས་གྲངས།',
  sealLabel: 'ཐམ་ག',
} as const;

export const SIGNATURE_MN = {
  partySignature: 'ᠭᠠᠷ ᠤᠨ ᠦᠰᠦᠭ',
  translatorLabel: 'ᠣᠷᠴᠢᠭᠤᠯᠤᠭᠴᠢ',
  mediatorLabel: 'ᠠᠷᠠᠳ ᠤᠨ ᠡᠪᠯᠡᠷᠡᠭᠦᠯᠦᠭᠴᠢ',
  recorderLabel: 'ᠲᠡᠮᠳᠡᠭᠯᠡᠭᠴᠢ',
  dateLine: 'ᠣᠨ ᠰᠠᠷ᠎ᠠ ᠡᠳᠦᠷ',
  sealLabel: 'ᠲᠠᠮᠠᠭ᠎ᠠ',
} as const;

export const ANNEX_BO = 'གཉིས་ཕྱོགས་ཀྱིས་གྲོས་མཐུན་བྱུང་། ལས་ཀའི་གླ་ཆ་དུས་ཐོག་སྤྲོད་དགོས།';

const SURNAMES = [...'包巴乌那斯额阿宝其图白苏哈达吉'];

export function parties(n: number): DocumentPartyInput[] {
  const base = SAMPLE_AGREEMENT_INPUT.parties[0] as DocumentPartyInput;
  return Array.from({ length: n }, (_, i) => ({
    ...base,
    name: `${SURNAMES[i % SURNAMES.length] ?? ''}某${i + 1}`,
  }));
}

/**
 * The labels of `language` as a room may save them at their longest (signatureLabelMax), each
 * still its own: the draft's words repeated, one long word, or many short words.
 */
export function longestLabels(
  language: WordingLanguage,
  shape: 'draft' | 'longest' | 'longWord' | 'shortWords',
): Record<keyof typeof SIGNATURE_BO, string> {
  const drafts = language === 'bo' ? SIGNATURE_BO : SIGNATURE_MN;
  const word = language === 'bo' ? 'བར་འདུམ་' : 'ᠡᠪᠯᠡᠷᠡᠭᠦᠯᠦᠭᠴᠢ';
  const short = language === 'bo' ? 'ག ' : 'ᠤᠨ ';
  return Object.fromEntries(
    Object.entries(drafts).map(([key, draft]) => {
      const max = signatureLabelMax(language, key as keyof typeof SIGNATURE_BO);
      const upTo = (s: string) => [...s.repeat(max)].slice(0, max).join('').trim();
      // a different start per label, so each is found where it is printed
      const own = [...draft].slice(0, 4).join('').trim();
      const text =
        shape === 'draft'
          ? draft
          : shape === 'longest'
            ? upTo(`${draft} `)
            : shape === 'longWord'
              ? upTo(`${own}${word.repeat(10)}`)
              : upTo(`${own} ${short.repeat(max)}`);
      return [key, text];
    }),
  ) as Record<keyof typeof SIGNATURE_BO, string>;
}

/** `n` parties, a Tibetan and a Mongolian translation with the given labels. */
export function trilingualAgreement(
  n: number,
  bo: TranslationWording | undefined,
  mn: TranslationWording | undefined,
  options: { bo?: string; mn?: string; interpreter?: boolean; facts?: string } = {},
) {
  const list = parties(n);
  const annex = options;
  return agreementData({
    parties: list,
    ...(options.facts === undefined ? {} : { factsAndIssues: options.facts }),
    interpreter:
      options.interpreter === false
        ? undefined
        : { name: '乌力吉', language: '蒙古语', partyNames: [list[0]?.name ?? ''] },
    translations: (
      [
        ['bo', '藏文译文', annex.bo ?? ANNEX_BO, '才让', bo],
        ['mn', '蒙古文译文', annex.mn ?? ANNEX_MN, '乌力吉', mn],
      ] as const
    ).flatMap(([language, title, text, translator, wording]) =>
      wording === undefined
        ? []
        : [{ language, title, text, prevailing: 'CHINESE' as const, translator, wording }],
    ),
  });
}

import type { DocumentPartyInput } from '../../../electron/documents/agreement-data.js';
import { agreementData, SAMPLE_AGREEMENT_INPUT } from './fixtures.js';

/** A room's reviewed Mongolian signature labels (the shipped drafts, entered as reviewed). */
export const PARTY_SIGNATURE_MN = 'ᠭᠠᠷ ᠤᠨ ᠦᠰᠦᠭ';
export const TRANSLATOR_MN = 'ᠣᠷᠴᠢᠭᠤᠯᠤᠭᠴᠢ';
export const ANNEX_MN = 'ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠠᠷᠠᠳ ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠠᠷᠠᠳ';

const SURNAMES = [...'包巴乌那斯额阿宝其图白苏哈达吉'];

/** A Chinese + Mongolian agreement of `n` parties with an interpreter and reviewed labels. */
export function bilingualAgreement(
  n: number,
  wording: { partySignature?: string; translatorLabel?: string } = {
    partySignature: PARTY_SIGNATURE_MN,
    translatorLabel: TRANSLATOR_MN,
  },
  annexText = ANNEX_MN,
) {
  const base = SAMPLE_AGREEMENT_INPUT.parties[0] as DocumentPartyInput;
  const parties = Array.from({ length: n }, (_, i) => ({
    ...base,
    name: `${SURNAMES[i % SURNAMES.length] ?? ''}某${i + 1}`,
  }));
  return agreementData({
    parties,
    interpreter: { name: '乌力吉', language: '蒙古语', partyNames: [parties[0]?.name ?? ''] },
    translations: [
      {
        language: 'mn',
        title: '蒙古文译文',
        text: annexText,
        prevailing: 'CHINESE',
        translator: '乌力吉',
        wording,
      },
    ],
  });
}

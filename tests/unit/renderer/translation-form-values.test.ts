import { describe, expect, it } from 'vitest';
import {
  toFormPath,
  typedTranslations,
} from '../../../renderer/src/pages/agreement/agreement-form.js';

/**
 * The translation boxes shared by the agreement editor and the oral register form: a box is
 * the party's place in the list; only typed boxes of a translation language are sent, and an
 * issue on the n-th sent translation lands on its party's box.
 */
const languages = new Map<number, 'bo' | 'mn'>([
  [12, 'bo'],
  [13, 'mn'],
]);

describe('translation boxes of a form', () => {
  it('sends the typed boxes of the parties with a translation language, by party id', () => {
    const sent = typedTranslations(['汉文不发送', '', 'ᠮᠣᠩᠭᠣᠯ'], [11, 12, 13], languages);
    expect(sent).toEqual([{ partyId: 13, language: 'mn', text: 'ᠮᠣᠩᠭᠣᠯ' }]);
  });

  it('puts an issue on the first sent translation on the box of its party', () => {
    const register = { translations: typedTranslations(['', '', 'ᠮ'], [11, 12, 13], languages) };
    expect(toFormPath(['translations', 0, 'text'], [11, 12, 13], register)).toEqual([
      'translations',
      2,
    ]);
    expect(toFormPath(['amountFen'], [11, 12, 13], register)).toEqual(['amountYuan']);
  });
});

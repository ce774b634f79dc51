import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkSocialCreditCode,
  normaliseSocialCreditCode,
  socialCreditCheckCharacter,
} from '../../../../domain/validation/social-credit-code';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

// Weights written as 3^i mod 31 (GB 32100-2015), independently of the module's table.
function referenceCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += CHARSET.indexOf(first17[i] ?? '') * (3 ** i % 31);
  return CHARSET[(31 - (sum % 31)) % 31] ?? '?';
}

const BASE = '91632801MA7DQ3X8A';
const VALID = BASE + referenceCheck(BASE);

describe('checkSocialCreditCode', () => {
  it('accepts a code with a correct check character', () => {
    expect(checkSocialCreditCode(VALID)).toEqual({ ok: true, normalised: VALID });
    expect(socialCreditCheckCharacter(BASE)).toBe(VALID[17]);
  });

  it('normalises lowercase, full-width characters, spaces and dashes', () => {
    const typed = `${VALID.slice(0, 9).toLowerCase()} －${VALID.slice(9)}`;
    expect(normaliseSocialCreditCode(typed)).toBe(VALID);
    const fullWidth = VALID.replace(/[0-9A-Z]/g, (c) =>
      String.fromCharCode(c.charCodeAt(0) + 0xfee0),
    );
    expect(checkSocialCreditCode(fullWidth).ok).toBe(true);
  });

  it('warns, never throws, on a wrong check character', () => {
    const wrong = BASE + (VALID[17] === '0' ? '1' : '0');
    const result = checkSocialCreditCode(wrong);
    expect(result.ok).toBe(false);
    expect(result.normalised).toBe(wrong);
    expect(result.warning).toContain('校验位');
  });

  it('warns on the wrong length and on letters the code never uses', () => {
    expect(checkSocialCreditCode('91632801MA7DQ3X8').warning).toContain('16位');
    expect(checkSocialCreditCode('91632801MA7DQ3X8AI').warning).toContain('“I”');
    expect(checkSocialCreditCode('').warning).toBe('未填写统一社会信用代码');
    expect(checkSocialCreditCode('x'.repeat(1024 * 1024)).ok).toBe(false);
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (raw) => {
        expect(typeof checkSocialCreditCode(raw).ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts generated codes and rejects every single-character substitution', () => {
    const code = fc
      .array(fc.constantFrom(...CHARSET), { minLength: 17, maxLength: 17 })
      .map((chars) => chars.join(''))
      .map((first17) => first17 + referenceCheck(first17));
    const substitution = fc
      .record({
        code,
        position: fc.integer({ min: 0, max: 17 }),
        replacement: fc.constantFrom(...CHARSET),
      })
      .filter(({ code: c, position, replacement }) => c[position] !== replacement);
    fc.assert(
      fc.property(code, (c) => {
        expect(checkSocialCreditCode(c).ok).toBe(true);
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(substitution, ({ code: c, position, replacement }) => {
        const changed = c.slice(0, position) + replacement + c.slice(position + 1);
        expect(checkSocialCreditCode(changed).ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});

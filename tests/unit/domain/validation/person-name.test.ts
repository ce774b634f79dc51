import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPersonName, normalisePersonName } from '../../../../domain/validation/person-name';

const ok = (normalised: string) => ({ ok: true, normalised });

describe('checkPersonName', () => {
  it('accepts one-character and surname-less names as typed', () => {
    expect(checkPersonName('扎西多杰')).toEqual(ok('扎西多杰'));
    expect(checkPersonName('巴特尔')).toEqual(ok('巴特尔'));
    expect(checkPersonName('青')).toEqual(ok('青'));
  });

  it.each(['\u2022', '\u30FB', '\uFF0E', '\u2027', '\u22C5', '\uFF65', '.', ' · ', ' . '])(
    'normalises the dot %j in a transliterated name to U+00B7',
    (dot) => {
      expect(checkPersonName(`买买提${dot}艾力`)).toEqual(ok('买买提·艾力'));
    },
  );

  it('keeps a full stop that is not between Chinese characters', () => {
    expect(normalisePersonName('J. Smith')).toBe('J. Smith');
  });

  it('trims and collapses inner whitespace, including the ideographic space', () => {
    expect(checkPersonName('  Maria \u3000  Garcia ')).toEqual(ok('Maria Garcia'));
  });

  it('counts a rare Extension B character as one', () => {
    expect(checkPersonName('𠀀'.repeat(40))).toEqual(ok('𠀀'.repeat(40)));
    const tooLong = checkPersonName('𠀀'.repeat(41));
    expect(tooLong).toEqual({ ok: false, error: '姓名太长（最多40个字，现在是41个字）' });
  });

  it('rejects empty, digits-only and 5 000-character names', () => {
    expect(checkPersonName(' ')).toEqual({ ok: false, error: '请填写姓名' });
    expect(checkPersonName('123 456')).toMatchObject({ ok: false });
    expect(checkPersonName('１２３')).toMatchObject({ ok: false });
    expect(checkPersonName('张'.repeat(5000))).toMatchObject({ ok: false });
    expect(checkPersonName('张'.repeat(1024 * 1024))).toMatchObject({ ok: false });
  });

  it('allows digits inside a name', () => {
    expect(checkPersonName('张三2').ok).toBe(true);
  });

  it('rejects NUL, bidi overrides and lone surrogates', () => {
    const cases: [string, string][] = [
      ['张\u0000三', 'U+0000'],
      ['\u202E张三', 'U+202E'],
      ['张\u2066三\u2069', 'U+2066'],
      ['张\uD800三', 'U+D800'],
      ['张\r三', 'U+000A'],
    ];
    for (const [raw, code] of cases) {
      const result = checkPersonName(raw);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error).toContain(code);
        // The message names the character; it never carries it.
        expect(result.error).not.toMatch(/[\p{Cc}\p{Cf}\p{Cs}]/u);
      }
    }
  });

  it('drops zero-width spaces and BOMs carried by copy-paste', () => {
    expect(checkPersonName('\uFEFF张\u200B三')).toEqual(ok('张三'));
  });

  it('stores template- and HTML-looking names literally', () => {
    for (const raw of ['{{partyB.idNumber}}', '${process.exit()}', '<script>alert(1)</script>']) {
      expect(checkPersonName(raw)).toEqual(ok(raw));
    }
  });

  it('never throws, and a valid result is already normalised', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (raw) => {
        const result = checkPersonName(raw);
        if (result.ok) expect(normalisePersonName(result.normalised)).toBe(result.normalised);
      }),
      { numRuns: 3000 },
    );
  });
});

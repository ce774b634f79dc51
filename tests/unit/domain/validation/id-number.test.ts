import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ageOn,
  checkIdNumber,
  genderMismatchWarning,
  idCheckCharacter,
  normaliseIdNumber,
  upgradeLegacyIdNumber,
  type IdNumberResult,
} from '../../../../domain/validation/id-number';
import { ID_PROVINCE_CODES } from '../../../../domain/validation/province-codes';

const TODAY = '2025-06-15';
const check = (raw: string) => checkIdNumber(raw, { today: TODAY });

// Written from the other published form of the algorithm (weights 2^(17-i) mod 11 and the
// check value that makes the weighted sum ≡ 1 mod 11), not copied from the module.
function referenceCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const value = (12 - (sum % 11)) % 11;
  return value === 10 ? 'X' : String(value);
}

function expectValid(result: IdNumberResult) {
  if (!result.valid) throw new Error(`expected valid, got: ${result.error}`);
  return result;
}

function expectInvalid(result: IdNumberResult) {
  if (result.valid) throw new Error(`expected invalid, got valid ${result.normalised}`);
  return result;
}

const VECTORS = [
  { id: '11010519491231002X', birthDate: '1949-12-31', gender: 'FEMALE' },
  { id: '632801198507041238', birthDate: '1985-07-04', gender: 'MALE' },
  { id: '63020219780315084X', birthDate: '1978-03-15', gender: 'FEMALE' },
  { id: '152502199001010012', birthDate: '1990-01-01', gender: 'MALE' },
  { id: '620102200011115672', birthDate: '2000-11-11', gender: 'MALE' },
] as const;

describe('checkIdNumber: published vectors (§6.1)', () => {
  it.each(VECTORS)('accepts $id', ({ id, birthDate, gender }) => {
    const result = expectValid(check(id));
    expect(result.normalised).toBe(id);
    expect(result.birthDate).toBe(birthDate);
    expect(result.gender).toBe(gender);
    expect(result.provinceKnown).toBe(true);
    expect(result.warnings).toEqual([]);
    expect(result.upgradedTo).toBeUndefined();
  });

  it('agrees with the reference check character on the vectors', () => {
    for (const { id } of VECTORS) {
      expect(referenceCheckCharacter(id.slice(0, 17))).toBe(id[17]);
      expect(idCheckCharacter(id.slice(0, 17))).toBe(id[17]);
    }
  });
});

describe('normaliseIdNumber', () => {
  it('turns full-width digits and lowercase x into ASCII', () => {
    expect(normaliseIdNumber('６３２８０１１９８５０７０４１２３８')).toBe('632801198507041238');
    expect(normaliseIdNumber('11010519491231002x')).toBe('11010519491231002X');
    expect(normaliseIdNumber('１１０１０５１９４９１２３１００２ｘ')).toBe('11010519491231002X');
  });

  it('removes spaces (also the ideographic space) and dashes', () => {
    expect(normaliseIdNumber(' 110105 19491231 002X ')).toBe('11010519491231002X');
    expect(normaliseIdNumber('110105-19491231-002X')).toBe('11010519491231002X');
    expect(normaliseIdNumber('110105\u300019491231－002X')).toBe('11010519491231002X');
  });
});

describe('checkIdNumber: bad input (reliability-security §6)', () => {
  it('accepts full-width digits and lowercase x', () => {
    expect(expectValid(check('６３２８０１１９８５０７０４１２３８')).normalised).toBe(
      '632801198507041238',
    );
    expect(expectValid(check('11010519491231002x')).normalised).toBe('11010519491231002X');
  });

  it('accepts spaces and dashes', () => {
    expect(expectValid(check('632801 1985 0704 1238')).normalised).toBe('632801198507041238');
    expect(expectValid(check('632801-19850704-1238')).normalised).toBe('632801198507041238');
  });

  it('rejects a wrong check digit with a message about the last digit', () => {
    const result = expectInvalid(check('632801198507041237'));
    expect(result.error).toContain('校验位');
    expect(result.normalised).toBe('632801198507041237');
  });

  it('rejects 29 February in a common year and accepts it in a leap year', () => {
    const common = '632801199902291230';
    const bad = common.slice(0, 17) + referenceCheckCharacter(common.slice(0, 17));
    expect(expectInvalid(check(bad)).error).toContain('不是真实存在的日期');
    const leapFirst17 = '63280120000229123';
    const leap = leapFirst17 + referenceCheckCharacter(leapFirst17);
    expect(expectValid(check(leap)).birthDate).toBe('2000-02-29');
  });

  it('rejects impossible months and days', () => {
    for (const date of ['19851304', '19850732', '19850631', '19850000']) {
      const first17 = `632801${date}123`;
      const id = first17 + referenceCheckCharacter(first17);
      expect(check(id).valid).toBe(false);
    }
  });

  it('rejects a birth date after today, accepts one on today', () => {
    const future = '63280120250616123';
    expect(expectInvalid(check(future + referenceCheckCharacter(future))).error).toContain(
      '晚于今天',
    );
    const onToday = '63280120250615123';
    expect(expectValid(check(onToday + referenceCheckCharacter(onToday))).birthDate).toBe(TODAY);
  });

  it('rejects years before 1900', () => {
    const old = '63280118991231123';
    expect(expectInvalid(check(old + referenceCheckCharacter(old))).error).toContain('1900');
  });

  it('rejects 17 and 19 digits with the length in the message', () => {
    expect(expectInvalid(check('6328011985070412381')).error).toContain('19位');
    expect(expectInvalid(check('63280119850704123')).error).toContain('17位');
  });

  it('rejects all zeros', () => {
    expect(check('000000000000000000').valid).toBe(false);
    expect(check('000000000000000').valid).toBe(false);
  });

  it('rejects an X that is not last', () => {
    expect(expectInvalid(check('6328011985070412X8')).error).toContain('最后一位');
  });

  it('rejects empty and whitespace-only input', () => {
    expect(expectInvalid(check('')).error).toBe('请填写身份证号码');
    expect(expectInvalid(check('  \u3000 ')).error).toBe('请填写身份证号码');
  });

  it('refuses a 1 MB string before reading it', () => {
    // Refused on its length alone: nothing was cleaned or normalised (no timing, which a loaded
    // machine would make flaky), so the cost does not grow with what was pasted.
    const result = expectInvalid(check('1'.repeat(1024 * 1024)));
    expect(result.error).toContain('太长');
    expect(result.normalised).toBe('');
    // Just over the limit is refused the same way; at the limit the number is read.
    expect(expectInvalid(check('1'.repeat(65))).normalised).toBe('');
    expect(expectInvalid(check('1'.repeat(64))).normalised).toBe('1'.repeat(64));
  });

  it('rejects NUL, bidi overrides and lone surrogates, naming them by code point', () => {
    for (const [bad, code] of [
      ['632801198507041238\u0000', 'U+0000'],
      ['\u202E632801198507041238', 'U+202E'],
      ['632801\u2066198507041238\u2069', 'U+2066'],
      ['632801198507041238\uD800', 'U+D800'],
    ] as const) {
      expect(expectInvalid(check(bad)).error).toContain(code);
    }
    // A zero-width space is removed by the text discipline: the same number.
    expect(check('632801\u200B198507041238')).toMatchObject({ valid: true });
  });

  it('warns about an unknown province but accepts the number', () => {
    const first17 = '99280119850704123';
    const result = expectValid(check(first17 + referenceCheckCharacter(first17)));
    expect(result.provinceKnown).toBe(false);
    expect(result.warnings).toHaveLength(1);
    const other = '39280119850704123';
    const unknown = expectValid(check(other + referenceCheckCharacter(other)));
    expect(unknown.warnings[0]).toContain('（39）');
  });

  it('knows the residence-permit prefixes 81, 82 and 83', () => {
    for (const prefix of ['810000', '820000', '830000']) {
      const first17 = `${prefix}19850704123`;
      expect(expectValid(check(first17 + referenceCheckCharacter(first17))).provinceKnown).toBe(
        true,
      );
    }
  });

  it('returns an error, not an exception, for a malformed today', () => {
    expect(checkIdNumber('632801198507041238', { today: 'soon' }).valid).toBe(false);
  });
});

describe('checkIdNumber: 15-digit legacy numbers', () => {
  it('accepts with a warning and the upgraded number', () => {
    const legacy = '632801850704123';
    const expected = `63280119850704123${referenceCheckCharacter('63280119850704123')}`;
    expect(expected).toBe('632801198507041238');
    const result = expectValid(check(legacy));
    expect(result.normalised).toBe(legacy);
    expect(result.upgradedTo).toBe(expected);
    expect(upgradeLegacyIdNumber(legacy)).toBe(expected);
    expect(result.birthDate).toBe('1985-07-04');
    expect(result.gender).toBe('MALE');
    expect(result.warnings.some((w) => w.includes('15位') && w.includes(expected))).toBe(true);
  });

  it('takes the gender from the 15th digit', () => {
    expect(expectValid(check('110105491231002')).gender).toBe('FEMALE');
    expect(expectValid(check('110105491231002')).upgradedTo).toBe('11010519491231002X');
  });

  it('rejects an impossible date', () => {
    expect(check('632801990229123').valid).toBe(false);
  });
});

describe('ageOn', () => {
  it('counts completed years, the birthday itself included', () => {
    expect(ageOn('2007-06-15', '2025-06-14')).toBe(17);
    expect(ageOn('2007-06-15', '2025-06-15')).toBe(18);
    expect(ageOn('1949-12-31', '2025-06-15')).toBe(75);
  });

  it('makes someone born on 29 February a year older on 1 March in common years', () => {
    expect(ageOn('2004-02-29', '2022-02-28')).toBe(17);
    expect(ageOn('2004-02-29', '2022-03-01')).toBe(18);
    expect(ageOn('2004-02-29', '2024-02-29')).toBe(20);
  });

  it('is negative for a birth date after the date, null for non-dates', () => {
    expect(ageOn('2025-06-16', '2025-06-15')).toBe(-1);
    expect(ageOn('2023-02-29', '2025-06-15')).toBeNull();
    expect(ageOn('2000-01-01', '15/06/2025')).toBeNull();
  });
});

describe('genderMismatchWarning', () => {
  it('warns when the stated gender contradicts the ID', () => {
    expect(genderMismatchWarning('MALE', 'FEMALE')).toContain('请核对');
    expect(genderMismatchWarning('FEMALE', '男')).toContain('男');
    expect(genderMismatchWarning('FEMALE', '1')).not.toBeNull();
  });

  it('is silent on agreement and on "not stated"', () => {
    expect(genderMismatchWarning('MALE', 'MALE')).toBeNull();
    expect(genderMismatchWarning('FEMALE', '女')).toBeNull();
    for (const stated of ['未说明', 'UNSPECIFIED', '0', '9', '', null, undefined, 'constructor']) {
      expect(genderMismatchWarning('MALE', stated)).toBeNull();
    }
  });
});

describe('checkIdNumber: properties', () => {
  const DAY_MS = 86_400_000;
  const firstDay = Date.UTC(1900, 0, 1) / DAY_MS;
  const lastDay = Date.UTC(2025, 5, 15) / DAY_MS;

  const validId = fc
    .record({
      province: fc.constantFrom(...ID_PROVINCE_CODES),
      rest: fc.integer({ min: 0, max: 9999 }),
      day: fc.integer({ min: firstDay, max: lastDay }),
      sequence: fc.integer({ min: 0, max: 999 }),
    })
    .map(({ province, rest, day, sequence }) => {
      const birth = new Date(day * DAY_MS).toISOString().slice(0, 10);
      const first17 =
        province +
        String(rest).padStart(4, '0') +
        birth.replaceAll('-', '') +
        String(sequence).padStart(3, '0');
      return { id: first17 + referenceCheckCharacter(first17), birth, sequence };
    });

  it('never throws and always returns a result, for arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (raw) => {
        const result = check(raw);
        expect(typeof result.valid).toBe('boolean');
        expect(typeof result.normalised).toBe('string');
      }),
      { numRuns: 5000 },
    );
  });

  it('never throws on digit-heavy strings near the right length', () => {
    const chars = fc.constantFrom(...'0123456789Xx -０１２\u3000\u0000\u202E');
    fc.assert(
      fc.property(fc.string({ unit: chars, minLength: 14, maxLength: 22 }), (raw) => {
        const result = check(raw);
        if (result.valid) expect(result.normalised).toMatch(/^(\d{15}|\d{17}[\dX])$/);
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts every generated valid ID with its birth date and gender', () => {
    fc.assert(
      fc.property(validId, ({ id, birth, sequence }) => {
        const result = expectValid(check(id));
        expect(result.birthDate).toBe(birth);
        expect(result.gender).toBe(sequence % 2 === 1 ? 'MALE' : 'FEMALE');
        expect(result.provinceKnown).toBe(true);
        expect(result.warnings).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  it('rejects every single-character substitution of a valid ID', () => {
    const substitution = fc
      .record({
        valid: validId,
        position: fc.integer({ min: 0, max: 17 }),
        replacement: fc.constantFrom(...'0123456789X'),
      })
      .filter(({ valid, position, replacement }) => valid.id[position] !== replacement);
    fc.assert(
      fc.property(substitution, ({ valid, position, replacement }) => {
        const changed = valid.id.slice(0, position) + replacement + valid.id.slice(position + 1);
        expect(check(changed).valid).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the typing of an 18-digit number (issue 8)', () => {
  it('reads the 15-digit prefix as a legacy number, but the final number decides', () => {
    const typed = '650102201003010176';
    const prefix = checkIdNumber(typed.slice(0, 15), { today: '2026-11-29' });
    expect(prefix).toMatchObject({ valid: true, birthDate: '1920-10-03', gender: 'FEMALE' });
    expect(checkIdNumber(typed.slice(0, 16), { today: '2026-11-29' }).valid).toBe(false);
    expect(checkIdNumber(typed, { today: '2026-11-29' })).toMatchObject({
      valid: true,
      birthDate: '2010-03-01',
      gender: 'MALE',
    });
  });

  it('offers the 18-digit upgrade of a legacy number', () => {
    const legacy = checkIdNumber('110105491231002', { today: '2026-11-29' });
    expect(legacy).toMatchObject({ valid: true, upgradedTo: '11010519491231002X' });
    if (legacy.valid) expect(legacy.warnings[0]).toContain('11010519491231002X');
  });

  it('sees through invisible characters and names a refused one by code point', () => {
    expect(checkIdNumber('63280119850704124\u200B6', { today: '2026-11-29' })).toMatchObject({
      valid: true,
      normalised: '632801198507041246',
    });
    const refused = checkIdNumber('632801198507041246\u202E', { today: '2026-11-29' });
    expect(refused.valid).toBe(false);
    if (!refused.valid) expect(refused.error).toContain('U+202E');
  });
});

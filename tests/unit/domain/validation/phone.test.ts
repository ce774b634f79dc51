import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPhone, isNoPhoneMarker } from '../../../../domain/validation/phone';

describe('checkPhone: mobile', () => {
  it.each([
    '13912345678',
    '139 1234 5678',
    '139-1234-5678',
    '+86 139 1234 5678',
    '+8613912345678',
    '008613912345678',
    '8613912345678',
    '１３９１２３４５６７８',
  ])('normalises %s to 11 digits', (raw) => {
    expect(checkPhone(raw)).toEqual({ ok: true, kind: 'MOBILE', normalised: '13912345678' });
  });

  it('rejects a wrong length or second digit with a specific message', () => {
    expect(checkPhone('1391234567')).toEqual({
      ok: false,
      error: '手机号码应为11位数字，现在是10位，请核对',
    });
    expect(checkPhone('12912345678')).toMatchObject({
      ok: false,
      error: expect.stringContaining('第二位'),
    });
  });
});

describe('checkPhone: landline', () => {
  it.each([
    ['0971-8123456', '0971-8123456'],
    ['09718123456', '0971-8123456'],
    ['(0971)8123456', '0971-8123456'],
    ['0979 8412345', '0979-8412345'],
    ['010-12345678', '010-12345678'],
    ['01012345678', '010-12345678'],
    ['021-12345678-8001', '021-12345678-8001'],
    ['09718123456-12', '0971-8123456-12'],
    ['0471-12345678', '0471-12345678'],
  ])('accepts %s as %s', (raw, normalised) => {
    expect(checkPhone(raw)).toEqual({ ok: true, kind: 'LANDLINE', normalised });
  });

  it.each(['0971-812345', '971-8123456', '0971-8123456-1234567', '8123456'])(
    'rejects %s',
    (raw) => {
      expect(checkPhone(raw).ok).toBe(false);
    },
  );
});

describe('checkPhone: bad input', () => {
  it('asks for the number when empty', () => {
    expect(checkPhone('  ')).toEqual({ ok: false, error: '请填写联系电话' });
  });

  it('explains that only one number goes in the box', () => {
    const result = checkPhone('13912345678（儿子）');
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining('只填一个号码') });
  });

  it('rejects NUL, bidi characters and a 1 MB string', () => {
    for (const raw of ['1391234\u00005678', '\u202E13912345678', '1'.repeat(1024 * 1024)]) {
      expect(checkPhone(raw).ok).toBe(false);
    }
  });

  it('recognises the "no phone" marker only as the whole value', () => {
    expect(isNoPhoneMarker(' 无 ')).toBe(true);
    expect(isNoPhoneMarker('無')).toBe(true);
    expect(isNoPhoneMarker('无电话')).toBe(false);
    expect(checkPhone('无').ok).toBe(false);
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (raw) => {
        const result = checkPhone(raw);
        if (result.ok) {
          expect(result.normalised).toMatch(/^(1[3-9]\d{9}|0\d{2,3}-\d{7,8}(-\d{1,6})?)$/);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCountyCode, checkDivisionCode } from '../../../../domain/validation/division-code';

describe('checkDivisionCode (12 digits)', () => {
  it.each([
    ['632801000000', 'COUNTY'],
    ['632801100000', 'TOWNSHIP'],
    ['632801100201', 'VILLAGE'],
    ['152502001001', 'VILLAGE'],
    ['620102599399', 'VILLAGE'],
    ['441900003000', 'TOWNSHIP'],
    ['630000000000', 'PROVINCE'],
    ['632800000000', 'PREFECTURE'],
  ])('accepts %s as %s', (code, level) => {
    expect(checkDivisionCode(code)).toEqual({ ok: true, normalised: code, level });
  });

  it('normalises full-width digits and spaces', () => {
    expect(checkDivisionCode('６３２８０１ 100 201')).toMatchObject({
      ok: true,
      normalised: '632801100201',
    });
  });

  it.each([
    ['63280110020', '11位'],
    ['6328011002011', '13位'],
    ['63280110020A', '只能包含数字'],
    ['992801100201', '（99）'],
    ['632801600000', '乡镇段 600'],
    ['632801100400', '村级段 400'],
    ['632801000201', '不能是000'],
    ['630001000000', '第5–6位'],
    ['630000100000', '0000'],
    ['', '请填写'],
  ])('rejects %s (%s)', (code, fragment) => {
    const result = checkDivisionCode(code);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(fragment);
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (raw) => {
        const result = checkDivisionCode(raw);
        if (result.ok) expect(result.normalised).toMatch(/^\d{12}$/);
      }),
      { numRuns: 2000 },
    );
    expect(checkDivisionCode('6'.repeat(1024 * 1024)).ok).toBe(false);
  });
});

describe('checkCountyCode (6 digits)', () => {
  it.each([
    ['632801', 'COUNTY'],
    ['630202', 'COUNTY'],
    ['620102', 'COUNTY'],
    ['152502', 'COUNTY'],
    ['429004', 'COUNTY'],
    ['620100', 'PREFECTURE'],
    ['630000', 'PROVINCE'],
    ['810000', 'PROVINCE'],
  ])('accepts %s as %s', (code, level) => {
    expect(checkCountyCode(code)).toEqual({ ok: true, normalised: code, level });
  });

  it.each(['63280', '6328011', '000000', '830000', '630001', 'abcdef', '\u0000632801'])(
    'rejects %j',
    (code) => {
      expect(checkCountyCode(code).ok).toBe(false);
    },
  );
});

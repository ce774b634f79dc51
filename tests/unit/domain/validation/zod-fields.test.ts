import { describe, expect, it } from 'vitest';
import {
  countyCodeField,
  divisionCodeField,
  idNumberField,
  idNumberFieldOn,
  mobileOrLandlineField,
  optionalCountyCodeField,
  optionalDivisionCodeField,
  optionalSocialCreditCodeField,
  personNameField,
  phoneOrNoneField,
  socialCreditCodeField,
} from '../../../../domain/validation/zod-fields';

type Parse = {
  safeParse: (v: unknown) => {
    success: boolean;
    error?: { issues: { message: string; path: PropertyKey[] }[] };
  };
};

function messagesOf(schema: Parse, value: unknown): string[] {
  const result = schema.safeParse(value);
  expect(result.success).toBe(false);
  return result.error?.issues.map((i) => i.message) ?? [];
}

describe('idNumberField', () => {
  const onJune15 = idNumberFieldOn(() => '2025-06-15');

  it('outputs the normalised number', () => {
    expect(onJune15.parse(' 11010519491231002x ')).toBe('11010519491231002X');
    expect(onJune15.parse('６３２８０１１９８５０７０４１２３８')).toBe('632801198507041238');
    expect(idNumberField.parse('620102200011115672')).toBe('620102200011115672');
  });

  it('passes a 15-digit legacy number through as typed', () => {
    expect(onJune15.parse('632801850704123')).toBe('632801850704123');
  });

  it('puts the Chinese message on the issue', () => {
    expect(messagesOf(onJune15, '632801198507041237')).toEqual([
      '身份证号码校验位不正确，请核对最后一位，并逐位核对其他数字',
    ]);
    expect(messagesOf(onJune15, 18)).toEqual(['身份证号码必须是文字']);
    expect(messagesOf(onJune15, '63280120250616123X')[0]).toContain('晚于今天');
  });

  it('reads the clock on every parse, not once', () => {
    let today = '2025-06-15';
    const field = idNumberFieldOn(() => today);
    const first17 = '63280120250616123';
    const sum = [...first17].reduce((s, d, i) => s + Number(d) * (2 ** (17 - i) % 11), 0);
    const id = first17 + ('10X98765432'[sum % 11] ?? '');
    expect(field.safeParse(id).success).toBe(false);
    today = '2025-06-16';
    expect(field.safeParse(id).success).toBe(true);
  });
});

describe('mobileOrLandlineField and phoneOrNoneField', () => {
  it('normalises numbers', () => {
    expect(mobileOrLandlineField.parse('+86 139-1234-5678')).toBe('13912345678');
    expect(mobileOrLandlineField.parse('09718123456')).toBe('0971-8123456');
    expect(messagesOf(mobileOrLandlineField, '5678')[0]).toContain('格式不正确');
  });

  it('requires a reason when the phone is 无', () => {
    const issues = phoneOrNoneField.safeParse({ phone: '无' }).error?.issues ?? [];
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toEqual(['noPhoneReason']);
    expect(issues[0]?.message).toContain('原因');
    expect(phoneOrNoneField.safeParse({ phone: '无', noPhoneReason: '  ' }).success).toBe(false);
  });

  it('accepts 无 with a reason, and a number without one', () => {
    expect(
      phoneOrNoneField.parse({ phone: ' 无 ', noPhoneReason: '老人无手机，经村委会联系' }),
    ).toEqual({
      kind: 'NONE',
      phone: '无',
      noPhoneReason: '老人无手机，经村委会联系',
    });
    expect(phoneOrNoneField.parse({ phone: '139 1234 5678' })).toEqual({
      kind: 'MOBILE',
      phone: '13912345678',
      noPhoneReason: null,
    });
  });

  it('reports a bad number on the phone path and rejects unknown keys', () => {
    const issues = phoneOrNoneField.safeParse({ phone: '12345' }).error?.issues ?? [];
    expect(issues[0]?.path).toEqual(['phone']);
    expect(phoneOrNoneField.safeParse({ phone: '13912345678', extra: 1 }).success).toBe(false);
  });
});

describe('personNameField', () => {
  it('outputs the normalised name', () => {
    expect(personNameField.parse(' 买买提・艾力 ')).toBe('买买提·艾力');
  });

  it('rejects with Chinese messages', () => {
    expect(messagesOf(personNameField, '')).toEqual(['请填写姓名']);
    expect(messagesOf(personNameField, null)).toEqual(['姓名必须是文字']);
    expect(messagesOf(personNameField, '张\u202E三')[0]).toContain('控制字符');
  });
});

describe('division code fields', () => {
  it('validates required codes', () => {
    expect(divisionCodeField.parse('632801100201')).toBe('632801100201');
    expect(countyCodeField.parse('６３２８０１')).toBe('632801');
    expect(messagesOf(divisionCodeField, '632801')[0]).toContain('12位');
    expect(messagesOf(countyCodeField, '')).toEqual(['请填写区划代码']);
  });

  it('maps empty optional codes to null but still checks given ones', () => {
    for (const empty of [undefined, null, '', '   ']) {
      expect(optionalDivisionCodeField.parse(empty)).toBeNull();
      expect(optionalCountyCodeField.parse(empty)).toBeNull();
    }
    expect(optionalDivisionCodeField.parse('632801000000')).toBe('632801000000');
    expect(optionalDivisionCodeField.safeParse('632801999000').success).toBe(false);
    expect(optionalCountyCodeField.safeParse(632801).success).toBe(false);
  });
});

describe('socialCreditCodeField', () => {
  it('never fails on the check character', () => {
    expect(socialCreditCodeField.parse('91632801ma7dq3x8a0')).toBe('91632801MA7DQ3X8A0');
    expect(socialCreditCodeField.parse('91632801MA7DQ3X8A1')).toBe('91632801MA7DQ3X8A1');
    // An old 15-digit registration number is kept rather than refused.
    expect(socialCreditCodeField.parse('632800000012345')).toBe('632800000012345');
  });

  it('fails on gross shape only', () => {
    expect(messagesOf(socialCreditCodeField, '')).toEqual(['请填写统一社会信用代码']);
    expect(messagesOf(socialCreditCodeField, 'A'.repeat(31))[0]).toContain('太长');
    expect(messagesOf(socialCreditCodeField, '格尔木市某某合作社')[0]).toContain('数字和大写字母');
    expect(optionalSocialCreditCodeField.parse('')).toBeNull();
  });
});

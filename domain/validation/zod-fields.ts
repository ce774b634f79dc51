import { z } from 'zod';
import { cleanText, refusalMessage } from '../text-discipline';
import { optionalSingleLine } from '../text-input';
import { chinaToday } from './calendar-date';
import { checkCountyCode, checkDivisionCode } from './division-code';
import { checkIdNumber } from './id-number';
import { checkPersonName } from './person-name';
import { checkPhone, isNoPhoneMarker, type PhoneKind } from './phone';
import { normaliseSocialCreditCode } from './social-credit-code';

/**
 * Zod fields for API contracts, built on the checks of this folder so that the renderer's
 * form hints and the main process's parsing give the same Chinese message for the same input.
 * Each field outputs the normalised value, which is what gets stored.
 */

type Checked =
  { readonly ok: true; readonly value: string } | { readonly ok: false; readonly error: string };

/**
 * Codes and identifiers get the strict text discipline before their own check, so a number
 * pasted with a zero-width space or a tab is the same number, and a refused character is
 * named by its code point. `label` is the field's name in that message.
 */
function strictThen(label: string, check: (raw: string) => Checked) {
  return (raw: string): Checked => {
    const cleaned = cleanText(raw, 'STRICT');
    if (!cleaned.ok) return { ok: false, error: refusalMessage(label, cleaned) };
    return check(cleaned.value);
  };
}

// The label is what the type error names: "身份证号码必须是文字" → "身份证号码".
const labelOf = (typeError: string) => typeError.replace(/必须是文字$/u, '');

function checkedString(typeError: string, rawCheck: (raw: string) => Checked) {
  const check = strictThen(labelOf(typeError), rawCheck);
  return z.string({ error: typeError }).transform((raw, ctx) => {
    const result = check(raw);
    if (result.ok) return result.value;
    ctx.addIssue({ code: 'custom', message: result.error });
    return z.NEVER;
  });
}

// Forms send '' for a cleared optional input; null is what gets stored for "not given".
function checkedOptionalString(typeError: string, rawCheck: (raw: string) => Checked) {
  const check = strictThen(labelOf(typeError), rawCheck);
  return z
    .string({ error: typeError })
    .nullish()
    .transform((raw, ctx) => {
      if (raw === null || raw === undefined) return null;
      const cleaned = cleanText(raw, 'STRICT');
      if (cleaned.ok && cleaned.value === '') return null;
      const result = check(raw);
      if (result.ok) return result.value;
      ctx.addIssue({ code: 'custom', message: result.error });
      return z.NEVER;
    });
}

/**
 * An ID number judged against the given "today". The 15-digit legacy form passes (it is
 * stored as typed); its upgrade warning comes from `checkIdNumber`, not from this field.
 */
export function idNumberFieldOn(today: () => string) {
  return checkedString('身份证号码必须是文字', (raw) => {
    const result = checkIdNumber(raw, { today: today() });
    return result.valid
      ? { ok: true, value: result.normalised }
      : { ok: false, error: result.error };
  });
}

export const idNumberField = idNumberFieldOn(() => chinaToday());

export const mobileOrLandlineField = checkedString('联系电话必须是文字', (raw) => {
  const result = checkPhone(raw);
  return result.ok ? { ok: true, value: result.normalised } : result;
});

/**
 * A party's phone, or "无" with the reason why there is none (elderly herders often have
 * no phone of their own; the reason tells the next mediator how to reach them instead).
 */
export const phoneOrNoneField = z
  .strictObject({
    phone: z.string({ error: '联系电话必须是文字' }),
    // `.optional()` lets forms leave the key out when a number is given.
    noPhoneReason: optionalSingleLine({ max: 100, label: '没有电话的原因' }).optional(),
  })
  .transform(
    (
      value,
      ctx,
    ):
      | { kind: 'NONE'; phone: '无'; noPhoneReason: string }
      | { kind: PhoneKind; phone: string; noPhoneReason: null } => {
      const cleaned = cleanText(value.phone, 'STRICT');
      if (!cleaned.ok) {
        ctx.addIssue({
          code: 'custom',
          path: ['phone'],
          message: refusalMessage('联系电话', cleaned),
        });
        return z.NEVER;
      }
      const phone = cleaned.value;
      if (isNoPhoneMarker(phone)) {
        if (value.noPhoneReason === null || value.noPhoneReason === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['noPhoneReason'],
            message: '联系电话填“无”时，请写明没有电话的原因，以及可以怎样联系到当事人',
          });
          return z.NEVER;
        }
        return { kind: 'NONE', phone: '无', noPhoneReason: value.noPhoneReason };
      }
      const result = checkPhone(phone);
      if (!result.ok) {
        ctx.addIssue({ code: 'custom', path: ['phone'], message: result.error });
        return z.NEVER;
      }
      return { kind: result.kind, phone: result.normalised, noPhoneReason: null };
    },
  );

export const personNameField = checkedString('姓名必须是文字', (raw) => {
  const result = checkPersonName(raw);
  return result.ok ? { ok: true, value: result.normalised } : result;
});

function divisionCheck(check: typeof checkDivisionCode) {
  return (raw: string): Checked => {
    const result = check(raw);
    return result.ok ? { ok: true, value: result.normalised } : result;
  };
}

export const divisionCodeField = checkedString(
  '区划代码必须是文字',
  divisionCheck(checkDivisionCode),
);
export const optionalDivisionCodeField = checkedOptionalString(
  '区划代码必须是文字',
  divisionCheck(checkDivisionCode),
);
export const countyCodeField = checkedString('区划代码必须是文字', divisionCheck(checkCountyCode));
export const optionalCountyCodeField = checkedOptionalString(
  '区划代码必须是文字',
  divisionCheck(checkCountyCode),
);

const SOCIAL_CREDIT_CODE_MAX = 30;

// Checksum problems are only warnings (see social-credit-code.ts); what is refused here is
// input that is not a registration code at all, so that free text does not end up stored
// in the code column.
function grossSocialCreditCheck(raw: string): Checked {
  if (raw.length > SOCIAL_CREDIT_CODE_MAX * 2) {
    return { ok: false, error: `统一社会信用代码太长（应为18位）` };
  }
  const normalised = normaliseSocialCreditCode(raw);
  if (normalised === '') return { ok: false, error: '请填写统一社会信用代码' };
  if (normalised.length > SOCIAL_CREDIT_CODE_MAX) {
    return { ok: false, error: `统一社会信用代码太长（应为18位，现在是${normalised.length}位）` };
  }
  if (!/^[0-9A-Z]+$/.test(normalised)) {
    return { ok: false, error: '统一社会信用代码只能包含数字和大写字母，请删除其他字符' };
  }
  return { ok: true, value: normalised };
}

export const socialCreditCodeField = checkedString(
  '统一社会信用代码必须是文字',
  grossSocialCreditCheck,
);
export const optionalSocialCreditCodeField = checkedOptionalString(
  '统一社会信用代码必须是文字',
  grossSocialCreditCheck,
);

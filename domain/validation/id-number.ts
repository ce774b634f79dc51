import { cleanText, refusalMessage } from '../text-discipline';
import { formatIsoDate, isRealDate, parseIsoDate } from './calendar-date';
import { isKnownIdProvince } from './province-codes';

export { ageOn } from './calendar-date';

/**
 * Resident identity numbers (公民身份号码, GB 11643-1999), also used by residence permits for
 * Hong Kong, Macao and Taiwan residents and by the 2023 foreigner permanent-residence card.
 * Users paste these from scans, chats and spreadsheets, so every string must come back as a
 * result with a Chinese sentence, never as an exception.
 */

export type IdGender = 'MALE' | 'FEMALE';

export interface IdNumberValid {
  readonly valid: true;
  readonly normalised: string;
  readonly birthDate: string;
  readonly gender: IdGender;
  readonly provinceKnown: boolean;
  readonly warnings: string[];
  /** Only for 15-digit first-generation numbers: the 18-digit number they correspond to. */
  readonly upgradedTo?: string;
}

export interface IdNumberInvalid {
  readonly valid: false;
  readonly normalised: string;
  readonly error: string;
}

export type IdNumberResult = IdNumberValid | IdNumberInvalid;

export interface IdCheckOptions {
  /** The date against which "birth date in the future" is judged, `YYYY-MM-DD`. */
  readonly today: string;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';

// Anything longer cannot be an ID even with generous spacing; refusing it early keeps a
// pasted document from being normalised character by character.
const MAX_RAW_LENGTH = 64;

const DASHES = /[-\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/gu;

/**
 * NFKC turns full-width digits and letters (common with Chinese input methods) into ASCII;
 * spaces and dashes are the usual grouping people type or copy from forms.
 */
export function normaliseIdNumber(raw: string): string {
  return raw.normalize('NFKC').replace(/\s/gu, '').replace(DASHES, '').replace(/x/g, 'X');
}

/** The ISO 7064 MOD 11-2 check character for the first 17 digits. */
export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i += 1) {
    sum += Number(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  }
  return CHECK_CHARACTERS.charAt(sum % 11);
}

/** The 18-digit number of a 15-digit first-generation number (born 1900–1999 by design). */
export function upgradeLegacyIdNumber(fifteen: string): string {
  const first17 = `${fifteen.slice(0, 6)}19${fifteen.slice(6)}`;
  return first17 + idCheckCharacter(first17);
}

function invalid(normalised: string, error: string): IdNumberInvalid {
  return { valid: false, normalised, error };
}

function genderOf(digit: string): IdGender {
  return Number(digit) % 2 === 1 ? 'MALE' : 'FEMALE';
}

function provinceWarning(normalised: string): string | null {
  if (isKnownIdProvince(normalised.slice(0, 2))) return null;
  if (normalised.startsWith('9')) {
    return '该号码以9开头，通常是外国人永久居留身份证号码，请确认证件类型';
  }
  return `身份证号码前两位（${normalised.slice(0, 2)}）不是已知的省级行政区代码，请核对`;
}

type BirthDateCheck =
  { readonly ok: true; readonly date: string } | { readonly ok: false; readonly error: string };

function checkBirthDate(yyyymmdd: string, today: string): BirthDateCheck {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < 1900) {
    return { ok: false, error: `身份证号码中的出生年份（${year}）早于1900年，请核对第7–10位` };
  }
  if (!isRealDate(year, month, day)) {
    return {
      ok: false,
      error: `身份证号码中的出生日期（第7–14位：${yyyymmdd}）不是真实存在的日期，请核对`,
    };
  }
  const date = formatIsoDate({ year, month, day });
  if (date > today) {
    return { ok: false, error: `身份证号码中的出生日期（${date}）晚于今天，请核对第7–14位` };
  }
  return { ok: true, date };
}

function checkLegacy(normalised: string, today: string): IdNumberResult {
  if (normalised.startsWith('0')) return invalid(normalised, '身份证号码第一位不能是0，请核对');
  const birth = checkBirthDate(`19${normalised.slice(6, 12)}`, today);
  if (!birth.ok) return invalid(normalised, birth.error);
  const upgradedTo = upgradeLegacyIdNumber(normalised);
  const warnings = [
    `这是15位的第一代身份证号码，已停止使用；对应的18位号码是 ${upgradedTo}，请与当事人现用证件核对`,
  ];
  const province = provinceWarning(normalised);
  if (province) warnings.push(province);
  return {
    valid: true,
    normalised,
    birthDate: birth.date,
    gender: genderOf(normalised.charAt(14)),
    provinceKnown: province === null,
    warnings,
    upgradedTo,
  };
}

export function checkIdNumber(raw: string, options: IdCheckOptions): IdNumberResult {
  if (typeof raw !== 'string') return invalid('', '请填写身份证号码');
  if (raw.length > MAX_RAW_LENGTH) {
    return invalid('', '身份证号码太长（应为18位），请检查是否粘贴了多余的内容');
  }
  const today = parseIsoDate(options.today);
  // A bad `today` is a programming error, but this function promises never to throw.
  if (!today) return invalid('', '无法核对出生日期：系统日期无效');
  const todayText = formatIsoDate(today);

  // The text discipline first: a number pasted with a zero-width space is the same number.
  const cleaned = cleanText(raw, 'STRICT');
  if (!cleaned.ok) return invalid('', refusalMessage('身份证号码', cleaned));
  const normalised = normaliseIdNumber(cleaned.value);
  if (normalised === '') return invalid(normalised, '请填写身份证号码');
  if (/[^0-9X]/.test(normalised)) {
    return invalid(normalised, '身份证号码只能由数字和最后一位的X组成，请删除其他字符');
  }
  if (normalised.length === 15 && /^\d{15}$/.test(normalised)) {
    return checkLegacy(normalised, todayText);
  }
  if (normalised.length !== 18) {
    return invalid(normalised, `身份证号码应为18位，现在是${normalised.length}位，请核对`);
  }
  if (normalised.slice(0, 17).includes('X')) {
    return invalid(normalised, '字母X只能出现在身份证号码的最后一位，请核对');
  }
  if (normalised.startsWith('0')) return invalid(normalised, '身份证号码第一位不能是0，请核对');

  const birth = checkBirthDate(normalised.slice(6, 14), todayText);
  if (!birth.ok) return invalid(normalised, birth.error);

  if (idCheckCharacter(normalised.slice(0, 17)) !== normalised.charAt(17)) {
    // The expected character is not shown: the typo is as likely to be in another digit,
    // and showing it would invite "fixing" the last digit to match.
    return invalid(normalised, '身份证号码校验位不正确，请核对最后一位，并逐位核对其他数字');
  }

  const province = provinceWarning(normalised);
  return {
    valid: true,
    normalised,
    birthDate: birth.date,
    gender: genderOf(normalised.charAt(16)),
    provinceKnown: province === null,
    warnings: province ? [province] : [],
  };
}

const GENDER_WORDS: Readonly<Record<string, IdGender>> = {
  MALE: 'MALE',
  FEMALE: 'FEMALE',
  男: 'MALE',
  女: 'FEMALE',
  '1': 'MALE',
  '2': 'FEMALE',
};

/**
 * Accepts the stated gender as the app's enum (MALE/FEMALE/…), the printed label (男/女) or
 * the GB/T 2261.1 code (1/2). "Not stated" or "unknown" (未说明, 0, 9) never warns: the
 * mediator may have a reason not to record it.
 */
export function genderMismatchWarning(
  idGender: IdGender,
  statedGender: string | null | undefined,
): string | null {
  if (statedGender === null || statedGender === undefined) return null;
  const stated = Object.hasOwn(GENDER_WORDS, statedGender) ? GENDER_WORDS[statedGender] : undefined;
  if (stated === undefined || stated === idGender) return null;
  const idLabel = idGender === 'MALE' ? '男' : '女';
  const statedLabel = stated === 'MALE' ? '男' : '女';
  return `身份证号码显示性别为${idLabel}，但填写的性别是${statedLabel}，请核对`;
}

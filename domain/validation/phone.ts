/**
 * Phone numbers of parties (§6.4). Mobile numbers are stored as 11 bare digits so that the
 * same number typed as "+86 139-1234-5678" and "13912345678" is recognised as one.
 */

export type PhoneKind = 'MOBILE' | 'LANDLINE';

export type PhoneResult =
  | { readonly ok: true; readonly kind: PhoneKind; readonly normalised: string }
  | { readonly ok: false; readonly error: string };

const MAX_RAW_LENGTH = 64;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63]/gu;
const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/;

/** The marker a mediator types when a party has no phone (common for elderly herders). */
export function isNoPhoneMarker(raw: string): boolean {
  const text = raw.normalize('NFKC').trim();
  return text === '无' || text === '無';
}

function mobileDigits(compact: string): string {
  const digits = compact.replace(/-/g, '');
  for (const prefix of ['+86', '0086', '86']) {
    if (digits.startsWith(prefix) && MOBILE.test(digits.slice(prefix.length))) {
      return digits.slice(prefix.length);
    }
  }
  return digits;
}

// 010 (Beijing) and 02x are the only three-digit area codes; all others have four digits.
// Knowing this lets "09711234567" be stored as "0971-1234567".
function areaCodeLength(digits: string): number {
  return digits.startsWith('010') || digits.startsWith('02') ? 3 : 4;
}

function splitExtension(compact: string): { main: string; extension?: string } {
  const parts = compact.split('-');
  const [first = '', second = '', third = ''] = parts;
  // "0971-8123456-12": area code, number, extension.
  if (parts.length === 3) return { main: first + second, extension: third };
  // "09718123456-12": the only dash comes before the extension, not after the area code.
  if (parts.length === 2 && !/^0\d{2,3}$/.test(first)) return { main: first, extension: second };
  return { main: parts.join('') };
}

function canonicalLandline(compact: string): string {
  const { main, extension } = splitExtension(compact);
  const areaLength = areaCodeLength(main);
  const number = `${main.slice(0, areaLength)}-${main.slice(areaLength)}`;
  return extension === undefined ? number : `${number}-${extension}`;
}

export function checkPhone(raw: string): PhoneResult {
  if (typeof raw !== 'string' || raw.length > MAX_RAW_LENGTH) {
    return { ok: false, error: '电话号码太长，请只填写一个号码' };
  }
  const compact = raw
    .normalize('NFKC')
    .replace(/\s/gu, '')
    .replace(DASHES, '-')
    .replace(/^\((0\d{2,3})\)/, '$1-');
  if (compact === '') return { ok: false, error: '请填写联系电话' };

  const mobile = mobileDigits(compact);
  if (MOBILE.test(mobile)) return { ok: true, kind: 'MOBILE', normalised: mobile };

  if (LANDLINE.test(compact)) {
    const normalised = canonicalLandline(compact);
    // Splitting by area-code length can leave a local number of the wrong length
    // (e.g. a 3-digit area code typed with a 4-digit one's number length).
    if (LANDLINE.test(normalised)) return { ok: true, kind: 'LANDLINE', normalised };
  }

  if (/^1\d*$/.test(mobile)) {
    if (mobile.length !== 11) {
      return { ok: false, error: `手机号码应为11位数字，现在是${mobile.length}位，请核对` };
    }
    return { ok: false, error: '手机号码第二位应为3至9，请核对' };
  }
  if (/[^0-9+\-()]/.test(compact)) {
    return {
      ok: false,
      error: '电话号码只能包含数字，请删除文字或其他符号（一个格子只填一个号码）',
    };
  }
  return {
    ok: false,
    error:
      '电话号码格式不正确：手机号为11位（如 13912345678），座机号为区号加号码（如 0971-8123456）',
  };
}

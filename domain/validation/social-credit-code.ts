/**
 * Unified social credit codes (统一社会信用代码, GB 32100-2015) of organisation parties.
 * Only warnings: village committees, cooperatives and old records sometimes carry codes the
 * committee cannot verify, and a mediation must not be blocked by a registry detail.
 */

export interface SocialCreditCodeResult {
  readonly ok: boolean;
  readonly normalised: string;
  readonly warning?: string;
}

// I, O, Z, S and V are left out so the code cannot be misread as 1, 0, 2, 5 and U.
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const MAX_RAW_LENGTH = 64;
const DASHES = /[-\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/gu;

export function normaliseSocialCreditCode(raw: string): string {
  return raw.normalize('NFKC').replace(/\s/gu, '').replace(DASHES, '').toUpperCase();
}

/** The check character for the first 17 characters, or null if one is outside the charset. */
export function socialCreditCheckCharacter(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i += 1) {
    const value = CHARSET.indexOf(first17.charAt(i));
    if (value < 0) return null;
    sum += value * (WEIGHTS[i] ?? 0);
  }
  return CHARSET.charAt((31 - (sum % 31)) % 31);
}

export function checkSocialCreditCode(raw: string): SocialCreditCodeResult {
  if (typeof raw !== 'string' || raw.length > MAX_RAW_LENGTH) {
    return { ok: false, normalised: '', warning: '统一社会信用代码太长（应为18位），请核对' };
  }
  const normalised = normaliseSocialCreditCode(raw);
  if (normalised === '') {
    return { ok: false, normalised, warning: '未填写统一社会信用代码' };
  }
  if (normalised.length !== 18) {
    return {
      ok: false,
      normalised,
      warning: `统一社会信用代码应为18位，现在是${normalised.length}位，请核对`,
    };
  }
  const bad = [...normalised].find((ch) => !CHARSET.includes(ch));
  if (bad !== undefined) {
    return {
      ok: false,
      normalised,
      warning: `统一社会信用代码中不应出现“${bad}”（代码只用数字和除I、O、Z、S、V以外的大写字母），请核对`,
    };
  }
  if (socialCreditCheckCharacter(normalised.slice(0, 17)) !== normalised.charAt(17)) {
    return { ok: false, normalised, warning: '统一社会信用代码校验位不正确，请逐位核对' };
  }
  return { ok: true, normalised };
}

import { maskIdNumber } from './change-history.js';
import { maskPhone } from '../statistics/deidentify.js';

/** A digit as typed: ASCII or full-width (an IME in full-width mode). */
const D = '[0-9０-９]';
/** Digits a shape names, in either width. */
const ONE = '[1１]';
const ZERO = '[0０]';
const MOBILE_SECOND = '[3-9３-９]';
const NOT_ZERO = '[1-9１-９]';
const FOUR_OR_EIGHT = '[48４８]';
/** One separator between digit groups: a space, a dash or a dot, of either width. */
const SEP = '(?:[ \\u3000]?[\\-.．－—–][ \\u3000]?|[ \\u3000])';
/** A word saying a phone number follows, and what may stand between it and the number. */
const PHONE_LABEL =
  '(?:电话|手机|手机号|座机|固话|联系方式|电话号码|手机号码|[Tt][Ee][Ll])[：:\\s]{0,2}';
/** A country prefix, kept as written: +86, 0086, 86 and a separator. */
const PREFIX = `(?:[+＋]?(?:${ZERO}{2})?[8８][6６]${SEP}?)`;

/**
 * What a phone number in Chinese text looks like (review SC6: "any 7+ digits" masked money,
 * areas and case numbers). Each shape is bounded by non-digits (and by no Latin letter after
 * it), so no part of a longer number is taken for one:
 * - a mainland mobile, 1[3-9] and nine digits, whole or grouped 3-4-4 (3-8, 7-4), after an
 *   optional +86/0086;
 * - a landline with its area code: 0 and 2–3 digits, a separator or brackets, 7–8 digits
 *   (also 3-4 or 4-4); or 10–12 digits from a 0 with no separator; after +86 the area's 0 is
 *   dropped and a separator is required;
 * - a 400/800 service number, 3-3-4;
 * - a local number of 7–8 digits with no area code, only right after 电话/手机/座机/… (alone
 *   it cannot be told from an amount or a serial number).
 * Each is shown as `maskPhone` shows a phone field, so a number reads the same in a field, in
 * a text and in an export.
 * And, masked too but as a C3 number (§7.2: bank accounts and ID numbers "masked"), a run of
 * 15–23 digits (an ID number's last X included; corporate accounts run to 20–23), whole or
 * in groups of four, with no Latin letter before it: a bank account an agreement names, or
 * an ID number written into a text.
 */
const NUMBER_IN_TEXT = new RegExp(
  [
    // first, so no phone shape takes a part of an account written in groups (0212 3456 7890);
    // after a letter it is a code (SN…), not an account
    `(?<![0-9０-９A-Za-z])(?<account>${D}{17}[Xx]|${D}{15,23}|${D}{4}(?:[ \\u3000\\-]${D}{4}){3,4}(?:[ \\u3000\\-]${D}{1,3})?)(?![0-9０-９A-Za-z])`,
    ...[
      `(?<prefix>${PREFIX})?(?<mobile>${ONE}${MOBILE_SECOND}${D}${SEP}?${D}{4}${SEP}?${D}{4})`,
      `(?<areaPrefix>${PREFIX})(?<areaLandline>${NOT_ZERO}${D}{1,2}${SEP}(?:${D}{7,8}|${D}{3,4}${SEP}${D}{4}))`,
      `(?<landline>(?:${ZERO}${D}{2,3}${SEP}|[（(]${ZERO}${D}{2,3}[）)]${SEP}?)(?:${D}{7,8}|${D}{3,4}${SEP}${D}{4})|${ZERO}${D}{9,11})`,
      `(?<service>${FOUR_OR_EIGHT}${ZERO}{2}${SEP}?${D}{3}${SEP}?${D}{4})`,
      `(?<=${PHONE_LABEL})(?<local>${D}{3,4}${SEP}?${D}{4})`,
      // a phone may follow a letter (Tel13812345678, a WeChat id wx13812345678: review MA2)
    ].map((shape) => `(?<![0-9０-９])(?:${shape})(?![0-9０-９A-Za-z])`),
  ].join('|'),
  'gu',
);

/**
 * What follows an amount, an area or a share, right after the number and its decimal part
 * (review MA1: only units no name or word after a phone begins with; 万 alone may be a
 * surname, 米/千/户/人 the start of a name or a word, and an 11-digit mobile-shaped amount is no
 * mediation's, so masking such a number is the safe side).
 */
const UNIT_AFTER = /^(?:[.．][0-9０-９]+)?(?:元|万元|万平|万亩|亩|平方|㎡|%|％)/u;

/** 号 ends a court number only after its kind (（2026）青0102民初1234号); else a building's. */
const COURT_KIND_BEFORE = /(?:民初|民终|民特|民申|民再|民调|刑初|刑终|行初|行终|执恢|执保|执|字)$/u;

/** What precedes an amount or an ordinal: ¥ 13800000000, 人民币, 第. */
const MARK_BEFORE = /(?:[¥￥]|人民币|RMB|第)[ \u3000]*$/u;

/** A phone label right before a number: then it is a phone whatever follows. */
const LABEL_BEFORE = new RegExp(`${PHONE_LABEL}$`, 'u');

const FULL_WIDTH_DIGIT = /[０-９]/gu;

function asciiDigits(text: string): string {
  return text
    .replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/\D/gu, '');
}

type Shapes = Partial<Record<'account' | 'prefix' | 'areaPrefix', string>>;

/**
 * Every phone number of a free text masked (an agent's 联系方式 in an agreement, a number in the
 * facts or a record: any text may carry a party's, an agent's or a witness's number), and every
 * account-length number; amounts, areas, counts, dates and case numbers stay whole.
 */
export function maskPhonesInText(text: string): string {
  return text.replace(NUMBER_IN_TEXT, (run: string, ...rest: unknown[]) => {
    const groups = rest.at(-1) as Shapes;
    const offset = rest.at(-3) as number;
    const before = text.slice(0, offset);
    const after = text.slice(offset + run.length);
    if (!LABEL_BEFORE.test(before) && isNoPhone(before, after)) return run;
    if (groups.account !== undefined) {
      const last = /[Xx]$/u.exec(groups.account)?.[0] ?? '';
      return maskIdNumber(`${asciiDigits(groups.account)}${last}`);
    }
    const prefix = groups.prefix ?? groups.areaPrefix ?? '';
    return `${prefix}${maskPhone(asciiDigits(run.slice(prefix.length)))}`;
  });
}

/** An amount, an area, a share, an ordinal or a court number, by what stands around it. */
function isNoPhone(before: string, after: string): boolean {
  if (UNIT_AFTER.test(after) || MARK_BEFORE.test(before)) return true;
  return after.startsWith('号') && COURT_KIND_BEFORE.test(before);
}

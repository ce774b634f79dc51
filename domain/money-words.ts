import { z } from 'zod';

/**
 * Money on printed agreements (domain §6.8): amounts are integer fen; documents print both the
 * uppercase form and the figures, e.g. `人民币叁万元整（¥30,000.00）`.
 *
 * Uppercase rules follow 中国人民银行《支付结算办法》 附件一 (正确填写票据和结算凭证的基本规定).
 * Where that text allows two spellings we pick one and test it:
 * - 10–19 are written 壹拾… (never a bare 拾), as on cheques;
 * - a run of zeros inside the number is written as one 零 (¥1,004.56 → 壹仟零肆元伍角陆分);
 * - zeros at the end of a 万/亿 section are absorbed by the section unit, zeros at the start of
 *   the next section give one 零 (¥107,000 → 壹拾万柒仟元整; ¥100,005 → 壹拾万零伍元整);
 * - 元位 is 0 and 角 is not → 零 after 元 (¥1,680.32 → 壹仟陆佰捌拾元零叁角贰分;
 *   ¥1,000,000,000.50 → 壹拾亿元零伍角), the first of the two spellings the rules list;
 * - 角 is 0 and 分 is not → 零 after 元 is mandatory (¥325.04 → 叁佰贰拾伍元零肆分);
 * - 整 after 元 when there is no 角/分; nothing after 角 or 分 (¥105.10 → 壹佰零伍元壹角);
 * - below one yuan there is no leading 零元 (¥0.05 → 伍分); zero is 零元整.
 */

export const MAX_AMOUNT_YUAN = 1_000_000_000_000; // 1 万亿元
export const MAX_AMOUNT_FEN = MAX_AMOUNT_YUAN * 100; // 10^14 < Number.MAX_SAFE_INTEGER

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
const DIGIT_UNITS = ['', '拾', '佰', '仟'] as const;
const SECTION_UNITS = ['', '万', '亿', '万亿'] as const;

function toFenBigInt(fen: bigint | number): bigint {
  if (typeof fen === 'number') {
    if (!Number.isSafeInteger(fen)) {
      throw new RangeError(`金额必须是以“分”为单位的整数：${String(fen)}`);
    }
    fen = BigInt(fen);
  }
  if (fen < 0n) throw new RangeError('金额不能为负数');
  if (fen > BigInt(MAX_AMOUNT_FEN)) throw new RangeError('金额不能超过 1 万亿元');
  return fen;
}

/** Uppercase words for a whole number of yuan (> 0), without 元. */
function integerWords(yuan: bigint): string {
  const digits = yuan.toString();
  let out = '';
  let pendingZero = false;
  let sectionHasDigit = false;
  for (let i = 0; i < digits.length; i += 1) {
    const position = digits.length - 1 - i; // 0 = 元位
    const d = Number(digits[i]);
    if (d === 0) {
      if (out !== '') pendingZero = true;
    } else {
      if (pendingZero) out += '零';
      pendingZero = false;
      out += `${DIGITS[d] ?? ''}${DIGIT_UNITS[position % 4] ?? ''}`;
      sectionHasDigit = true;
    }
    if (position % 4 === 0 && position > 0) {
      if (sectionHasDigit) {
        out += SECTION_UNITS[position / 4];
        // Zeros at the end of a section are absorbed by its unit (壹拾万柒仟, not 壹拾万零柒仟).
        pendingZero = false;
      }
      sectionHasDigit = false;
    }
  }
  return out;
}

/** `叁万元整`, `壹佰零伍元壹角`, `伍分`, `零元整`. */
export function amountInWords(fen: bigint | number): string {
  const value = toFenBigInt(fen);
  const yuan = value / 100n;
  const jiao = Number((value / 10n) % 10n);
  const cents = Number(value % 10n);
  if (value === 0n) return '零元整';
  let out = '';
  if (yuan > 0n) out = `${integerWords(yuan)}元`;
  if (jiao === 0 && cents === 0) return `${out}整`;
  if (jiao > 0) {
    if (yuan > 0n && yuan % 10n === 0n) out += '零';
    out += `${DIGITS[jiao]}角`;
  } else if (yuan > 0n) {
    out += '零';
  }
  if (cents > 0) out += `${DIGITS[cents]}分`;
  return out;
}

/** `30000` → `30,000`: a comma before each group of three digits from the right. */
function groupThousands(digits: string): string {
  const head = digits.length % 3 || 3;
  let out = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return out;
}

/** `30,000.00` (thousands separators, always two decimals). */
export function formatYuanFigures(fen: bigint | number): string {
  // Whole fen within the limit are exact as numbers (10^14 < 2^53): a year's claim packs word
  // thousands of amounts, and the BigInt and regular-expression path cost each a microsecond.
  if (typeof fen === 'number' && Number.isSafeInteger(fen) && fen >= 0 && fen <= MAX_AMOUNT_FEN) {
    const cents = fen % 100;
    return `${groupThousands(String((fen - cents) / 100))}.${cents < 10 ? '0' : ''}${cents}`;
  }
  const value = toFenBigInt(fen);
  const yuan = (value / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const rest = (value % 100n).toString().padStart(2, '0');
  return `${yuan}.${rest}`;
}

/** `人民币叁万元整（¥30,000.00）`: the form printed on agreements. */
export function formatAmountForDocument(fen: bigint | number): string {
  return `人民币${amountInWords(fen)}（¥${formatYuanFigures(fen)}）`;
}

export type ParseYuanResult =
  { readonly ok: true; readonly fen: number } | { readonly ok: false; readonly message: string };

const FULL_WIDTH = /[０-９，．]/g;

/**
 * Reads an amount in yuan typed by a mediator: plain decimals with at most two places,
 * optional thousands separators (`30000`, `30,000.00`, `￥1,680.3`). Full-width digits from a
 * Chinese IME are accepted. `3万`, signs, exponents and other units are refused, so that what
 * is stored is exactly what was typed.
 */
export function parseYuanToFen(text: string): ParseYuanResult {
  const normalised = text
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .trim()
    .replace(/^[¥￥]\s*/, '');
  if (normalised === '') return { ok: false, message: '请填写金额' };
  if (/^[-−－]/.test(normalised)) return { ok: false, message: '金额不能为负数' };
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d*))?$/.exec(normalised);
  if (!match) {
    return {
      ok: false,
      message: '金额只能填写数字，例如 30000 或 30,000.00（不要填写“万”“元”等文字）',
    };
  }
  const integerPart = (match[1] ?? '').replace(/,/g, '');
  const decimals = match[2] ?? '';
  if (decimals.length > 2) return { ok: false, message: '金额最多保留两位小数（精确到分）' };
  if (integerPart.replace(/^0+/, '').length > 13) {
    return { ok: false, message: '金额不能超过 1 万亿元' };
  }
  const fen = Number(integerPart) * 100 + Number(decimals.padEnd(2, '0'));
  if (!Number.isSafeInteger(fen) || fen > MAX_AMOUNT_FEN) {
    return { ok: false, message: '金额不能超过 1 万亿元' };
  }
  return { ok: true, fen };
}

/** Zod field for a typed amount: text in yuan → integer fen, with the messages above. */
export const yuanInputSchema = z.string({ error: '金额必须是文字' }).transform((text, ctx) => {
  const result = parseYuanToFen(text);
  if (result.ok) return result.fen;
  ctx.addIssue({ code: 'custom', message: result.message });
  return z.NEVER;
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  amountInWords,
  formatAmountForDocument,
  formatYuanFigures,
  MAX_AMOUNT_FEN,
  parseYuanToFen,
  yuanInputSchema,
} from '../../../domain/money-words.js';

const yuan = (y: number) => Math.round(y * 100);

describe('amountInWords', () => {
  // [amount in fen, expected]; cases from 《支付结算办法》 附件一 are marked.
  const table: readonly [number, string][] = [
    [0, '零元整'],
    [1, '壹分'],
    [5, '伍分'],
    [10, '壹角'],
    [50, '伍角'],
    [55, '伍角伍分'],
    [100, '壹元整'],
    [yuan(1.05), '壹元零伍分'],
    [yuan(1.5), '壹元伍角'],
    [yuan(10), '壹拾元整'],
    [yuan(10.5), '壹拾元零伍角'],
    [yuan(11), '壹拾壹元整'],
    [yuan(20), '贰拾元整'],
    [yuan(100), '壹佰元整'],
    [yuan(101), '壹佰零壹元整'],
    [yuan(105.1), '壹佰零伍元壹角'],
    [yuan(110), '壹佰壹拾元整'],
    [yuan(325.04), '叁佰贰拾伍元零肆分'], // 支付结算办法
    [yuan(400), '肆佰元整'],
    [yuan(1004.56), '壹仟零肆元伍角陆分'], // 支付结算办法
    [yuan(1680.32), '壹仟陆佰捌拾元零叁角贰分'], // 支付结算办法 (first spelling)
    [yuan(1001), '壹仟零壹元整'],
    [yuan(1010), '壹仟零壹拾元整'],
    [yuan(10000), '壹万元整'],
    [yuan(16409.02), '壹万陆仟肆佰零玖元零贰分'], // 支付结算办法
    [yuan(30000), '叁万元整'],
    [yuan(100005), '壹拾万零伍元整'],
    [yuan(107000.53), '壹拾万柒仟元零伍角叁分'], // 支付结算办法 (first spelling)
    [yuan(100100), '壹拾万零壹佰元整'],
    [yuan(1000100), '壹佰万零壹佰元整'],
    [yuan(10010000), '壹仟零壹万元整'],
    [yuan(10001000), '壹仟万壹仟元整'],
    [yuan(10000100), '壹仟万零壹佰元整'],
    [yuan(100000005), '壹亿零伍元整'],
    [yuan(100010000), '壹亿零壹万元整'],
    [yuan(110000000), '壹亿壹仟万元整'],
    [yuan(123456789.12), '壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元壹角贰分'],
    [100_000_000_050, '壹拾亿元零伍角'],
    [yuan(1_000_000_000), '壹拾亿元整'],
    [yuan(999_999_999_999.99), '玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'],
    [MAX_AMOUNT_FEN, '壹万亿元整'],
  ];
  it.each(table)('%d fen → %s', (fen, words) => {
    expect(amountInWords(fen)).toBe(words);
    expect(amountInWords(BigInt(fen))).toBe(words);
  });

  it('refuses negative, fractional and too large amounts', () => {
    expect(() => amountInWords(-1)).toThrow('负数');
    expect(() => amountInWords(1.5)).toThrow('整数');
    expect(() => amountInWords(Number.NaN)).toThrow();
    expect(() => amountInWords(MAX_AMOUNT_FEN + 1)).toThrow('1 万亿元');
    expect(() => amountInWords(BigInt(MAX_AMOUNT_FEN) + 1n)).toThrow('1 万亿元');
  });

  it('never has two 零 in a row, never ends in 零, uses only the allowed characters', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_AMOUNT_FEN }), (fen) => {
        const words = amountInWords(fen);
        expect(words).not.toMatch(/零零/);
        if (fen > 0) expect(words).not.toMatch(/零[元万亿整]|零$/);
        expect(words).toMatch(/^[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整]+$/);
        expect(words.endsWith('整')).toBe(fen % 100 === 0);
      }),
    );
  });
});

describe('formatAmountForDocument', () => {
  it.each([
    [yuan(30000), '人民币叁万元整（¥30,000.00）'],
    [yuan(400), '人民币肆佰元整（¥400.00）'],
    [5, '人民币伍分（¥0.05）'],
    [0, '人民币零元整（¥0.00）'],
    [yuan(1234567.8), '人民币壹佰贰拾叁万肆仟伍佰陆拾柒元捌角（¥1,234,567.80）'],
  ])('%d → %s', (fen, text) => {
    expect(formatAmountForDocument(fen)).toBe(text);
  });

  it('figures round-trip through parseYuanToFen', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_AMOUNT_FEN }), (fen) => {
        expect(parseYuanToFen(formatYuanFigures(fen))).toEqual({ ok: true, fen });
      }),
    );
  });
});

describe('formatYuanFigures', () => {
  it('words a number of fen as its BigInt, at every group boundary and at the limit', () => {
    for (const fen of [0, 1, 9, 10, 99, 100, 101, 99_999, 100_000, 123_456_789, MAX_AMOUNT_FEN]) {
      expect(formatYuanFigures(fen)).toBe(formatYuanFigures(BigInt(fen)));
    }
    expect(formatYuanFigures(100_000_000)).toBe('1,000,000.00');
    expect(formatYuanFigures(MAX_AMOUNT_FEN)).toBe('1,000,000,000,000.00');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_AMOUNT_FEN }), (fen) => {
        expect(formatYuanFigures(fen)).toBe(formatYuanFigures(BigInt(fen)));
      }),
    );
  });

  it('refuses what is not a whole, non-negative amount within the limit, as before', () => {
    expect(() => formatYuanFigures(1.5)).toThrow(RangeError);
    expect(() => formatYuanFigures(-1)).toThrow('金额不能为负数');
    expect(() => formatYuanFigures(MAX_AMOUNT_FEN + 1)).toThrow('金额不能超过 1 万亿元');
  });
});

describe('parseYuanToFen', () => {
  it.each([
    ['30000', 3_000_000],
    ['30,000.00', 3_000_000],
    ['30000.5', 3_000_050],
    ['0.05', 5],
    ['0', 0],
    ['  1,680.32 ', 168_032],
    ['¥400', 40_000],
    ['￥1,004.56', 100_456],
    ['３００００．５', 3_000_050],
    ['1000000000000', MAX_AMOUNT_FEN],
    ['1,000,000,000,000.00', MAX_AMOUNT_FEN],
    ['007', 700],
  ])('%s → %d fen', (text, fen) => {
    expect(parseYuanToFen(text)).toEqual({ ok: true, fen });
  });

  it.each([
    ['', '请填写金额'],
    ['   ', '请填写金额'],
    ['-5', '负数'],
    ['－5', '负数'],
    ['3万', '只能填写数字'],
    ['30000元', '只能填写数字'],
    ['NaN', '只能填写数字'],
    ['Infinity', '只能填写数字'],
    ['1e5', '只能填写数字'],
    ['30,00', '只能填写数字'],
    ['3,0000', '只能填写数字'],
    ['1.234', '两位小数'],
    ['.5', '只能填写数字'],
    ['1000000000000.01', '1 万亿元'],
    ['99999999999999999999', '1 万亿元'],
  ])('refuses %j', (text, message) => {
    const result = parseYuanToFen(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });

  it('is available as a zod field', () => {
    expect(yuanInputSchema.parse('30,000')).toBe(3_000_000);
    const bad = yuanInputSchema.safeParse('-1');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('金额不能为负数');
  });
});

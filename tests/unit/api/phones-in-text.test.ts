import { describe, expect, it } from 'vitest';
import { maskPhonesInText } from '../../../domain/cases/phones-in-text.js';

/** A text and what another mediator reads of it. */
type Row = readonly [text: string, shown: string];

/** Phones as people write them into facts, records and agreements: each one masked. */
const PHONES: readonly Row[] = [
  ['联系电话13912340000', '联系电话139****0000'],
  ['系其母亲，联系方式 139 1234 0000', '系其母亲，联系方式 139****0000'],
  ['电话139-1234-0000，微信同号', '电话139****0000，微信同号'],
  ['电话139.1234.0000', '电话139****0000'],
  ['手机 1391234 0000', '手机 139****0000'],
  ['联系方式１３９１２３４００００', '联系方式139****0000'],
  ['手机：１３９－１２３４－００００', '手机：139****0000'],
  ['+86 139 1234 0000', '+86 139****0000'],
  ['0086-13912340000', '0086-139****0000'],
  ['申请人13912340000、被申请人13800001111', '申请人139****0000、被申请人138****1111'],
  ['13912340000 13800001111', '139****0000 138****1111'],
  // landlines with their area code, written the ways the intake form accepts
  ['0979-8412345（办）', '097****2345（办）'],
  ['（0971）8412345', '097****2345'],
  ['(0971) 8412345', '097****2345'],
  ['09718412345', '097****2345'],
  ['010-12345678', '010****5678'],
  ['0971-8412345-801', '097****2345-801'],
  ['电话0971－8412345分机801', '电话097****2345分机801'],
  // 人民 is no count of persons: the number before it is a phone
  ['0979-8412345人民调解委员会', '097****2345人民调解委员会'],
  ['+86 971 8412345', '+86 971****2345'],
  ['客服400-123-4567', '客服400****4567'],
  ['800 123 4567', '800****4567'],
  // a local number is a phone only where the text says so; hidden whole (7 of 8 would show)
  ['电话：8412345', '电话：*******'],
  ['座机 8412 3456', '座机 ********'],
  // account-length numbers (§7.2 C3: bank accounts, ID numbers) are masked too
  ['款项汇入6222021234567890123', '款项汇入622202*********0123'],
  ['账号：6222 0212 3456 7890', '账号：622202******7890'],
  ['身份证63280119800101124X', '身份证632801********124X'],
];

/** Numbers that are no phone: an amount, an area, a count, a date, a case or court number. */
const NOT_PHONES: readonly Row[] = [
  ['赔偿1200000元', '赔偿1200000元'],
  ['共计 1 200 000 元', '共计 1 200 000 元'],
  ['共计1 350 000 000元', '共计1 350 000 000元'],
  ['赔偿13500000000元', '赔偿13500000000元'],
  ['赔偿13912340000.50元', '赔偿13912340000.50元'],
  ['借款13800000 元整', '借款13800000 元整'],
  ['3000000平方米', '3000000平方米'],
  ['面积1200000㎡', '面积1200000㎡'],
  ['草场13900000亩', '草场13900000亩'],
  ['补偿款139万元', '补偿款139万元'],
  ['金额13,900,000元', '金额13,900,000元'],
  ['¥13912340000', '¥13912340000'],
  ['人民币 13912340000', '人民币 13912340000'],
  ['第13912340000号', '第13912340000号'],
  ['（2026）青0102民初1234号', '（2026）青0102民初1234号'],
  ['（2026）青0102民初13912340000号', '（2026）青0102民初13912340000号'],
  ['增长13912340000%', '增长13912340000%'],
  ['2026-03-08 三社5号 30000.00元', '2026-03-08 三社5号 30000.00元'],
  ['20260308', '20260308'],
  ['2026.03.08 14:30', '2026.03.08 14:30'],
  // one digit too many for a mobile, too few for an account
  ['编号1391234567890', '编号1391234567890'],
  ['邮编810000', '邮编810000'],
  // seven digits with no area code and no word saying phone: an amount or a serial number
  ['票据8412345', '票据8412345'],
];

describe('maskPhonesInText', () => {
  it('masks a phone however it is written', () => {
    expect(PHONES.map(([text]) => maskPhonesInText(text))).toEqual(PHONES.map(([, s]) => s));
  });

  it('leaves amounts, areas, counts, dates and case numbers whole', () => {
    expect(NOT_PHONES.map(([text]) => maskPhonesInText(text))).toEqual(
      NOT_PHONES.map(([, s]) => s),
    );
  });
});

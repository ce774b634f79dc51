import { describe, expect, it } from 'vitest';
import { hiddenAddressPartsOf } from '../../../domain/cases/addresses-in-text.js';
import { maskContacts } from '../../../electron/api/masked-contacts.js';

/** What another mediator reads of one free text, given the case's parties' stored addresses. */
const shown = (addresses: readonly string[], summary: string) =>
  (maskContacts({ summary }, addresses) as { summary: string }).summary;

const CUT = '……（详细地址已隐去）';

/** Stored addresses, a text repeating them (or not), and what another mediator reads. */
const ROWS: readonly (readonly [addresses: readonly string[], text: string, read: string])[] = [
  // the whole address, and the part below the township written on its own
  [
    ['青海省海东市互助县威远镇西街村3社12号'],
    '申请人住青海省海东市互助县威远镇西街村3社12号，其承包地与被申请人相邻。',
    `申请人住青海省海东市互助县威远镇${CUT}，其承包地与被申请人相邻。`,
  ],
  [
    ['青海省海东市互助县威远镇西街村3社12号'],
    '调解员到西街村3社12号申请人家中调查。',
    `调解员到${CUT}申请人家中调查。`,
  ],
  // a part of the address that is not its whole tail is not the party's address as stored
  [['青海省海东市互助县威远镇西街村3社12号'], '西街村村委会出具证明。', '西街村村委会出具证明。'],
  // pastoral forms: 苏木 and 嘎查, a 乡 and a 牧委会
  [
    ['锡林郭勒盟阿巴嘎旗别力古台镇巴彦图嘎嘎查', '内蒙古锡林浩特市宝力根苏木巴彦宝力格嘎查二组'],
    '双方分别居住在别力古台镇巴彦图嘎嘎查和宝力根苏木巴彦宝力格嘎查二组，草场相邻。',
    `双方分别居住在别力古台镇${CUT}和宝力根苏木${CUT}，草场相邻。`,
  ],
  [
    ['玉树州称多县珍秦镇十一村三社'],
    '被申请人（玉树州称多县珍秦镇十一村三社）的牦牛越界。',
    `被申请人（玉树州称多县珍秦镇${CUT}）的牦牛越界。`,
  ],
  // an urban address the field hides whole is cut whole; a part of it alone is left
  [
    ['格尔木市昆仑路19号金乡花园3栋'],
    '店铺位于格尔木市昆仑路19号金乡花园3栋一楼，昆仑路上车流大。',
    '店铺位于（地址已隐去）一楼，昆仑路上车流大。',
  ],
  // a part below the township shorter than four characters is too common to cut
  [['格尔木市唐古拉山镇5号'], '第5号证据。', '第5号证据。'],
  // no address stored: nothing cut
  [[], '住青海省海东市互助县威远镇西街村3社12号。', '住青海省海东市互助县威远镇西街村3社12号。'],
];

describe('the case’s parties’ addresses in its free texts, read from another’s case', () => {
  it('are cut as the address field is, whole or below the township', () => {
    expect(ROWS.map(([addresses, text]) => shown(addresses, text))).toEqual(
      ROWS.map(([, , read]) => read),
    );
  });

  it('are cut at any depth, and not in the address fields, which are cut already', () => {
    const addresses = ['青海省海东市互助县威远镇西街村3社12号'];
    const read = maskContacts(
      {
        parties: [{ address: addresses[0], name: '王芳' }],
        history: [{ field: 'summary', oldText: '住西街村3社12号', newText: '住西街村3社12号附近' }],
      },
      addresses,
    );
    expect(read).toEqual({
      parties: [{ address: `青海省海东市互助县威远镇${CUT}`, name: '王芳' }],
      history: [{ field: 'summary', oldText: `住${CUT}`, newText: `住${CUT}附近` }],
    });
  });
});

describe('the hidden parts of addresses, which another’s case is not searched by (s33)', () => {
  it('are what the field hides: below the township it keeps, or all of an address it hides', () => {
    expect(
      hiddenAddressPartsOf([
        '青海省海东市互助县威远镇西街村3社12号',
        '锡林浩特市宝力根苏木',
        '格尔木市昆仑路19号金乡花园3栋',
        'Room 5, Kunlun Rd',
        '  ',
      ]),
    ).toEqual(['西街村3社12号', '格尔木市昆仑路19号金乡花园3栋', 'room 5, kunlun rd']);
  });
});

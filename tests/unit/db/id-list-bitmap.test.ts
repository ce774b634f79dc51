import { expect, it } from 'vitest';
import { bitmapOfIdList } from '../../../db/cases/id-list-bitmap.js';

const setBits = (bits: Uint8Array) => [...bits.keys()].filter((i) => bits[i] === 1);

it('marks exactly the ids of a group_concat list, in any order', () => {
  expect(setBits(bitmapOfIdList('3,1,10'))).toEqual([1, 3, 10]);
  expect(bitmapOfIdList('3,1,10')).toHaveLength(11);
  expect(setBits(bitmapOfIdList('7'))).toEqual([7]);
  expect(setBits(bitmapOfIdList('100000,99999,2'))).toEqual([2, 99999, 100000]);
});

it('reads no hits (NULL or empty) as an empty bitmap', () => {
  expect(bitmapOfIdList(null)).toHaveLength(0);
  expect(bitmapOfIdList('')).toHaveLength(0);
});

it('counts from a first id, so a window near the end of the ledger stays small', () => {
  const bits = bitmapOfIdList('99990,100000,99995', 99990);
  expect(bits).toHaveLength(11);
  expect(setBits(bits).map((i) => i + 99990)).toEqual([99990, 99995, 100000]);
});

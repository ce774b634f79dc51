import { describe, expect, it } from 'vitest';
import { atomsOf, breakParagraph } from '../../../electron/documents/line-breaker.js';

/** Every character is 10 wide: line breaks are then easy to predict. */
const measure = (s: string) => [...s].length * 10;
const lines = (text: string, width: number, keep: readonly string[] = []) =>
  breakParagraph(text, measure, { width, keep }).map((l) => l.text);

describe('line breaker', () => {
  it('keeps dates, amounts and ID numbers on one line', () => {
    for (const span of [
      '2027年1月15日',
      '二〇二六年十一月四日',
      '人民币叁万元整',
      '¥30,000.00',
      '630102198001011234',
      // Masked, as the 案件信息更正记录 and the timeline print them (never split at a *).
      '632801********1246',
      '“632801********124X”',
      '138****1234',
      '年　　月　　日',
    ]) {
      for (let pad = 0; pad < 12; pad += 1) {
        const text = `${'甲'.repeat(pad)}${span}乙丙丁`;
        const out = lines(text, 200);
        expect(out.join('')).toBe(text);
        expect(
          out.some((l) => l.includes(span)),
          `${span} @${pad}: ${out.join('/')}`,
        ).toBe(true);
      }
    }
  });

  it('keeps listed short names together and never starts a line with closing punctuation', () => {
    const text = '甲乙丙丁戊己庚辛壬马福祥，应于本月支付。（另附清单）';
    for (let width = 60; width <= 200; width += 10) {
      const out = lines(text, width, ['马福祥']);
      expect(out.join('')).toBe(text);
      expect(out.some((l) => l.includes('马福祥'))).toBe(true);
      for (const l of out.slice(1)) expect('，。、）》；：！？').not.toContain(l[0]);
      for (const l of out) expect('（《').not.toContain(l[l.length - 1]);
    }
  });

  it('breaks an atom wider than the line by characters and hangs continuation lines', () => {
    const out = breakParagraph('单位或住址：' + '长'.repeat(30), measure, {
      width: 100,
      restIndent: 60,
    });
    expect(out[0]?.indent).toBe(0);
    for (const line of out.slice(1)) expect(line.indent).toBe(60);
    for (const line of out) expect(line.width + line.indent).toBeLessThanOrEqual(100);
    expect(out.map((l) => l.text).join('')).toBe('单位或住址：' + '长'.repeat(30));
    expect(lines('1'.repeat(40), 100).join('')).toBe('1'.repeat(40));
  });

  it('breaks Tibetan only after a tsheg or shad', () => {
    const atoms = atomsOf('བཀྲ་ཤིས་རྡོ་རྗེ།');
    expect(atoms.map((a) => 'བཀྲ་ཤིས་རྡོ་རྗེ།'.slice(a.start, a.end))).toEqual([
      'བཀྲ་',
      'ཤིས་',
      'རྡོ་',
      'རྗེ།',
    ]);
  });
});

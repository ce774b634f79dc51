import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_DATE_STYLES,
  documentDateStyleSchema,
  formatDocumentDate,
} from '../../../domain/document-date.js';

describe('formatDocumentDate', () => {
  it.each([
    ['2026-11-23', '2026年11月23日', '二〇二六年十一月二十三日'],
    ['2030-01-05', '2030年1月5日', '二〇三〇年一月五日'],
    ['2000-10-10', '2000年10月10日', '二〇〇〇年十月十日'],
    ['2024-02-29', '2024年2月29日', '二〇二四年二月二十九日'],
    ['2019-12-31', '2019年12月31日', '二〇一九年十二月三十一日'],
    ['2026-03-20', '2026年3月20日', '二〇二六年三月二十日'],
    ['2026-05-30', '2026年5月30日', '二〇二六年五月三十日'],
    ['2026-06-11', '2026年6月11日', '二〇二六年六月十一日'],
    ['2026-07-19', '2026年7月19日', '二〇二六年七月十九日'],
  ])('%s → %s / %s', (iso, arabic, chinese) => {
    expect(formatDocumentDate(iso, 'ARABIC')).toBe(arabic);
    expect(formatDocumentDate(iso, 'CHINESE')).toBe(chinese);
  });

  it('writes the year zero as U+3007, never 零, O or 0', () => {
    const text = formatDocumentDate('2030-01-05', 'CHINESE');
    expect([...text][1]).toBe('\u3007');
    expect(text).not.toMatch(/[零O0○]/);
  });

  it.each([
    '2026-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
    '2026-1-5',
    '26-01-05',
    '',
    'x',
    '2026-01-05T00:00',
  ])('refuses %j', (iso) => {
    expect(() => formatDocumentDate(iso, 'ARABIC')).toThrow('日期无效');
    expect(() => formatDocumentDate(iso, 'CHINESE')).toThrow('日期无效');
  });

  it('lists both styles with Chinese labels', () => {
    expect(DOCUMENT_DATE_STYLES.map((s) => s.value)).toEqual(['ARABIC', 'CHINESE']);
    for (const style of DOCUMENT_DATE_STYLES) {
      expect(style.label).toMatch(/[\u4e00-\u9fff]/);
      expect(formatDocumentDate('2026-11-23', style.value)).toBe(style.example);
    }
    expect(documentDateStyleSchema.safeParse('ROMAN').success).toBe(false);
  });
});

import { z } from 'zod';
import { parseIsoDate } from './validation/calendar-date';

/**
 * Dates printed on documents (domain §6.7). Internally dates are ISO `YYYY-MM-DD`.
 * - ARABIC (GB/T 9704-2012, default): `2026年11月23日`, no zero padding.
 * - CHINESE (court style): `二〇二六年十一月二十三日`; 〇 is U+3007, never 零, O or 0.
 */
export const DOCUMENT_DATE_STYLE_CODES = ['ARABIC', 'CHINESE'] as const;
export type DocumentDateStyle = (typeof DOCUMENT_DATE_STYLE_CODES)[number];
export const documentDateStyleSchema = z.enum(DOCUMENT_DATE_STYLE_CODES);

export const DOCUMENT_DATE_STYLES: readonly {
  readonly value: DocumentDateStyle;
  readonly label: string;
  readonly example: string;
}[] = [
  { value: 'ARABIC', label: '阿拉伯数字（公文格式）', example: '2026年11月23日' },
  { value: 'CHINESE', label: '汉字数字（裁判文书格式）', example: '二〇二六年十一月二十三日' },
];

const YEAR_DIGITS = ['\u3007', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;
const SMALL = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 31 → 三十一 (months and days). */
function chineseOrdinal(n: number): string {
  if (n < 10) return SMALL[n] ?? '';
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : SMALL[tens]}十${SMALL[n % 10]}`;
}

export function formatDocumentDate(isoDate: string, style: DocumentDateStyle): string {
  const date = parseIsoDate(isoDate);
  if (!date) throw new RangeError(`日期无效：${isoDate}（应为 YYYY-MM-DD 格式的真实日期）`);
  switch (style) {
    case 'ARABIC':
      return `${date.year}年${date.month}月${date.day}日`;
    case 'CHINESE': {
      const year = [...String(date.year)].map((d) => YEAR_DIGITS[Number(d)]).join('');
      return `${year}年${chineseOrdinal(date.month)}月${chineseOrdinal(date.day)}日`;
    }
    default: {
      const unreachable: never = style;
      throw new RangeError(`未知的日期格式：${String(unreachable)}`);
    }
  }
}

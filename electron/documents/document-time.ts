import { formatDocumentDate, type DocumentDateStyle } from '../../domain/document-date.js';
import { chineseListNumber } from './layout-measure.js';

/**
 * Times printed on records (调查记录, 调解记录): the date in the committee's date style
 * followed by the clock time, e.g. `2026年11月20日9时30分` or `二〇二六年十一月二十日九时三十分`.
 * Input is a local wall-clock time `YYYY-MM-DDTHH:mm` (Asia/Shanghai; no conversion here).
 */

const LOCAL_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/;

interface WallClock {
  readonly date: string;
  readonly hour: number;
  readonly minute: number;
}

function parseLocalTime(value: string, what: string): WallClock {
  const match = LOCAL_TIME.exec(value);
  const hour = Number(match?.[2]);
  const minute = Number(match?.[3]);
  if (!match?.[1] || hour > 23 || minute > 59) {
    throw new RangeError(`${what}无效：${value}（应为 YYYY-MM-DDTHH:mm）`);
  }
  return { date: match[1], hour, minute };
}

function clock(time: WallClock, style: DocumentDateStyle): string {
  if (style === 'ARABIC') {
    return time.minute === 0 ? `${time.hour}时` : `${time.hour}时${time.minute}分`;
  }
  const hour = time.hour === 0 ? '〇' : chineseListNumber(time.hour);
  return time.minute === 0 ? `${hour}时` : `${hour}时${chineseListNumber(time.minute)}分`;
}

export function formatDocumentTime(value: string, style: DocumentDateStyle, what = '时间'): string {
  const time = parseLocalTime(value, what);
  return `${formatDocumentDate(time.date, style)}${clock(time, style)}`;
}

/** `2026年11月20日9时30分至11时` (same day) or both ends in full. */
export function formatDocumentTimeRange(
  start: string,
  end: string | undefined,
  style: DocumentDateStyle,
): string {
  const from = parseLocalTime(start, '开始时间');
  const head = formatDocumentTime(start, style, '开始时间');
  if (end === undefined || end.trim() === '') return head;
  const to = parseLocalTime(end, '结束时间');
  if (end < start) throw new RangeError('结束时间不能早于开始时间');
  return to.date === from.date
    ? `${head}至${clock(to, style)}`
    : `${head}至${formatDocumentTime(end, style, '结束时间')}`;
}

export function localDateOf(value: string): string {
  return parseLocalTime(value, '时间').date;
}

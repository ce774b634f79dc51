import { z } from 'zod';

/**
 * Report periods (domain §3.6): a month `2026-03`, a quarter `2026-Q1`, a half-year `2026-H1`
 * (综治 centres and subsidy claims ask for half-years) or a year `2026`.
 * Dates are China civil dates (`YYYY-MM-DD`), the same calendar the ledger stores.
 */
export type PeriodKind = 'MONTH' | 'QUARTER' | 'HALF_YEAR' | 'YEAR';

export interface Period {
  readonly key: string;
  readonly kind: PeriodKind;
  readonly year: number;
  /** First day, inclusive. */
  readonly start: string;
  /** Last day, inclusive. */
  readonly end: string;
  /** 2026年3月 / 2026年第一季度 / 2026年. */
  readonly label: string;
  /** The months of the period, `YYYY-MM`, in order. */
  readonly months: readonly string[];
}

const QUARTER_NAMES = ['一', '二', '三', '四'] as const;
const pad = (n: number) => String(n).padStart(2, '0');

function lastDay(year: number, month: number): string {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(days)}`;
}

function monthsOf(year: number, first: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${year}-${pad(first + i)}`);
}

/** Parses a period key; null when it is not one. */
export function parsePeriod(key: string): Period | null {
  let m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    return {
      key,
      kind: 'MONTH',
      year,
      start: `${year}-${pad(month)}-01`,
      end: lastDay(year, month),
      label: `${year}年${month}月`,
      months: [`${year}-${pad(month)}`],
    };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m) {
    const year = Number(m[1]);
    const q = Number(m[2]);
    const first = (q - 1) * 3 + 1;
    return {
      key,
      kind: 'QUARTER',
      year,
      start: `${year}-${pad(first)}-01`,
      end: lastDay(year, first + 2),
      label: `${year}年第${QUARTER_NAMES[q - 1]}季度`,
      months: monthsOf(year, first, 3),
    };
  }
  m = /^(\d{4})-H([12])$/.exec(key);
  if (m) {
    const year = Number(m[1]);
    const half = Number(m[2]);
    const first = half === 1 ? 1 : 7;
    return {
      key,
      kind: 'HALF_YEAR',
      year,
      start: `${year}-${pad(first)}-01`,
      end: lastDay(year, first + 5),
      label: `${year}年${half === 1 ? '上' : '下'}半年`,
      months: monthsOf(year, first, 6),
    };
  }
  m = /^(\d{4})$/.exec(key);
  if (m) {
    const year = Number(m[1]);
    return {
      key,
      kind: 'YEAR',
      year,
      start: `${year}-01-01`,
      end: `${year}-12-31`,
      label: `${year}年`,
      months: monthsOf(year, 1, 12),
    };
  }
  return null;
}

/** The period key of a kind that contains a date. */
export function periodContaining(kind: PeriodKind, date: string): string {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  if (kind === 'MONTH') return date.slice(0, 7);
  if (kind === 'QUARTER') return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
  if (kind === 'HALF_YEAR') return `${year}-H${month <= 6 ? 1 : 2}`;
  return year;
}

/** A well-formed period key (format and range only; `reportablePeriod` checks the clock). */
export const periodField = z
  .string({ error: '请选择统计期间' })
  .trim()
  .min(1, { error: '请选择统计期间' })
  .max(10, { error: '统计期间格式不正确' })
  .superRefine((key, ctx) => {
    const period = parsePeriod(key);
    if (!period) {
      ctx.addIssue({
        code: 'custom',
        message: '统计期间格式不正确（例如 2026-03、2026-Q1、2026-H1 或 2026）',
      });
    } else if (period.year < 2000) {
      ctx.addIssue({ code: 'custom', message: '统计期间不能早于 2000 年' });
    }
  });

/** The period, or the reason it cannot be reported on `today` (it has not started yet). */
export function reportablePeriod(
  key: string,
  today: string,
): { ok: true; period: Period } | { ok: false; message: string } {
  const period = parsePeriod(key);
  if (!period)
    return { ok: false, message: '统计期间格式不正确（例如 2026-03、2026-Q1、2026-H1 或 2026）' };
  if (period.start > today) return { ok: false, message: '统计期间尚未开始，不能生成报表' };
  return { ok: true, period };
}

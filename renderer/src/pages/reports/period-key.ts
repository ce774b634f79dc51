import type { Dayjs } from 'dayjs';

export type PeriodKind = 'MONTH' | 'QUARTER' | 'HALF_YEAR' | 'YEAR';

/** The statistics API's period (`2026-12`, `2026-Q4`, `2026-H2`, `2026`) of a picked date. */
export function periodKey(kind: PeriodKind, d: Dayjs): string {
  if (kind === 'YEAR') return d.format('YYYY');
  if (kind === 'QUARTER') return `${d.format('YYYY')}-Q${Math.floor(d.month() / 3) + 1}`;
  if (kind === 'HALF_YEAR') return `${d.format('YYYY')}-H${d.month() < 6 ? 1 : 2}`;
  return d.format('YYYY-MM');
}

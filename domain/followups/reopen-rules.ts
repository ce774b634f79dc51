import type { PerformanceStatus } from './followup-codes';
import { PERFORMANCE_STATUS_LABELS } from './followup-codes';

/**
 * When a follow-up may send a settled case back to mediation (回访未履行，重新调解). Only a visit
 * that found the agreement partly or not performed reopens it: a performed agreement needs no
 * new mediation, and once a party has gone to court (起诉 / 强制执行) the court decides, not the
 * committee (PML 18 is about not mediating what a court is handling).
 */
export interface LastVisit {
  readonly followUpId: number;
  readonly visitDate: string;
  readonly performance: PerformanceStatus;
}

const REOPENS: ReadonlySet<PerformanceStatus> = new Set(['PARTLY', 'NOT_PERFORMED']);

export type ReopenRefusal =
  | { readonly field: null; readonly message: string }
  | { readonly field: 'reopenedDate'; readonly message: string };

export function reopenRefusal(
  last: LastVisit | null,
  reopenedDate: string,
  today: string,
): ReopenRefusal | null {
  if (last === null) {
    return {
      field: null,
      message: '尚未登记回访记录，不能重新调解。请先登记回访，记录协议的履行情况',
    };
  }
  if (!REOPENS.has(last.performance)) {
    const label = PERFORMANCE_STATUS_LABELS[last.performance];
    return {
      field: null,
      message:
        last.performance === 'PERFORMED'
          ? `最近一次回访（${last.visitDate}）的履行情况为“${label}”，无须重新调解`
          : `最近一次回访（${last.visitDate}）的履行情况为“${label}”，纠纷已由人民法院处理，调解委员会不能重新调解`,
    };
  }
  if (reopenedDate > today) return { field: 'reopenedDate', message: '重新调解日期不能晚于今天' };
  if (reopenedDate < last.visitDate) {
    return {
      field: 'reopenedDate',
      message: `重新调解日期不能早于发现未履行的回访日期（${last.visitDate}）`,
    };
  }
  return null;
}

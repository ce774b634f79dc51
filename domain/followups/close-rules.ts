import type { PerformanceStatus } from './followup-codes';
import { PERFORMANCE_STATUS_LABELS } from './followup-codes';
import type { CloseReadiness } from './followup-views';

/**
 * When a settled case may close (PML 31: the committee supervises performance). A case with an
 * agreement in force closes on a visit that found it performed, or that found it before a court
 * (起诉 / 强制执行: the committee's part is over); otherwise only with a written reason, which
 * the lifecycle keeps in the case history.
 */
export interface CloseFacts {
  readonly hasAgreement: boolean;
  /** Performance found by each recorded visit, oldest first. */
  readonly performances: readonly PerformanceStatus[];
}

const COURT_TOOK_OVER: ReadonlySet<PerformanceStatus> = new Set(['LITIGATED', 'ENFORCEMENT']);

export function closeReadiness(f: CloseFacts): CloseReadiness {
  if (!f.hasAgreement) return { ok: true, message: null, needsReason: false };
  const last = f.performances[f.performances.length - 1];
  if (last === undefined) {
    return {
      ok: false,
      needsReason: false,
      message: '本案有调解协议，尚未登记回访记录，不能“回访完毕，结案”。请先登记回访情况',
    };
  }
  if (last === 'PERFORMED' || COURT_TOOK_OVER.has(last)) {
    return { ok: true, message: null, needsReason: false };
  }
  return {
    ok: false,
    needsReason: true,
    message: `最近一次回访的履行情况为“${PERFORMANCE_STATUS_LABELS[last]}”。如确需结案，请填写未履行完毕即结案的理由`,
  };
}

/** Applies a reason typed on the close form; null reason means none was given. */
export function closeRefusal(r: CloseReadiness, reason: string | null): string | null {
  if (r.ok) return null;
  if (r.needsReason && reason !== null && reason.trim() !== '') return null;
  return r.message;
}

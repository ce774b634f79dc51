import type { FollowUpOrigin } from './followup-codes';

/**
 * Which follow-up visits an agreement calls for (PML 31: the committee supervises performance).
 * Pure: the service feeds it the agreement as stored and writes what comes back.
 */

export interface ScheduleSettings {
  /** Days after each instalment or performance deadline. */
  readonly afterDueDays: number;
  /** Days after an oral agreement, or a written one without dated obligations. */
  readonly afterAgreementDays: number;
}

export interface ObligationDates {
  readonly dueDate: string | null;
  readonly amountFen: number | null;
  readonly description: string | null;
  readonly instalments: readonly { readonly dueDate: string; readonly amountFen: number }[];
}

export interface PlannedVisit {
  readonly dueDate: string;
  readonly origin: FollowUpOrigin;
  readonly note: string;
}

export function addDaysIso(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const yuan = (fen: number) => `${(fen / 100).toFixed(2)}元`;

/**
 * Written agreement: one visit per instalment and per dated obligation, each `afterDueDays`
 * after its date (never before the agreement took effect); visits falling on the same day are
 * merged, because one trip checks both. Without any dated obligation one visit follows the
 * agreement itself.
 *
 * `coveredThrough` is the date of the case's last recorded visit when an amendment re-plans:
 * an instalment due on or before it was already looked at by that visit, so it gets no new one.
 */
export function planWrittenVisits(
  effectiveDate: string,
  obligations: readonly ObligationDates[],
  s: ScheduleSettings,
  coveredThrough: string | null = null,
): PlannedVisit[] {
  const byDate = new Map<string, { origin: FollowUpOrigin; notes: string[] }>();
  const add = (date: string, origin: FollowUpOrigin, note: string) => {
    if (coveredThrough !== null && date <= coveredThrough) return;
    const due = addDaysIso(date < effectiveDate ? effectiveDate : date, s.afterDueDays);
    const found = byDate.get(due);
    if (found) found.notes.push(note);
    else byDate.set(due, { origin, notes: [note] });
  };
  for (const o of obligations) {
    const what = o.description ?? '履行义务';
    if (o.instalments.length > 0) {
      o.instalments.forEach((inst, i) => {
        add(
          inst.dueDate,
          'INSTALMENT',
          `${what}第${i + 1}期${yuan(inst.amountFen)}（${inst.dueDate}前）`,
        );
      });
    } else if (o.dueDate !== null) {
      const amount = o.amountFen === null ? '' : yuan(o.amountFen);
      add(o.dueDate, 'OBLIGATION', `${what}${amount}（${o.dueDate}前）`);
    }
  }
  if (byDate.size === 0) {
    return [
      {
        dueDate: addDaysIso(effectiveDate, s.afterAgreementDays),
        origin: 'AGREEMENT',
        note: '协议生效后回访履行情况',
      },
    ];
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([dueDate, v]) => ({ dueDate, origin: v.origin, note: v.notes.join('；') }));
}

export function planOralVisit(agreedDate: string, s: ScheduleSettings): PlannedVisit {
  return {
    dueDate: addDaysIso(agreedDate, s.afterAgreementDays),
    origin: 'ORAL',
    note: '口头协议达成后回访履行情况',
  };
}

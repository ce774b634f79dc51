import type { Db } from '../../db/connection.js';
import {
  cancelOpenFollowUpsOfCase,
  getFollowUpSettings,
  getSignedAgreement,
  insertFollowUp,
  lastVisitDateOfCase,
  lastVisitOfCase,
  performancesOfCase,
  signedAgreementsOfCase,
  supersedeDerivedPlans,
} from '../../db/followups/followup-queries.js';
import type { CloseReadiness } from '../../domain/followups/followup-views.js';
import { closeReadiness } from '../../domain/followups/close-rules.js';
import type { LastVisit } from '../../domain/followups/reopen-rules.js';
import type { PerformanceStatus } from '../../domain/followups/followup-codes.js';
import {
  planOralVisit,
  planWrittenVisits,
  type ObligationDates,
} from '../../domain/followups/followup-schedule.js';

/**
 * The lifecycle's hooks into follow-ups, run inside its transaction: a settlement plans the
 * visits its agreement calls for, and closing asks whether the visits allow it.
 */

interface StoredObligationTerm {
  kind: string;
  obligation?: {
    dueDate?: string | null;
    amountFen?: number | null;
    description?: string | null;
    instalments?: { dueDate: string; amountFen: number }[];
  };
}

function obligationsOf(contentJson: string): ObligationDates[] {
  const content = JSON.parse(contentJson) as { terms?: StoredObligationTerm[] };
  return (content.terms ?? []).flatMap((t) =>
    t.kind === 'OBLIGATION' && t.obligation
      ? [
          {
            dueDate: t.obligation.dueDate ?? null,
            amountFen: t.obligation.amountFen ?? null,
            description: t.obligation.description ?? null,
            instalments: t.obligation.instalments ?? [],
          },
        ]
      : [],
  );
}

/**
 * Plans the visits of a newly effective agreement (no-op if it is not signed). For an amendment
 * (变更协议) the plans derived from the agreement it replaced are cancelled and re-derived from
 * the new instalments; visits already recorded stay, and an instalment due on or before the last
 * recorded visit gets no second one.
 */
export function scheduleAgreementVisits(
  db: Db,
  caseId: number,
  agreementId: number,
  now: string,
): number {
  const a = getSignedAgreement(db, agreementId);
  if (!a || a.effective_date === null) return 0;
  const settings = getFollowUpSettings(db);
  const amended = a.supersedes_id !== null;
  if (amended) {
    supersedeDerivedPlans(db, caseId, agreementId, `已由变更协议（${a.number}）重新安排回访`, now);
  }
  const plans =
    a.kind === 'ORAL'
      ? [planOralVisit(a.effective_date, settings)]
      : planWrittenVisits(
          a.effective_date,
          obligationsOf(a.content_json),
          settings,
          amended ? lastVisitDateOfCase(db, caseId) : null,
        );
  for (const p of plans) {
    insertFollowUp(
      db,
      { caseId, agreementId, origin: p.origin, note: p.note, dueDate: p.dueDate },
      now,
    );
  }
  return plans.length;
}

export function caseCloseReadiness(db: Db, caseId: number): CloseReadiness {
  return closeReadiness({
    hasAgreement: signedAgreementsOfCase(db, caseId).length > 0,
    performances: performancesOfCase(db, caseId) as PerformanceStatus[],
  });
}

/** Visits still planned when a case closes are no longer due. */
export function cancelPlansOnClose(db: Db, caseId: number, now: string): void {
  cancelOpenFollowUpsOfCase(db, caseId, '案件已结案', now);
}

export function lastVisit(db: Db, caseId: number): LastVisit | null {
  const r = lastVisitOfCase(db, caseId);
  return r === undefined
    ? null
    : {
        followUpId: r.id,
        visitDate: r.visit_date,
        performance: r.performance as PerformanceStatus,
      };
}

/** Mediation reopened: the plans of the agreement being renegotiated are no longer due. */
export function cancelPlansOnReopen(db: Db, caseId: number, now: string): void {
  cancelOpenFollowUpsOfCase(db, caseId, '回访未履行，已重新调解', now);
}

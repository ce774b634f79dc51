import { addDaysIso } from '../followups/followup-schedule';

/**
 * The court's deadline for a delegated case (委派/委托调解, domain §4.11): 30 days from the day
 * the room received it, once 30 more with the court's consent. Kept apart from the room's own
 * due date (§4.3), which follows the risk level and the parties' consent instead.
 */
export const COURT_DAYS = 30;
export const COURT_EXTENSION_DAYS = 30;

export interface CourtDeadline {
  readonly receivedOn: string;
  /** The last day the room has, counting the extension when the court consented. */
  readonly dueOn: string;
  readonly extended: boolean;
}

export function courtDeadline(
  receivedOn: string | null,
  extendedOn: string | null,
): CourtDeadline | null {
  if (receivedOn === null) return null;
  const base = addDaysIso(receivedOn, COURT_DAYS);
  return {
    receivedOn,
    dueOn: extendedOn === null ? base : addDaysIso(base, COURT_EXTENSION_DAYS),
    extended: extendedOn !== null,
  };
}

/** The values the cross-field rules of the 综治 and court fields read. */
export interface CaseFactValues {
  readonly source: string;
  readonly intakeDate: string;
  readonly occurredOn: string | null;
  readonly courtKind: string | null;
  readonly courtName: string | null;
  readonly courtReference: string | null;
  readonly courtReceivedOn: string | null;
}

export interface FieldIssue {
  readonly path: readonly string[];
  readonly message: string;
}

const COURT_FIELDS = ['courtKind', 'courtName', 'courtReference', 'courtReceivedOn'] as const;

/**
 * Rules the intake schema and the correction service both apply (the service to the case as it
 * will be after the patch). `requireCourt`: a case newly marked as sent by a court must name
 * the court and the day it arrived, or no deadline can be kept; cases registered as court cases
 * before these fields existed are not refused every other correction for lacking them.
 */
export function caseFactIssues(
  v: CaseFactValues,
  today: string,
  requireCourt: boolean,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (v.occurredOn !== null && v.occurredOn > v.intakeDate) {
    issues.push({ path: ['occurredOn'], message: '纠纷发生日期不能晚于登记日期' });
  }
  if (v.source !== 'ENTRUSTED_COURT') {
    for (const f of COURT_FIELDS) {
      if (v[f] !== null) {
        issues.push({
          path: [f],
          message: '只有纠纷来源为“法院委托移送”的案件才填写法院委派信息',
        });
      }
    }
    return issues;
  }
  if (v.courtReceivedOn !== null && v.courtReceivedOn > today) {
    issues.push({ path: ['courtReceivedOn'], message: '收到委派的日期不能晚于今天' });
  }
  if (requireCourt) {
    if (v.courtName === null) {
      issues.push({ path: ['courtName'], message: '法院委托移送的案件请填写委派法院' });
    }
    if (v.courtReceivedOn === null) {
      issues.push({
        path: ['courtReceivedOn'],
        message: '法院委托移送的案件请填写收到委派的日期（法院的 30 日期限从这天起算）',
      });
    }
    if (v.courtKind === null) {
      issues.push({ path: ['courtKind'], message: '请选择委派方式（委派调解或委托调解）' });
    }
  }
  return issues;
}

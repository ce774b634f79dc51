/**
 * Code lists of the follow-up visit (人民调解回访记录, domain §2.11) and of judicial
 * confirmation (§1.2). Labels are what the paper form and the screens print.
 */

export const VISIT_MODES = ['IN_PERSON', 'PHONE', 'AT_OFFICE', 'WECHAT'] as const;
export type VisitMode = (typeof VISIT_MODES)[number];
export const VISIT_MODE_LABELS: Readonly<Record<VisitMode, string>> = {
  IN_PERSON: '上门',
  PHONE: '电话',
  AT_OFFICE: '来访',
  WECHAT: '微信',
};

export const PERFORMANCE_STATUSES = [
  'PERFORMED',
  'PARTLY',
  'NOT_PERFORMED',
  'LITIGATED',
  'ENFORCEMENT',
] as const;
export type PerformanceStatus = (typeof PERFORMANCE_STATUSES)[number];
export const PERFORMANCE_STATUS_LABELS: Readonly<Record<PerformanceStatus, string>> = {
  PERFORMED: '已履行',
  PARTLY: '部分履行',
  NOT_PERFORMED: '未履行',
  LITIGATED: '已起诉',
  ENFORCEMENT: '已申请强制执行',
};

export const SATISFACTION_LEVELS = ['SATISFIED', 'MOSTLY', 'UNSATISFIED'] as const;
export type Satisfaction = (typeof SATISFACTION_LEVELS)[number];
export const SATISFACTION_LABELS: Readonly<Record<Satisfaction, string>> = {
  SATISFIED: '满意',
  MOSTLY: '基本满意',
  UNSATISFIED: '不满意',
};

export const VISIT_RISKS = ['NONE', 'LOW', 'MEDIUM', 'HIGH'] as const;
export type VisitRisk = (typeof VISIT_RISKS)[number];
export const VISIT_RISK_LABELS: Readonly<Record<VisitRisk, string>> = {
  NONE: '无隐患',
  LOW: '隐患较低',
  MEDIUM: '隐患中等',
  HIGH: '隐患较高',
};

/**
 * What the committee does after a visit that did not find the agreement performed. A court
 * route (confirmation, litigation, enforcement) is advice recorded on file: the committee
 * cannot apply for the parties.
 */
export const NEXT_STEPS = [
  'NONE',
  'NEXT_VISIT',
  'REOPEN_MEDIATION',
  'ADVISE_CONFIRMATION',
  'ADVISE_LITIGATION',
] as const;
export type NextStep = (typeof NEXT_STEPS)[number];
export const NEXT_STEP_LABELS: Readonly<Record<NextStep, string>> = {
  NONE: '无需后续处理',
  NEXT_VISIT: '再次回访',
  REOPEN_MEDIATION: '重新调解（变更协议）',
  ADVISE_CONFIRMATION: '告知申请司法确认',
  ADVISE_LITIGATION: '告知向人民法院起诉',
};

/** Where a scheduled visit came from; shown on the 回访 list so the mediator knows why. */
export const FOLLOWUP_ORIGINS = [
  'INSTALMENT',
  'OBLIGATION',
  'AGREEMENT',
  'ORAL',
  'MANUAL',
  'NEXT_VISIT',
] as const;
export type FollowUpOrigin = (typeof FOLLOWUP_ORIGINS)[number];
export const FOLLOWUP_ORIGIN_LABELS: Readonly<Record<FollowUpOrigin, string>> = {
  INSTALMENT: '分期履行到期',
  OBLIGATION: '履行期限到期',
  AGREEMENT: '协议生效后回访',
  ORAL: '口头协议回访',
  MANUAL: '手工安排',
  NEXT_VISIT: '上次回访安排',
};

export const FOLLOWUP_STATUSES = ['SCHEDULED', 'DONE', 'CANCELLED'] as const;
export type FollowUpStatus = (typeof FOLLOWUP_STATUSES)[number];
export const FOLLOWUP_STATUS_LABELS: Readonly<Record<FollowUpStatus, string>> = {
  SCHEDULED: '待回访',
  DONE: '已回访',
  CANCELLED: '已取消',
};

export const CONFIRMATION_DECISIONS = ['PENDING', 'VALID', 'DISMISSED', 'NOT_ACCEPTED'] as const;
export type ConfirmationDecision = (typeof CONFIRMATION_DECISIONS)[number];
export const CONFIRMATION_DECISION_LABELS: Readonly<Record<ConfirmationDecision, string>> = {
  PENDING: '等待法院决定',
  VALID: '确认有效',
  DISMISSED: '驳回申请',
  NOT_ACCEPTED: '不予受理',
};

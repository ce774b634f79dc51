/**
 * The case states of domain §4.2 and their labels, without zod: the 工作台's status tags are on
 * the first screen, the lifecycle's schemas and transitions (`case-lifecycle.ts`) are not.
 */

export const CASE_STATES = [
  'INTAKE',
  'ACCEPTED',
  'REJECTED',
  'INVESTIGATING',
  'MEDIATING',
  'SETTLED_WRITTEN',
  'SETTLED_ORAL',
  'TERMINATED_FAILED',
  'TERMINATED_REFUSED',
  'REFERRED',
  'PERFORMING',
  'FOLLOW_UP',
  'CLOSED',
  'ARCHIVED',
] as const;
export type CaseState = (typeof CASE_STATES)[number];
export const CASE_STATE_LABELS: Readonly<Record<CaseState, string>> = {
  INTAKE: '登记待审查',
  ACCEPTED: '已受理',
  REJECTED: '不予受理',
  INVESTIGATING: '调查中',
  MEDIATING: '调解中',
  SETTLED_WRITTEN: '达成书面协议',
  SETTLED_ORAL: '达成口头协议',
  TERMINATED_FAILED: '调解终止（调解不成）',
  TERMINATED_REFUSED: '调解终止（一方拒绝）',
  REFERRED: '已移交',
  PERFORMING: '履行中',
  FOLLOW_UP: '回访中',
  CLOSED: '已结案',
  ARCHIVED: '已归档',
};

export function stateLabelOf(state: CaseState): string {
  return CASE_STATE_LABELS[state];
}

import type { CaseState } from '../case-lifecycle.js';

/**
 * When a signed agreement may be amended (变更协议, "amend = new agreement", domain §4.9):
 * while the case still follows the agreement (settled, performing, visits) or while mediation
 * has been reopened after a visit found it unperformed (§4.2). A closed case's mediation is
 * over: its visits have recorded the agreement performed or the reason it was closed without,
 * and the volume is made from that. A new quarrel about performance after closing is a new
 * dispute, registered and accepted as one, not a silent change to a concluded file. A
 * terminated reopened mediation ended without an agreement, so there is nothing to amend into.
 */
const AMENDABLE: ReadonlySet<CaseState> = new Set([
  'SETTLED_WRITTEN',
  'PERFORMING',
  'FOLLOW_UP',
  'MEDIATING',
]);

/** Null when an amendment may be started or signed; otherwise the reason, in Chinese. */
export function amendRefusal(state: CaseState): string | null {
  if (AMENDABLE.has(state)) return null;
  if (state === 'CLOSED' || state === 'ARCHIVED') {
    return '案件已结案，不能再变更协议。结案后当事人对履行又发生争议的，请作为新的纠纷登记受理';
  }
  if (state === 'TERMINATED_FAILED' || state === 'TERMINATED_REFUSED' || state === 'REFERRED') {
    return '重新调解已经终止或移交，不能再变更协议';
  }
  return '案件当前状态不能变更协议';
}

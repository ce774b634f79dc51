import type { Db } from '../../db/connection.js';
import { getVolumeRow } from '../../db/volume/volume-queries.js';
import { ApiError } from '../../domain/api/errors.js';
import type { CaseState } from '../../domain/case-lifecycle.js';
import type { CaseDetail, StatusHistoryEntry } from '../../domain/cases/case-views.js';
import type { ClosingPaperDetails } from '../../domain/documents/closing-paper-inputs.js';
import { recordKeyOf } from '../../domain/documents/printed-documents.js';
import * as advisedRoutes from '../../domain/taxonomy/advised-routes.js';
import * as caseSources from '../../domain/taxonomy/case-sources.js';
import * as disputeCategories from '../../domain/taxonomy/dispute-categories.js';
import * as partyRoles from '../../domain/taxonomy/party-roles.js';
import * as riskLevels from '../../domain/taxonomy/risk-levels.js';
import { chinaToday } from '../../domain/validation/calendar-date.js';
import {
  buildClosingReportData,
  buildMajorDisputeReportData,
  buildMediationNoticeData,
  buildRefusalNoticeData,
  buildTerminationNoticeData,
} from '../documents/closing-papers-data.js';
import type { DocumentData } from '../documents/document-data.js';
import type { DocumentTemplateKind } from '../documents/template-loader.js';
import { mediatorNames, type Letterhead } from './document-ledger-data.js';

type ClosingKind =
  | 'REFUSAL_NOTICE'
  | 'TERMINATION_NOTICE'
  | 'MEDIATION_NOTICE'
  | 'CLOSING_REPORT'
  | 'MAJOR_DISPUTE_REPORT';

/** When each paper can be printed, by case state (the case page offers it at these states). */
export const CLOSING_PAPER_STATES: Readonly<Record<ClosingKind, readonly CaseState[]>> = {
  REFUSAL_NOTICE: ['REJECTED'],
  TERMINATION_NOTICE: ['TERMINATED_FAILED', 'TERMINATED_REFUSED', 'CLOSED', 'ARCHIVED'],
  MEDIATION_NOTICE: ['ACCEPTED', 'INVESTIGATING', 'MEDIATING'],
  CLOSING_REPORT: [
    'SETTLED_WRITTEN',
    'SETTLED_ORAL',
    'PERFORMING',
    'FOLLOW_UP',
    'TERMINATED_FAILED',
    'TERMINATED_REFUSED',
    'REFERRED',
    'CLOSED',
    'ARCHIVED',
  ],
  MAJOR_DISPUTE_REPORT: [
    'INTAKE',
    'ACCEPTED',
    'INVESTIGATING',
    'MEDIATING',
    'SETTLED_WRITTEN',
    'SETTLED_ORAL',
    'PERFORMING',
    'FOLLOW_UP',
    'TERMINATED_FAILED',
    'TERMINATED_REFUSED',
    'REFERRED',
    'CLOSED',
  ],
};

/** The states mediation ends in; the last such step of the timeline is the outcome. */
export const ENDINGS: readonly CaseState[] = [
  'SETTLED_WRITTEN',
  'SETTLED_ORAL',
  'TERMINATED_FAILED',
  'TERMINATED_REFUSED',
  'REFERRED',
];

const OUTCOME_TEXT: Readonly<Partial<Record<CaseState, string>>> = {
  SETTLED_WRITTEN: '调解成功，达成书面人民调解协议。',
  SETTLED_ORAL: '调解成功，达成口头调解协议，已登记。',
  TERMINATED_FAILED: '调解不成，终止调解，已告知当事人可以依法选择的其他途径。',
  TERMINATED_REFUSED: '当事人拒绝调解或者要求终止调解，终止调解。',
  REFERRED: '移交有关单位处理。',
};

const lastOf = (c: CaseDetail, pred: (h: StatusHistoryEntry) => boolean) =>
  [...c.timeline].reverse().find(pred);

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
// History instants are UTC; the day printed is the room's (China) day.
const dayOf = (iso: string) => chinaToday(new Date(iso));

function disputeType(c: CaseDetail): string {
  return c.subtype === null
    ? disputeCategories.labelOf(c.category)
    : disputeCategories.subtypeLabelOf(c.subtype);
}

function routeText(code: string, note: string): string {
  const label = advisedRoutes.labelOf(code as advisedRoutes.Code);
  if (code === 'OTHER') return note;
  return note === '' ? `通过${label}途径解决` : `通过${label}途径解决（${note}）`;
}

function performanceText(c: CaseDetail, ending: CaseState | undefined): string {
  if (ending !== 'SETTLED_WRITTEN' && ending !== 'SETTLED_ORAL') return '无（调解未达成协议）。';
  const close = lastOf(c, (h) => h.action === 'CLOSE');
  const unperformed = text(close?.data.unperformedReason);
  if (unperformed !== '') return `未完全履行：${unperformed}`;
  if (c.status === 'CLOSED' || c.status === 'ARCHIVED') return '协议已履行，经回访结案。';
  return '协议履行中。';
}

/**
 * The closing and refusal papers' data from the ledger (issue 15). Refused at a state where the
 * paper makes no sense, with the reason in Chinese.
 */
export function closingPaperData(
  db: Db,
  c: CaseDetail,
  kind: ClosingKind,
  today: string,
  details: ClosingPaperDetails | null,
  head: Letterhead,
): {
  template: DocumentTemplateKind;
  build: () => DocumentData;
  suffix: string;
  recordKey: string;
} {
  const label = {
    REFUSAL_NOTICE: '不予受理通知书只能在不予受理后打印',
    TERMINATION_NOTICE: '终止调解告知书只能在终止调解后打印',
    MEDIATION_NOTICE: '调解通知书只能在受理后、调解结束前打印',
    CLOSING_REPORT: '结案报告只能在调解结束后打印',
    MAJOR_DISPUTE_REPORT: '重大纠纷信息报告只用于风险等级为“高”或“重大”的纠纷',
  }[kind];
  if (!CLOSING_PAPER_STATES[kind].includes(c.status)) throw new ApiError('INVALID_STATE', label);
  const common = {
    committeeName: head.committeeName,
    caseReference: c.caseNumber ?? c.title,
    disputeType: disputeType(c),
    dateStyle: head.dateStyle,
  };
  const names = (role?: string) =>
    c.parties.filter((p) => role === undefined || p.role === role).map((p) => p.name);
  const mediators = () => mediatorNames(db, c.mediatorIds, ['caseId']);
  const caseKey = recordKeyOf('case');
  switch (kind) {
    case 'REFUSAL_NOTICE': {
      const h = lastOf(c, (x) => x.action === 'REJECT');
      if (!h) throw new ApiError('INVALID_STATE', label);
      return {
        template: kind,
        suffix: '',
        recordKey: caseKey,
        build: () =>
          buildRefusalNoticeData({
            ...common,
            applicantNames: names('APPLICANT').length > 0 ? names('APPLICANT') : names(),
            respondentNames: names('RESPONDENT'),
            applicationDate: c.intakeDate,
            reason: text(h.data.reason),
            advisedRoute: routeText(text(h.data.advisedRoute), text(h.data.advisedRouteNote)),
            noticeDate: dayOf(h.at) < c.intakeDate ? c.intakeDate : dayOf(h.at),
          }),
      };
    }
    case 'TERMINATION_NOTICE': {
      const h = lastOf(
        c,
        (x) => x.action === 'TERMINATE_FAILED' || x.action === 'TERMINATE_REFUSED',
      );
      if (!h || c.acceptedDate === null) throw new ApiError('INVALID_STATE', label);
      const routes = Array.isArray(h.data.advisedRoutes)
        ? (h.data.advisedRoutes as string[]).map((r) =>
            advisedRoutes.labelOf(r as advisedRoutes.Code),
          )
        : [];
      const terminated = text(h.data.terminatedDate) || dayOf(h.at);
      const acceptedDate = c.acceptedDate;
      return {
        template: kind,
        suffix: '',
        recordKey: caseKey,
        build: () =>
          buildTerminationNoticeData({
            ...common,
            partyNames: names(),
            acceptedDate,
            terminatedDate: terminated,
            cause: h.action === 'TERMINATE_FAILED' ? 'FAILED' : 'REFUSED',
            routes,
            note: text(h.data.note) || null,
            noticeDate: terminated,
          }),
      };
    }
    case 'MEDIATION_NOTICE': {
      if (details?.kind !== 'MEDIATION_NOTICE') {
        throw new ApiError('BAD_INPUT', '请填写调解时间、地点和需携带的材料');
      }
      const party = c.parties.find((p) => p.id === details.partyId);
      if (!party) {
        throw new ApiError('BAD_INPUT', '所选当事人不属于本案件', [
          { path: ['details', 'partyId'], message: '所选当事人不属于本案件' },
        ]);
      }
      const acceptedDate = c.acceptedDate ?? c.intakeDate;
      return {
        template: kind,
        suffix: `（${party.name}）`,
        recordKey: recordKeyOf('party', party.id),
        build: () =>
          buildMediationNoticeData({
            ...common,
            partyName: party.name,
            partyNames: names(),
            acceptedDate,
            sessionAt: details.sessionAt,
            place: details.place,
            bring: details.bring,
            mediatorNames: mediators(),
            noticeDate: today,
          }),
      };
    }
    case 'CLOSING_REPORT': {
      const endingStep = lastOf(c, (h) => ENDINGS.includes(h.toState));
      const ending = endingStep?.toState;
      const acceptedDate = c.acceptedDate ?? c.intakeDate;
      // The 结案 date once closed; before that, the day mediation ended (the termination date).
      const closed =
        c.closedDate ??
        (endingStep === undefined
          ? null
          : text(endingStep.data.terminatedDate) || dayOf(endingStep.at));
      return {
        template: kind,
        suffix: '',
        recordKey: caseKey,
        build: () =>
          buildClosingReportData({
            ...common,
            volumeNumber: getVolumeRow(db, c.id)?.volume_no ?? null,
            mediatorNames: mediators(),
            acceptedDate,
            closedDate: closed,
            source: caseSources.labelOf(c.source),
            persons: c.parties.length,
            parties: c.parties.map((p) => ({
              name: p.name,
              role: partyRoles.labelOf(p.role),
              address: p.address,
              phone: p.phone.kind === 'NONE' ? '无' : p.phone.phone,
            })),
            summary: c.summary,
            sessions: c.sessions.length,
            investigations: c.investigations.length,
            outcome: (ending && OUTCOME_TEXT[ending]) ?? '',
            performance: performanceText(c, ending),
            noticeDate: today,
          }),
      };
    }
    case 'MAJOR_DISPUTE_REPORT': {
      if (c.riskLevel !== 'HIGH' && c.riskLevel !== 'CRITICAL') {
        throw new ApiError('INVALID_STATE', label);
      }
      if (details?.kind !== 'MAJOR_DISPUTE_REPORT') {
        throw new ApiError('BAD_INPUT', '请填写公安到场情况、已采取的措施和下一步工作');
      }
      return {
        template: kind,
        suffix: '',
        recordKey: caseKey,
        build: () =>
          buildMajorDisputeReportData({
            ...common,
            title: c.title,
            riskLevel: riskLevels.labelOf(c.riskLevel),
            persons: c.parties.length,
            intakeDate: c.intakeDate,
            partyNames: names(),
            summary: c.summary,
            mediatorNames: mediators(),
            policeAttended: details.policeAttended,
            police: details.police ?? '',
            measures: details.measures,
            nextSteps: details.nextSteps,
            noticeDate: today,
          }),
      };
    }
  }
}

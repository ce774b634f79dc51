import { formatDocumentDate, type DocumentDateStyle } from '../../domain/document-date.js';
import type { DocumentData } from './document-data.js';

/**
 * The closing and refusal papers reviewers check (issue 15, domain §4.11): 不予受理通知书,
 * 终止调解告知书, 调解通知书, 结案报告 and 重大纠纷信息报告. Each builder takes values the
 * service read from the ledger (and, for the notice and the report, what the mediator typed at
 * print time) and gives the template's fields; a RangeError says what is missing.
 */

interface Common {
  readonly committeeName: string;
  /** 案号, or the case title while the case has no number (a refused application). */
  readonly caseReference: string;
  readonly disputeType: string;
  /** ISO date printed under the seal. */
  readonly noticeDate: string;
  readonly dateStyle: DocumentDateStyle;
}

const date = (iso: string, style: DocumentDateStyle) => formatDocumentDate(iso, style);
const names = (list: readonly string[]) => list.filter((n) => n.trim() !== '');
const recipients = (list: readonly string[]) => list.map((name) => ({ 'recipient.name': name }));

function common(input: Common): Record<string, string> {
  return {
    'committee.name': input.committeeName,
    'case.reference': input.caseReference,
    'dispute.type': input.disputeType,
    'notice.date': date(input.noticeDate, input.dateStyle),
  };
}

export interface RefusalNoticeInput extends Common {
  readonly applicantNames: readonly string[];
  readonly respondentNames: readonly string[];
  readonly applicationDate: string;
  readonly reason: string;
  /** The route the applicant was advised to take, in words (向人民法院提起诉讼 …). */
  readonly advisedRoute: string;
}

export function buildRefusalNoticeData(input: RefusalNoticeInput): DocumentData {
  const applicants = names(input.applicantNames);
  if (applicants.length === 0) throw new RangeError('不予受理通知书要写明申请人');
  if (input.reason.trim() === '') throw new RangeError('请填写不予受理的理由');
  return {
    fields: {
      ...common(input),
      'paper.addressees': applicants.join('、'),
      'paper.respondents': names(input.respondentNames).join('、') || '对方当事人',
      'application.date': date(input.applicationDate, input.dateStyle),
      'refusal.reason': input.reason,
      'refusal.route': input.advisedRoute,
    },
    lists: { recipients: recipients(applicants) },
  };
}

export interface TerminationNoticeInput extends Common {
  readonly partyNames: readonly string[];
  readonly acceptedDate: string;
  readonly terminatedDate: string;
  /** FAILED: 调解不成; REFUSED: a party refused or asked to end it (PML Art. 23). */
  readonly cause: 'FAILED' | 'REFUSED';
  readonly routes: readonly string[];
  readonly note: string | null;
}

const CAUSE_TEXT: Readonly<Record<TerminationNoticeInput['cause'], string>> = {
  FAILED: '经调解，双方当事人未能达成调解协议',
  REFUSED: '因当事人拒绝调解或者要求终止调解',
};

export function buildTerminationNoticeData(input: TerminationNoticeInput): DocumentData {
  const parties = names(input.partyNames);
  if (parties.length === 0) throw new RangeError('终止调解告知书要写明当事人');
  if (input.terminatedDate < input.acceptedDate) {
    throw new RangeError('终止日期不能早于受理日期');
  }
  return {
    fields: {
      ...common(input),
      'paper.addressees': parties.join('、'),
      'accepted.date': date(input.acceptedDate, input.dateStyle),
      'termination.date': date(input.terminatedDate, input.dateStyle),
      'termination.cause': CAUSE_TEXT[input.cause],
      'termination.routes': input.routes.length > 0 ? input.routes.join('、') : '仲裁、行政、司法',
      'termination.note': input.note ?? '',
    },
    lists: { recipients: recipients(parties) },
  };
}

export interface MediationNoticeInput extends Common {
  readonly partyName: string;
  readonly partyNames: readonly string[];
  readonly acceptedDate: string;
  /** `YYYY-MM-DDTHH:mm`, China time. */
  readonly sessionAt: string;
  readonly place: string;
  readonly bring: string;
  readonly mediatorNames: readonly string[];
}

function dateTime(local: string, style: DocumentDateStyle): string {
  const [day = '', time = ''] = local.split('T');
  const [h = '0', m = '00'] = time.split(':');
  return `${date(day, style)}${Number(h)}时${m === '00' ? '' : `${m}分`}`;
}

export function buildMediationNoticeData(input: MediationNoticeInput): DocumentData {
  if (input.partyName.trim() === '') throw new RangeError('调解通知书要写明被通知的当事人');
  if (input.sessionAt.slice(0, 10) < input.acceptedDate) {
    throw new RangeError('调解时间不能早于受理日期');
  }
  return {
    fields: {
      ...common(input),
      'paper.addressees': input.partyName,
      'case.partyNames': names(input.partyNames).join('、'),
      'accepted.date': date(input.acceptedDate, input.dateStyle),
      'session.time': dateTime(input.sessionAt, input.dateStyle),
      'session.place': input.place,
      'notice.bring': input.bring,
      'mediator.names': names(input.mediatorNames).join('、') || '本委员会',
    },
    lists: { recipients: recipients([input.partyName]) },
  };
}

export interface ClosingReportInput extends Common {
  readonly volumeNumber: string | null;
  readonly mediatorNames: readonly string[];
  readonly acceptedDate: string;
  readonly closedDate: string | null;
  readonly source: string;
  readonly persons: number;
  readonly parties: readonly {
    readonly name: string;
    readonly role: string;
    readonly address: string;
    readonly phone: string;
  }[];
  readonly summary: string;
  readonly sessions: number;
  readonly investigations: number;
  readonly outcome: string;
  readonly performance: string;
}

export function buildClosingReportData(input: ClosingReportInput): DocumentData {
  if (input.parties.length === 0) throw new RangeError('结案报告要写明当事人');
  return {
    fields: {
      ...common(input),
      'volume.number': input.volumeNumber ?? '（未立卷）',
      'mediator.names': names(input.mediatorNames).join('、'),
      'accepted.date': date(input.acceptedDate, input.dateStyle),
      'closed.date': input.closedDate === null ? '' : date(input.closedDate, input.dateStyle),
      'case.source': input.source,
      'paper.persons': `${input.persons}人`,
      'case.summary': input.summary,
      'process.text': `调查${input.investigations}次，调解${input.sessions}次。`,
      'outcome.text': input.outcome,
      'performance.text': input.performance,
    },
    lists: {
      parties: input.parties.map((p) => ({
        'party.line': `${p.role}：${p.name}；住址：${p.address}；联系电话：${p.phone}`,
      })),
    },
  };
}

export interface MajorDisputeReportInput extends Common {
  readonly title: string;
  readonly riskLevel: string;
  readonly persons: number;
  readonly intakeDate: string;
  readonly partyNames: readonly string[];
  readonly summary: string;
  readonly mediatorNames: readonly string[];
  readonly policeAttended: boolean;
  readonly police: string;
  readonly measures: string;
  readonly nextSteps: string;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function buildMajorDisputeReportData(input: MajorDisputeReportInput): DocumentData {
  if (input.measures.trim() === '') throw new RangeError('请填写已采取的措施');
  if (input.nextSteps.trim() === '') throw new RangeError('请填写下一步工作');
  const days = daysBetween(input.intakeDate, input.noticeDate);
  if (days < 0) throw new RangeError('报告日期不能早于登记日期');
  const police = input.policeAttended ? '公安机关已到场' : '公安机关未到场';
  return {
    fields: {
      ...common(input),
      'case.title': input.title,
      'risk.level': input.riskLevel,
      'paper.persons': `${input.persons}人`,
      'intake.date': date(input.intakeDate, input.dateStyle),
      'paper.duration': `${days + 1}天（自登记之日起）`,
      'party.names': names(input.partyNames).join('、'),
      'case.summary': input.summary,
      'police.text': input.police.trim() === '' ? `${police}。` : `${police}：${input.police}`,
      'measures.text': input.measures,
      'next.text': input.nextSteps,
      'mediator.names': names(input.mediatorNames).join('、'),
    },
    lists: {},
  };
}

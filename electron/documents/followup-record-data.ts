import { formatDocumentDate, type DocumentDateStyle } from '../../domain/document-date.js';
import { EMPTY_FIELD } from './agreement-data.js';
import type { DocumentData } from './document-data.js';

/** 人民调解回访记录 (domain §2.11), template `followup-record.v1.json`. */
export interface FollowUpRecordDocumentInput {
  readonly committeeName: string;
  readonly visitedPartyNames: readonly string[];
  /** The agreement's 编号; null for a case settled orally without one. */
  readonly agreementNumber: string | null;
  /** 回访事由: the dispute's name (卷名). */
  readonly subject: string;
  readonly visitDate: string;
  /** Labels, already in Chinese (上门, 已履行, 满意, 无 …). */
  readonly mode: string;
  readonly performance: string;
  readonly satisfaction: string;
  readonly risk: string;
  readonly findings: string;
  /** 后续处理 with its note, or 无. */
  readonly nextStep: string;
  readonly visitorName: string;
  readonly dateStyle: DocumentDateStyle;
}

export function buildFollowUpRecordDocumentData(input: FollowUpRecordDocumentInput): DocumentData {
  if (input.visitedPartyNames.length < 1)
    throw new RangeError('回访记录至少要有一名被回访的当事人');
  if (input.findings.trim() === '') throw new RangeError('请填写回访情况');
  if (input.visitorName.trim() === '') throw new RangeError('请选择回访人');
  return {
    fields: {
      'committee.name': input.committeeName,
      'followup.parties': input.visitedPartyNames.join('、'),
      'agreement.number': input.agreementNumber ?? EMPTY_FIELD,
      'followup.subject': input.subject,
      'followup.time': formatDocumentDate(input.visitDate, input.dateStyle),
      'followup.mode': input.mode,
      'followup.performance': input.performance,
      'followup.satisfaction': input.satisfaction,
      'followup.risk': input.risk,
      'followup.findings': input.findings,
      'followup.nextStep': input.nextStep.trim() === '' ? EMPTY_FIELD : input.nextStep,
      'followup.visitor': input.visitorName,
    },
    lists: {},
  };
}

import { formatDocumentDate, type DocumentDateStyle } from '../../domain/document-date.js';
import {
  documentPartyItem,
  interpretationFields,
  type DocumentAgentInput,
  type DocumentPartyInput,
  type InterpretationInput,
} from './agreement-data.js';
import type { DocumentData } from './document-data.js';

/** 人民调解申请书 (domain §2.4), template `application.v1.json`. */
export interface ApplicationDocumentInput {
  readonly committeeName: string;
  readonly applicants: readonly DocumentPartyInput[];
  readonly respondents: readonly DocumentPartyInput[];
  readonly agents?: readonly DocumentAgentInput[] | undefined;
  /** 纠纷简要情况陈述. */
  readonly disputeSummary: string;
  /** 当事人申请事项, printed 1、2、3、. */
  readonly requests: readonly string[];
  /** ISO date. */
  readonly applicationDate: string;
  readonly dateStyle: DocumentDateStyle;
  readonly printIdNumbers?: boolean | undefined;
  readonly interpretation?: InterpretationInput | null | undefined;
}

export function buildApplicationDocumentData(input: ApplicationDocumentInput): DocumentData {
  if (input.applicants.length < 1) throw new RangeError('人民调解申请书至少要有一名申请人');
  if (input.respondents.length < 1) throw new RangeError('人民调解申请书至少要有一名被申请人');
  if (input.disputeSummary.trim() === '') throw new RangeError('请填写纠纷简要情况');
  const requests = input.requests.filter((r) => r.trim() !== '');
  if (requests.length < 1) throw new RangeError('请至少填写一项申请事项');
  const options = { printIdNumbers: input.printIdNumbers };
  return {
    fields: {
      'committee.name': input.committeeName,
      'case.disputeSummary': input.disputeSummary,
      'application.date': formatDocumentDate(input.applicationDate, input.dateStyle),
      ...interpretationFields(input.interpretation),
    },
    lists: {
      applicants: input.applicants.map((p) => documentPartyItem(p, options)),
      respondents: input.respondents.map((p) => documentPartyItem(p, options)),
      agents: (input.agents ?? []).map((agent) => ({
        'agent.kind': agent.kind,
        'agent.name': agent.name,
        'agent.principal': agent.principal,
        'agent.detail': agent.detail ?? '',
      })),
      requests: requests.map((text) => ({ 'request.text': text })),
    },
  };
}

import { formatDocumentDate, type DocumentDateStyle } from '../../domain/document-date.js';
import {
  documentAmount,
  documentPartyItem,
  EMPTY_FIELD,
  interpretationStatement,
  orEmpty,
  type DocumentAgentInput,
  type DocumentPartyInput,
  type InterpreterInput,
} from './agreement-data.js';
import type { DocumentData, DocumentTranslation } from './document-data.js';

/** 人民调解口头协议登记表 (domain §2.10), template `oral-agreement-register.v1.json`. */
export type OralPerformanceStatus = '已当场履行' | '未履行' | '部分履行';

export interface OralAgreementDocumentInput {
  readonly committeeName: string;
  readonly registerNumber: string;
  readonly parties: readonly DocumentPartyInput[];
  readonly agents?: readonly DocumentAgentInput[] | undefined;
  readonly factsAndIssues: string;
  /** 口头协议内容 (PML 28: the mediator records it). */
  readonly oralTerms: string;
  readonly performance?: string | undefined;
  /** Integer fen; null/undefined: no amount (printed “／”). */
  readonly amountFen?: number | bigint | null | undefined;
  readonly performanceStatus: OralPerformanceStatus;
  /** ISO date the oral agreement was reached (= effective date, PML 30). */
  readonly agreedDate: string;
  readonly dateStyle: DocumentDateStyle;
  readonly mediatorNames: readonly string[];
  readonly recorderName: string;
  readonly interpreter?: InterpreterInput | undefined;
  /** Translation pages, as the written agreement's (absent in registers frozen before them). */
  readonly translations?: readonly DocumentTranslation[] | undefined;
}

export function buildOralAgreementDocumentData(input: OralAgreementDocumentInput): DocumentData {
  if (input.parties.length < 2) throw new RangeError('口头协议登记表至少要有两方当事人');
  if (input.mediatorNames.length < 1) throw new RangeError('口头协议登记表至少要有一名人民调解员');
  if (input.oralTerms.trim() === '') throw new RangeError('请填写口头协议内容');
  const amount =
    input.amountFen === undefined || input.amountFen === null
      ? EMPTY_FIELD
      : documentAmount(input.amountFen, '涉案金额');
  return {
    fields: {
      'committee.name': input.committeeName,
      'agreement.number': input.registerNumber,
      'agreement.factsAndIssues': input.factsAndIssues,
      'agreement.oralTerms': input.oralTerms,
      'agreement.performance': orEmpty(input.performance),
      'agreement.amount': amount,
      'agreement.performanceStatus': input.performanceStatus,
      'agreement.date': formatDocumentDate(input.agreedDate, input.dateStyle),
      'recorder.name': input.recorderName,
      'interpreter.name': input.interpreter?.name ?? '',
      'interpretation.statement':
        input.interpreter === undefined ? '' : interpretationStatement(input.interpreter),
    },
    lists: {
      parties: input.parties.map((p) => documentPartyItem(p)),
      agents: (input.agents ?? []).map((agent) => ({
        'agent.kind': agent.kind,
        'agent.name': agent.name,
        'agent.principal': agent.principal,
        'agent.detail': agent.detail ?? '',
      })),
      mediators: input.mediatorNames.map((name) => ({ 'mediator.name': name })),
    },
    ...(input.translations !== undefined && input.translations.length > 0
      ? { translations: input.translations }
      : {}),
  };
}

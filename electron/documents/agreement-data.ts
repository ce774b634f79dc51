import { formatDocumentDate, type DocumentDateStyle } from '../../domain/document-date.js';
import { formatAmountForDocument } from '../../domain/money-words.js';
import type { DocumentData, DocumentTranslation } from './document-data.js';
import { chineseListNumber } from './render-document.js';

/**
 * Turns case records into the strings the agreement and notice templates print. This is the
 * only place where formatting decisions (date style, amount form, what an empty optional
 * field prints as) are made; templates stay logic-less.
 */

/** Printed for an optional field with no value: never leave a blank that can be filled later. */
export const EMPTY_FIELD = '／';

export type DocumentPartyInput =
  | {
      readonly kind: 'PERSON';
      readonly name: string;
      readonly gender: string;
      readonly ethnicity: string;
      /** Age at the document date (derived from the birth date by the caller). */
      readonly age: number | null;
      readonly occupation?: string | undefined;
      readonly phone?: string | undefined;
      readonly address?: string | undefined;
    }
  | {
      readonly kind: 'ORGANISATION';
      readonly name: string;
      readonly creditCode?: string | undefined;
      readonly address?: string | undefined;
      readonly representative?: string | undefined;
      readonly representativeTitle?: string | undefined;
      readonly phone?: string | undefined;
    };

export interface DocumentAgentInput {
  readonly kind: '委托代理人' | '法定代理人';
  readonly name: string;
  /** Name of the party represented. */
  readonly principal: string;
  readonly detail?: string | undefined;
}

export interface AgreementDocumentInput {
  readonly committeeName: string;
  readonly agreementNumber: string;
  readonly parties: readonly DocumentPartyInput[];
  readonly agents?: readonly DocumentAgentInput[] | undefined;
  readonly factsAndIssues: string;
  readonly terms: readonly string[];
  readonly performance: string;
  /** Integer fen; null or undefined when the agreement involves no money. */
  readonly amountFen?: number | bigint | null | undefined;
  readonly copies: number;
  /** ISO date the agreement was formed. */
  readonly agreementDate: string;
  readonly dateStyle: DocumentDateStyle;
  readonly mediatorNames: readonly string[];
  readonly recorderName: string;
  readonly interpreter?: { readonly name: string; readonly statement: string } | undefined;
  readonly translations?: readonly DocumentTranslation[] | undefined;
}

const orEmpty = (value: string | undefined | null): string =>
  value === undefined || value === null || value.trim() === '' ? EMPTY_FIELD : value;

function partyItem(party: DocumentPartyInput): Record<string, string> {
  if (party.kind === 'PERSON') {
    return {
      'party.name': party.name,
      'party.isPerson': '是',
      'party.isOrganisation': '',
      'party.gender': orEmpty(party.gender),
      'party.ethnicity': orEmpty(party.ethnicity),
      'party.age': party.age === null ? EMPTY_FIELD : `${party.age}岁`,
      'party.occupation': orEmpty(party.occupation),
      'party.phone': orEmpty(party.phone),
      'party.address': orEmpty(party.address),
    };
  }
  return {
    'party.name': party.name,
    'party.isPerson': '',
    'party.isOrganisation': '是',
    'party.creditCode': orEmpty(party.creditCode),
    'party.address': orEmpty(party.address),
    'party.representative': orEmpty(party.representative),
    'party.representativeTitle': orEmpty(party.representativeTitle),
    'party.phone': orEmpty(party.phone),
  };
}

export function buildAgreementDocumentData(input: AgreementDocumentInput): DocumentData {
  if (input.parties.length < 2) throw new RangeError('人民调解协议书至少要有两方当事人');
  if (input.terms.length < 1) throw new RangeError('人民调解协议书至少要有一条协议内容');
  if (input.mediatorNames.length < 1) throw new RangeError('人民调解协议书至少要有一名人民调解员');
  if (!Number.isInteger(input.copies) || input.copies < 1 || input.copies > 99) {
    throw new RangeError('协议份数应为 1–99 的整数');
  }
  const amount =
    input.amountFen === undefined || input.amountFen === null
      ? ''
      : formatAmountForDocument(input.amountFen);
  return {
    fields: {
      'committee.name': input.committeeName,
      'agreement.number': input.agreementNumber,
      'agreement.factsAndIssues': input.factsAndIssues,
      'agreement.performance': input.performance,
      'agreement.amount': amount,
      'agreement.copies': chineseListNumber(input.copies),
      'agreement.date': formatDocumentDate(input.agreementDate, input.dateStyle),
      'recorder.name': input.recorderName,
      'interpreter.name': input.interpreter?.name ?? '',
      'interpretation.statement': input.interpreter?.statement ?? '',
    },
    lists: {
      parties: input.parties.map(partyItem),
      agents: (input.agents ?? []).map((agent) => ({
        'agent.kind': agent.kind,
        'agent.name': agent.name,
        'agent.principal': agent.principal,
        'agent.detail': agent.detail ?? '',
      })),
      terms: input.terms.map((term) => ({ 'term.text': term })),
      mediators: input.mediatorNames.map((name) => ({ 'mediator.name': name })),
    },
    translations: input.translations,
  };
}

export interface RightsNoticeDocumentInput {
  readonly committeeName: string;
  readonly parties: readonly DocumentPartyInput[];
  readonly noticeDate: string;
  readonly dateStyle: DocumentDateStyle;
}

export function buildRightsNoticeDocumentData(input: RightsNoticeDocumentInput): DocumentData {
  return {
    fields: {
      'committee.name': input.committeeName,
      'notice.date': formatDocumentDate(input.noticeDate, input.dateStyle),
    },
    lists: { parties: input.parties.map(partyItem) },
  };
}

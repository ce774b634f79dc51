import { formatDocumentDate, type DocumentDateStyle } from '../../domain/document-date.js';
import { interpretationFields, type InterpretationInput } from './agreement-data.js';
import type { DocumentData } from './document-data.js';

/** 人民调解受理登记表 (domain §2.5), template `acceptance-register.v1.json`. */
export interface AcceptanceRegisterDocumentInput {
  readonly committeeName: string;
  /** Names of all parties, in ledger order. */
  readonly partyNames: readonly string[];
  /** ISO date the committee accepted the case. */
  readonly acceptedDate: string;
  /** 纠纷类型: the subtype where one was chosen (草场纠纷), else the category (§3.2). */
  readonly disputeType: string;
  /**
   * The form prints only ① 当事人申请 ② 人民调解委员会主动调解; the caller maps the richer
   * statistical source (委托移送 …) to one of them (domain §2.5).
   */
  readonly source: 'APPLICATION' | 'COMMITTEE_INITIATIVE';
  readonly disputeSummary: string;
  readonly registrarName: string;
  /** ISO date of registration. */
  readonly registerDate: string;
  readonly dateStyle: DocumentDateStyle;
  readonly interpretation?: InterpretationInput | null | undefined;
}

const CHECKED = '■';
const UNCHECKED = '□';

export function acceptanceSourceText(source: AcceptanceRegisterDocumentInput['source']): string {
  const mark = (on: boolean) => (on ? CHECKED : UNCHECKED);
  return `${mark(source === 'APPLICATION')}①当事人申请\n${mark(source === 'COMMITTEE_INITIATIVE')}②人民调解委员会主动调解`;
}

export function buildAcceptanceRegisterDocumentData(
  input: AcceptanceRegisterDocumentInput,
): DocumentData {
  const names = input.partyNames.filter((n) => n.trim() !== '');
  if (names.length < 2) throw new RangeError('受理登记表至少要有两方当事人');
  if (input.disputeSummary.trim() === '') throw new RangeError('请填写纠纷简要情况');
  if (input.registerDate < input.acceptedDate) {
    throw new RangeError('登记日期不能早于受理日期');
  }
  return {
    fields: {
      'committee.name': input.committeeName,
      'acceptance.date': formatDocumentDate(input.acceptedDate, input.dateStyle),
      'acceptance.partyNames': names.join('、'),
      ...interpretationFields(input.interpretation),
      'acceptance.disputeType': input.disputeType,
      'acceptance.source': acceptanceSourceText(input.source),
      'case.disputeSummary': input.disputeSummary,
      'registrar.name': input.registrarName,
      'register.date': formatDocumentDate(input.registerDate, input.dateStyle),
    },
    lists: {
      parties: names.map((name) => ({ 'party.name': name })),
    },
  };
}

import type { DocumentDateStyle } from '../../domain/document-date.js';
import { EMPTY_FIELD } from './agreement-data.js';
import type { DocumentData } from './document-data.js';
import { formatDocumentTime } from './document-time.js';

/** 人民调解调查记录 (domain §2.7), template `investigation-record.v1.json`. */
export interface RecordPersonInput {
  readonly name: string;
  /** e.g. 男，45岁，某村村民，系申请人邻居. */
  readonly detail?: string | undefined;
}

export interface InvestigationRecordDocumentInput {
  readonly committeeName: string;
  /** Local wall-clock time `YYYY-MM-DDTHH:mm`. */
  readonly time: string;
  readonly place: string;
  readonly investigatedPersons: readonly RecordPersonInput[];
  /** 参加人, e.g. 村民委员会主任某某. */
  readonly participants?: readonly RecordPersonInput[] | undefined;
  readonly investigatorNames: readonly string[];
  readonly recorderName: string;
  /** Q&A text; each “问：”/“答：” on its own line. */
  readonly content: string;
  readonly dateStyle: DocumentDateStyle;
}

/** Inner （）become 〔〕 when the text goes inside brackets (GB/T 15834 §4.9.3: no nesting). */
export function unnestBrackets(text: string): string {
  return text.replace(/（/g, '〔').replace(/）/g, '〕');
}

/** `姓名（身份）`, with brackets inside the detail (村（嘎查）两委) turned into 〔〕. */
export const personWithDetail = (p: RecordPersonInput): string =>
  p.detail === undefined || p.detail.trim() === ''
    ? p.name
    : `${p.name}（${unnestBrackets(p.detail)}）`;

export function buildInvestigationRecordDocumentData(
  input: InvestigationRecordDocumentInput,
): DocumentData {
  if (input.investigatedPersons.length < 1) throw new RangeError('调查记录至少要有一名被调查人');
  if (input.investigatorNames.length < 1) throw new RangeError('调查记录至少要有一名调查人');
  if (input.place.trim() === '') throw new RangeError('请填写调查地点');
  if (input.content.trim() === '') throw new RangeError('请填写调查记录内容');
  const participants = input.participants ?? [];
  return {
    fields: {
      'committee.name': input.committeeName,
      'investigation.time': formatDocumentTime(input.time, input.dateStyle, '调查时间'),
      'investigation.place': input.place,
      'investigation.participants':
        participants.length === 0 ? EMPTY_FIELD : participants.map(personWithDetail).join('、'),
      'investigation.investigators': input.investigatorNames.join('、'),
      'investigation.content': input.content,
      'recorder.name': input.recorderName,
    },
    lists: {
      investigatedPersons: input.investigatedPersons.map((p) => ({
        'person.name': p.name,
        'person.detail': p.detail ?? '',
      })),
      investigators: input.investigatorNames.map((name) => ({ 'investigator.name': name })),
    },
  };
}

import { formatDocumentDate, type DocumentDateStyle } from '../../domain/document-date.js';
import { EMPTY_FIELD } from './agreement-data.js';
import type { DocumentData } from './document-data.js';
import { formatDocumentTimeRange, localDateOf } from './document-time.js';
import { personWithDetail, type RecordPersonInput } from './investigation-record-data.js';
import { chineseListNumber } from './layout-measure.js';

/** 人民调解记录 (domain §2.8), one per session; template `session-record.v1.json`. */
export type SessionResult =
  'SUCCESS_WRITTEN' | 'SUCCESS_ORAL' | 'CONTINUE' | 'TERMINATED_FAILED' | 'TERMINATED_REFUSED';

export const SESSION_RESULT_LABELS: Readonly<Record<SessionResult, string>> = {
  SUCCESS_WRITTEN: '调解成功，达成书面调解协议',
  SUCCESS_ORAL: '调解成功，达成口头调解协议',
  CONTINUE: '未达成协议，继续调解',
  TERMINATED_FAILED: '调解不成功，终止调解',
  TERMINATED_REFUSED: '当事人拒绝继续调解，终止调解',
};

export interface SessionRecordDocumentInput {
  readonly committeeName: string;
  /** 1 for the first session. */
  readonly sessionNumber: number;
  /** Local wall-clock times `YYYY-MM-DDTHH:mm`. */
  readonly startAt: string;
  readonly endAt?: string | undefined;
  readonly place: string;
  /** 事由; defaults to the volume name (卷名) in the caller. */
  readonly subject: string;
  /** Parties present (all sign). */
  readonly partyNames: readonly string[];
  /** 参加人: people invited to help (not mediators, parties or the recorder). */
  readonly participants?: readonly RecordPersonInput[] | undefined;
  readonly mediatorNames: readonly string[];
  readonly recorderName: string;
  readonly interpreter?: { readonly name: string; readonly language: string } | undefined;
  readonly isPublic: boolean;
  readonly recordMode: '全程笔录' | '简易记录';
  readonly content: string;
  readonly result: SessionResult;
  /** How the record was confirmed: read to the parties or checked by them. */
  readonly readBack: 'READ_TO_PARTIES' | 'CHECKED_BY_PARTIES';
  readonly dateStyle: DocumentDateStyle;
}

export function buildSessionRecordDocumentData(input: SessionRecordDocumentInput): DocumentData {
  if (
    !Number.isInteger(input.sessionNumber) ||
    input.sessionNumber < 1 ||
    input.sessionNumber > 99
  ) {
    throw new RangeError('调解次数应为 1–99 的整数');
  }
  if (input.partyNames.length < 1) throw new RangeError('调解记录至少要有一名到场当事人');
  if (input.mediatorNames.length < 1) throw new RangeError('调解记录至少要有一名人民调解员');
  if (input.content.trim() === '') throw new RangeError('请填写调解记录内容');
  const participants = input.participants ?? [];
  const interpreter = input.interpreter;
  return {
    fields: {
      'committee.name': input.committeeName,
      'session.number': chineseListNumber(input.sessionNumber),
      'session.time': formatDocumentTimeRange(input.startAt, input.endAt, input.dateStyle),
      'session.date': formatDocumentDate(localDateOf(input.startAt), input.dateStyle),
      'session.place': input.place,
      'session.subject': input.subject,
      'session.partiesPresent': input.partyNames.join('、'),
      'session.participants':
        participants.length === 0 ? EMPTY_FIELD : participants.map(personWithDetail).join('、'),
      'session.mediators': input.mediatorNames.join('、'),
      'session.interpreter':
        interpreter === undefined ? '' : `${interpreter.name}（${interpreter.language}翻译）`,
      'session.publicity': input.isPublic ? '公开' : '不公开',
      'session.recordMode': input.recordMode,
      'session.content': input.content,
      'session.result': SESSION_RESULT_LABELS[input.result],
      'session.readBack':
        input.readBack === 'READ_TO_PARTIES'
          ? '以上记录已向当事人宣读，当事人确认无误。'
          : '以上记录已交当事人校阅，当事人确认无误。',
      'recorder.name': input.recorderName,
      'interpreter.name': interpreter?.name ?? '',
    },
    lists: {
      parties: input.partyNames.map((name) => ({ 'party.name': name })),
      mediators: input.mediatorNames.map((name) => ({ 'mediator.name': name })),
    },
  };
}

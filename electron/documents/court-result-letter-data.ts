import { formatDocumentDate, type DocumentDateStyle } from '../../domain/document-date.js';
import type { DocumentData } from './document-data.js';

/**
 * The letter back to the court that sent a case (委派/委托调解, domain §4.11): what the room
 * did with it and what came of it, so the court can file, confirm or take the suit back up.
 * The service reads every value from the ledger; a RangeError says what is missing.
 */
export interface CourtResultLetterInput {
  readonly committeeName: string;
  readonly caseReference: string;
  readonly disputeType: string;
  readonly dateStyle: DocumentDateStyle;
  readonly noticeDate: string;
  readonly courtKind: 'DELEGATED' | 'ENTRUSTED';
  readonly courtName: string;
  readonly courtReference: string | null;
  readonly courtReceivedOn: string;
  readonly courtExtension: { readonly consentDate: string; readonly note: string } | null;
  readonly acceptedDate: string;
  readonly partyNames: readonly string[];
  readonly mediatorNames: readonly string[];
  readonly result:
    | { readonly kind: 'WRITTEN'; readonly date: string; readonly agreementNumber: string | null }
    | { readonly kind: 'ORAL'; readonly date: string }
    | { readonly kind: 'FAILED' | 'REFUSED'; readonly date: string }
    | { readonly kind: 'REFERRED'; readonly date: string; readonly to: string };
}

const KIND_TEXT = {
  DELEGATED: { title: '委派调解结果告知函', verb: '委派' },
  ENTRUSTED: { title: '委托调解结果告知函', verb: '委托' },
} as const;

export function buildCourtResultLetterData(input: CourtResultLetterInput): DocumentData {
  const d = (iso: string) => formatDocumentDate(iso, input.dateStyle);
  const parties = input.partyNames.filter((n) => n.trim() !== '');
  if (input.courtName.trim() === '') throw new RangeError('告知函要写明委派法院');
  if (parties.length === 0) throw new RangeError('告知函要写明当事人');
  if (input.result.date < input.acceptedDate) {
    throw new RangeError('调解结果的日期不能早于受理日期');
  }
  const r = input.result;
  let text: string;
  let next: string;
  let attachments = '';
  switch (r.kind) {
    case 'WRITTEN':
      text = `经调解，双方当事人于${d(r.date)}自愿达成人民调解协议${
        r.agreementNumber === null ? '' : `（${r.agreementNumber}）`
      }。`;
      next = '当事人可以自调解协议生效之日起三十日内共同向人民法院申请司法确认。请贵院依法处理。';
      attachments = '人民调解协议书复印件一份';
      break;
    case 'ORAL':
      text = `经调解，双方当事人于${d(r.date)}达成口头调解协议，本委员会已登记在案。`;
      next = '请贵院依法处理。';
      attachments = '人民调解口头协议登记表复印件一份';
      break;
    case 'FAILED':
      text = `经调解，双方当事人未能达成调解协议，本委员会于${d(r.date)}终止调解。`;
      next = '现将本案退回贵院，请依法处理。';
      break;
    case 'REFUSED':
      text = `因当事人拒绝调解或者要求终止调解，本委员会于${d(r.date)}终止调解。`;
      next = '现将本案退回贵院，请依法处理。';
      break;
    case 'REFERRED':
      text = `本委员会于${d(r.date)}将本纠纷移交${r.to}处理。`;
      next = '请贵院知悉。';
      break;
  }
  const kind = KIND_TEXT[input.courtKind];
  return {
    fields: {
      'letter.title': kind.title,
      'committee.name': input.committeeName,
      'case.reference': input.caseReference,
      'dispute.type': input.disputeType,
      'notice.date': d(input.noticeDate),
      'court.name': input.courtName,
      'court.kindVerb': kind.verb,
      'court.reference': input.courtReference ?? '未注明',
      'court.receivedDate': d(input.courtReceivedOn),
      'court.extension':
        input.courtExtension === null
          ? ''
          : `经贵院于${d(input.courtExtension.consentDate)}同意，调解期限延长三十日。`,
      'accepted.date': d(input.acceptedDate),
      'case.partyNames': parties.join('、'),
      'mediator.names': input.mediatorNames.join('、') || '本委员会调解员',
      'result.text': text,
      'result.next': next,
      'result.attachments': attachments,
    },
    lists: {},
  };
}

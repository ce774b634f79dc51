import type { Db } from '../../db/connection.js';
import { signedAgreementsOfCase } from '../../db/followups/followup-queries.js';
import { ApiError } from '../../domain/api/errors.js';
import type { CaseDetail } from '../../domain/cases/case-views.js';
import { recordKeyOf } from '../../domain/documents/printed-documents.js';
import * as disputeCategories from '../../domain/taxonomy/dispute-categories.js';
import * as referralTargets from '../../domain/taxonomy/referral-targets.js';
import { chinaToday } from '../../domain/validation/calendar-date.js';
import {
  buildCourtResultLetterData,
  type CourtResultLetterInput,
} from '../documents/court-result-letter-data.js';
import type { DocumentData } from '../documents/document-data.js';
import { ENDINGS } from './closing-papers-service.js';
import { mediatorNames, type Letterhead } from './document-ledger-data.js';

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const dayOf = (iso: string) => chinaToday(new Date(iso));

export const COURT_LETTER_REFUSED =
  '调解结果告知函只用于法院委派（委托）的案件，且要在调解有结果（达成协议、终止或移交）之后打印';

/**
 * The 委派（委托）调解结果告知函's data from the ledger: only for a case the court sent, once
 * mediation has ended. Refused otherwise, with the reason in Chinese.
 */
export function courtResultLetterData(
  db: Db,
  c: CaseDetail,
  today: string,
  head: Letterhead,
): { template: 'COURT_RESULT_LETTER'; build: () => DocumentData; recordKey: string } {
  const step = [...c.timeline].reverse().find((h) => ENDINGS.includes(h.toState));
  if (
    c.source !== 'ENTRUSTED_COURT' ||
    c.courtName === null ||
    c.courtReceivedOn === null ||
    c.acceptedDate === null ||
    step === undefined
  ) {
    throw new ApiError('INVALID_STATE', COURT_LETTER_REFUSED);
  }
  const stepDay = dayOf(step.at);
  const agreements = signedAgreementsOfCase(db, c.id);
  const lastAgreement = agreements[agreements.length - 1];
  let result: CourtResultLetterInput['result'];
  switch (step.toState) {
    case 'SETTLED_WRITTEN':
      result = {
        kind: 'WRITTEN',
        date: lastAgreement?.effective_date ?? stepDay,
        agreementNumber: lastAgreement?.number ?? null,
      };
      break;
    case 'SETTLED_ORAL':
      result = { kind: 'ORAL', date: lastAgreement?.effective_date ?? stepDay };
      break;
    case 'TERMINATED_FAILED':
    case 'TERMINATED_REFUSED':
      result = {
        kind: step.toState === 'TERMINATED_FAILED' ? 'FAILED' : 'REFUSED',
        date: text(step.data.terminatedDate) || stepDay,
      };
      break;
    default:
      result = {
        kind: 'REFERRED',
        date: text(step.data.referredDate) || stepDay,
        to: referralTargets.labelOf(text(step.data.target) as referralTargets.Code),
      };
  }
  const acceptedDate = c.acceptedDate;
  const courtName = c.courtName;
  const courtReceivedOn = c.courtReceivedOn;
  return {
    template: 'COURT_RESULT_LETTER',
    recordKey: recordKeyOf('case'),
    build: () =>
      buildCourtResultLetterData({
        committeeName: head.committeeName,
        caseReference: c.caseNumber ?? c.title,
        disputeType:
          c.subtype === null
            ? disputeCategories.labelOf(c.category)
            : disputeCategories.subtypeLabelOf(c.subtype),
        dateStyle: head.dateStyle,
        noticeDate: today < result.date ? result.date : today,
        courtKind: c.courtKind ?? 'DELEGATED',
        courtName,
        courtReference: c.courtReference,
        courtReceivedOn,
        courtExtension: c.courtExtension,
        acceptedDate,
        partyNames: c.parties.map((p) => p.name),
        mediatorNames: mediatorNames(db, c.mediatorIds, ['caseId']),
        result,
      }),
  };
}

import type { AgreementRow } from '../../db/agreements/agreement-rows.js';
import { getAgreementRow } from '../../db/agreements/agreement-queries.js';
import type { Db } from '../../db/connection.js';
import type { PrintedDocumentRow } from '../../db/documents/print-register-queries.js';
import { idPaperMessages } from '../../domain/messages/zh-CN.js';
import type { PrintedDocumentKind } from '../../domain/documents/printed-documents.js';
import { caseScopeRefusal } from './case-scope.js';
import { admittedCaller } from './desk-actor.js';
import type { LedgerSession } from './ledger-session.js';

/**
 * Which papers print parties' whole ID numbers, and the own-case rule of the reveal applied to
 * them (review T1 of s28): a 调解员 refused a party's number on screen must not read it off the
 * 司法确认申请书 or an agreement printed with 身份证号码. Papers that print no whole number
 * (notices, records, the oral register, an agreement without the option) are not limited here.
 */
export function agreementPrintsWholeIdNumbers(row: AgreementRow): boolean {
  if (row.kind !== 'WRITTEN') return false;
  return (JSON.parse(row.content_json) as { printIdNumbers?: boolean }).printIdNumbers === true;
}

/**
 * What the refusal's audit entry names: a paper of the print register, the scan of a signed
 * agreement (any: numbers are often written by hand), or a copy the parties brought (身份证明, 委托书, 证据: scans that carry their numbers
 * in their own hand or on the card itself).
 */
export type WholeIdPaper = PrintedDocumentKind | 'AGREEMENT_SCAN' | 'CASE_ATTACHMENT';

const AGREEMENT_KEY = /^agreement:([1-9][0-9]*)$/;

/**
 * A stored version of the print register. The 卷宗 counts as printing them always: it holds
 * the case's agreements, its 司法确认申请书 and the scans of signed papers, which carry the
 * numbers in the parties' own hand.
 */
export function storedPaperPrintsWholeIdNumbers(db: Db, row: PrintedDocumentRow): boolean {
  switch (row.kind as PrintedDocumentKind) {
    case 'CONFIRMATION_APPLICATION':
    case 'VOLUME':
      return true;
    case 'AGREEMENT': {
      const id = AGREEMENT_KEY.exec(row.record_key)?.[1];
      const agreement = id === undefined ? undefined : getAgreementRow(db, Number(id));
      // an agreement that cannot be found is not assumed to be harmless
      return agreement === undefined || agreementPrintsWholeIdNumbers(agreement);
    }
    default:
      return false;
  }
}

/**
 * Throws when the caller of the running API call may not have this case's whole numbers on
 * paper, after committing the refusal to the audit chain as a refused reveal (the same question
 * for an auditor: who tried to see a party's number outside their cases), with the paper named.
 * The entry waits while the ledger is being encrypted; a damaged ledger gets none (the refusal
 * stands).
 */
export function refuseWholeIdPaperOutOfScope(
  ledger: LedgerSession,
  caseId: number,
  paper: WholeIdPaper,
): void {
  const db = ledger.db();
  const refused = caseScopeRefusal(db, admittedCaller()?.user ?? null, caseId, idPaperMessages);
  if (!refused) return;
  ledger.recordEntry({
    action: 'REVEAL_ID_REFUSED',
    caseId,
    detail: { paper, refused: refused.code },
  });
  throw refused;
}

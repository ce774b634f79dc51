import { getAgreementRow } from '../../db/agreements/agreement-queries.js';
import { getCaseRow } from '../../db/cases/case-reads.js';
import type { RenderedDocument } from '../../domain/agreements/agreement-views.js';
import { ApiError } from '../../domain/api/errors.js';
import { recordKeyOf } from '../../domain/documents/printed-documents.js';
import {
  NEXT_STEP_LABELS,
  PERFORMANCE_STATUS_LABELS,
  SATISFACTION_LABELS,
  VISIT_MODE_LABELS,
  VISIT_RISK_LABELS,
} from '../../domain/followups/followup-codes.js';
import { chinaToday } from '../../domain/validation/calendar-date.js';
import { buildConfirmationApplicationData } from '../documents/confirmation-application-data.js';
import type { DocumentData } from '../documents/document-data.js';
import { buildFollowUpRecordDocumentData } from '../documents/followup-record-data.js';
import { confirmationOfAgreement } from '../../db/followups/confirmation-queries.js';
import type { DocumentEngine } from './document-engine.js';
import { renderFrozen } from './document-freeze.js';
import {
  casePartiesById,
  documentParty,
  ledgerAgents,
  letterhead,
} from './document-ledger-data.js';
import type { FollowUpService } from './followup-service.js';
import type { LedgerSession } from './ledger-session.js';
import type { PrintRegisterService } from './print-register-service.js';
import { refuseWholeIdPaperOutOfScope } from './whole-id-papers.js';

/**
 * The printable documents of follow-up: the 回访记录 of a recorded visit (§2.11) and the
 * 司法确认申请书 of a signed written agreement (§1.2), both frozen in the print register like
 * every other document.
 */
export class FollowUpDocumentsService {
  constructor(
    private readonly ledger: LedgerSession,
    private readonly engine: DocumentEngine,
    private readonly register: PrintRegisterService,
    private readonly followUps: FollowUpService,
  ) {}

  visitRecordData(followUpId: number): { caseId: number; data: DocumentData; name: string } {
    const db = this.ledger.db();
    const f = this.followUps.one(followUpId);
    if (f.status !== 'DONE' || f.visit === null) {
      throw new ApiError('INVALID_STATE', '该回访尚未登记，登记回访情况后才能打印回访记录');
    }
    const v = f.visit;
    const head = letterhead(db);
    const next =
      v.nextStep === 'NONE'
        ? ''
        : [
            NEXT_STEP_LABELS[v.nextStep],
            v.nextVisitDate === null ? null : `下次回访日期：${v.nextVisitDate}`,
            v.nextStepNote,
          ]
            .filter((x) => x !== null && x !== '')
            .join('；');
    const data = printable('回访记录', () =>
      buildFollowUpRecordDocumentData({
        committeeName: head.committeeName,
        visitedPartyNames: v.visitedPartyNames,
        agreementNumber: f.agreementNumber,
        subject: f.caseTitle,
        visitDate: v.visitDate,
        mode: VISIT_MODE_LABELS[v.mode],
        performance: PERFORMANCE_STATUS_LABELS[v.performance],
        satisfaction: SATISFACTION_LABELS[v.satisfaction],
        risk: VISIT_RISK_LABELS[v.risk],
        findings: v.findings,
        nextStep: next,
        visitorName: v.visitorName,
        dateStyle: head.dateStyle,
      }),
    );
    return {
      caseId: f.caseId,
      data,
      name: `人民调解回访记录（${v.visitDate}）_${f.caseNumber ?? f.caseTitle}`,
    };
  }

  async visitRecord(followUpId: number, allowMissingGlyphs: boolean): Promise<RenderedDocument> {
    const { caseId, data, name } = this.visitRecordData(followUpId);
    return renderFrozen(this.engine, this.register, {
      caseId,
      kind: 'FOLLOWUP_RECORD',
      recordKey: recordKeyOf('followup', followUpId),
      fileName: name,
      template: 'FOLLOWUP_RECORD',
      data,
      now: this.ledger.now(),
      allowMissingGlyphs,
    });
  }

  confirmationData(agreementId: number): { caseId: number; data: DocumentData; name: string } {
    const db = this.ledger.db();
    const a = getAgreementRow(db, agreementId);
    if (!a) throw new ApiError('NOT_FOUND', '找不到该调解协议，可能已被删除或编号有误');
    if (a.kind !== 'WRITTEN' || a.status !== 'SIGNED' || a.effective_date === null) {
      throw new ApiError('INVALID_STATE', '只有已签署生效的书面调解协议才能申请司法确认');
    }
    const effectiveDate = a.effective_date;
    const c = getCaseRow(db, a.case_id);
    if (!c) throw new ApiError('NOT_FOUND', '找不到该案件，可能已被删除或编号有误');
    const head = letterhead(db);
    const content = JSON.parse(a.content_json) as { partyIds: number[]; agreementDate?: string };
    const parties = casePartiesById(db, a.case_id);
    const applicants = content.partyIds.flatMap((id) => {
      const p = parties.get(id);
      return p ? [p] : [];
    });
    const today = chinaToday(this.ledger.now());
    const court = confirmationOfAgreement(db, agreementId)?.court ?? null;
    const data = printable('司法确认申请书', () =>
      buildConfirmationApplicationData({
        committeeName: head.committeeName,
        applicants: applicants.map((p) => documentParty(db, p.row, today)),
        agents: ledgerAgents(applicants),
        agreementNumber: a.number,
        agreementDate: content.agreementDate ?? effectiveDate,
        effectiveDate,
        court,
        dateStyle: head.dateStyle,
      }),
    );
    return { caseId: a.case_id, data, name: `司法确认申请书_${a.number}` };
  }

  async confirmationApplication(
    agreementId: number,
    allowMissingGlyphs: boolean,
  ): Promise<RenderedDocument> {
    const { caseId, data, name } = this.confirmationData(agreementId);
    refuseWholeIdPaperOutOfScope(this.ledger, caseId, 'CONFIRMATION_APPLICATION');
    return renderFrozen(this.engine, this.register, {
      caseId,
      kind: 'CONFIRMATION_APPLICATION',
      recordKey: recordKeyOf('agreement', agreementId),
      fileName: name,
      template: 'CONFIRMATION_APPLICATION',
      data,
      now: this.ledger.now(),
      allowMissingGlyphs,
    });
  }
}

/** A builder's RangeError (missing data) is a sentence for the mediator, not an internal error. */
function printable(label: string, build: () => DocumentData): DocumentData {
  try {
    return build();
  } catch (error) {
    if (error instanceof RangeError) {
      throw new ApiError('INVALID_STATE', `${label}还不能打印：${error.message}`);
    }
    throw error;
  }
}

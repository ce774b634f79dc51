import { getCaseRow } from '../../db/cases/case-reads.js';
import { recordHistory, setCourtExtension } from '../../db/cases/case-writes.js';
import { caseMediatorIds } from '../../db/cases/case-reads.js';
import { caseFromRow } from '../../db/cases/case-rows.js';
import { caseSnapshot } from '../../domain/cases/change-history.js';
import type { CourtExtensionValues } from '../../domain/cases/court-inputs.js';
import {
  confirmationOfAgreement,
  extensionsOfCase,
  insertExtension,
  saveConfirmation,
  setCaseDueDate,
} from '../../db/followups/confirmation-queries.js';
import { signedAgreementsOfCase } from '../../db/followups/followup-queries.js';
import { ApiError } from '../../domain/api/errors.js';
import { isAwaitingOutcome } from '../../domain/case-lifecycle.js';
import type { CaseDetail } from '../../domain/cases/case-views.js';
import type { ConfirmationValues, ExtendDueValues } from '../../domain/followups/followup-input.js';
import type {
  CaseFollowUps,
  ConfirmationWindow,
  SavedConfirmation,
} from '../../domain/followups/followup-views.js';
import { daysBetween } from '../../domain/followups/reminder-stage.js';
import { badInput } from './case-guards.js';
import { CaseService } from './case-service.js';
import { currentActor } from './desk-actor.js';
import { caseCloseReadiness } from './followup-scheduling.js';
import type { FollowUpService } from './followup-service.js';
import type { LedgerSession } from './ledger-session.js';

/** SPC-2011 Art. 4: courts do not confirm identity, adoption or marriage relationships. */
export const STATUS_MATTER_CAUTION =
  '本案属婚姻家庭纠纷：涉及解除婚姻关系、收养关系、身份关系的内容，人民法院不予司法确认（最高人民法院《关于人民调解协议司法确认程序的若干规定》第四条）；财产分割、抚养费等内容仍可申请';

/**
 * Deadlines around a case: judicial confirmation of its agreement (§1.2) and the extension of
 * its one-month due date with the parties' consent (§4.3). Also assembles the case page's
 * follow-up panel, which shows both beside the visits.
 */
export class CaseDeadlinesService extends CaseService {
  constructor(
    ledger: LedgerSession,
    private readonly followUps: FollowUpService,
  ) {
    super(ledger);
  }

  overview(caseId: number): CaseFollowUps {
    const db = this.db();
    const row = getCaseRow(db, caseId);
    if (!row) throw new ApiError('NOT_FOUND', '找不到该案件，可能已被删除或编号有误');
    const today = this.today();
    const names = new Map(
      (
        db.prepare('SELECT id, name FROM party WHERE case_id = ?').all(caseId) as {
          id: number;
          name: string;
        }[]
      ).map((p) => [p.id, p.name]),
    );
    const windows: ConfirmationWindow[] = signedAgreementsOfCase(db, caseId).map((a) => ({
      agreementId: a.id,
      agreementNumber: a.number,
      kind: a.kind,
      effectiveDate: a.effective_date,
      deadline: a.confirmation_deadline,
      daysLeft:
        a.confirmation_deadline === null ? null : daysBetween(today, a.confirmation_deadline),
      confirmation: confirmationOfAgreement(db, a.id),
    }));
    return {
      caseId,
      visits: this.followUps.ofCase(caseId),
      windows,
      extensions: extensionsOfCase(db, caseId).map((e) => ({
        id: e.id,
        previousDueDate: e.previous_due_date,
        newDueDate: e.new_due_date,
        consentDate: e.consent_date,
        consentPartyNames: (JSON.parse(e.consent_party_ids_json) as number[]).map(
          (id) => names.get(id) ?? '',
        ),
        reason: e.reason,
        createdAt: e.created_at,
      })),
      close: caseCloseReadiness(db, caseId),
      confirmationCaution: row.category === 'MARRIAGE_FAMILY' ? STATUS_MATTER_CAUTION : null,
    };
  }

  saveConfirmation(v: ConfirmationValues): SavedConfirmation {
    const db = this.db();
    const today = this.today();
    const warnings: string[] = [];
    db.transaction(() => {
      const row = this.requireEditable(v.caseId);
      const a = signedAgreementsOfCase(db, v.caseId).find((x) => x.id === v.agreementId);
      if (!a) {
        throw badInput('所选协议不是本案已生效的调解协议', ['agreementId']);
      }
      if (a.kind !== 'WRITTEN') {
        throw badInput('口头协议不能直接申请司法确认，须先制作书面调解协议', ['agreementId']);
      }
      const effective = a.effective_date ?? '';
      if (v.appliedDate < effective) {
        throw badInput(`申请日期不能早于协议生效日期（${effective}）`, ['appliedDate']);
      }
      for (const [field, date, label] of [
        ['appliedDate', v.appliedDate, '申请日期'],
        ['decisionDate', v.decisionDate, '决定日期'],
        ['enforcementAppliedDate', v.enforcementAppliedDate, '申请强制执行日期'],
      ] as const) {
        if (date !== null && date > today) throw badInput(`${label}不能晚于今天`, [field]);
      }
      const late = a.confirmation_deadline !== null && v.appliedDate > a.confirmation_deadline;
      if (late) {
        warnings.push(
          `申请日期晚于申请司法确认的期限（${a.confirmation_deadline}，协议生效后 30 日内），人民法院可能不予受理；已按实际情况登记`,
        );
      }
      if (row.category === 'MARRIAGE_FAMILY') warnings.push(STATUS_MATTER_CAUTION);
      if (!saveConfirmation(db, v, late, this.nowIso())) {
        throw new ApiError('CONFLICT', '司法确认情况已被他人修改并保存。请刷新后重试');
      }
      recordHistory(db, {
        caseId: v.caseId,
        from: row.status,
        to: row.status,
        action: 'JUDICIAL_CONFIRMATION',
        data: {
          agreementId: v.agreementId,
          appliedDate: v.appliedDate,
          court: v.court,
          decision: v.decision,
        },
        at: this.nowIso(),
        actor: currentActor(),
      });
    }).immediate();
    const saved = confirmationOfAgreement(db, v.agreementId);
    if (!saved) throw new ApiError('NOT_FOUND', '找不到该司法确认记录');
    return { confirmation: saved, warnings };
  }

  /** A later due date, only with every party's consent on file (provincial rule, §1.2). */
  /** The court's one consent to 30 more days on a case it sent (委派/委托调解). */
  extendCourtDeadline(v: CourtExtensionValues): CaseDetail {
    const db = this.db();
    const now = this.nowIso();
    db.transaction(() => {
      const row = this.claim(v.caseId, v.expectedVersion, now);
      const before = caseSnapshot(caseFromRow(row, caseMediatorIds(db, v.caseId), this.today()));
      if (row.source !== 'ENTRUSTED_COURT' || row.court_received_on === null) {
        throw new ApiError(
          'INVALID_STATE',
          '只有登记了收到委派日期的法院委托移送案件才有法院的调解期限',
        );
      }
      // The court's days run from receipt, so a case still awaiting acceptance counts too.
      if (row.status !== 'INTAKE' && !isAwaitingOutcome(row.status)) {
        throw new ApiError('INVALID_STATE', '案件已有调解结果，不需要再延长法院的调解期限');
      }
      if (row.court_extended_on !== null) {
        throw new ApiError(
          'INVALID_STATE',
          `法院已于 ${row.court_extended_on} 同意延长一次（30 日），不能再次延长`,
        );
      }
      if (v.consentDate > this.today()) {
        throw badInput('法院同意延长的日期不能晚于今天', ['consentDate']);
      }
      if (v.consentDate < row.court_received_on) {
        throw badInput('法院同意延长的日期不能早于收到委派的日期', ['consentDate']);
      }
      setCourtExtension(db, v.caseId, v.consentDate, v.note);
      this.recordCaseChanges(v.caseId, before, v.note, now);
    }).immediate();
    return this.detail(v.caseId);
  }

  extendDue(v: ExtendDueValues): CaseDetail {
    const db = this.db();
    const now = this.nowIso();
    const today = this.today();
    db.transaction(() => {
      const row = this.claim(v.caseId, v.expectedVersion, now);
      if (!isAwaitingOutcome(row.status) || row.due_date === null || row.accepted_date === null) {
        throw new ApiError('INVALID_STATE', '只有已受理、尚在调解中的案件才能延长调解期限');
      }
      if (v.newDueDate <= row.due_date) {
        throw badInput(`延长后的期限应晚于当前期限（${row.due_date}）`, ['newDueDate']);
      }
      if (v.consentDate > today) throw badInput('当事人同意日期不能晚于今天', ['consentDate']);
      if (v.consentDate < row.accepted_date) {
        throw badInput('当事人同意日期不能早于受理日期', ['consentDate']);
      }
      const parties = db
        .prepare(`SELECT id, name, role FROM party WHERE case_id = ?`)
        .all(v.caseId) as { id: number; name: string; role: string }[];
      const ids = new Set(parties.map((p) => p.id));
      if (v.consentPartyIds.some((id) => !ids.has(id))) {
        throw badInput('同意延期的当事人不是本案当事人，请重新选择', ['consentPartyIds']);
      }
      const missing = parties.filter(
        (p) => p.role !== 'THIRD_PARTY' && !v.consentPartyIds.includes(p.id),
      );
      if (missing.length > 0) {
        throw badInput(
          `延长调解期限须经双方当事人同意，尚未记录同意的当事人：${missing.map((p) => p.name).join('、')}`,
          ['consentPartyIds'],
        );
      }
      insertExtension(
        db,
        {
          caseId: v.caseId,
          previousDueDate: row.due_date,
          newDueDate: v.newDueDate,
          consentDate: v.consentDate,
          consentPartyIds: v.consentPartyIds,
          reason: v.reason,
        },
        now,
      );
      setCaseDueDate(db, v.caseId, v.newDueDate);
      recordHistory(db, {
        caseId: v.caseId,
        from: row.status,
        to: row.status,
        action: 'EXTEND_DUE',
        data: {
          from: row.due_date,
          to: v.newDueDate,
          consentDate: v.consentDate,
          reason: v.reason,
        },
        at: now,
        actor: currentActor(),
      });
    }).immediate();
    return this.detail(v.caseId);
  }
}

import type { Db } from '../../db/connection.js';
import {
  insertInvestigation,
  insertParticipant,
  insertSession,
  rowExists,
  stamp,
  updateInvestigation,
  updateReferralFeedback,
  updateSession,
} from '../../db/cases/case-writes.js';
import { investigationRowsOf, partyRowsOf, sessionRowsOf } from '../../db/cases/case-reads.js';
import { investigationFromRow, sessionFromRow, type CaseRow } from '../../db/cases/case-rows.js';
import { diffFields, recordChangeSet, type ChangeEntity } from '../../db/history/change-history.js';
import { refreshCaseSearch } from '../../db/search/case-search-index.js';
import { ApiError } from '../../domain/api/errors.js';
import { checkCanAddSession, stateLabelOf } from '../../domain/case-lifecycle.js';
import type {
  CaseDetail,
  InvestigationRecord,
  SessionRecord,
} from '../../domain/cases/case-views.js';
import type {
  InvestigationValues,
  InvitedParticipantValues,
  ReferralFeedbackValues,
  SessionValues,
} from '../../domain/cases/record-inputs.js';
import * as languages from '../../domain/taxonomy/languages.js';
import { recordDateIssue } from '../../domain/cases/record-dates.js';
import { badInput, caseDatesOf, checkMediators } from './case-guards.js';
import { CaseService } from './case-service.js';
import { currentActor } from './desk-actor.js';

/** Records made while a case is worked: sessions, investigations, participants, referrals. */
export class CaseRecordsService extends CaseService {
  addSession(caseId: number, session: SessionValues): CaseDetail {
    const db = this.db();
    const now = this.nowIso();
    db.transaction(() => {
      const row = this.requireEditable(caseId);
      const check = checkCanAddSession(row.status);
      if (!check.ok) throw new ApiError('INVALID_STATE', check.message);
      this.checkSession(db, row, session);
      insertSession(db, caseId, session, session.subject ?? row.title, now);
      refreshCaseSearch(db, caseId);
    }).immediate();
    return this.detail(caseId);
  }

  updateSession(
    caseId: number,
    sessionId: number,
    expectedVersion: number,
    session: SessionValues,
  ): CaseDetail {
    const db = this.db();
    const now = this.nowIso();
    db.transaction(() => {
      const row = this.requireEditable(caseId);
      // Records of a concluded mediation are part of the file the outcome rests on (§6.9).
      if (!checkCanAddSession(row.status).ok) {
        throw new ApiError(
          'INVALID_STATE',
          `案件当前状态为“${stateLabelOf(row.status)}”，调解记录只能在调解进行中修改`,
        );
      }
      this.checkSession(db, row, session);
      const subject = session.subject ?? row.title;
      const before = sessionRowsOf(db, caseId).find((r) => r.id === sessionId);
      if (!updateSession(db, caseId, sessionId, expectedVersion, session, subject, now)) {
        if (!rowExists(db, 'session_record', sessionId, caseId)) {
          throw new ApiError('NOT_FOUND', '找不到该调解记录，请刷新后重试');
        }
        throw new ApiError('CONFLICT', '该调解记录已被他人修改并保存。请刷新后重新修改');
      }
      const after = sessionRowsOf(db, caseId).find((r) => r.id === sessionId);
      if (before && after) {
        this.recordRecordChange(
          db,
          caseId,
          'SESSION',
          sessionId,
          now,
          sessionSnapshot(sessionFromRow(before)),
          sessionSnapshot(sessionFromRow(after)),
        );
      }
      refreshCaseSearch(db, caseId);
    }).immediate();
    return this.detail(caseId);
  }

  /**
   * §2.8: parties present must be this case's; mediators must be active 人民调解员 (PML 13);
   * an interpreter and the language are required when a party present does not use Chinese.
   */
  private checkSession(db: Db, row: CaseRow, session: SessionValues): void {
    this.checkRecordDate(db, row, '调解开始时间', session.startAt.slice(0, 10), [
      'session',
      'startAt',
    ]);
    this.checkRecordDate(db, row, '调解结束时间', session.endAt.slice(0, 10), ['session', 'endAt']);
    const parties = new Map(partyRowsOf(db, row.id).map((p) => [p.id, p]));
    for (const id of session.partyIdsPresent) {
      if (!parties.has(id))
        throw badInput('到场当事人不是本案当事人', ['session', 'partyIdsPresent']);
    }
    checkMediators(db, session.mediatorIds, ['session', 'mediatorIds'], true);
    const needing = session.partyIdsPresent
      .map((id) => parties.get(id))
      .filter(
        (p) => p !== undefined && (p.preferred_language !== 'zh' || p.needs_interpreter === 1),
      );
    if (needing.length > 0 && session.interpreter === null) {
      const who = needing
        .map((p) => `${p?.name}（${languages.labelOf(p?.preferred_language ?? 'other')}）`)
        .join('、');
      throw badInput(`当事人${who}使用少数民族语言或需要翻译，请填写翻译人员和翻译语言`, [
        'session',
        'interpreter',
      ]);
    }
  }

  addInvestigation(caseId: number, investigation: InvestigationValues): CaseDetail {
    const db = this.db();
    const now = this.nowIso();
    db.transaction(() => {
      const row = this.requireEditable(caseId);
      this.checkInvestigation(db, row, investigation);
      insertInvestigation(db, caseId, investigation, now);
      refreshCaseSearch(db, caseId);
    }).immediate();
    return this.detail(caseId);
  }

  /** Corrects an investigation record; the changed fields go into the case's history. */
  updateInvestigation(
    caseId: number,
    investigationId: number,
    expectedVersion: number,
    investigation: InvestigationValues,
  ): CaseDetail {
    const db = this.db();
    const now = this.nowIso();
    db.transaction(() => {
      const row = this.requireEditable(caseId);
      this.checkInvestigation(db, row, investigation);
      const before = investigationRowsOf(db, caseId).find((r) => r.id === investigationId);
      if (
        !before ||
        !updateInvestigation(db, caseId, investigationId, expectedVersion, investigation, now)
      ) {
        if (!rowExists(db, 'investigation_record', investigationId, caseId)) {
          throw new ApiError('NOT_FOUND', '找不到该调查记录，请刷新后重试');
        }
        throw new ApiError('CONFLICT', '该调查记录已被他人修改并保存。请刷新后重新修改');
      }
      const after = investigationRowsOf(db, caseId).find((r) => r.id === investigationId);
      if (after) {
        this.recordRecordChange(
          db,
          caseId,
          'INVESTIGATION',
          investigationId,
          now,
          investigationSnapshot(investigationFromRow(before)),
          investigationSnapshot(investigationFromRow(after)),
        );
      }
      refreshCaseSearch(db, caseId);
    }).immediate();
    return this.detail(caseId);
  }

  private checkInvestigation(db: Db, row: CaseRow, investigation: InvestigationValues): void {
    if (row.status === 'INTAKE' || row.status === 'REJECTED') {
      throw new ApiError('INVALID_STATE', '案件尚未受理，不能添加或修改调查记录');
    }
    this.checkRecordDate(db, row, '调查时间', investigation.at.slice(0, 10), [
      'investigation',
      'at',
    ]);
    checkMediators(db, investigation.investigatorIds, ['investigation', 'investigatorIds'], false);
  }

  private recordRecordChange(
    db: Db,
    caseId: number,
    entity: ChangeEntity,
    entityId: number,
    nowIso: string,
    before: Record<string, unknown>,
    after: Record<string, unknown>,
  ): void {
    recordChangeSet(db, {
      caseId,
      entity,
      entityId,
      action: 'UPDATE',
      reason: null,
      actor: currentActor(),
      at: stamp(nowIso),
      fields: diffFields(before, after),
    });
  }

  /** §6 date sanity: between the case's acceptance (less the room's grace) and today. */
  private checkRecordDate(
    db: Db,
    row: CaseRow,
    label: string,
    date: string,
    path: (string | number)[],
  ): void {
    const issue = recordDateIssue(label, date, caseDatesOf(db, row, this.today()));
    if (issue) throw badInput(issue, path);
  }

  addParticipant(caseId: number, participant: InvitedParticipantValues): CaseDetail {
    const db = this.db();
    const now = this.nowIso();
    db.transaction(() => {
      this.requireEditable(caseId);
      insertParticipant(db, caseId, participant, now);
      refreshCaseSearch(db, caseId);
    }).immediate();
    return this.detail(caseId);
  }

  referralFeedback(
    caseId: number,
    referralId: number,
    expectedVersion: number,
    feedback: ReferralFeedbackValues,
  ): CaseDetail {
    const db = this.db();
    const now = this.nowIso();
    db.transaction(() => {
      this.requireEditable(caseId);
      if (!updateReferralFeedback(db, caseId, referralId, expectedVersion, feedback, now)) {
        if (!rowExists(db, 'referral', referralId, caseId)) {
          throw new ApiError('NOT_FOUND', '找不到该移交记录，请刷新后重试');
        }
        throw new ApiError('CONFLICT', '该移交记录已被他人修改并保存。请刷新后重新修改');
      }
    }).immediate();
    return this.detail(caseId);
  }
}

/** What the history compares for a session record (its number and case never change). */
function sessionSnapshot(s: SessionRecord): Record<string, unknown> {
  return {
    startAt: s.startAt,
    endAt: s.endAt,
    place: s.place,
    subject: s.subject,
    partyIdsPresent: s.partyIdsPresent,
    mediatorIds: s.mediatorIds,
    recorder: s.recorder,
    participants: s.participants,
    interpreter: s.interpreter,
    isPublic: s.isPublic,
    recordMode: s.recordMode,
    content: s.content,
    result: s.result,
    readBackConfirmed: s.readBackConfirmed,
  };
}

function investigationSnapshot(i: InvestigationRecord): Record<string, unknown> {
  return {
    at: i.at,
    place: i.place,
    investigatedPersons: i.investigatedPersons,
    participants: i.participants,
    investigatorIds: i.investigatorIds,
    recorder: i.recorder,
    content: i.content,
  };
}

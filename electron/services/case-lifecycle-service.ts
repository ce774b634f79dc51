import type { Db } from '../../db/connection.js';
import { voidIssuedNumber } from '../../db/cases/case-numbering.js';
import {
  insertReferral,
  recordHistory,
  rowExists,
  setCaseState,
} from '../../db/cases/case-writes.js';
import type { CaseRow } from '../../db/cases/case-rows.js';
import { getCaseSettings } from '../../db/cases/case-settings-queries.js';
import { getVolumeRow } from '../../db/volume/volume-queries.js';
import { refreshCaseSearch } from '../../db/search/case-search-index.js';
import { ApiError } from '../../domain/api/errors.js';
import {
  isAgreementDrivenAction,
  nextState,
  SETTLEMENT_VIA_AGREEMENT_MESSAGE,
  type CaseState,
  type TransitionInput,
} from '../../domain/case-lifecycle.js';
import type { CaseDetail } from '../../domain/cases/case-views.js';
import { closeRefusal } from '../../domain/followups/close-rules.js';
import { badInput } from './case-guards.js';
import { reopenRefusal } from '../../domain/followups/reopen-rules.js';
import { issueCaseNumber } from './case-number-issue.js';
import {
  cancelPlansOnClose,
  cancelPlansOnReopen,
  caseCloseReadiness,
  lastVisit,
  scheduleAgreementVisits,
} from './followup-scheduling.js';
import { addDays, CaseService } from './case-service.js';
import { currentActor } from './desk-actor.js';

const ARCHIVE_VIA_VOLUME = '请在案件的“卷宗”中填写立卷信息后归档（系统会核对卷宗材料是否齐全）';

/** Lifecycle transitions (§4.2) and case numbers (§4.9). */
export class CaseLifecycleService extends CaseService {
  /**
   * One IMMEDIATE transaction: the write lock is taken before the state and the number counter
   * are read, so two windows or two processes accepting at once are serialised by SQLite.
   */
  /** The API's entry: settlements are refused here and come from the agreement services. */
  transitionRequested(caseId: number, expectedVersion: number, input: TransitionInput): CaseDetail {
    if (isAgreementDrivenAction(input.action)) {
      throw new ApiError('INVALID_STATE', SETTLEMENT_VIA_AGREEMENT_MESSAGE);
    }
    return this.transition(caseId, expectedVersion, input);
  }

  /** `note` is kept in the history beside the action's data (e.g. the agreement's number). */
  transition(
    caseId: number,
    expectedVersion: number,
    input: TransitionInput,
    note: Readonly<Record<string, string>> = {},
  ): CaseDetail {
    const db = this.db();
    const now = this.nowIso();
    const today = this.today();
    db.transaction(() => {
      const row = this.claim(caseId, expectedVersion, now);
      const next = nextState(row.status, input.action);
      if (!next.ok) throw new ApiError('INVALID_STATE', next.message);
      const { recorded, ...dates } = this.applyActionData(db, row, input, today, now);
      setCaseState(db, caseId, next.to, dates);
      this.followUpEffects(db, caseId, input, note, now);
      recordHistory(db, {
        caseId,
        from: row.status,
        to: next.to,
        action: input.action,
        data: { ...input, ...note, ...recorded },
        at: now,
        actor: currentActor(),
      });
      refreshCaseSearch(db, caseId);
    }).immediate();
    return this.detail(caseId);
  }

  /** Settling plans the agreement's follow-up visits; closing drops visits still planned. */
  private followUpEffects(
    db: Db,
    caseId: number,
    input: TransitionInput,
    note: Readonly<Record<string, string>>,
    now: string,
  ): void {
    if (input.action === 'SETTLE_WRITTEN' || input.action === 'SETTLE_ORAL') {
      const agreementId = Number(note.agreementId);
      if (Number.isInteger(agreementId) && agreementId > 0) {
        scheduleAgreementVisits(db, caseId, agreementId, now);
      }
    } else if (input.action === 'CLOSE') {
      cancelPlansOnClose(db, caseId, now);
    } else if (input.action === 'REOPEN_MEDIATION') {
      cancelPlansOnReopen(db, caseId, now);
    }
  }

  private applyActionData(
    db: Db,
    row: CaseRow,
    input: TransitionInput,
    today: string,
    now: string,
  ): {
    acceptedDate?: string;
    dueDate?: string | null;
    closedDate?: string;
    /** Facts read from the ledger that the history entry keeps beside the input. */
    recorded?: Readonly<Record<string, string | number>>;
  } {
    switch (input.action) {
      case 'ACCEPT': {
        if (input.acceptedDate < row.intake_date) {
          throw badInput('受理日期不能早于登记日期', ['input', 'acceptedDate']);
        }
        if (input.acceptedDate > today) {
          throw badInput('受理日期不能晚于今天', ['input', 'acceptedDate']);
        }
        this.issueNumber(db, row.id, Number(input.acceptedDate.slice(0, 4)), now);
        const days = getCaseSettings(db).dueDays[row.risk_level];
        return { acceptedDate: input.acceptedDate, dueDate: addDays(input.acceptedDate, days) };
      }
      case 'REFER':
        insertReferral(db, row.id, input, now);
        return {};
      case 'TERMINATE_REFUSED':
        if (input.refusedBy !== 'ALL' && !rowExists(db, 'party', input.refusedBy, row.id)) {
          throw badInput('拒绝调解的当事人不是本案当事人', ['input', 'refusedBy']);
        }
        return {};
      case 'CLOSE': {
        const opened = row.accepted_date ?? row.intake_date;
        if (input.closedDate < opened) {
          throw badInput('结案日期不能早于受理（登记）日期', ['input', 'closedDate']);
        }
        if (input.closedDate > today) {
          throw badInput('结案日期不能晚于今天', ['input', 'closedDate']);
        }
        // "回访完毕，结案" needs the visit on file (PML 31); a referred case has no agreement.
        const refusal = closeRefusal(caseCloseReadiness(db, row.id), input.unperformedReason);
        if (refusal !== null) throw new ApiError('INVALID_STATE', refusal);
        return { closedDate: input.closedDate };
      }
      case 'REOPEN_MEDIATION': {
        const last = lastVisit(db, row.id);
        const refusal = reopenRefusal(last, input.reopenedDate, today);
        if (refusal !== null) {
          throw refusal.field === null
            ? new ApiError('INVALID_STATE', refusal.message)
            : badInput(refusal.message, ['input', refusal.field]);
        }
        // The renewed mediation gets its own month (§4.3), counted from the day it reopened.
        const days = getCaseSettings(db).dueDays[row.risk_level];
        return {
          dueDate: addDays(input.reopenedDate, days),
          recorded: {
            followUpId: last?.followUpId ?? 0,
            unperformedVisitDate: last?.visitDate ?? '',
          },
        };
      }
      case 'REJECT':
      case 'START_INVESTIGATION':
      case 'START_MEDIATION':
      case 'SETTLE_WRITTEN':
      case 'SETTLE_ORAL':
      case 'TERMINATE_FAILED':
      case 'RETURN_FROM_REFERRAL':
      case 'START_PERFORMANCE':
      case 'START_FOLLOW_UP':
        return {};
      case 'ARCHIVE':
        // Archiving assigns the 卷号 and checks the volume (VolumeService.archive), which writes
        // the archiving record in this same transaction; a bare ARCHIVE has neither.
        if (!getVolumeRow(db, row.id)) throw new ApiError('INVALID_STATE', ARCHIVE_VIA_VOLUME);
        return {};
      default: {
        const unreachable: never = input;
        throw new Error(`unhandled action ${String(unreachable)}`);
      }
    }
  }

  private issueNumber(db: Db, caseId: number, year: number, now: string): string {
    return issueCaseNumber(db, caseId, year, now);
  }

  /** Voids the case's number with a reason; the number stays on file and is never reissued. */
  voidNumber(
    caseId: number,
    expectedVersion: number,
    reason: string,
    reissue: boolean,
  ): CaseDetail {
    const db = this.db();
    const now = this.nowIso();
    db.transaction(() => {
      const row = this.claim(caseId, expectedVersion, now);
      if (row.case_number === null) {
        throw new ApiError('INVALID_STATE', '该案件目前没有案件编号，无需作废');
      }
      voidIssuedNumber(db, row.case_number, reason, now);
      let issued: string | null = null;
      if (reissue) {
        const year = Number((row.accepted_date ?? this.today()).slice(0, 4));
        issued = this.issueNumber(db, caseId, year, now);
      }
      recordHistory(db, {
        caseId,
        from: row.status,
        to: row.status as CaseState,
        action: 'VOID_NUMBER',
        data: { voided: row.case_number, reason, reissued: issued },
        at: now,
        actor: currentActor(),
      });
      refreshCaseSearch(db, caseId);
    }).immediate();
    return this.detail(caseId);
  }
}

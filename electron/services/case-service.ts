import type { Db } from '../../db/connection.js';
import {
  claimCaseVersion,
  insertCase,
  insertParty,
  recordHistory,
  setCaseMediators,
  updateCaseFields,
  updateParty,
  rowExists,
} from '../../db/cases/case-writes.js';
import { getCaseDetail, getCaseRow } from '../../db/cases/case-reads.js';
import { getCaseSettings } from '../../db/cases/case-settings-queries.js';
import { refreshCaseSearch } from '../../db/search/case-search-index.js';
import { ApiError } from '../../domain/api/errors.js';
import type { CaseChanges, CaseIntakeValues } from '../../domain/cases/case-input.js';
import type { CaseDetail, SavedCase } from '../../domain/cases/case-views.js';
import type { PartyValues } from '../../domain/cases/party-input.js';
import { partyIssues, partyWarnings } from '../../domain/cases/party-rules.js';
import * as disputeCategories from '../../domain/taxonomy/dispute-categories.js';
import { chinaToday } from '../../domain/validation/calendar-date.js';
import { badInput, checkEthnicities, checkMediators } from './case-guards.js';
import type { LedgerSession } from './ledger-session.js';

/** Until user accounts exist every change is made by whoever sits at this computer. */
export const LOCAL_ACTOR = '本机用户';

export const caseMessages = {
  notFound: '找不到该案件，可能已被删除或编号有误',
  conflict: '该案件已被他人修改并保存。请刷新后重新修改，以免覆盖他人的修改',
  partyNotFound: '找不到该当事人，请刷新后重试',
  partyConflict: '该当事人的信息已被他人修改并保存。请刷新后重新修改',
  archived: '案件已立卷归档，不能再修改',
} as const;

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function defaultTitle(parties: readonly PartyValues[], category: disputeCategories.Code): string {
  const applicant = parties.find((p) => p.role === 'APPLICANT') ?? parties[0];
  const respondent = parties.find((p) => p.role === 'RESPONDENT');
  const label = disputeCategories.labelOf(category);
  const names = [applicant?.name, respondent?.name].filter((n) => n !== undefined).join('与');
  return `${names}${label}`.slice(0, 100);
}

/** Intake and editing of a case and its parties. */
export class CaseService {
  constructor(private readonly ledger: LedgerSession) {}

  protected db(): Db {
    return this.ledger.db();
  }

  protected nowIso(): string {
    return this.ledger.now().toISOString();
  }

  protected today(): string {
    return chinaToday(this.ledger.now());
  }

  detail(caseId: number): CaseDetail {
    const detail = getCaseDetail(this.db(), caseId, this.today());
    if (!detail) throw new ApiError('NOT_FOUND', caseMessages.notFound);
    return detail;
  }

  create(values: CaseIntakeValues): SavedCase {
    const db = this.db();
    const now = this.nowIso();
    const caseId = db
      .transaction(() => {
        checkEthnicities(db, values.parties, (i) => ['parties', i]);
        checkMediators(db, values.mediatorIds, ['mediatorIds'], false);
        const title = values.title ?? defaultTitle(values.parties, values.category);
        const id = insertCase(db, { ...values, title }, 'INTAKE', now);
        setCaseMediators(db, id, values.mediatorIds);
        for (const party of values.parties) insertParty(db, id, party, now);
        recordHistory(db, {
          caseId: id,
          from: null,
          to: 'INTAKE',
          action: 'CREATE',
          data: { intakeDate: values.intakeDate },
          at: now,
          actor: LOCAL_ACTOR,
        });
        refreshCaseSearch(db, id);
        return id;
      })
      .immediate();
    return {
      case: this.detail(caseId),
      warnings: partyWarnings(values.parties, values.intakeDate),
    };
  }

  update(caseId: number, expectedVersion: number, changes: CaseChanges): CaseDetail {
    const db = this.db();
    const now = this.nowIso();
    db.transaction(() => {
      const row = this.claim(caseId, expectedVersion, now);
      if (changes.mediatorIds !== undefined) {
        checkMediators(db, changes.mediatorIds, ['changes', 'mediatorIds'], false);
        setCaseMediators(db, caseId, changes.mediatorIds);
      }
      // The due date follows the risk level (per-risk days, §4.3) once the case is accepted.
      let dueDate: string | undefined;
      if (changes.riskLevel !== undefined && row.accepted_date !== null) {
        dueDate = addDays(row.accepted_date, getCaseSettings(db).dueDays[changes.riskLevel]);
      }
      updateCaseFields(db, caseId, dueDate === undefined ? changes : { ...changes, dueDate });
      refreshCaseSearch(db, caseId);
    }).immediate();
    return this.detail(caseId);
  }

  addParty(caseId: number, expectedVersion: number, party: PartyValues): SavedCase {
    const db = this.db();
    const now = this.nowIso();
    this.checkPartyRules(party);
    db.transaction(() => {
      this.claim(caseId, expectedVersion, now);
      checkEthnicities(db, [party], () => ['party']);
      insertParty(db, caseId, party, now);
      refreshCaseSearch(db, caseId);
    }).immediate();
    return { case: this.detail(caseId), warnings: partyWarnings([party], this.today()) };
  }

  updateParty(
    caseId: number,
    partyId: number,
    expectedVersion: number,
    party: PartyValues,
  ): SavedCase {
    const db = this.db();
    const now = this.nowIso();
    this.checkPartyRules(party);
    db.transaction(() => {
      this.requireEditable(caseId);
      checkEthnicities(db, [party], () => ['party']);
      if (!updateParty(db, caseId, partyId, expectedVersion, party, now)) {
        if (!rowExists(db, 'party', partyId, caseId)) {
          throw new ApiError('NOT_FOUND', caseMessages.partyNotFound);
        }
        throw new ApiError('CONFLICT', caseMessages.partyConflict);
      }
      refreshCaseSearch(db, caseId);
    }).immediate();
    return { case: this.detail(caseId), warnings: partyWarnings([party], this.today()) };
  }

  private checkPartyRules(party: PartyValues): void {
    const error = partyIssues(party, this.today()).find((i) => i.level === 'ERROR');
    if (error) throw badInput(error.message, ['party', error.field]);
  }

  /** The case row, refusing a missing or archived case. Call inside a transaction. */
  protected requireEditable(caseId: number) {
    const row = getCaseRow(this.db(), caseId);
    if (!row) throw new ApiError('NOT_FOUND', caseMessages.notFound);
    if (row.status === 'ARCHIVED') throw new ApiError('INVALID_STATE', caseMessages.archived);
    return row;
  }

  /** Takes the case's version for this write, or refuses a stale form. Inside a transaction. */
  protected claim(caseId: number, expectedVersion: number, now: string) {
    const row = this.requireEditable(caseId);
    if (!claimCaseVersion(this.db(), caseId, expectedVersion, now)) {
      throw new ApiError('CONFLICT', caseMessages.conflict);
    }
    return row;
  }
}

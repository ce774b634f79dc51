import type { Db } from '../../db/connection.js';
import {
  claimCaseVersion,
  deleteParty,
  insertCase,
  insertParty,
  recordHistory,
  insertCaseMediators,
  setCaseMediators,
  setCaseTitle,
  updateCaseFields,
  updateParty,
  rowExists,
} from '../../db/cases/case-writes.js';
import {
  caseMediatorIds,
  getCaseDetail,
  getCaseRow,
  getPartyView,
  partyReferenceCount,
  partyRowsOf,
  titleFactsOf,
  titlePartiesOf,
} from '../../db/cases/case-reads.js';
import { accountById } from '../../db/accounts/account-queries.js';
import { caseFromRow } from '../../db/cases/case-rows.js';
import { stamp } from '../../db/cases/case-writes.js';
import { diffFields, recordChangeSet, type FieldChange } from '../../db/history/change-history.js';
import { generatedCaseTitle } from '../../domain/cases/case-title.js';
import {
  caseSnapshot,
  IDENTITY_FIELDS,
  partySnapshot,
  SENSITIVE_FIELDS,
} from '../../domain/cases/change-history.js';
import type { Party } from '../../domain/cases/case-views.js';
import type { ChangeSetView } from '../../domain/cases/change-history.js';
import { caseHistoryViews } from './case-history.js';
import { refuseKeptNumbers, withStoredIdNumber } from './kept-id-number.js';
import { partyIdNumber } from '../../db/cases/party-id-number.js';
import { GENDER_CONFIRMATION_RECORD } from '../../domain/validation/party-checks.js';
import { getCaseSettings } from '../../db/cases/case-settings-queries.js';
import { extensionsOfCase } from '../../db/followups/confirmation-queries.js';
import { refreshCaseSearch } from '../../db/search/case-search-index.js';
import { ARCHIVED_CASE_MESSAGE } from '../../domain/volume/archived-case.js';
import { ApiError } from '../../domain/api/errors.js';
import type { CaseChanges, CaseIntakeValues } from '../../domain/cases/case-input.js';
import type { CaseDetail, CasePageDetail, SavedCase } from '../../domain/cases/case-views.js';
import type { PartyValues } from '../../domain/cases/party-input.js';
import { partyIssues, partyWarnings } from '../../domain/cases/party-rules.js';
import { chinaToday } from '../../domain/validation/calendar-date.js';
import { badInput, checkEthnicities, checkMediators } from './case-guards.js';
import { issueCaseNumber } from './case-number-issue.js';
import type { CaseRow } from '../../db/cases/case-rows.js';
import { voidIssuedNumber } from '../../db/cases/case-numbering.js';
import {
  frozenAgreementsWithNumber,
  recordedDatesOf,
  renumberDraftAgreements,
  setStartDates,
} from '../../db/cases/case-start-dates.js';
import { acceptanceYearChanges, startDateIssues } from '../../domain/cases/start-dates.js';
import { caseFactIssues } from '../../domain/cases/court-deadline.js';
import type { CaseState } from '../../domain/case-lifecycle.js';
import type { LedgerSession } from './ledger-session.js';

import { admittedCaller, currentActor, LOCAL_ACTOR } from './desk-actor.js';
import { caseScopeRefusal } from './case-scope.js';

export { LOCAL_ACTOR };

export const caseMessages = {
  notFound: '找不到该案件，可能已被删除或编号有误',
  conflict: '该案件已被他人修改并保存。请刷新后重新修改，以免覆盖他人的修改',
  partyNotFound: '找不到该当事人，请刷新后重试',
  partyConflict: '该当事人的信息已被他人修改并保存。请刷新后重新修改',
  archived: ARCHIVED_CASE_MESSAGE,
  reasonRequired:
    '更正姓名、证件、性别或出生日期时，请写明更正原因（例如“登记时录入错误，已核对身份证原件”）',
  removeReasonRequired: '删除当事人时，请写明原因',
  dateReasonRequired:
    '更正登记日期或受理日期时，请写明更正原因（例如“登记时日期录入错误，以申请书日期为准”）',
  notAccepted: '本案尚未受理，没有受理日期可以更正；受理日期在“受理”时填写',
  numberFrozen: (number: string) =>
    `本案已生成的协议书上印有案件编号${number}，受理日期不能改到另一年（改到另一年须改用该年的编号）。如确需更正，请先作废该协议书`,
  lastParty: '案件至少要有一名当事人，不能删除最后一名',
  partyReferenced: '该当事人已出现在调解记录或协议中，不能删除；如登记有误，请更正该当事人的信息',
} as const;

/** Confirmations a party's values carry, as the history records them. */
function confirmationsOf(party: PartyValues): string[] {
  return party.kind === 'NATURAL' && party.genderConfirmed ? [GENDER_CONFIRMATION_RECORD] : [];
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
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

  /**
   * The case page: the case, read-only when the caller may look but not work on it (a 调解员 on
   * another's case, let through by the committee's read-only setting). The door's rule
   * (caseScopeRefusal), so the screen offers nothing the door would refuse.
   */
  page(caseId: number): CasePageDetail {
    const caller = admittedCaller()?.user ?? null;
    const readOnly = caseScopeRefusal(this.db(), caller, caseId) !== null;
    return { ...this.detail(caseId), readOnly };
  }

  /** The case's lifecycle state alone (null when there is no such case), for the door's scope. */
  statusOf(caseId: number): CaseState | null {
    return getCaseRow(this.db(), caseId)?.status ?? null;
  }

  /** The case's field-level history for the timeline (and the 结案 summary). */
  history(caseId: number): ChangeSetView[] {
    if (!getCaseRow(this.db(), caseId)) throw new ApiError('NOT_FOUND', caseMessages.notFound);
    return caseHistoryViews(this.db(), caseId);
  }

  create(asked: CaseIntakeValues): SavedCase {
    const db = this.db();
    const now = this.nowIso();
    const values = withRegisteringMediator(db, asked);
    refuseKeptNumbers(values.parties, (i) => ['parties', i]);
    const caseId = db
      .transaction(() => {
        checkEthnicities(db, values.parties, (i) => ['parties', i]);
        checkMediators(db, values.mediatorIds, ['mediatorIds'], false);
        const title = values.title ?? generatedCaseTitle(values.parties, values.category);
        // In the INSERT itself: a second UPDATE of the new row cost its own audit entry.
        const titleGenerated = values.title === null;
        // Who registered it, for good: a 登记员's lists and door read it (case-list-scope.ts).
        const registrarAccountId = admittedCaller()?.user?.id ?? null;
        const id = insertCase(
          db,
          { ...values, title, titleGenerated, registrarAccountId },
          'INTAKE',
          now,
        );
        insertCaseMediators(db, id, values.mediatorIds);
        for (const party of values.parties) {
          const partyId = insertParty(db, id, party, now);
          const confirmations = confirmationsOf(party);
          if (confirmations.length > 0) {
            recordChangeSet(db, {
              caseId: id,
              entity: 'PARTY',
              entityId: partyId,
              action: 'ADD',
              reason: null,
              actor: currentActor(),
              at: stamp(now),
              confirmations,
              fields: [
                {
                  field: 'gender',
                  oldValue: null,
                  newValue: party.kind === 'NATURAL' ? party.gender : null,
                },
              ],
            });
          }
        }
        recordHistory(db, {
          caseId: id,
          from: null,
          to: 'INTAKE',
          action: 'CREATE',
          data: { intakeDate: values.intakeDate },
          at: now,
          actor: currentActor(),
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

  update(
    caseId: number,
    expectedVersion: number,
    changes: CaseChanges,
    reason: string | null = null,
  ): CaseDetail {
    const db = this.db();
    const now = this.nowIso();
    db.transaction(() => {
      const row = this.claim(caseId, expectedVersion, now);
      const before = caseSnapshot(caseFromRow(row, caseMediatorIds(db, caseId), this.today()));
      if (changes.mediatorIds !== undefined) {
        checkMediators(db, changes.mediatorIds, ['changes', 'mediatorIds'], false);
        setCaseMediators(db, caseId, changes.mediatorIds);
      }
      this.checkCaseFacts(row, changes);
      const start = this.correctedStartDates(row, changes, reason);
      const acceptedDate = start?.acceptedDate ?? row.accepted_date;
      const riskLevel = changes.riskLevel ?? row.risk_level;
      // The due date follows the risk level (per-risk days, §4.3) from the acceptance date.
      // A deadline the parties agreed to extend is not shortened by a re-assessed risk or a
      // corrected acceptance date.
      let dueDate: string | undefined;
      if (
        acceptedDate !== null &&
        (riskLevel !== row.risk_level || acceptedDate !== row.accepted_date)
      ) {
        const base = addDays(acceptedDate, getCaseSettings(db).dueDays[riskLevel]);
        const extended = extensionsOfCase(db, caseId).at(-1)?.new_due_date;
        dueDate = extended !== undefined && extended > base ? extended : base;
      }
      if (start) {
        setStartDates(db, caseId, { ...start, dueDate: dueDate ?? row.due_date });
        this.renumberOnYearChange(row, start.acceptedDate, now);
      }
      updateCaseFields(db, caseId, dueDate === undefined ? changes : { ...changes, dueDate });
      // A typed title is kept as typed; clearing it (null) goes back to the generated one.
      if (changes.title !== undefined) {
        if (changes.title === null) this.retitle(caseId, true);
        else setCaseTitle(db, caseId, changes.title, false);
      } else if (changes.category !== undefined) {
        this.retitle(caseId, false);
      }
      this.recordCaseChanges(caseId, before, reason, now);
      refreshCaseSearch(db, caseId);
    }).immediate();
    return this.detail(caseId);
  }

  /** The 综治 and court rules on the case as it will be after the patch (`caseFactIssues`). */
  private checkCaseFacts(row: CaseRow, changes: CaseChanges): void {
    const pick = <T>(next: T | undefined, stored: T): T => (next === undefined ? stored : next);
    const issue = caseFactIssues(
      {
        source: pick(changes.source, row.source),
        intakeDate: pick(changes.intakeDate, row.intake_date),
        occurredOn: pick(changes.occurredOn, row.occurred_on),
        courtKind: pick(changes.courtKind, row.court_kind),
        courtName: pick(changes.courtName, row.court_name),
        courtReference: pick(changes.courtReference, row.court_reference),
        courtReceivedOn: pick(changes.courtReceivedOn, row.court_received_on),
      },
      this.today(),
      changes.source === 'ENTRUSTED_COURT' && row.source !== 'ENTRUSTED_COURT',
    )[0];
    if (issue) throw badInput(issue.message, ['changes', ...issue.path]);
  }

  addParty(
    caseId: number,
    expectedVersion: number,
    party: PartyValues,
    reason: string | null = null,
  ): SavedCase {
    const db = this.db();
    const now = this.nowIso();
    refuseKeptNumbers([party], () => ['party']);
    this.checkPartyRules(party);
    db.transaction(() => {
      const row = this.claim(caseId, expectedVersion, now);
      const before = caseSnapshot(caseFromRow(row, caseMediatorIds(db, caseId), this.today()));
      checkEthnicities(db, [party], () => ['party']);
      const partyId = insertParty(db, caseId, party, now);
      const added = getPartyView(db, caseId, partyId) as Party;
      recordChangeSet(db, {
        caseId,
        entity: 'PARTY',
        entityId: partyId,
        action: 'ADD',
        reason,
        actor: currentActor(),
        at: stamp(now),
        confirmations: confirmationsOf(party),
        fields: diffFields({}, partySnapshot(added), SENSITIVE_FIELDS),
      });
      this.retitle(caseId, false);
      this.recordCaseChanges(caseId, before, reason, now);
      refreshCaseSearch(db, caseId);
    }).immediate();
    return { case: this.detail(caseId), warnings: partyWarnings([party], this.today()) };
  }

  updateParty(
    caseId: number,
    partyId: number,
    expectedVersion: number,
    typed: PartyValues,
    reason: string | null = null,
  ): SavedCase {
    const db = this.db();
    const now = this.nowIso();
    // One thread and a synchronous driver: nothing writes between this read and the transaction.
    const party = withStoredIdNumber(
      typed,
      () => {
        const stored = partyIdNumber(db, caseId, partyId);
        if (stored === undefined) throw new ApiError('NOT_FOUND', caseMessages.partyNotFound);
        return stored;
      },
      () => getPartyView(db, caseId, partyId)?.representatives ?? [],
    );
    this.checkPartyRules(party);
    db.transaction(() => {
      this.requireEditable(caseId);
      checkEthnicities(db, [party], () => ['party']);
      const before = getPartyView(db, caseId, partyId);
      if (!before) throw new ApiError('NOT_FOUND', caseMessages.partyNotFound);
      if (!updateParty(db, caseId, partyId, expectedVersion, party, now)) {
        if (!rowExists(db, 'party', partyId, caseId)) {
          throw new ApiError('NOT_FOUND', caseMessages.partyNotFound);
        }
        throw new ApiError('CONFLICT', caseMessages.partyConflict);
      }
      const after = getPartyView(db, caseId, partyId) as Party;
      const fields = diffFields(partySnapshot(before), partySnapshot(after), SENSITIVE_FIELDS);
      if (reason === null && fields.some((f) => IDENTITY_FIELDS.has(f.field))) {
        throw badInput(caseMessages.reasonRequired, ['reason']);
      }
      const newlyConfirmed =
        party.kind === 'NATURAL' && party.genderConfirmed && !before.genderConfirmed;
      recordChangeSet(db, {
        caseId,
        entity: 'PARTY',
        entityId: partyId,
        action: 'UPDATE',
        reason,
        actor: currentActor(),
        at: stamp(now),
        confirmations:
          newlyConfirmed || fields.some((f) => f.field === 'gender') ? confirmationsOf(party) : [],
        fields,
      });
      // A correction changes no field of the case but its generated title (no statement here
      // writes case_file otherwise, nor does a trigger on party): the title alone is compared,
      // the change set recordCaseChanges would write, without reading and snapshotting the
      // whole case twice (issue 8).
      const title = this.retitle(caseId, false);
      const retitled = title ? diffFields({ title: title.before }, { title: title.after }) : [];
      this.recordCaseFields(caseId, retitled, reason, now);
      refreshCaseSearch(db, caseId);
    }).immediate();
    return { case: this.detail(caseId), warnings: partyWarnings([party], this.today()) };
  }

  /** Removes a party registered by mistake; refused once a record or agreement names it. */
  removeParty(
    caseId: number,
    partyId: number,
    expectedVersion: number,
    reason: string,
  ): CaseDetail {
    const db = this.db();
    const now = this.nowIso();
    db.transaction(() => {
      const row = this.claim(caseId, expectedVersion, now);
      const caseBefore = caseSnapshot(caseFromRow(row, caseMediatorIds(db, caseId), this.today()));
      const before = getPartyView(db, caseId, partyId);
      if (!before) throw new ApiError('NOT_FOUND', caseMessages.partyNotFound);
      if (partyRowsOf(db, caseId).length <= 1) {
        throw new ApiError('INVALID_STATE', caseMessages.lastParty);
      }
      if (partyReferenceCount(db, caseId, partyId) > 0) {
        throw new ApiError('INVALID_STATE', caseMessages.partyReferenced);
      }
      deleteParty(db, caseId, partyId);
      recordChangeSet(db, {
        caseId,
        entity: 'PARTY',
        entityId: partyId,
        action: 'REMOVE',
        reason,
        actor: currentActor(),
        at: stamp(now),
        // Everything the party had, so the removed registration can still be read.
        fields: Object.entries(partySnapshot(before))
          .filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0))
          .map(([field, oldValue]): FieldChange => ({
            field,
            oldValue,
            newValue: null,
            sensitive: SENSITIVE_FIELDS.has(field),
          })),
      });
      this.retitle(caseId, false);
      this.recordCaseChanges(caseId, caseBefore, reason, now);
      refreshCaseSearch(db, caseId);
    }).immediate();
    return this.detail(caseId);
  }

  /**
   * Regenerates a generated title from the parties as they now are (`force` also for a typed
   * one, when the user cleared it). Inside the transaction of the change.
   */
  private retitle(caseId: number, force: boolean): { before: string; after: string } | null {
    const db = this.db();
    const row = titleFactsOf(db, caseId);
    if (!row || (!force && row.title_generated !== 1)) return null;
    const title = generatedCaseTitle(titlePartiesOf(db, caseId), row.category);
    if (title !== row.title || row.title_generated !== 1) setCaseTitle(db, caseId, title, true);
    return { before: row.title, after: title };
  }

  /** History of the case's own fields (title, due date…) changed by this write. */
  protected recordCaseChanges(
    caseId: number,
    before: Record<string, unknown>,
    reason: string | null,
    now: string,
  ): void {
    const db = this.db();
    const row = getCaseRow(db, caseId);
    if (!row) return;
    const after = caseSnapshot(caseFromRow(row, caseMediatorIds(db, caseId), this.today()));
    this.recordCaseFields(caseId, diffFields(before, after), reason, now);
  }

  /** The change set of the case's own fields (none written when nothing changed). */
  private recordCaseFields(
    caseId: number,
    fields: readonly FieldChange[],
    reason: string | null,
    now: string,
  ): void {
    recordChangeSet(this.db(), {
      caseId,
      entity: 'CASE',
      entityId: caseId,
      action: 'UPDATE',
      reason,
      actor: currentActor(),
      at: stamp(now),
      fields,
    });
  }

  /**
   * The corrected 登记日期/受理日期, checked against everything recorded on the case
   * (`domain/cases/start-dates.ts`), or null when neither changes. A reason is required: the
   * dates set the deadline, the statistics period and, for acceptance, the number's year.
   */
  private correctedStartDates(
    row: CaseRow,
    changes: CaseChanges,
    reason: string | null,
  ): { intakeDate: string; acceptedDate: string | null } | null {
    if (changes.intakeDate === undefined && changes.acceptedDate === undefined) return null;
    if (changes.acceptedDate !== undefined && row.accepted_date === null) {
      throw badInput(caseMessages.notAccepted, ['changes', 'acceptedDate']);
    }
    const next = {
      intakeDate: changes.intakeDate ?? row.intake_date,
      acceptedDate: changes.acceptedDate ?? row.accepted_date,
    };
    if (next.intakeDate === row.intake_date && next.acceptedDate === row.accepted_date) return null;
    if (reason === null) throw badInput(caseMessages.dateReasonRequired, ['reason']);
    const db = this.db();
    const issue = startDateIssues(
      next,
      recordedDatesOf(db, row.id),
      this.today(),
      getCaseSettings(db).recordGraceDays,
    )[0];
    if (issue) throw badInput(issue.message, ['changes', issue.field]);
    return next;
  }

  /**
   * A case moved into another year takes that year's next number; the old one is voided with
   * the reason and kept (§4.9), and drafts numbered with it follow. Refused while a generated
   * agreement prints the old number: that paper is frozen and may be signed.
   */
  private renumberOnYearChange(row: CaseRow, acceptedDate: string | null, now: string): void {
    const old = row.case_number;
    if (old === null || acceptedDate === null) return;
    if (!acceptanceYearChanges(row.accepted_date, acceptedDate)) return;
    const db = this.db();
    if (frozenAgreementsWithNumber(db, row.id, old) > 0) {
      throw new ApiError('INVALID_STATE', caseMessages.numberFrozen(old));
    }
    const voidReason = `受理日期由 ${row.accepted_date ?? ''} 更正为 ${acceptedDate}，改用 ${acceptedDate.slice(0, 4)} 年的编号`;
    voidIssuedNumber(db, old, voidReason, now);
    const issued = issueCaseNumber(db, row.id, Number(acceptedDate.slice(0, 4)), now);
    renumberDraftAgreements(db, row.id, old, issued);
    recordHistory(db, {
      caseId: row.id,
      from: row.status as CaseState,
      to: row.status as CaseState,
      action: 'VOID_NUMBER',
      data: { voided: old, reason: voidReason, reissued: issued },
      at: now,
      actor: currentActor(),
    });
  }

  private checkPartyRules(party: PartyValues): void {
    const error = partyIssues(party, this.today()).find((i) => i.level === 'ERROR');
    if (error) throw badInput(error.message, ['party', error.field]);
  }

  /** The case row, refusing a missing or archived case. Call inside a transaction. */
  protected requireEditable(caseId: number) {
    const row = getCaseRow(this.db(), caseId);
    if (!row) throw new ApiError('NOT_FOUND', caseMessages.notFound);
    if (row.status === 'ARCHIVED') throw new ApiError('CASE_ARCHIVED', caseMessages.archived);
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

/**
 * A 调解员 who registers a case and names no mediator becomes its 承办调解员 (their account's
 * profile): the case is theirs to see by the own-case rule (case-scope.ts), not lost to them
 * the moment it is saved. One who names others has handed it over, and sees it no more.
 */
function withRegisteringMediator(db: Db, values: CaseIntakeValues): CaseIntakeValues {
  const caller = admittedCaller()?.user;
  if (values.mediatorIds.length > 0 || caller?.role !== 'MEDIATOR') return values;
  const profile = accountById(db, caller.id)?.mediatorId ?? null;
  return profile === null ? values : { ...values, mediatorIds: [profile] };
}

import type { MediatorProfile } from './mediator-profile';
import type { InvestigatedPerson } from './record-inputs';
import type { CaseAction, CaseState } from '../case-lifecycle';
import type * as caseSources from '../taxonomy/case-sources';
import type * as disputeCategories from '../taxonomy/dispute-categories';
import type * as genders from '../taxonomy/genders';
import type * as idDocTypes from '../taxonomy/id-doc-types';
import type * as languages from '../taxonomy/languages';
import type * as participantRoles from '../taxonomy/participant-roles';
import type * as partyRoles from '../taxonomy/party-roles';
import type * as preventionFlags from '../taxonomy/prevention-flags';
import type * as referralTargets from '../taxonomy/referral-targets';
import type * as riskFactors from '../taxonomy/risk-factors';
import type * as riskLevels from '../taxonomy/risk-levels';
import type * as courtKinds from '../taxonomy/court-kinds';
import type * as warningLevels from '../taxonomy/warning-levels';
import type { CourtDeadline } from './court-deadline';
import type { PhoneKind } from '../validation/phone';
import type { PartyWarning } from './party-rules';
import type { RepresentativeKind } from './party-input';
import type { NamedParticipant, RecordMode, SessionResult } from './record-inputs';

/**
 * What the case-ledger API answers. Plain readonly data: the renderer shows it and sends back
 * `version` as `expectedVersion` when it saves.
 */

export interface RowMeta {
  readonly id: number;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface Mediator extends RowMeta {
  readonly name: string;
  readonly isPeopleMediator: boolean;
  readonly languages: readonly languages.Code[];
  readonly active: boolean;
  /** Grade, 备案, employment, training (migration 012); defaults when never filled in. */
  readonly profile: MediatorProfile;
}

export interface PhoneView {
  readonly kind: PhoneKind | 'NONE';
  readonly phone: string;
  readonly noPhoneReason: string | null;
}

export interface IdDocumentView {
  readonly type: idDocTypes.Code;
  readonly number: string | null;
  readonly name: string | null;
  readonly noneReason: string | null;
}

export interface Representative extends RowMeta {
  readonly kind: RepresentativeKind;
  readonly name: string;
  readonly relationship: string;
  readonly phone: PhoneView;
  readonly idDocument: IdDocumentView | null;
}

export interface Party extends RowMeta {
  readonly caseId: number;
  readonly kind: partyRoles.KindCode;
  readonly role: partyRoles.Code;
  readonly name: string;
  readonly phone: PhoneView;
  readonly address: string;
  readonly note: string | null;
  /** Natural persons only (null for organisations). */
  readonly gender: genders.Code | null;
  /** The gender differs from the ID number and the mediator confirmed it. */
  readonly genderConfirmed: boolean;
  readonly ethnicity: string | null;
  readonly birthDate: string | null;
  readonly occupation: string | null;
  readonly idDocument: IdDocumentView | null;
  readonly preferredLanguage: languages.Code;
  readonly needsInterpreter: boolean;
  /** Organisations only (null for natural persons). */
  readonly socialCreditCode: string | null;
  readonly legalRepName: string | null;
  readonly legalRepTitle: string | null;
  /** Natural persons whose language is 蒙古语 or 藏语 only: the name in that script. */
  readonly ownScriptName: string | null;
  readonly ownScriptAddress: string | null;
  readonly representatives: readonly Representative[];
}

export interface InvitedParticipant extends RowMeta {
  readonly caseId: number;
  readonly name: string;
  readonly role: participantRoles.Code;
  readonly affiliation: string | null;
  readonly consentGiven: boolean;
  readonly consentNote: string | null;
}

export interface SessionRecord extends RowMeta {
  readonly caseId: number;
  /** 第 N 次调解, assigned in order of recording. */
  readonly sessionNo: number;
  readonly startAt: string;
  readonly endAt: string;
  readonly place: string;
  readonly subject: string;
  readonly partyIdsPresent: readonly number[];
  readonly mediatorIds: readonly number[];
  readonly recorder: string;
  readonly participants: readonly NamedParticipant[];
  readonly interpreter: { readonly name: string; readonly language: languages.Code } | null;
  readonly isPublic: boolean;
  readonly recordMode: RecordMode;
  readonly content: string;
  readonly result: SessionResult;
  readonly readBackConfirmed: boolean;
}

export interface InvestigationRecord extends RowMeta {
  readonly caseId: number;
  readonly at: string;
  readonly place: string;
  readonly investigatedPersons: readonly InvestigatedPerson[];
  readonly participants: readonly NamedParticipant[];
  readonly investigatorIds: readonly number[];
  readonly recorder: string;
  readonly content: string;
}

export interface Referral extends RowMeta {
  readonly caseId: number;
  readonly target: referralTargets.Code;
  readonly referredDate: string;
  readonly reason: string;
  readonly receiver: string | null;
  readonly feedback: string | null;
  readonly feedbackDate: string | null;
}

/** One entry of the case timeline: a lifecycle transition with what was entered for it. */
export interface StatusHistoryEntry {
  readonly id: number;
  readonly fromState: CaseState | null;
  readonly toState: CaseState;
  readonly action:
    | CaseAction
    | 'CREATE'
    | 'VOID_NUMBER'
    | 'FOLLOW_UP_VISIT'
    | 'EXTEND_DUE'
    | 'JUDICIAL_CONFIRMATION';
  /** The transition input (dates, reasons, routes) as submitted. */
  readonly data: Readonly<Record<string, unknown>>;
  readonly at: string;
  readonly actor: string;
}

export interface CaseNumberRecord {
  readonly number: string;
  readonly year: number;
  readonly sequence: number;
  readonly issuedAt: string;
  readonly voidedAt: string | null;
  readonly voidReason: string | null;
}

export interface CaseSummary extends RowMeta {
  readonly caseNumber: string | null;
  readonly status: CaseState;
  readonly title: string;
  readonly intakeDate: string;
  readonly acceptedDate: string | null;
  readonly dueDate: string | null;
  readonly closedDate: string | null;
  readonly source: caseSources.Code;
  readonly category: disputeCategories.Code;
  readonly subtype: disputeCategories.SubtypeCode | null;
  readonly summary: string;
  readonly requests: readonly string[];
  readonly riskLevel: riskLevels.Code;
  readonly riskFactors: readonly riskFactors.Code[];
  readonly preventionFlags: readonly preventionFlags.Flag[];
  readonly isDifficult: boolean;
  readonly amountClaimedFen: number | null;
  readonly mediatorIds: readonly number[];
  readonly remarks: string | null;
  /** True when the due date has passed and no outcome is recorded (§4.3, §6.9). */
  readonly overdue: boolean;
  /** 综治 fields (§4.11); null where not recorded. */
  readonly occurredOn: string | null;
  readonly occurredPlace: string | null;
  readonly personsInvolved: number | null;
  readonly warningLevel: warningLevels.Code | null;
  readonly responsibleLeader: string | null;
  /** A case the court sent (委派/委托调解); null for every other source. */
  readonly courtKind: courtKinds.Code | null;
  readonly courtName: string | null;
  readonly courtReference: string | null;
  readonly courtReceivedOn: string | null;
  /** The court's one consent to 30 more days. */
  readonly courtExtension: { readonly consentDate: string; readonly note: string } | null;
  readonly courtDeadline: CourtDeadline | null;
}

export interface CaseDetail extends CaseSummary {
  readonly parties: readonly Party[];
  readonly participants: readonly InvitedParticipant[];
  readonly sessions: readonly SessionRecord[];
  readonly investigations: readonly InvestigationRecord[];
  readonly referrals: readonly Referral[];
  readonly timeline: readonly StatusHistoryEntry[];
  /** Every number this case was ever given, voided ones included. */
  readonly numbers: readonly CaseNumberRecord[];
  /** Lifecycle actions possible now, in button order. */
  readonly allowedActions: readonly CaseAction[];
  /**
   * 登记人: the display name of the account that registered the case; null for a case
   * registered before cases were tied to accounts (migration 028), or by no signed-in person.
   */
  readonly registrarName: string | null;
}

/**
 * The case page's answer (cases.get): the case, and whether the caller may only look at it — a
 * 调解员's view of another mediator's case, open while the committee lets its mediators read every
 * case (§7.3). Computed by the same rule the door refuses that case's writes by.
 */
export interface CasePageDetail extends CaseDetail {
  readonly readOnly: boolean;
}

/** A save that succeeded but wants the mediator to check something (§6.9 warnings). */
export interface SavedCase {
  readonly case: CaseDetail;
  readonly warnings: readonly PartyWarning[];
}

/** One row of the ledger table. */
export interface LedgerRow {
  readonly id: number;
  readonly version: number;
  readonly caseNumber: string | null;
  readonly title: string;
  readonly status: CaseState;
  readonly category: disputeCategories.Code;
  readonly subtype: disputeCategories.SubtypeCode | null;
  readonly source: caseSources.Code;
  readonly riskLevel: riskLevels.Code;
  readonly intakeDate: string;
  readonly acceptedDate: string | null;
  readonly dueDate: string | null;
  readonly overdue: boolean;
  readonly partyNames: readonly string[];
  readonly mediatorIds: readonly number[];
}

export interface LedgerPage {
  readonly rows: readonly LedgerRow[];
  readonly page: number;
  readonly pageSize: number;
  /** Matching cases, counted up to `totalCap`; `totalIsExact` is false beyond it. */
  readonly total: number;
  readonly totalIsExact: boolean;
}

export interface DuplicateCase {
  readonly caseId: number;
  readonly caseNumber: string | null;
  readonly title: string;
  readonly status: CaseState;
  readonly partyName: string;
  /** Why it matched: the same ID number, or the same name and phone. */
  readonly matchedBy: 'ID_NUMBER' | 'NAME_AND_PHONE';
}

export interface DuplicateMatch {
  /** Index into the submitted list. */
  readonly index: number;
  /** 该当事人有 N 件未结纠纷: cases without a mediation outcome (`isUnresolved`). */
  readonly openCaseCount: number;
  /** Every case not closed, the settled ones in performance or follow-up included. */
  readonly cases: readonly DuplicateCase[];
  /**
   * Cases not closed that `cases` leaves out because another 调解员 handles them (§7.3: a
   * 调解员 is told they exist, not whose they are); 0 for everyone else.
   */
  readonly unlistedCaseCount: number;
}

export interface DashboardSession {
  readonly sessionId: number;
  readonly caseId: number;
  readonly caseNumber: string | null;
  readonly title: string;
  readonly sessionNo: number;
  readonly startAt: string;
  readonly place: string;
}

export interface Dashboard {
  readonly today: string;
  readonly todaySessions: readonly DashboardSession[];
  /** Awaiting an outcome and due within the next 7 days (today included). */
  readonly dueSoon: readonly LedgerRow[];
  readonly overdue: readonly LedgerRow[];
  readonly overdueCount: number;
  readonly month: {
    readonly month: string;
    readonly intake: number;
    readonly accepted: number;
    readonly settled: number;
    readonly byCategory: readonly {
      readonly category: disputeCategories.Code;
      readonly label: string;
      readonly count: number;
    }[];
  };
}

export interface CaseSettings {
  readonly dueDays: Readonly<Record<riskLevels.Code, number>>;
  readonly ethnicExtensions: readonly {
    readonly kind: 'UNIDENTIFIED' | 'FOREIGN_ORIGIN';
    readonly code: string;
    readonly label: string;
  }[];
  /** Days a session or investigation may precede the acceptance date (late entry). */
  readonly recordGraceDays: number;
  readonly version: number;
  readonly updatedAt: string;
}

export interface CodeTableRowView {
  readonly code: string;
  readonly label: string;
  readonly parent: string | null;
  readonly sort: number;
  /** Table-specific extras (keywords, colours, due days…). */
  readonly data: Readonly<Record<string, unknown>>;
}

export interface CodeTableView {
  readonly name: string;
  readonly version: number;
  readonly rows: readonly CodeTableRowView[];
}

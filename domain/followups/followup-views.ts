import type {
  ConfirmationDecision,
  FollowUpOrigin,
  FollowUpStatus,
  NextStep,
  PerformanceStatus,
  Satisfaction,
  VisitMode,
  VisitRisk,
} from './followup-codes';
import type { FollowUpBucket } from './followup-input';

export interface FollowUpProof {
  readonly id: number;
  readonly fileName: string;
  readonly mediaType: string;
  readonly byteLength: number;
  readonly sha256: string;
  readonly createdAt: string;
}

export interface VisitRecord {
  readonly visitDate: string;
  readonly mode: VisitMode;
  readonly visitedPartyIds: readonly number[];
  readonly visitedPartyNames: readonly string[];
  readonly findings: string;
  readonly performance: PerformanceStatus;
  readonly satisfaction: Satisfaction;
  readonly risk: VisitRisk;
  readonly visitorId: number;
  readonly visitorName: string;
  readonly nextStep: NextStep;
  readonly nextVisitDate: string | null;
  readonly nextStepNote: string | null;
}

export interface FollowUp {
  readonly id: number;
  readonly caseId: number;
  readonly caseNumber: string | null;
  readonly caseTitle: string;
  readonly agreementId: number | null;
  readonly agreementNumber: string | null;
  readonly origin: FollowUpOrigin;
  readonly note: string;
  readonly dueDate: string;
  readonly status: FollowUpStatus;
  /** Scheduled and past its date. */
  readonly overdue: boolean;
  readonly visit: VisitRecord | null;
  readonly cancelReason: string | null;
  readonly proofs: readonly FollowUpProof[];
  readonly version: number;
}

export interface FollowUpPage {
  readonly bucket: FollowUpBucket;
  readonly today: string;
  readonly rows: readonly FollowUp[];
  readonly total: number;
  readonly counts: Readonly<Record<FollowUpBucket, number>>;
}

export interface FollowUpSettings {
  readonly afterDueDays: number;
  readonly afterAgreementDays: number;
  readonly notifyHour: number;
  readonly notifyEnabled: boolean;
  readonly version: number;
}

export interface JudicialConfirmation {
  readonly id: number;
  readonly agreementId: number;
  readonly appliedDate: string;
  readonly court: string;
  readonly courtCaseNumber: string | null;
  readonly decision: ConfirmationDecision;
  readonly decisionDate: string | null;
  readonly enforcementAppliedDate: string | null;
  readonly note: string | null;
  /** Applied after the 30-day window (PML 33); kept, but flagged. */
  readonly appliedLate: boolean;
  readonly version: number;
}

export interface ConfirmationWindow {
  readonly agreementId: number;
  readonly agreementNumber: string;
  readonly kind: 'WRITTEN' | 'ORAL';
  readonly effectiveDate: string | null;
  readonly deadline: string | null;
  /** Days left until the deadline (negative once passed); null without an effective date. */
  readonly daysLeft: number | null;
  readonly confirmation: JudicialConfirmation | null;
}

export interface DueExtension {
  readonly id: number;
  readonly previousDueDate: string | null;
  readonly newDueDate: string;
  readonly consentDate: string;
  readonly consentPartyNames: readonly string[];
  readonly reason: string;
  readonly createdAt: string;
}

export interface CloseReadiness {
  readonly ok: boolean;
  /** Why closing needs a visit or a recorded reason; null when it may close. */
  readonly message: string | null;
  /** Closing is allowed only with a written reason (obligations not found performed). */
  readonly needsReason: boolean;
}

export interface CaseFollowUps {
  readonly caseId: number;
  readonly visits: readonly FollowUp[];
  readonly windows: readonly ConfirmationWindow[];
  readonly extensions: readonly DueExtension[];
  readonly close: CloseReadiness;
  /** SPC-2011 Art. 4: status matters (marriage, adoption) are not confirmed. */
  readonly confirmationCaution: string | null;
}

export interface SavedConfirmation {
  readonly confirmation: JudicialConfirmation;
  readonly warnings: readonly string[];
}

export type CalendarItemKind =
  | 'SESSION'
  | 'VISIT'
  | 'CASE_DUE'
  | 'CONFIRMATION_DEADLINE'
  /** The court's 30 days (+30 with its consent) for a case it delegated (issue 15). */
  | 'COURT_DEADLINE';

export interface CalendarItem {
  readonly kind: CalendarItemKind;
  readonly date: string;
  /** HH:mm for sessions. */
  readonly time: string | null;
  readonly caseId: number;
  readonly caseNumber: string | null;
  readonly title: string;
  readonly label: string;
}

export interface WeekCalendar {
  readonly weekStart: string;
  readonly days: readonly { readonly date: string; readonly items: readonly CalendarItem[] }[];
}

export type ReminderStage = 'OVERDUE' | 'TODAY' | 'D1' | 'D3' | 'D7';

export interface Reminder {
  readonly kind: Exclude<CalendarItemKind, 'SESSION'>;
  readonly stage: ReminderStage;
  readonly date: string;
  readonly daysLeft: number;
  readonly caseId: number;
  readonly caseNumber: string | null;
  readonly title: string;
  readonly label: string;
}

export interface Reminders {
  readonly today: string;
  readonly items: readonly Reminder[];
  readonly total: number;
}

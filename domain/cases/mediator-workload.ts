/**
 * A mediator's work in a period (issue 15, must-have 4): what a county clerk checks beside a
 * subsidy claim and what the room's head looks at in a year-end review. Counted on the cases
 * the mediator is named on (承办), by the same dates as the statistics table: acceptance by its
 * date, outcomes by their outcome date (§3.7), visits by the day they were made.
 */
export interface MediatorWorkload {
  readonly mediatorId: number;
  readonly mediatorName: string;
  readonly period: {
    readonly key: string;
    readonly label: string;
    readonly start: string;
    readonly end: string;
  };
  /** Cases accepted in the period. */
  readonly accepted: number;
  /** Sessions the mediator hosted in the period (调解次数). */
  readonly sessions: number;
  /** Cases with an outcome in the period: success, failed (终止) or referred. */
  readonly mediated: number;
  readonly success: number;
  /** success ÷ mediated as a percentage with two decimals; null with nothing mediated. */
  readonly successRate: number | null;
  readonly writtenAgreements: number;
  readonly oralAgreements: number;
  readonly failed: number;
  readonly referred: number;
  /** Money fixed in the agreements of the period's successes, in fen. */
  readonly amountFen: number;
  /** Visits (回访) the mediator made in the period. */
  readonly followUps: number;
  /** Cases still without an outcome at the period's end (在调). */
  readonly openAtEnd: number;
  /** The cases with an outcome in the period, newest first (at most 500). */
  readonly outcomes: readonly MediatorOutcomeRow[];
}

export interface MediatorOutcomeRow {
  readonly caseId: number;
  readonly caseNumber: string | null;
  /** Null for a 统计员: the title names the parties (case-title.ts). */
  readonly title: string | null;
  readonly outcome: 'SUCCESS_WRITTEN' | 'SUCCESS_ORAL' | 'FAILED' | 'REFERRED';
  readonly outcomeDate: string;
  readonly amountFen: number;
}

export const OUTCOME_LABELS: Readonly<Record<MediatorOutcomeRow['outcome'], string>> = {
  SUCCESS_WRITTEN: '调解成功（书面协议）',
  SUCCESS_ORAL: '调解成功（口头协议）',
  FAILED: '调解不成（终止）',
  REFERRED: '移交',
};

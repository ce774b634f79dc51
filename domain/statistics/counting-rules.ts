/**
 * The counting rules of domain §3.7, in one place. Every figure of every report (the room's
 * table, its charts, the county's merged table) goes through `tally`, so a rule changes here
 * and nowhere else. The README states the same rules for the clerk.
 *
 * 1. A case is counted in the period of its OUTCOME date, not its intake date: a success or a
 *    failure (调解不成 / 一方拒绝) makes it a mediated case (调解案件数) in that period; success
 *    and agreement amounts are counted on the same date. Written agreements date from their
 *    effective date, oral ones from the day they were agreed.
 * 2. A case accepted by the end of the period that has no outcome by then is reported as 在调
 *    (open), never as mediated.
 * 3. A case referred elsewhere (移交) was not mediated here: it is reported as 移交 only. If it
 *    comes back, it is open again until its next outcome.
 * 4. One dispute is one case however many parties it has; 涉及当事人数 counts each person of a
 *    case once (by ID number, else name and phone; an organisation counts 1). Representatives
 *    are not parties. The ledger keeps this figure per case (db migration 005).
 * 5. 协议涉及金额 is the amount fixed in the agreement (not what was paid), reported in 万元
 *    with two decimals; the sum is taken in fen and rounded once at the end.
 * 6. Prevention indicators count the cases carrying a prevention flag (in the period of their
 *    outcome) plus the screening issues defused without a case (in the period of their round);
 *    persons are the numbers the mediator entered, never derived.
 * 7. Screening rounds count in the period of their date; each issue found is one 排查发现;
 *    an issue that became a case is counted again as that case under source 主动调解.
 * 8. 履行数 and 司法确认数 are counted among the successes of the period (same outcome date),
 *    as the ledger stands when the report is made: a case is 履行 when its latest recorded
 *    follow-up visit found the agreement 已履行 (部分履行, 未履行, 已起诉 and 已申请强制执行 are
 *    not); an oral agreement with no visit yet counts when its register says 当场履行. It is
 *    司法确认 when a court ruled the agreement valid (申请中, 驳回, 不予受理 are not). A visit or
 *    ruling recorded after a period was reported changes that period's figure: the case is then
 *    flagged 更正 in the next report (rule 9).
 * 9. 更正: history is not silently rewritten. The version of every case a report (table or
 *    package) counted is kept; a case changed after that is listed as 更正 on every later report
 *    until a report counts it again, and the next package carries it flagged, whatever its
 *    period, so the county replaces the old version in the right period.
 */

export const OUTCOMES = ['SUCCESS_WRITTEN', 'SUCCESS_ORAL', 'FAILED', 'REFERRED', 'OPEN'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Rule 1–3: which outcomes make a case mediated, successful, open or referred. */
export const OUTCOME_COUNTS: Readonly<
  Record<Outcome, { mediated: boolean; success: boolean; open: boolean; referred: boolean }>
> = {
  SUCCESS_WRITTEN: { mediated: true, success: true, open: false, referred: false },
  SUCCESS_ORAL: { mediated: true, success: true, open: false, referred: false },
  FAILED: { mediated: true, success: false, open: false, referred: false },
  REFERRED: { mediated: false, success: false, open: false, referred: true },
  OPEN: { mediated: false, success: false, open: true, referred: false },
};

/**
 * One group of cases as the ledger query returns it: all cases sharing these codes. The
 * county database returns the same shape, so both sides count with the same rules.
 */
export interface CaseFactGroup {
  readonly orgType: string;
  readonly category: string;
  readonly subtype: string | null;
  readonly source: string;
  readonly outcome: Outcome;
  /** `YYYY-MM` of the outcome date; null for open cases. */
  readonly month: string | null;
  readonly difficult: boolean;
  readonly cases: number;
  /** Rule 4, already per case. */
  readonly persons: number;
  readonly amountFen: number;
  /** Of `cases`: agreements performed (履行). */
  readonly performed: number;
  /** Of `cases`: agreements confirmed by a court (司法确认). */
  readonly confirmed: number;
}

/** Prevention figures (rule 6), by the §3.5 prevention code. */
export interface PreventionFigure {
  readonly code: string;
  readonly cases: number;
  readonly persons: number;
}

export interface ScreeningFigures {
  readonly rounds: number;
  readonly householdsVisited: number;
  readonly issuesFound: number;
  /** Issues defused without a case (预防纠纷). */
  readonly prevented: number;
  /** Issues that became a case (source PROACTIVE). */
  readonly becameCases: number;
}

/** The measures a report column or row may show. */
export const MEASURES = [
  'cases',
  'success',
  'successRate',
  'persons',
  'difficult',
  'amountWan',
  'oral',
  'written',
  'performed',
  'confirmed',
  'open',
  'referred',
] as const;
export type Measure = (typeof MEASURES)[number];

export interface Tally {
  cases: number;
  success: number;
  persons: number;
  difficult: number;
  amountFen: number;
  oral: number;
  written: number;
  performed: number;
  confirmed: number;
  open: number;
  referred: number;
}

export function emptyTally(): Tally {
  return {
    cases: 0,
    success: 0,
    persons: 0,
    difficult: 0,
    amountFen: 0,
    oral: 0,
    written: 0,
    performed: 0,
    confirmed: 0,
    open: 0,
    referred: 0,
  };
}

/** Adds one group into a tally by the rules above. */
export function addGroup(t: Tally, g: CaseFactGroup): void {
  const rule = OUTCOME_COUNTS[g.outcome];
  if (rule.open) {
    t.open += g.cases;
    return;
  }
  if (rule.referred) {
    t.referred += g.cases;
    return;
  }
  t.cases += g.cases;
  t.persons += g.persons;
  if (g.difficult) t.difficult += g.cases;
  if (rule.success) {
    t.success += g.cases;
    t.amountFen += g.amountFen;
    t.performed += g.performed;
    t.confirmed += g.confirmed;
    if (g.outcome === 'SUCCESS_ORAL') t.oral += g.cases;
    else t.written += g.cases;
  }
}

export function tally(groups: Iterable<CaseFactGroup>): Tally {
  const t = emptyTally();
  for (const g of groups) addGroup(t, g);
  return t;
}

/** Rule 5: fen → 万元, two decimals, rounded half up once. */
export function fenToWan(fen: number): number {
  return Math.round(fen / 10_000) / 100;
}

/** 调解成功率 in percent with two decimals; null when nothing was mediated. */
export function successRate(t: Tally): number | null {
  if (t.cases === 0) return null;
  return Math.round((t.success / t.cases) * 10_000) / 100;
}

/** The value of a measure; null where it is undefined (a rate of nothing). */
export function measureOf(t: Tally, m: Measure): number | null {
  switch (m) {
    case 'successRate':
      return successRate(t);
    case 'amountWan':
      return fenToWan(t.amountFen);
    default:
      return t[m];
  }
}

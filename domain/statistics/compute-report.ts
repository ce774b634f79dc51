import {
  addGroup,
  emptyTally,
  measureOf,
  successRate,
  fenToWan,
  tally,
  type CaseFactGroup,
  type Measure,
  type PreventionFigure,
  type ScreeningFigures,
  type Tally,
} from './counting-rules';
import type { Period } from './period';
import type { Dimension, ReportTemplate } from './report-template';

/** A case an earlier report counted that changed afterwards (更正, counting rule 9). */
export interface ReportCorrection {
  readonly caseNumber: string | null;
  /** The period key of the report that counted it (2026-03, 2026-Q1, 2026). */
  readonly reportedPeriod: string;
  readonly reportedAt: string;
}

/** The 更正 note the table, its PDF and the screen print; null when there is none. */
export function correctionNote(corrections: readonly ReportCorrection[]): string | null {
  if (corrections.length === 0) return null;
  const shown = corrections
    .slice(0, 20)
    .map((c) => `${c.caseNumber ?? '未编号案件'}（${c.reportedPeriod}已上报）`)
    .join('、');
  const more = corrections.length > 20 ? `等` : '';
  return `更正：${corrections.length} 件已上报的案件在上报后有修改：${shown}${more}。下一次导出的上报数据包会带上这些案件并标为更正。`;
}

/** The figures of one period laid out by a template: what the screen, xlsx and PDF show. */
export interface StatisticsReport {
  readonly period: { key: string; label: string; start: string; end: string };
  readonly template: { id: string; templateYear: number; version: number; title: string };
  readonly columns: readonly { no: number; group: string; label: string; unit: string }[];
  readonly organisationRows: readonly ReportRow[];
  readonly organisationTotal: ReportRow;
  readonly categoryMeasures: readonly { label: string; unit: string }[];
  readonly categoryRows: readonly ReportRow[];
  readonly categoryTotal: ReportRow;
  readonly indicators: readonly { id: string; label: string; unit: string; value: number }[];
  readonly byMonth: readonly { month: string; cases: number; success: number }[];
  readonly totals: {
    readonly cases: number;
    readonly success: number;
    readonly successRate: number | null;
    readonly persons: number;
    readonly amountWan: number;
    readonly performed: number;
    readonly confirmed: number;
    readonly open: number;
    readonly referred: number;
  };
  /** Rule 9: cases reported earlier that changed since, listed until they are reported again. */
  readonly corrections: readonly ReportCorrection[];
  /**
   * 零报告 (domain §4.11): the 综治 centre wants a report for a period with no disputes, saying
   * so, rather than no report. True when nothing was mediated, nothing is open or referred and
   * screening found nothing in the period.
   */
  readonly zeroReport: boolean;
}

/** The table's title: the template's, marked 零报告 when the period had no disputes. */
export function statisticsTitle(r: Pick<StatisticsReport, 'template' | 'zeroReport'>): string {
  return r.zeroReport ? `${r.template.title}（零报告）` : r.template.title;
}

/** The sentence the table, its PDF and the screen print for a 零报告; null otherwise. */
export function zeroReportNote(r: Pick<StatisticsReport, 'period' | 'zeroReport'>): string | null {
  if (!r.zeroReport) return null;
  return `零报告：${r.period.label}（${r.period.start} 至 ${r.period.end}）本单位无调处、在调或移交的矛盾纠纷，排查未发现矛盾纠纷，特此报告。`;
}

export interface ReportRow {
  readonly label: string;
  /** A 其中 row: part of the row above it. */
  readonly sub: boolean;
  readonly values: readonly (number | null)[];
}

export const MEASURE_UNITS: Readonly<Record<Measure, string>> = {
  cases: '件',
  success: '件',
  successRate: '%',
  persons: '人',
  difficult: '件',
  amountWan: '万元',
  oral: '件',
  written: '件',
  performed: '件',
  confirmed: '件',
  open: '件',
  referred: '件',
};

export interface ReportInput {
  readonly template: ReportTemplate;
  readonly period: Period;
  readonly groups: readonly CaseFactGroup[];
  readonly prevention: readonly PreventionFigure[];
  readonly screening: ScreeningFigures;
  /** Only the room's own ledger knows what it reported before; the county passes none. */
  readonly corrections?: readonly ReportCorrection[];
}

/** The code a group has in a dimension after the template's mapping. */
function codesIn(template: ReportTemplate, g: CaseFactGroup, d: Dimension): readonly string[] {
  if (d === 'orgType') return [g.orgType];
  if (d === 'source') return [template.sourceMap[g.source] ?? g.source];
  const mapped = template.categoryMap[g.category] ?? g.category;
  return g.subtype ? [mapped, g.subtype] : [mapped];
}

function matches(
  template: ReportTemplate,
  g: CaseFactGroup,
  filter: { dimension: Dimension; codes: readonly string[] } | undefined,
): boolean {
  if (!filter) return true;
  return codesIn(template, g, filter.dimension).some((c) => filter.codes.includes(c));
}

function tallyWhere(
  template: ReportTemplate,
  groups: readonly CaseFactGroup[],
  filter: { dimension: Dimension; codes: readonly string[] } | undefined,
): Tally {
  const t = emptyTally();
  for (const g of groups) if (matches(template, g, filter)) addGroup(t, g);
  return t;
}

const PREVENTION_LABELS: readonly { code: string; id: string; label: string }[] = [
  { code: 'SUICIDE', id: 'prevented_suicide', label: '防止民间纠纷引起自杀' },
  { code: 'CRIMINAL', id: 'prevented_criminal', label: '防止民间纠纷转化为刑事案件' },
  { code: 'GROUP_PETITION', id: 'prevented_group_petition', label: '防止群体性上访' },
  { code: 'GROUP_FIGHT', id: 'prevented_group_fight', label: '防止群体性械斗' },
];

export function computeReport(input: ReportInput): StatisticsReport {
  const { template, period, groups } = input;
  const all = tally(groups);

  const organisationRow = (label: string, rowGroups: readonly CaseFactGroup[]): ReportRow => ({
    label,
    sub: false,
    values: template.columns.map((c) =>
      measureOf(tallyWhere(template, rowGroups, c.filter), c.measure),
    ),
  });
  const organisationRows = template.organisationRows.map((r) =>
    organisationRow(
      r.label,
      groups.filter((g) => r.codes.includes(g.orgType)),
    ),
  );

  const categoryRow = (label: string, codes: readonly string[], sub: boolean): ReportRow => {
    const t = tallyWhere(template, groups, { dimension: 'category', codes });
    return { label, sub, values: template.categoryMeasures.map((m) => measureOf(t, m.measure)) };
  };
  const categoryRows = template.categoryRows.flatMap((r) => [
    categoryRow(r.label, r.codes, false),
    ...r.subRows.map((s) => categoryRow(s.label, s.codes, true)),
  ]);

  const prevention = new Map(input.prevention.map((p) => [p.code, p]));
  const s = input.screening;
  const indicators = [
    { id: 'cases_mediated', label: '调解案件数', unit: '件', value: all.cases },
    { id: 'cases_success', label: '调解成功数', unit: '件', value: all.success },
    { id: 'success_rate', label: '调解成功率', unit: '%', value: successRate(all) ?? 0 },
    { id: 'parties_involved', label: '涉及当事人数', unit: '人', value: all.persons },
    { id: 'difficult_cases', label: '疑难复杂纠纷数', unit: '件', value: all.difficult },
    { id: 'agreement_amount', label: '协议涉及金额', unit: '万元', value: fenToWan(all.amountFen) },
    { id: 'written_agreements', label: '书面协议', unit: '件', value: all.written },
    { id: 'oral_agreements', label: '口头协议', unit: '件', value: all.oral },
    { id: 'performed', label: '履行数', unit: '件', value: all.performed },
    { id: 'judicial_confirmations', label: '司法确认数', unit: '件', value: all.confirmed },
    { id: 'open_cases', label: '在调', unit: '件', value: all.open },
    { id: 'referred_cases', label: '移交', unit: '件', value: all.referred },
    { id: 'screening_sessions', label: '组织开展矛盾纠纷排查', unit: '次', value: s.rounds },
    { id: 'households_visited', label: '排查走访户数', unit: '户', value: s.householdsVisited },
    { id: 'disputes_found', label: '排查发现矛盾纠纷', unit: '件', value: s.issuesFound },
    { id: 'disputes_prevented', label: '预防纠纷', unit: '件', value: s.prevented },
    ...PREVENTION_LABELS.flatMap((p) => [
      {
        id: `${p.id}_cases`,
        label: p.label,
        unit: '件',
        value: prevention.get(p.code)?.cases ?? 0,
      },
      {
        id: `${p.id}_persons`,
        label: p.label,
        unit: '人',
        value: prevention.get(p.code)?.persons ?? 0,
      },
    ]),
  ];

  const byMonth = period.months.map((month) => {
    const t = tally(groups.filter((g) => g.month === month));
    return { month, cases: t.cases, success: t.success };
  });

  return {
    period: { key: period.key, label: period.label, start: period.start, end: period.end },
    template: {
      id: template.id,
      templateYear: template.templateYear,
      version: template.version,
      title: template.title,
    },
    columns: template.columns.map((c) => ({
      no: c.no,
      group: c.group,
      label: c.label,
      unit: MEASURE_UNITS[c.measure],
    })),
    organisationRows,
    organisationTotal: organisationRow('合计', groups),
    categoryMeasures: template.categoryMeasures.map((m) => ({
      label: m.label,
      unit: MEASURE_UNITS[m.measure],
    })),
    categoryRows,
    categoryTotal: {
      label: '合计',
      sub: false,
      values: template.categoryMeasures.map((m) => measureOf(all, m.measure)),
    },
    indicators,
    byMonth,
    totals: {
      cases: all.cases,
      success: all.success,
      successRate: successRate(all),
      persons: all.persons,
      amountWan: fenToWan(all.amountFen),
      performed: all.performed,
      confirmed: all.confirmed,
      open: all.open,
      referred: all.referred,
    },
    corrections: (input.corrections ?? []).map((c) => ({
      caseNumber: c.caseNumber,
      reportedPeriod: c.reportedPeriod,
      reportedAt: c.reportedAt,
    })),
    zeroReport: all.cases === 0 && all.open === 0 && all.referred === 0 && s.issuesFound === 0,
  };
}

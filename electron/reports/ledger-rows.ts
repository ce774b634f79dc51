import type { LedgerExportCase } from '../../db/reports/ledger-export-query.js';
import { CASE_STATE_LABELS, type CaseState } from '../../domain/case-lifecycle.js';
import {
  addressToTownship,
  addressToVillage,
  maskName,
  maskPhone,
  SUPPRESSED_PLACE,
  suppressSmallVillages,
} from '../../domain/statistics/deidentify.js';
import * as caseSources from '../../domain/taxonomy/case-sources.js';
import * as disputeCategories from '../../domain/taxonomy/dispute-categories.js';
import * as riskLevels from '../../domain/taxonomy/risk-levels.js';
import * as warningLevels from '../../domain/taxonomy/warning-levels.js';

/** The columns of the 综治中心 台账 (§3.8); the identified export adds ID numbers and addresses. */
export const LEDGER_COLUMNS = [
  '序号',
  '编号',
  '登记日期',
  '来源',
  '类型',
  '当事人',
  '联系电话',
  '乡镇/村',
  '简要情况',
  '风险等级',
  '责任单位/责任人',
  '化解措施',
  '化解状态',
  '化解日期',
  '回访情况',
  // 综治 centres' own fields (domain §4.11), after the §3.8 columns so their order stays
  '发生日期',
  '发生地点',
  '涉及人数',
  '预警等级',
  '包案领导',
] as const;
export const IDENTIFIED_EXTRA_COLUMNS = ['身份证件号码', '住址'] as const;

const MEASURES: Readonly<Record<string, string>> = {
  SUCCESS_WRITTEN: '调解达成书面协议',
  SUCCESS_ORAL: '调解达成口头协议',
  FAILED: '调解终止，已告知其他解决途径',
  REFERRED: '移交有关部门处理',
};
const STATES: Readonly<Record<string, string>> = {
  SUCCESS_WRITTEN: '已化解',
  SUCCESS_ORAL: '已化解',
  FAILED: '未化解',
  REFERRED: '已移交',
};

function categoryText(c: LedgerExportCase): string {
  const category = disputeCategories.labelOf(c.category as disputeCategories.Code);
  return c.subtype
    ? `${category}（${disputeCategories.subtypeLabelOf(c.subtype as disputeCategories.SubtypeCode)}）`
    : category;
}

function followUpText(c: LedgerExportCase): string {
  // The agreement stays counted as 已化解; the renewed talks after an unperformed agreement
  // are told here (migration 020).
  if (c.reopenedResult === 'FAILED') {
    return `回访发现未履行，重新调解未达成协议（${c.reopenedResultDate ?? ''}）`;
  }
  if (c.reopenedResult === 'REFERRED') {
    return `回访发现未履行，重新调解后移交（${c.reopenedResultDate ?? ''}）`;
  }
  const status = c.status;
  if (status === 'MEDIATING' && c.outcome?.startsWith('SUCCESS_') === true) {
    return '回访发现未履行，重新调解中';
  }
  if (status === 'CLOSED' || status === 'ARCHIVED') return '已回访';
  if (status === 'FOLLOW_UP') return '回访中';
  return '未回访';
}

/**
 * The ledger as rows of text. De-identified (the default): 张某 names, 138****5678, no ID
 * numbers, addresses down to the village with villages of fewer than five persons in the export
 * raised to their township, and the narrative reduced to the category.
 */
export function ledgerRows(
  cases: readonly LedgerExportCase[],
  committeeName: string,
  identified: boolean,
): string[][] {
  const villageOf = (address: string) => addressToVillage(address);
  const persons = new Map<string, number>();
  for (const c of cases) {
    for (const p of c.parties) {
      if (p.kind !== 'NATURAL') continue;
      const v = villageOf(p.address);
      persons.set(v, (persons.get(v) ?? 0) + 1);
    }
  }
  const shownPlace = suppressSmallVillages(persons);
  // Where a dispute happened can point at a household as surely as an address: the
  // de-identified ledger cuts it like the parties' addresses, and a village no party of the
  // export lives in has fewer than five persons, so it is raised to its township.
  const occurredPlaceText = (place: string | null): string => {
    if (place === null || place.trim() === '') return '';
    if (identified) return place;
    const village = villageOf(place);
    return shownPlace.get(village) ?? (addressToTownship(village) || SUPPRESSED_PLACE);
  };
  return cases.map((c, i) => {
    const natural = c.parties.filter((p) => p.kind === 'NATURAL');
    const names = c.parties.map((p) =>
      identified || p.kind !== 'NATURAL' ? p.name : maskName(p.name),
    );
    const phones = c.parties.map((p) => (identified ? p.phone : maskPhone(p.phone)));
    const places = [
      ...new Set(natural.map((p) => shownPlace.get(villageOf(p.address)) ?? '')),
    ].filter((p) => p !== '');
    const row = [
      String(i + 1),
      c.caseNumber ?? '（未编号）',
      c.intakeDate,
      caseSources.labelOf(c.source as caseSources.Code),
      categoryText(c),
      names.join('、'),
      phones.filter((p) => p !== '').join('、'),
      places.join('、'),
      identified ? c.summary : categoryText(c),
      riskLevels.labelOf(c.riskLevel as riskLevels.Code),
      c.mediators ? `${committeeName}/${c.mediators}` : committeeName,
      c.outcome
        ? (MEASURES[c.outcome] ?? '')
        : `调解中（${CASE_STATE_LABELS[c.status as CaseState] ?? c.status}）`,
      c.outcome ? (STATES[c.outcome] ?? '') : '化解中',
      c.outcomeDate ?? '',
      followUpText(c),
      c.occurredOn ?? '',
      occurredPlaceText(c.occurredPlace),
      c.personsInvolved === null ? '' : String(c.personsInvolved),
      c.warningLevel ? warningLevels.labelOf(c.warningLevel as warningLevels.Code) : '',
      c.responsibleLeader ?? '',
    ];
    if (identified) {
      row.push(
        c.parties
          .map((p) => p.idNumber ?? '')
          .filter((x) => x !== '')
          .join('、'),
        c.parties.map((p) => p.address).join('；'),
      );
    }
    return row;
  });
}

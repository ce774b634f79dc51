import { formatYuanFigures } from '../money-words';
import * as caseSources from '../taxonomy/case-sources';
import * as disputeCategories from '../taxonomy/dispute-categories';
import * as riskLevels from '../taxonomy/risk-levels';
import {
  riskRankOf,
  type FlagFact,
  type SubsidyRules,
  type SubsidyTier,
  type TierCondition,
} from './subsidy-rules';

/**
 * The facts of one case that a county's tier criteria look at. The service reads them from the
 * ledger; keeping them a plain record lets the same suggestion run in tests, in the claim pack
 * and in the renderer's "why this tier" panel.
 */
export interface SubsidyCaseFacts {
  readonly category: disputeCategories.Code;
  readonly subtype: disputeCategories.SubtypeCode | null;
  readonly source: caseSources.Code;
  /** Persons involved (rule 4 of the counting rules: each person once). */
  readonly personsInvolved: number;
  /** The agreement amount in fen, or the amount in dispute when there is no agreement amount. */
  readonly amountFen: number;
  /** False when `amountFen` is the amount in dispute (no agreement amount yet). */
  readonly amountIsAgreed?: boolean;
  readonly sessions: number;
  readonly riskLevel: riskLevels.Code;
  readonly isDifficult: boolean;
  /** 群体性: the MANY_PARTIES risk factor or at least its threshold of persons. */
  readonly isGroup: boolean;
  /** Parties registered in more than one county-level division. */
  readonly crossArea: boolean;
}

export interface TierSuggestion {
  /** Null only when the rule has no tier the case fits (a rule file always has a default tier). */
  readonly tier: SubsidyTier | null;
  /** Why, in the mediator's words: the conditions the case met, or why it fell to the default. */
  readonly reasons: readonly string[];
}

const FLAG_LABELS: Readonly<Record<FlagFact, string>> = {
  isDifficult: '疑难复杂纠纷',
  isGroup: '群体性纠纷',
  crossArea: '跨地区纠纷',
  referredByCourtOrPolice: '法院或公安机关委托移送',
  highRisk: '风险等级为高或重大',
};

function riskLabelOfRank(rank: number): string {
  return riskLevels.rows.find((r) => r.rank === rank)?.label ?? String(rank);
}

function flagValue(fact: FlagFact, facts: SubsidyCaseFacts): boolean {
  switch (fact) {
    case 'isDifficult':
      return facts.isDifficult;
    case 'isGroup':
      return facts.isGroup;
    case 'crossArea':
      return facts.crossArea;
    case 'referredByCourtOrPolice':
      return facts.source === 'ENTRUSTED_COURT' || facts.source === 'ENTRUSTED_POLICE';
    case 'highRisk':
      return riskRankOf(facts.riskLevel) >= 3;
  }
}

function sourceMatches(source: caseSources.Code, listed: readonly caseSources.Code[]): boolean {
  const parent = caseSources.rows.find((r) => r.code === source);
  const parentCode = parent && 'parent' in parent ? parent.parent : undefined;
  return listed.includes(source) || (parentCode !== undefined && listed.includes(parentCode));
}

/** The standard a condition sets, as a county notice would word it ("涉及当事人 10 人以上"). */
export function describeCondition(condition: TierCondition): string {
  switch (condition.fact) {
    case 'personsInvolved':
      return `涉及当事人 ${condition.atLeast} 人以上`;
    case 'amountFen':
      return `协议金额 ${formatYuanFigures(condition.atLeast)} 元以上`;
    case 'sessions':
      return `调解 ${condition.atLeast} 次以上`;
    case 'riskRank':
      return `风险等级${riskLabelOfRank(condition.atLeast)}及以上`;
    case 'category':
      return `纠纷类型为${condition.in.map(disputeCategories.labelOf).join('、')}`;
    case 'subtype':
      return `纠纷细类为${condition.in.map(disputeCategories.subtypeLabelOf).join('、')}`;
    case 'source':
      return `案件来源为${condition.in.map(caseSources.labelOf).join('、')}`;
    default:
      return FLAG_LABELS[condition.fact];
  }
}

/** Whether the case meets one condition. */
function meets(condition: TierCondition, facts: SubsidyCaseFacts): boolean {
  switch (condition.fact) {
    case 'personsInvolved':
      return facts.personsInvolved >= condition.atLeast;
    case 'sessions':
      return facts.sessions >= condition.atLeast;
    case 'amountFen':
      return facts.amountFen >= condition.atLeast;
    case 'riskRank':
      return riskRankOf(facts.riskLevel) >= condition.atLeast;
    case 'category':
      return condition.in.includes(facts.category);
    case 'subtype':
      return facts.subtype !== null && condition.in.includes(facts.subtype);
    case 'source':
      return sourceMatches(facts.source, condition.in);
    default:
      return flagValue(condition.fact, facts);
  }
}

/** The sentence saying how the case stands on one condition, with the case's own value. */
function reasonOf(condition: TierCondition, facts: SubsidyCaseFacts): string {
  switch (condition.fact) {
    case 'personsInvolved':
      return `涉及当事人 ${facts.personsInvolved} 人（标准：${condition.atLeast} 人以上）`;
    case 'sessions':
      return `调解 ${facts.sessions} 次（标准：${condition.atLeast} 次以上）`;
    case 'amountFen':
      return `${facts.amountIsAgreed === false ? '争议金额' : '协议金额'} ${formatYuanFigures(facts.amountFen)} 元（标准：${formatYuanFigures(condition.atLeast)} 元以上）`;
    case 'riskRank':
      return `风险等级${riskLevels.labelOf(facts.riskLevel)}（标准：${riskLabelOfRank(condition.atLeast)}及以上）`;
    case 'category':
      return `纠纷类型：${disputeCategories.labelOf(facts.category)}`;
    case 'subtype':
      return `纠纷细类：${facts.subtype === null ? '未选' : disputeCategories.subtypeLabelOf(facts.subtype)}`;
    case 'source':
      return `案件来源：${caseSources.labelOf(facts.source)}`;
    default:
      return FLAG_LABELS[condition.fact];
  }
}

/**
 * A rule's tiers highest rank first and its default tier, worked out once per parsed rule file:
 * a year's claim packs ask for tens of thousands of suggestions under the same rule.
 */
const tierOrders = new WeakMap<
  SubsidyRules,
  { readonly byRank: readonly SubsidyTier[]; readonly fallback: SubsidyTier | undefined }
>();

function tierOrderOf(rules: SubsidyRules) {
  let order = tierOrders.get(rules);
  if (!order) {
    order = {
      byRank: [...rules.tiers].sort((a, b) => b.rank - a.rank),
      fallback: [...rules.tiers]
        .filter((t) => t.when.length === 0)
        .sort((a, b) => a.rank - b.rank)[0],
    };
    tierOrders.set(rules, order);
  }
  return order;
}

/**
 * The tier the data suggests: the highest-ranked tier any of whose condition groups the case
 * meets in full, else the default tier. The mediator confirms or changes it (with a reason);
 * this only proposes. Only the met group's conditions are worded.
 */
export function suggestTier(rules: SubsidyRules, facts: SubsidyCaseFacts): TierSuggestion {
  const { byRank, fallback } = tierOrderOf(rules);
  for (const tier of byRank) {
    for (const group of tier.when) {
      if (group.every((c) => meets(c, facts))) {
        return { tier, reasons: group.map((c) => reasonOf(c, facts)) };
      }
    }
  }
  if (!fallback) return { tier: null, reasons: ['规则中没有适用的档次'] };
  return { tier: fallback, reasons: ['未达到更高档次的标准，按基本档次认定'] };
}

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

/** Whether the case meets one condition, and the sentence saying so with the case's own value. */
export function testCondition(
  condition: TierCondition,
  facts: SubsidyCaseFacts,
): { met: boolean; reason: string } {
  switch (condition.fact) {
    case 'personsInvolved':
      return {
        met: facts.personsInvolved >= condition.atLeast,
        reason: `涉及当事人 ${facts.personsInvolved} 人（标准：${condition.atLeast} 人以上）`,
      };
    case 'sessions':
      return {
        met: facts.sessions >= condition.atLeast,
        reason: `调解 ${facts.sessions} 次（标准：${condition.atLeast} 次以上）`,
      };
    case 'amountFen':
      return {
        met: facts.amountFen >= condition.atLeast,
        reason: `${facts.amountIsAgreed === false ? '争议金额' : '协议金额'} ${formatYuanFigures(facts.amountFen)} 元（标准：${formatYuanFigures(condition.atLeast)} 元以上）`,
      };
    case 'riskRank':
      return {
        met: riskRankOf(facts.riskLevel) >= condition.atLeast,
        reason: `风险等级${riskLevels.labelOf(facts.riskLevel)}（标准：${riskLabelOfRank(condition.atLeast)}及以上）`,
      };
    case 'category':
      return {
        met: condition.in.includes(facts.category),
        reason: `纠纷类型：${disputeCategories.labelOf(facts.category)}`,
      };
    case 'subtype':
      return {
        met: facts.subtype !== null && condition.in.includes(facts.subtype),
        reason: `纠纷细类：${facts.subtype === null ? '未选' : disputeCategories.subtypeLabelOf(facts.subtype)}`,
      };
    case 'source':
      return {
        met: sourceMatches(facts.source, condition.in),
        reason: `案件来源：${caseSources.labelOf(facts.source)}`,
      };
    default:
      return { met: flagValue(condition.fact, facts), reason: FLAG_LABELS[condition.fact] };
  }
}

/**
 * The tier the data suggests: the highest-ranked tier any of whose condition groups the case
 * meets in full, else the default tier. The mediator confirms or changes it (with a reason);
 * this only proposes.
 */
export function suggestTier(rules: SubsidyRules, facts: SubsidyCaseFacts): TierSuggestion {
  const byRank = [...rules.tiers].sort((a, b) => b.rank - a.rank);
  for (const tier of byRank) {
    if (tier.when.length === 0) continue;
    for (const group of tier.when) {
      const results = group.map((c) => testCondition(c, facts));
      if (results.every((r) => r.met)) {
        return { tier, reasons: results.map((r) => r.reason) };
      }
    }
  }
  const fallback = [...rules.tiers]
    .filter((t) => t.when.length === 0)
    .sort((a, b) => a.rank - b.rank)[0];
  if (!fallback) return { tier: null, reasons: ['规则中没有适用的档次'] };
  return { tier: fallback, reasons: ['未达到更高档次的标准，按基本档次认定'] };
}

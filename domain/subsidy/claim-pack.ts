import type { Outcome } from '../statistics/counting-rules';
import type * as organisationTypes from '../taxonomy/organisation-types';
import type { DuplicateOf } from './duplicate-disputes';
import {
  ORAL_PROOF_LABELS,
  tierAmountFen,
  VOLUME_DOCUMENT_LABELS,
  type SubsidyRules,
  type SubsidyTier,
  type VolumeDocument,
} from './subsidy-rules';
import { suggestTier, type SubsidyCaseFacts } from './tier-suggestion';

/** Printed on the claim sheet, the 认定表, the xlsx and the screen: the app never decides. */
export const CLAIM_DISCLAIMER =
  '本表由调解工作台按所选补贴规则估算，仅供申报参考；是否补贴及补贴金额以司法所和县司法局审核认定为准。';

/** What the claim pack needs to know about one case the mediator handled. */
export interface ClaimCase {
  readonly caseId: number;
  readonly caseNumber: string | null;
  readonly title: string;
  readonly facts: SubsidyCaseFacts;
  readonly outcome: Outcome;
  /** Date of the outcome (agreement effective, oral agreement, failure); null while open. */
  readonly outcomeDate: string | null;
  /** Mediators of the case, the lead (承办) first. */
  readonly mediatorIds: readonly number[];
  readonly volume: {
    /** The volume checklist's verdict (follow-ups issue): every required document present. */
    readonly complete: boolean;
    /** Why it is not complete, in the checklist's words. */
    readonly problems: readonly string[];
    /** Documents present in the volume, for the tier's own list of required papers. */
    readonly present: readonly VolumeDocument[];
  };
  /** Whether the case is in the county's 排查调处 register; null when nobody recorded it. */
  readonly inCountyRegister: boolean | null;
  /** Oral cases: attendance proven the way the rule asks. */
  readonly oralAttendanceProven: boolean;
  /** The mediator's confirmed tier, if any; otherwise the suggestion is used and marked so. */
  readonly confirmedTier: { readonly code: string; readonly reason: string | null } | null;
}

export interface ClaimMediator {
  readonly id: number;
  readonly name: string;
  /** 备案: registered with the provincial system. */
  readonly filed: boolean;
}

export interface ClaimLine {
  readonly caseId: number;
  readonly caseNumber: string | null;
  readonly title: string;
  readonly outcome: Outcome;
  readonly outcomeDate: string | null;
  readonly isOral: boolean;
  readonly tierCode: string | null;
  readonly tierLabel: string;
  /** CONFIRMED by the mediator, or SUGGESTED from the data and not yet confirmed. */
  readonly tierSource: 'CONFIRMED' | 'SUGGESTED';
  readonly tierReasons: readonly string[];
  /** The tier's amount for a whole case (before the oral percentage and sharing). */
  readonly tierAmountFen: number | null;
  /** This mediator's estimated amount; 0 when not claimable. */
  readonly amountFen: number;
  /** "1/2" when the rule splits a case between its mediators. */
  readonly share: string | null;
  readonly claimable: boolean;
  readonly notClaimableReasons: readonly string[];
  readonly missingDocuments: readonly VolumeDocument[];
  readonly duplicateOf: DuplicateOf | null;
}

export interface ClaimTierTotal {
  readonly tierCode: string;
  readonly tierLabel: string;
  readonly cases: number;
  readonly amountFen: number;
}

export interface ClaimPack {
  readonly rulesId: string;
  readonly rulesTitle: string;
  readonly rulesIsExample: boolean;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly mediator: ClaimMediator;
  readonly lines: readonly ClaimLine[];
  readonly totals: {
    readonly cases: number;
    readonly claimable: number;
    readonly amountFen: number;
    readonly byTier: readonly ClaimTierTotal[];
  };
  readonly disclaimer: string;
}

function tierFor(
  rules: SubsidyRules,
  c: ClaimCase,
): { tier: SubsidyTier | null; source: 'CONFIRMED' | 'SUGGESTED'; reasons: readonly string[] } {
  if (c.confirmedTier) {
    const tier = rules.tiers.find((t) => t.code === c.confirmedTier?.code) ?? null;
    if (tier) {
      const why = c.confirmedTier.reason ? `：${c.confirmedTier.reason}` : '';
      return { tier, source: 'CONFIRMED', reasons: [`调解员确认为“${tier.label}”${why}`] };
    }
  }
  const suggestion = suggestTier(rules, c.facts);
  // The suggestion's reasons are made for this call: not copied again per line.
  const reasons = c.confirmedTier
    ? [`确认的档次（${c.confirmedTier.code}）不在本规则中，已按数据重新建议`, ...suggestion.reasons]
    : suggestion.reasons;
  return { tier: suggestion.tier, source: 'SUGGESTED', reasons };
}

/**
 * The order of a pack's lines: by outcome date, then case id. Dates are all `YYYY-MM-DD`, so
 * code-unit order is theirs.
 */
export function inLineOrder(
  a: Pick<ClaimCase, 'outcomeDate' | 'caseId'>,
  b: Pick<ClaimCase, 'outcomeDate' | 'caseId'>,
): number {
  const x = a.outcomeDate ?? '';
  const y = b.outcomeDate ?? '';
  if (x !== y) return x < y ? -1 : 1;
  return a.caseId - b.caseId;
}

export function isInLineOrder(
  cases: readonly Pick<ClaimCase, 'outcomeDate' | 'caseId'>[],
): boolean {
  for (let i = 1; i < cases.length; i += 1) {
    if (inLineOrder(cases[i - 1] as ClaimCase, cases[i] as ClaimCase) > 0) return false;
  }
  return true;
}

/** A tier's missing papers for one subset of its list, and the sentence naming them. */
interface MissingPapers {
  readonly documents: readonly VolumeDocument[];
  readonly sentence: string;
}

const NONE_MISSING: readonly VolumeDocument[] = Object.freeze([]);

/** Splits `total` fen between `n` mediators so the shares add up exactly; the lead gets the rest. */
export function splitFen(total: number, n: number): number[] {
  const base = Math.floor(total / n);
  const rest = total - base * n;
  return Array.from({ length: n }, (_, i) => base + (i < rest ? 1 : 0));
}

/**
 * The claim pack of one mediator for one period: every case the mediator handled whose outcome
 * falls in the period, its tier, the estimated amount, and — for each case that cannot be
 * claimed — every reason, so the room can fix the volume before the county sees it. Open and
 * referred cases are not mediation results and are left out.
 */
export function buildClaimPack(input: {
  readonly rules: SubsidyRules;
  readonly committeeLevel: organisationTypes.Code;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly mediator: ClaimMediator;
  readonly cases: readonly ClaimCase[];
  readonly duplicates: ReadonlyMap<number, DuplicateOf>;
}): ClaimPack {
  const { rules, mediator } = input;
  const lines: ClaimLine[] = [];
  // Cases handed over in line order (a room's year is sorted once for every pack) are not
  // copied and sorted again.
  const ordered = isInLineOrder(input.cases) ? input.cases : [...input.cases].sort(inLineOrder);
  // A tier's missing papers are a subset of its short list, so most lines of a pack word the
  // same few sentences: each is made once per pack (by tier and the subset's bits), not per line.
  // The list itself is shared the same way: every line of a pack lives until the answer is sent,
  // and a year's 22k lists of the same four subsets were copied by each young-generation GC.
  const worded = new Map<SubsidyTier, Map<number, MissingPapers>>();
  const missingOf = (tier: SubsidyTier, mask: number) => {
    let byMask = worded.get(tier);
    if (!byMask) {
      byMask = new Map();
      worded.set(tier, byMask);
    }
    let papers = byMask.get(mask);
    if (papers === undefined) {
      const missing = tier.requiredDocuments.filter((_, i) => (mask & (1 << i)) !== 0);
      papers = {
        documents: missing,
        sentence: `“${tier.label}”档次还需要：${missing.map((d) => VOLUME_DOCUMENT_LABELS[d]).join('、')}`,
      };
      byMask.set(mask, papers);
    }
    return papers;
  };
  // A suggestion's reasons repeat across a pack's lines (a year: 4,188 lists for 22,175 lines):
  // one list per wording, so only the first line of each keeps its own.
  const reasonLists = new Map<string, readonly string[]>();
  const sharedReasons = (reasons: readonly string[]) => {
    if (reasons.length !== 1) return reasons;
    const only = reasons[0] as string;
    const held = reasonLists.get(only);
    if (held !== undefined) return held;
    reasonLists.set(only, reasons);
    return reasons;
  };
  for (const c of ordered) {
    const position = c.mediatorIds.indexOf(mediator.id);
    if (position < 0 || c.outcomeDate === null) continue;
    if (c.outcome === 'OPEN' || c.outcome === 'REFERRED') continue;
    if (c.outcomeDate < input.periodStart || c.outcomeDate > input.periodEnd) continue;

    const isOral = c.outcome === 'SUCCESS_ORAL';
    const { tier, source, reasons: tierReasons } = tierFor(rules, c);
    const reasons: string[] = [];
    if (c.outcome === 'FAILED') reasons.push('调解未成功，不属于补贴范围');
    if (isOral && !rules.oral.paid) reasons.push('本规则不补贴口头调解');
    if (isOral && rules.oral.paid && rules.oral.proof !== 'NONE' && !c.oralAttendanceProven) {
      reasons.push(`口头调解未能证明当事人到场（需要${ORAL_PROOF_LABELS[rules.oral.proof]}）`);
    }
    if (rules.requires.completeVolume && !c.volume.complete) {
      reasons.push(
        c.volume.problems.length > 0 ? `卷宗不完整：${c.volume.problems.join('；')}` : '卷宗不完整',
      );
    }
    let missingMask = 0;
    const required = tier?.requiredDocuments ?? [];
    for (let i = 0; i < required.length; i += 1) {
      if (!c.volume.present.includes(required[i] as VolumeDocument)) missingMask |= 1 << i;
    }
    let missingDocuments: readonly VolumeDocument[] = NONE_MISSING;
    if (tier !== null && missingMask !== 0) {
      const papers = missingOf(tier, missingMask);
      missingDocuments = papers.documents;
      reasons.push(papers.sentence);
    }
    if (rules.requires.countyRegister && c.inCountyRegister !== true) {
      reasons.push(
        c.inCountyRegister === false
          ? '不在县级矛盾纠纷排查调处台账中'
          : '尚未确认已登记在县级矛盾纠纷排查调处台账',
      );
    }
    if (rules.requires.mediatorFiled && !mediator.filed) reasons.push('调解员未备案');
    const duplicateOf = input.duplicates.get(c.caseId) ?? null;
    if (duplicateOf) {
      reasons.push(
        `与${duplicateOf.caseNumber ?? `案件 ${duplicateOf.caseId}`}为同一纠纷，只计一次`,
      );
    }
    if (tier === null) reasons.push('没有适用的补贴档次');
    const fullAmount = tier === null ? null : tierAmountFen(tier, input.committeeLevel);
    if (tier !== null && fullAmount === null) {
      reasons.push(`“${tier.label}”档次${tier.paidElsewhereNote ?? '不由本规则补贴'}`);
    }

    let share: string | null = null;
    let amount = 0;
    const n = c.mediatorIds.length;
    if (n > 1 && rules.multipleMediators === 'LEAD_ONLY' && position > 0) {
      reasons.push('按本规则由承办调解员（名列第一）申报');
    }
    const claimable = reasons.length === 0;
    if (claimable && fullAmount !== null) {
      const caseAmount = isOral ? Math.round((fullAmount * rules.oral.percent) / 100) : fullAmount;
      if (n > 1 && rules.multipleMediators === 'SPLIT_EVENLY') {
        amount = splitFen(caseAmount, n)[position] ?? 0;
        share = `1/${n}`;
      } else {
        amount = caseAmount;
      }
    }
    lines.push({
      caseId: c.caseId,
      caseNumber: c.caseNumber,
      title: c.title,
      outcome: c.outcome,
      outcomeDate: c.outcomeDate,
      isOral,
      tierCode: tier?.code ?? null,
      tierLabel: tier?.label ?? '—',
      tierSource: source,
      tierReasons: sharedReasons(tierReasons),
      tierAmountFen: fullAmount,
      amountFen: amount,
      share,
      claimable,
      notClaimableReasons: reasons,
      missingDocuments,
      duplicateOf,
    });
  }

  // Counted in place: a year's packs made a new total per claimable line.
  const byTier = new Map<string, { -readonly [K in keyof ClaimTierTotal]: ClaimTierTotal[K] }>();
  for (const tier of [...rules.tiers].sort((a, b) => a.rank - b.rank)) {
    byTier.set(tier.code, { tierCode: tier.code, tierLabel: tier.label, cases: 0, amountFen: 0 });
  }
  let amountFen = 0;
  let claimable = 0;
  for (const line of lines) {
    if (!line.claimable || line.tierCode === null) continue;
    claimable += 1;
    amountFen += line.amountFen;
    const t = byTier.get(line.tierCode);
    if (t) {
      t.cases += 1;
      t.amountFen += line.amountFen;
    }
  }
  return {
    rulesId: rules.id,
    rulesTitle: rules.title,
    rulesIsExample: rules.isExample,
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    mediator,
    lines,
    totals: { cases: lines.length, claimable, amountFen, byTier: [...byTier.values()] },
    disclaimer: CLAIM_DISCLAIMER,
  };
}

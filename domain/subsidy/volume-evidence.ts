import { reachesGroupThreshold } from '../cases/group-dispute';
import type { SubsidyCaseFacts } from './tier-suggestion';
import {
  verdictOfChecklist,
  type VolumeChecklist,
  type VolumeItem,
  type VolumeVerdict,
} from '../volume/volume-checklist';
import type { VolumeDocument } from './subsidy-rules';

/**
 * The claim's view of the volume comes from the volume checklist (一案一卷, `volumeChecklist`),
 * the one judgement of completeness that archiving and the case page use too: complete or not,
 * every missing paper in the checklist's words, and the papers present by the names a county
 * rule uses for a tier's required documents. The 结案报告 is not in the standard index; it counts
 * once it has been printed.
 */
const TIER_DOCUMENT_OF: Readonly<Partial<Record<VolumeItem, VolumeDocument>>> = {
  APPLICATION_OR_ACCEPTANCE: 'APPLICATION_OR_REGISTER',
  RIGHTS_NOTICE: 'RIGHTS_NOTICE',
  IDENTITY_PROOF: 'IDENTITY_PROOF',
  INVESTIGATION_RECORD: 'INVESTIGATION_RECORD',
  EVIDENCE: 'EVIDENCE',
  SESSION_RECORD: 'SESSION_RECORD',
  AGREEMENT: 'AGREEMENT',
  PERFORMANCE_PROOF: 'PERFORMANCE_PROOF',
  FOLLOWUP_RECORD: 'FOLLOWUP_RECORD',
};

export function claimVolumeOf(
  judged: VolumeChecklist | VolumeVerdict,
  printedKinds: readonly string[],
): { complete: boolean; problems: readonly string[]; present: VolumeDocument[] } {
  const verdict = 'items' in judged ? verdictOfChecklist(judged) : judged;
  const present: VolumeDocument[] = [];
  for (const item of verdict.present) {
    const document = TIER_DOCUMENT_OF[item];
    if (document) present.push(document);
  }
  if (printedKinds.includes('CLOSING_REPORT')) present.push('CLOSING_REPORT');
  return {
    complete: verdict.complete,
    problems: verdict.missingReasons,
    present,
  };
}

/** Tier facts from ledger values; the amount is the agreement's, else the amount in dispute. */
export function subsidyFactsOf(c: {
  readonly category: SubsidyCaseFacts['category'];
  readonly subtype: SubsidyCaseFacts['subtype'];
  readonly source: SubsidyCaseFacts['source'];
  readonly riskLevel: SubsidyCaseFacts['riskLevel'];
  readonly riskFactors: readonly string[];
  readonly isDifficult: boolean;
  readonly persons: number;
  readonly agreementAmountFen: number;
  readonly amountClaimedFen: number | null;
  readonly sessions: number;
  readonly crossArea: boolean;
}): SubsidyCaseFacts {
  return {
    category: c.category,
    subtype: c.subtype,
    source: c.source,
    personsInvolved: c.persons,
    amountFen: c.agreementAmountFen > 0 ? c.agreementAmountFen : (c.amountClaimedFen ?? 0),
    amountIsAgreed: c.agreementAmountFen > 0,
    sessions: c.sessions,
    riskLevel: c.riskLevel,
    isDifficult: c.isDifficult,
    isGroup: c.riskFactors.includes('MANY_PARTIES') || reachesGroupThreshold(c.persons),
    crossArea: c.crossArea,
  };
}

import * as riskFactors from '../taxonomy/risk-factors';
import type { SubsidyCaseFacts } from './tier-suggestion';
import { VOLUME_DOCUMENT_LABELS, type VolumeDocument } from './subsidy-rules';

/**
 * What the ledger shows of a case's volume (一案一卷, domain §2.2), read as the documents a
 * reviewer looks for. Papers count when they were printed through the print register (the
 * frozen copy is what went into the folder); records count when they exist in the ledger.
 * Identity copies and evidence are not stored by the app, so a tier that requires them is
 * never met here and the pack says which paper is missing.
 */
export interface VolumeEvidence {
  /** Null while the case is open. */
  readonly outcome: 'SUCCESS_WRITTEN' | 'SUCCESS_ORAL' | 'FAILED' | 'REFERRED' | null;
  readonly printedKinds: readonly string[];
  readonly sessions: number;
  readonly investigations: number;
  readonly agreementSigned: boolean;
  readonly visitsDone: number;
  readonly proofs: number;
}

export function presentDocuments(e: VolumeEvidence): VolumeDocument[] {
  const printed = new Set(e.printedKinds);
  const present: VolumeDocument[] = [];
  if (printed.has('APPLICATION') || printed.has('ACCEPTANCE_REGISTER')) {
    present.push('APPLICATION_OR_REGISTER');
  }
  if (printed.has('RIGHTS_NOTICE')) present.push('RIGHTS_NOTICE');
  if (e.investigations > 0) present.push('INVESTIGATION_RECORD');
  if (e.sessions > 0) present.push('SESSION_RECORD');
  const agreementPresent =
    e.outcome === 'SUCCESS_ORAL' ? printed.has('ORAL_AGREEMENT_REGISTER') : e.agreementSigned;
  if (agreementPresent) present.push('AGREEMENT');
  if (e.proofs > 0) present.push('PERFORMANCE_PROOF');
  if (e.visitsDone > 0) present.push('FOLLOWUP_RECORD');
  if (printed.has('CLOSING_REPORT')) present.push('CLOSING_REPORT');
  return present;
}

/** The papers §2.2 marks 必须 that the app can see (the agreement only for a success). */
export function volumeCompleteness(e: VolumeEvidence): {
  complete: boolean;
  problems: string[];
  present: VolumeDocument[];
} {
  const present = presentDocuments(e);
  const required: VolumeDocument[] = ['APPLICATION_OR_REGISTER', 'RIGHTS_NOTICE', 'SESSION_RECORD'];
  if (e.outcome === 'SUCCESS_WRITTEN' || e.outcome === 'SUCCESS_ORAL') required.push('AGREEMENT');
  const problems = required
    .filter((d) => !present.includes(d))
    .map((d) => `缺少${VOLUME_DOCUMENT_LABELS[d]}`);
  return { complete: problems.length === 0, problems, present };
}

const manyPartiesThreshold =
  riskFactors.rows.find((r) => r.code === 'MANY_PARTIES' && 'threshold' in r)?.threshold?.value ??
  10;

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
    isGroup: c.riskFactors.includes('MANY_PARTIES') || c.persons >= manyPartiesThreshold,
    crossArea: c.crossArea,
  };
}

/**
 * The completeness checklist of one case's volume (一案一卷, domain §2.2, §4.8): the 13 items of
 * the standard 卷内目录, each decided from facts read from the ledger. Pure, so archiving, the
 * case page and the subsidy review (以案定补 pays only for complete volumes, §4.11) all judge a
 * volume by the same rules and can say why one is not complete.
 */

export const VOLUME_ITEMS = [
  'APPLICATION_OR_ACCEPTANCE',
  'RIGHTS_NOTICE',
  'IDENTITY_PROOF',
  'POWER_OF_ATTORNEY',
  'INVESTIGATION_RECORD',
  'EVIDENCE',
  'SESSION_RECORD',
  'AGREEMENT',
  'PERFORMANCE_PROOF',
  'FOLLOWUP_RECORD',
  'JUDICIAL_CONFIRMATION',
  'VOLUME_NOTE',
  'BACK_COVER',
] as const;
export type VolumeItem = (typeof VOLUME_ITEMS)[number];

export const VOLUME_ITEM_LABELS: Readonly<Record<VolumeItem, string>> = {
  APPLICATION_OR_ACCEPTANCE: '人民调解申请书或人民调解受理登记表',
  RIGHTS_NOTICE: '人民调解当事人权利义务告知书',
  IDENTITY_PROOF: '当事人身份证明',
  POWER_OF_ATTORNEY: '授权委托书',
  INVESTIGATION_RECORD: '人民调解调查记录',
  EVIDENCE: '人民调解证据材料',
  SESSION_RECORD: '人民调解记录',
  AGREEMENT: '人民调解协议书',
  PERFORMANCE_PROOF: '收条或汇款单等履行凭证',
  FOLLOWUP_RECORD: '人民调解回访记录',
  JUDICIAL_CONFIRMATION: '司法确认有关材料',
  VOLUME_NOTE: '卷宗情况说明',
  BACK_COVER: '封底',
};

/** 必须 items are always required; 按需 items become required when the case calls for them. */
export const VOLUME_ITEM_REQUIRED: Readonly<Record<VolumeItem, boolean>> = {
  APPLICATION_OR_ACCEPTANCE: true,
  RIGHTS_NOTICE: true,
  IDENTITY_PROOF: true,
  POWER_OF_ATTORNEY: false,
  INVESTIGATION_RECORD: false,
  EVIDENCE: false,
  SESSION_RECORD: true,
  AGREEMENT: true,
  PERFORMANCE_PROOF: false,
  FOLLOWUP_RECORD: false,
  JUDICIAL_CONFIRMATION: false,
  VOLUME_NOTE: false,
  BACK_COVER: true,
};

/** How the case ended, as far as the volume is concerned. */
export type VolumeOutcome = 'WRITTEN' | 'ORAL' | 'FAILED' | 'REFUSED' | 'REFERRED' | 'OPEN';

/** What the ledger says about one case; the service reads it, this module only judges. */
export interface VolumeFacts {
  readonly accepted: boolean;
  /** Print register: a 受理登记表 or 申请书 was printed for the case. */
  readonly acceptanceOrApplicationPrinted: boolean;
  /** Print register: the 告知书 was printed (it is handed to the parties to sign). */
  readonly rightsNoticePrinted: boolean;
  /** Every party, with how many identity-document copies are attached for it. */
  readonly parties: readonly { readonly name: string; readonly identityCopies: number }[];
  /** Parties represented by an agent (委托代理人), with their attached powers of attorney. */
  readonly agentParties: readonly { readonly name: string; readonly powersOfAttorney: number }[];
  readonly investigations: number;
  readonly evidence: number;
  readonly sessions: number;
  readonly outcome: VolumeOutcome;
  /** A signed written agreement (WRITTEN) or a registered oral agreement (ORAL) is on file. */
  readonly agreementOnFile: boolean;
  /** The agreement obliges a party to pay or hand over something (so proofs are expected). */
  readonly hasObligations: boolean;
  readonly performanceProofs: number;
  readonly visitsDone: number;
  /** Closed although the last visit did not find the agreement performed (a reason is on file). */
  readonly closedUnperformed: boolean;
  readonly confirmationRecorded: boolean;
  readonly volumeNotes: number;
}

export type VolumeItemStatus = 'PRESENT' | 'MISSING' | 'NOT_NEEDED';

export interface VolumeChecklistItem {
  readonly no: number;
  readonly item: VolumeItem;
  readonly label: string;
  /** What the standard index says (§2.2). */
  readonly standard: '必须' | '按需';
  /** Whether this case must have it. */
  readonly required: boolean;
  readonly status: VolumeItemStatus;
  /** How many documents or files make up the item (0 when missing or not needed). */
  readonly count: number;
  /** Why the item is missing, or why it is not needed; null when present. */
  readonly reason: string | null;
}

export interface VolumeChecklist {
  readonly items: readonly VolumeChecklistItem[];
  readonly complete: boolean;
  /** The missing items with their reasons, in index order (empty when complete). */
  readonly missing: readonly {
    readonly item: VolumeItem;
    readonly label: string;
    readonly reason: string;
  }[];
}

interface Judgement {
  readonly required: boolean;
  readonly count: number;
  readonly reason: string | null;
}

const settled = (f: VolumeFacts) => f.outcome === 'WRITTEN' || f.outcome === 'ORAL';
const mediated = (f: VolumeFacts) => f.outcome !== 'REFUSED' && f.outcome !== 'REFERRED';

// The judgements that depend on no count are shared constants: a year's claim packs judge 13
// items of tens of thousands of volumes, and a fresh object per item was most of the garbage.
const fixed = (required: boolean, count: number, reason: string | null): Judgement =>
  Object.freeze({ required, count, reason });
const NOT_ACCEPTED = fixed(true, 0, '案件尚未受理');
const REQUIRED_ONE = fixed(true, 1, null);
const ACCEPTANCE_NOT_PRINTED = fixed(true, 0, '尚未打印受理登记表或申请书');
const RIGHTS_NOT_PRINTED = fixed(true, 0, '尚未打印权利义务告知书');
const NO_PARTIES = fixed(true, 0, '案件没有当事人');
const NO_AGENT = fixed(false, 0, '无委托代理人');
const NO_INVESTIGATION = fixed(false, 0, '未进行调查');
const NO_EVIDENCE = fixed(false, 0, '无证据材料');
const NO_SESSION_RECORD = fixed(true, 0, '没有调解记录');
const NO_AGREEMENT_REACHED = fixed(false, 0, '未达成调解协议');
const NO_WRITTEN_AGREEMENT = fixed(true, 0, '没有已签署的调解协议书');
const NO_ORAL_AGREEMENT = fixed(true, 0, '没有口头协议登记表');
const PROOFS_EXPECTED = fixed(false, 0, '未上传履行凭证（按需）');
const PROOFS_NOT_NEEDED = fixed(false, 0, '协议无需履行凭证');
const NO_VISIT_NEEDED = fixed(false, 0, '未达成协议，无需回访');
const NO_VISIT = fixed(true, 0, '达成协议的案件没有回访记录');
const CONFIRMED = fixed(false, 1, null);
const NOT_CONFIRMED = fixed(false, 0, '未申请司法确认');
const NOTE_MISSING = fixed(true, 0, '协议未履行完毕即结案，需附卷宗情况说明');
const NO_NOTE_NEEDED = fixed(false, 0, '无需说明');

function judge(item: VolumeItem, f: VolumeFacts): Judgement {
  switch (item) {
    case 'APPLICATION_OR_ACCEPTANCE':
      if (!f.accepted) return NOT_ACCEPTED;
      return f.acceptanceOrApplicationPrinted ? REQUIRED_ONE : ACCEPTANCE_NOT_PRINTED;
    case 'RIGHTS_NOTICE':
      return f.rightsNoticePrinted ? REQUIRED_ONE : RIGHTS_NOT_PRINTED;
    case 'IDENTITY_PROOF': {
      if (f.parties.length === 0) return NO_PARTIES;
      const without = f.parties.filter((p) => p.identityCopies === 0).map((p) => p.name);
      const count = f.parties.reduce((n, p) => n + p.identityCopies, 0);
      return without.length === 0
        ? { required: true, count, reason: null }
        : { required: true, count, reason: `缺少当事人${without.join('、')}的身份证明复印件` };
    }
    case 'POWER_OF_ATTORNEY': {
      if (f.agentParties.length === 0) return NO_AGENT;
      const without = f.agentParties.filter((p) => p.powersOfAttorney === 0).map((p) => p.name);
      const count = f.agentParties.reduce((n, p) => n + p.powersOfAttorney, 0);
      return without.length === 0
        ? { required: true, count, reason: null }
        : { required: true, count, reason: `${without.join('、')}委托了代理人，缺少授权委托书` };
    }
    case 'INVESTIGATION_RECORD':
      return f.investigations > 0
        ? { required: false, count: f.investigations, reason: null }
        : NO_INVESTIGATION;
    case 'EVIDENCE':
      return f.evidence > 0 ? { required: false, count: f.evidence, reason: null } : NO_EVIDENCE;
    case 'SESSION_RECORD':
      if (!mediated(f))
        return { required: false, count: f.sessions, reason: '案件未经调解即终止或移交' };
      return f.sessions > 0
        ? { required: true, count: f.sessions, reason: null }
        : NO_SESSION_RECORD;
    case 'AGREEMENT':
      if (!settled(f)) return NO_AGREEMENT_REACHED;
      if (f.agreementOnFile) return REQUIRED_ONE;
      return f.outcome === 'WRITTEN' ? NO_WRITTEN_AGREEMENT : NO_ORAL_AGREEMENT;
    case 'PERFORMANCE_PROOF':
      if (f.performanceProofs > 0)
        return { required: false, count: f.performanceProofs, reason: null };
      return settled(f) && f.hasObligations ? PROOFS_EXPECTED : PROOFS_NOT_NEEDED;
    case 'FOLLOWUP_RECORD':
      // PML 31: the committee supervises performance, so a settled case needs its visit.
      if (!settled(f)) {
        return f.visitsDone > 0
          ? { required: false, count: f.visitsDone, reason: null }
          : NO_VISIT_NEEDED;
      }
      return f.visitsDone > 0 ? { required: true, count: f.visitsDone, reason: null } : NO_VISIT;
    case 'JUDICIAL_CONFIRMATION':
      return f.confirmationRecorded ? CONFIRMED : NOT_CONFIRMED;
    case 'VOLUME_NOTE':
      // A case closed without the agreement performed must explain itself in the volume.
      if (f.closedUnperformed) {
        return f.volumeNotes > 0
          ? { required: true, count: f.volumeNotes, reason: null }
          : NOTE_MISSING;
      }
      return f.volumeNotes > 0
        ? { required: false, count: f.volumeNotes, reason: null }
        : NO_NOTE_NEEDED;
    case 'BACK_COVER':
      // Generated with the volume from the archiving data (立卷人, pages), so always available.
      return REQUIRED_ONE;
    default: {
      const unreachable: never = item;
      throw new Error(`unknown volume item ${String(unreachable)}`);
    }
  }
}

/**
 * The judgement is final: a 必须 item the case cannot have (no agreement without a settlement) is
 * not needed; a 按需 item the case calls for is required.
 */
function statusOf(j: Judgement): VolumeItemStatus {
  if (j.required) return j.count > 0 && j.reason === null ? 'PRESENT' : 'MISSING';
  return j.count > 0 ? 'PRESENT' : 'NOT_NEEDED';
}

export function volumeChecklist(facts: VolumeFacts): VolumeChecklist {
  const items = VOLUME_ITEMS.map((item, i): VolumeChecklistItem => {
    const j = judge(item, facts);
    const status = statusOf(j);
    return {
      no: i + 1,
      item,
      label: VOLUME_ITEM_LABELS[item],
      standard: VOLUME_ITEM_REQUIRED[item] ? '必须' : '按需',
      required: j.required,
      status,
      count: j.count,
      reason: status === 'PRESENT' ? null : j.reason,
    };
  });
  const missing = items
    .filter((i) => i.status === 'MISSING')
    .map((i) => ({ item: i.item, label: i.label, reason: i.reason ?? '缺少材料' }));
  return { items, complete: missing.length === 0, missing };
}

/**
 * What a claim asks of the checklist: complete or not, why not (the missing items' reasons in
 * index order) and the items present.
 */
export interface VolumeVerdict {
  readonly complete: boolean;
  readonly missingReasons: readonly string[];
  readonly present: readonly VolumeItem[];
}

/**
 * The checklist's verdict without its per-item rows, by the same judgements: a year's claim
 * packs judge tens of thousands of volumes and keep only this.
 */
export function volumeVerdict(facts: VolumeFacts): VolumeVerdict {
  const missingReasons: string[] = [];
  const present: VolumeItem[] = [];
  for (const item of VOLUME_ITEMS) {
    const j = judge(item, facts);
    const status = statusOf(j);
    if (status === 'PRESENT') present.push(item);
    else if (status === 'MISSING') missingReasons.push(j.reason ?? '缺少材料');
  }
  return { complete: missingReasons.length === 0, missingReasons, present };
}

/** The verdict a whole checklist gives (the same as `volumeVerdict` of its facts). */
export function verdictOfChecklist(checklist: VolumeChecklist): VolumeVerdict {
  return {
    complete: checklist.complete,
    missingReasons: checklist.missing.map((m) => m.reason),
    present: checklist.items.filter((i) => i.status === 'PRESENT').map((i) => i.item),
  };
}

/** One sentence listing what is missing, for refusals (“卷宗材料不全：…”). */
export function missingSentence(checklist: VolumeChecklist): string {
  return checklist.missing.map((m, i) => `${i + 1}. ${m.label}：${m.reason}`).join('；');
}

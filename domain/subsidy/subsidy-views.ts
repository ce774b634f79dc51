import type { PdfFile } from '../agreements/agreement-views';
import type { ClaimPack } from './claim-pack';
import type { SubsidyRules, VolumeDocument } from './subsidy-rules';

/** One stored county rule as the 设置 list shows it. */
export interface SubsidyRulesSummary {
  readonly rowId: number;
  readonly rulesId: string;
  readonly title: string;
  readonly issuer: string;
  readonly isExample: boolean;
  readonly validFrom: string;
  readonly validTo: string | null;
  readonly sha256: string;
  readonly importedAt: string;
  readonly importedBy: string;
  readonly tiers: readonly {
    readonly code: string;
    readonly label: string;
    readonly amountFen: number | null;
    readonly paidElsewhereNote: string | null;
  }[];
  readonly active: boolean;
  /** A newer import of the same rule id exists. */
  readonly superseded: boolean;
}

export interface SubsidyRulesList {
  readonly activeRowId: number | null;
  /** Version of the active-rule setting, for `subsidy.activateRules`. */
  readonly version: number;
  readonly rules: readonly SubsidyRulesSummary[];
  /** Shipped examples that can be imported (marked as examples, never a county's rates). */
  readonly examples: readonly { readonly fileName: string; readonly title: string }[];
}

export interface SubsidyRulesDetail {
  readonly summary: SubsidyRulesSummary;
  readonly rules: SubsidyRules;
}

export interface ImportRulesResult {
  readonly summary: SubsidyRulesSummary;
  /** False when the identical file was already stored. */
  readonly added: boolean;
}

export interface TierConfirmation {
  readonly id: number;
  readonly rulesId: string;
  readonly tierCode: string;
  readonly tierLabel: string;
  readonly suggestedTierCode: string | null;
  readonly reason: string | null;
  readonly confirmedBy: string;
  readonly confirmedAt: string;
}

export interface CaseSubsidyFacts {
  readonly inCountyRegister: boolean | null;
  readonly countyRegisterRef: string | null;
  readonly crossArea: boolean;
  readonly oralAttendanceProven: boolean;
  readonly version: number;
}

/** The case page's 以案定补 panel. */
export interface CaseSubsidyView {
  readonly caseId: number;
  /** The active rule; null when the room has not chosen one (the panel says how to). */
  readonly rules: SubsidyRulesSummary | null;
  readonly suggestion: {
    readonly tierCode: string | null;
    readonly tierLabel: string;
    readonly reasons: readonly string[];
  } | null;
  /** The newest confirmation under the active rule. */
  readonly confirmed: TierConfirmation | null;
  /** Every confirmation of this case, newest first, under any rule. */
  readonly history: readonly TierConfirmation[];
  readonly facts: CaseSubsidyFacts;
  readonly claim: {
    /** Null while the case has no outcome yet. */
    readonly claimable: boolean | null;
    readonly reasons: readonly string[];
    readonly documents: readonly {
      readonly document: VolumeDocument;
      readonly label: string;
      readonly present: boolean;
    }[];
    /** The tier's amount for the whole case at the room's level, before sharing. */
    readonly tierAmountFen: number | null;
  };
  readonly disclaimer: string;
}

export type SubsidyClaimPack = ClaimPack & {
  readonly periodKey: string;
  readonly periodLabel: string;
  readonly committeeName: string;
};

/** A printed 申报表: the stored bytes of its version in the period print register. */
export interface SubsidyClaimSheet extends PdfFile {
  readonly printVersion: number;
  readonly printedAt: string;
  /** True when the same content was printed before and the stored bytes came back. */
  readonly reprint: boolean;
}

/** The claim pack as .xlsx (申报表 and 认定明细), formula-safe. */
export interface SubsidyClaimXlsx {
  readonly fileName: string;
  readonly dataBase64: string;
  readonly sha256: string;
  readonly byteLength: number;
}

import { z } from 'zod';
import {
  activateRulesSchema,
  caseSubsidyFactsSchema,
  caseSubsidySchema,
  claimPackSchema,
  claimPacksSchema,
  claimSheetSchema,
  confirmTierSchema,
  importRulesSchema,
  recognitionSchema,
  rulesRowSchema,
  saveRulesSchema,
} from '../subsidy/subsidy-input';
import type {
  CaseSubsidyView,
  ImportRulesResult,
  SubsidyClaimPack,
  SubsidyClaimSheet,
  SubsidyClaimXlsx,
  SubsidyRulesDetail,
  SubsidyRulesList,
} from '../subsidy/subsidy-views';
import type { RenderedDocument } from '../agreements/agreement-views';
import { method } from './method.js';

/** Case-based subsidy claims (以案定补, domain §4.11): county rules, tiers, claim packs. */
export const subsidyContract = {
  'subsidy.listRules': method<SubsidyRulesList>()(z.strictObject({})),
  'subsidy.getRules': method<SubsidyRulesDetail>()(rulesRowSchema),
  'subsidy.importRules': method<ImportRulesResult>()(importRulesSchema),
  'subsidy.saveRules': method<ImportRulesResult>()(saveRulesSchema),
  'subsidy.activateRules': method<SubsidyRulesList>()(activateRulesSchema),
  'subsidy.ofCase': method<CaseSubsidyView>()(caseSubsidySchema),
  'subsidy.confirmTier': method<CaseSubsidyView>()(confirmTierSchema),
  'subsidy.saveCaseFacts': method<CaseSubsidyView>()(caseSubsidyFactsSchema),
  'subsidy.claimPack': method<SubsidyClaimPack>()(claimPackSchema),
  /** Every mediator's pack for the period, read in one pass (one per mediator with a case). */
  'subsidy.claimPacks': method<readonly SubsidyClaimPack[]>()(claimPacksSchema),
  /** The 申报表 as PDF; the same pack prints the bytes stored the first time. */
  'subsidy.printClaimSheet': method<SubsidyClaimSheet>()(claimSheetSchema),
  /** The 申报表 and 认定明细 as .xlsx. */
  'subsidy.claimXlsx': method<SubsidyClaimXlsx>()(claimPackSchema),
  /** One case's 调解案件认定表, frozen in the case's print register. */
  'subsidy.printRecognition': method<RenderedDocument>()(recognitionSchema),
} as const;

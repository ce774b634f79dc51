import { z } from 'zod';
import {
  activateRulesSchema,
  caseSubsidyFactsSchema,
  caseSubsidySchema,
  claimPackSchema,
  confirmTierSchema,
  importRulesSchema,
  rulesRowSchema,
  saveRulesSchema,
} from '../subsidy/subsidy-input';
import type {
  CaseSubsidyView,
  ImportRulesResult,
  SubsidyClaimPack,
  SubsidyRulesDetail,
  SubsidyRulesList,
} from '../subsidy/subsidy-views';
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
} as const;

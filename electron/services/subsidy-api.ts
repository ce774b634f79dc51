import type { ApiHandlers } from '../api/dispatch.js';
import type { SubsidyPapersService } from './subsidy-papers-service.js';
import type { SubsidyService } from './subsidy-service.js';

type SubsidyMethod = Extract<keyof ApiHandlers, `subsidy.${string}`>;
type SubsidyHandlers = Pick<ApiHandlers, SubsidyMethod>;

/** The 以案定补 part of the handler table. */
export function subsidyHandlers(s: SubsidyService, papers: SubsidyPapersService): SubsidyHandlers {
  return {
    'subsidy.listRules': () => s.listRules(),
    'subsidy.getRules': ({ rowId }) => s.getRules(rowId),
    'subsidy.importRules': (input) => s.importRules(input),
    'subsidy.saveRules': ({ rules }) => s.saveRules(rules),
    'subsidy.activateRules': ({ rowId, expectedVersion }) =>
      s.activateRules(rowId, expectedVersion),
    'subsidy.ofCase': ({ caseId }) => s.ofCase(caseId),
    'subsidy.confirmTier': (input) => s.confirmTier(input),
    'subsidy.saveCaseFacts': (input) => s.saveCaseFacts(input),
    'subsidy.claimPack': ({ mediatorId, period }) => s.claimPack(mediatorId, period),
    'subsidy.claimPacks': ({ period }) => s.claimPacks(period),
    'subsidy.printClaimSheet': ({ mediatorId, period, allowMissingGlyphs }) =>
      papers.claimSheet(mediatorId, period, allowMissingGlyphs),
    'subsidy.claimXlsx': ({ mediatorId, period }) => papers.claimXlsx(mediatorId, period),
    'subsidy.printRecognition': ({ caseId, allowMissingGlyphs }) =>
      papers.recognition(caseId, allowMissingGlyphs),
  };
}

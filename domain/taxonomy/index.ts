import type { CodeRow } from './code-table';
import * as advisedRoutes from './advised-routes';
import * as caseSources from './case-sources';
import * as disputeCategories from './dispute-categories';
import * as ethnicGroups from './ethnic-groups';
import * as genders from './genders';
import * as idDocTypes from './id-doc-types';
import * as languages from './languages';
import * as organisationTypes from './organisation-types';
import * as participantRoles from './participant-roles';
import * as partyRoles from './party-roles';
import * as preventionFlags from './prevention-flags';
import * as referralTargets from './referral-targets';
import * as riskFactors from './risk-factors';
import * as riskLevels from './risk-levels';

/**
 * Each table is exposed as a namespace (`disputeCategories.labelOf(code)`) because every table
 * has the same member names: `version`, `rows`, `codeSchema`, `Code`, `labelOf`.
 */
export {
  advisedRoutes,
  caseSources,
  disputeCategories,
  ethnicGroups,
  genders,
  idDocTypes,
  languages,
  organisationTypes,
  participantRoles,
  partyRoles,
  preventionFlags,
  referralTargets,
  riskFactors,
  riskLevels,
};
export type { CodeRow } from './code-table';

export interface CodeTable {
  /** Stable table name, used as the key in the code_table SQLite table. */
  readonly name: string;
  /** Bump when rows change, so the seeding migration knows to re-seed. */
  readonly version: number;
  /** Rows in display order; extra fields beyond code/label/parent are table-specific. */
  readonly rows: readonly CodeRow[];
  /** Table that `parent` codes refer to, when it is not this table. */
  readonly parentTable?: string;
}

/**
 * Everything the seeding migration writes. Ethnic groups are seeded with the default extension
 * codes; an installation that changes them re-seeds from `ethnicGroups.ethnicGroupsFor`.
 */
export const CODE_TABLES: readonly CodeTable[] = [
  { name: 'dispute_category', version: disputeCategories.version, rows: disputeCategories.rows },
  {
    name: 'dispute_subtype',
    version: disputeCategories.version,
    rows: disputeCategories.subtypeRows,
    parentTable: 'dispute_category',
  },
  { name: 'case_source', version: caseSources.version, rows: caseSources.rows },
  { name: 'organisation_type', version: organisationTypes.version, rows: organisationTypes.rows },
  { name: 'risk_level', version: riskLevels.version, rows: riskLevels.rows },
  { name: 'risk_factor', version: riskFactors.version, rows: riskFactors.rows },
  { name: 'prevention_flag', version: preventionFlags.version, rows: preventionFlags.rows },
  { name: 'referral_target', version: referralTargets.version, rows: referralTargets.rows },
  { name: 'advised_route', version: advisedRoutes.version, rows: advisedRoutes.rows },
  {
    name: 'ethnic_group',
    version: ethnicGroups.version,
    rows: ethnicGroups.ethnicGroupsFor(ethnicGroups.DEFAULT_EXTENSIONS),
  },
  { name: 'id_doc_type', version: idDocTypes.version, rows: idDocTypes.rows },
  { name: 'language', version: languages.version, rows: languages.rows },
  { name: 'participant_role', version: participantRoles.version, rows: participantRoles.rows },
  { name: 'party_role', version: partyRoles.version, rows: partyRoles.rows },
  { name: 'party_kind', version: partyRoles.kindVersion, rows: partyRoles.kindRows },
  { name: 'gender', version: genders.version, rows: genders.rows },
];

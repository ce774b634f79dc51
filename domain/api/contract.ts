import type { z } from 'zod';
import type { MethodSpec } from './method.js';
import { accountsContract } from './accounts-contract.js';
import { agreementsContract } from './agreements-contract.js';
import { auditContract } from './audit-contract.js';
import { casesContract } from './cases-contract.js';
import { countyContract } from './county-contract.js';
import { followupsContract } from './followups-contract.js';
import { formDraftsContract } from './form-drafts-contract.js';
import { mediatorsContract } from './mediators-contract.js';
import { reportsContract } from './reports-contract.js';
import { settingsContract } from './settings-contract.js';
import { subsidyContract } from './subsidy-contract.js';
import { systemContract } from './system-contract.js';
import { volumeContract } from './volume-contract.js';

/**
 * The whole API between renderer and main process: method name → input schema → result type.
 * The main process validates every call against this table; the renderer gets its types from it.
 */
export const apiContract = {
  ...systemContract,
  ...accountsContract,
  ...settingsContract,
  ...mediatorsContract,
  ...casesContract,
  ...agreementsContract,
  ...followupsContract,
  ...reportsContract,
  ...countyContract,
  ...subsidyContract,
  ...formDraftsContract,
  ...volumeContract,
  ...auditContract,
} as const;

export type ApiContract = typeof apiContract;
export type ApiMethod = keyof ApiContract;
/** What a caller may send (before parsing and normalisation). */
export type ApiInput<M extends ApiMethod> = z.input<ApiContract[M]['input']>;
/** What a handler receives (after parsing). */
export type ApiParsedInput<M extends ApiMethod> = z.output<ApiContract[M]['input']>;
export type ApiResult<M extends ApiMethod> =
  ApiContract[M] extends MethodSpec<z.ZodType, infer R> ? R : never;

export const API_METHODS = Object.keys(apiContract) as ApiMethod[];

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(apiContract, name);
}

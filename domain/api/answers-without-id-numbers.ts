import type { ApiMethod } from './contract.js';

/**
 * Methods whose answers have no field that can hold an ID number (no party view, no identity
 * document): the door does not walk them for numbers to mask (electron/api/masked-id-numbers.ts).
 * Only the busiest answers are listed, where the walk is a measurable share of the call (at
 * 100,000 cases, under load: a year's claim packs ~10% of its CPU, a ledger page ~13%, the
 * dashboard ~3%). tests/unit/api/answers-without-id-numbers.test.ts calls each one on a ledger
 * whose parties have ID numbers and fails when masking would change its answer.
 */
export const ANSWERS_WITHOUT_ID_NUMBERS = [
  'cases.search',
  'dashboard.get',
  'subsidy.claimPack',
  'subsidy.claimPacks',
] as const satisfies readonly ApiMethod[];

export type AnswerWithoutIdNumbers = (typeof ANSWERS_WITHOUT_ID_NUMBERS)[number];

const WITHOUT: ReadonlySet<ApiMethod> = new Set(ANSWERS_WITHOUT_ID_NUMBERS);

export function answerCarriesNoIdNumbers(method: ApiMethod): boolean {
  return WITHOUT.has(method);
}

import {
  FLAG_FACTS,
  NUMERIC_FACTS,
  SUBSIDY_RULES_FORMAT,
  SUBSIDY_RULES_FORMAT_VERSION,
  type FlagFact,
  type NumericFact,
  type SubsidyRules,
} from '../../../../domain/subsidy/subsidy-rules';

export type Fact = NumericFact | FlagFact | 'category' | 'subtype' | 'source';
export const isNumeric = (f: unknown): f is NumericFact => NUMERIC_FACTS.includes(f as NumericFact);
export const isFlag = (f: unknown): f is FlagFact => FLAG_FACTS.includes(f as FlagFact);

/** One condition as the form holds it: the fact and whichever value that fact takes. */
export interface ConditionForm {
  readonly fact?: Fact;
  readonly atLeast?: number | null;
  readonly in?: readonly string[];
}

/** The form's condition in the rule file's shape (the schema then checks it). */
export function conditionInput(c: ConditionForm | undefined): unknown {
  const fact = c?.fact;
  if (isNumeric(fact)) return { fact, atLeast: c?.atLeast ?? null };
  if (isFlag(fact)) return { fact, is: true };
  return { fact, in: c?.in ?? [] };
}

type Values = Record<string, unknown>;

/** A new rule starts as one default tier the county then fills in; nothing is a county's rate. */
export function blankRules(today: string): Values {
  return {
    id: '',
    title: '',
    issuer: '',
    isExample: false,
    basis: null,
    validFrom: today,
    validTo: null,
    tiers: [
      {
        code: 'GENERAL',
        label: '一般',
        rank: 1,
        amountFen: null,
        amountByLevel: {},
        paidElsewhereNote: null,
        when: [],
        criteriaText: null,
        requiredDocuments: ['APPLICATION_OR_REGISTER', 'SESSION_RECORD', 'AGREEMENT'],
      },
    ],
    oral: { paid: false, percent: 0, proof: 'NONE' },
    requires: { completeVolume: true, countyRegister: false, mediatorFiled: false },
    multipleMediators: 'LEAD_ONLY',
    duplicateWindowDays: 365,
  };
}

/** A stored rule as the editor's values (the same shape; conditions keep their own fields). */
export function rulesValues(rules: SubsidyRules): Values {
  return JSON.parse(JSON.stringify(rules)) as Values;
}

const blankToNull = (v: unknown) =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '') ? null : v;

/**
 * The editor's values as `subsidy.saveRules` input: empty boxes become "not set", committee
 * levels left blank are dropped, and each condition keeps only what its fact takes. Nothing is
 * fixed up beyond that: the contract's schema judges the result, here and in the main process.
 */
export function rulesInput(values: Values): { rules: unknown } {
  const tiers = Array.isArray(values.tiers) ? (values.tiers as Values[]) : [];
  return {
    rules: {
      ...values,
      format: SUBSIDY_RULES_FORMAT,
      formatVersion: SUBSIDY_RULES_FORMAT_VERSION,
      basis: blankToNull(values.basis),
      validTo: blankToNull(values.validTo),
      tiers: tiers.map((tier) => ({
        ...tier,
        amountFen: blankToNull(tier.amountFen),
        paidElsewhereNote: blankToNull(tier.paidElsewhereNote),
        criteriaText: blankToNull(tier.criteriaText),
        amountByLevel: Object.fromEntries(
          Object.entries((tier.amountByLevel ?? {}) as Values).filter(
            ([, fen]) => blankToNull(fen) !== null,
          ),
        ),
        requiredDocuments: tier.requiredDocuments ?? [],
        when: ((tier.when ?? []) as (ConditionForm | undefined)[][]).map((group) =>
          (group ?? []).map(conditionInput),
        ),
      })),
    },
  };
}

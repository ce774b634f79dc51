import { z } from 'zod';
import { fenField } from '../agreements/agreement-input';
import { isoDateField } from '../cases/input-fields';
import { optionalMultiLine, singleLine } from '../text-input';
import * as caseSources from '../taxonomy/case-sources';
import * as disputeCategories from '../taxonomy/dispute-categories';
import * as organisationTypes from '../taxonomy/organisation-types';
import * as riskLevels from '../taxonomy/risk-levels';

/**
 * A county's case-subsidy rule (以案定补, domain §4.11) as data. Counties differ in tiers,
 * amounts, committee levels, oral-case treatment and the papers each tier needs, and they change
 * their rates by notice, so nothing of a county is code: the room imports the file its 司法局
 * hands out (or types it in 设置), and the app only applies it. The app estimates; the county
 * decides — every output says so.
 */
export const SUBSIDY_RULES_FORMAT = 'mediation-desk/subsidy-rules';
export const SUBSIDY_RULES_FORMAT_VERSION = 1;

/** Facts of a case a tier criterion may test. Each maps to a reason sentence in tier-suggestion. */
export const NUMERIC_FACTS = ['personsInvolved', 'amountFen', 'sessions', 'riskRank'] as const;
export type NumericFact = (typeof NUMERIC_FACTS)[number];
export const FLAG_FACTS = [
  'isDifficult',
  'isGroup',
  'crossArea',
  'referredByCourtOrPolice',
  'highRisk',
] as const;
export type FlagFact = (typeof FLAG_FACTS)[number];

/** Volume documents (domain §2.2) a tier may require; the volume checklist says which are there. */
export const VOLUME_DOCUMENTS = [
  'APPLICATION_OR_REGISTER',
  'RIGHTS_NOTICE',
  'IDENTITY_PROOF',
  'INVESTIGATION_RECORD',
  'EVIDENCE',
  'SESSION_RECORD',
  'AGREEMENT',
  'PERFORMANCE_PROOF',
  'FOLLOWUP_RECORD',
  'CLOSING_REPORT',
] as const;
export type VolumeDocument = (typeof VOLUME_DOCUMENTS)[number];
export const VOLUME_DOCUMENT_LABELS: Readonly<Record<VolumeDocument, string>> = {
  APPLICATION_OR_REGISTER: '人民调解申请书或受理登记表',
  RIGHTS_NOTICE: '当事人权利义务告知书',
  IDENTITY_PROOF: '当事人身份证明',
  INVESTIGATION_RECORD: '调查记录',
  EVIDENCE: '证据材料',
  SESSION_RECORD: '调解记录',
  AGREEMENT: '调解协议书（或口头协议登记表）',
  PERFORMANCE_PROOF: '履行凭证',
  FOLLOWUP_RECORD: '回访记录',
  CLOSING_REPORT: '结案报告',
};

const numericCondition = z.strictObject({
  fact: z.enum(NUMERIC_FACTS, { error: '条件项目不在可选范围内' }),
  atLeast: z
    .number({ error: '条件数值必须是数字' })
    .int({ error: '条件数值必须是整数（金额以分为单位）' })
    .min(0, { error: '条件数值不能为负数' })
    .max(1_000_000_000_000, { error: '条件数值过大' }),
});
const flagCondition = z.strictObject({
  fact: z.enum(FLAG_FACTS, { error: '条件项目不在可选范围内' }),
  is: z.literal(true, { error: '是否类条件只能写 true' }),
});
const categoryCondition = z.strictObject({
  fact: z.literal('category'),
  in: z
    .array(disputeCategories.codeSchema, { error: '纠纷类型列表格式不正确' })
    .min(1, { error: '纠纷类型列表不能为空' })
    .max(40, { error: '纠纷类型最多 40 项' }),
});
const subtypeCondition = z.strictObject({
  fact: z.literal('subtype'),
  in: z
    .array(disputeCategories.subtypeCodeSchema, { error: '纠纷细类列表格式不正确' })
    .min(1, { error: '纠纷细类列表不能为空' })
    .max(40, { error: '纠纷细类最多 40 项' }),
});
const sourceCondition = z.strictObject({
  fact: z.literal('source'),
  in: z
    .array(caseSources.codeSchema, { error: '案件来源列表格式不正确' })
    .min(1, { error: '案件来源列表不能为空' })
    .max(10, { error: '案件来源最多 10 项' }),
});

export const tierConditionSchema = z.union(
  [numericCondition, flagCondition, categoryCondition, subtypeCondition, sourceCondition],
  { error: '档次条件格式不正确' },
);
export type TierCondition = z.output<typeof tierConditionSchema>;

const label = (name: string, max = 40) => singleLine({ label: name, min: 1, max });

const amountByLevelSchema = z
  .partialRecord(organisationTypes.codeSchema, fenField('分级金额'), {
    error: '分级金额格式不正确',
  })
  .default({});

export const subsidyTierSchema = z.strictObject({
  code: z.string({ error: '档次代码必须是文字' }).regex(/^[A-Z][A-Z0-9_]{0,19}$/, {
    error: '档次代码只能用大写字母、数字和下划线（最多 20 位）',
  }),
  label: label('档次名称', 20),
  /** Higher rank = harder case; suggestion tries the highest rank first. */
  rank: z.number({ error: '档次顺序必须是数字' }).int().min(1).max(20, { error: '档次顺序 1–20' }),
  /** Null: this tier is not paid by this rule (e.g. 彭阳: 疑难 and above paid by the province). */
  amountFen: fenField('补贴金额').nullable(),
  /** Committee-level amounts (村 30 / 乡镇 50 …); a level not listed gets `amountFen`. */
  amountByLevel: amountByLevelSchema,
  /** Who pays when `amountFen` is null, shown to the mediator. */
  paidElsewhereNote: optionalSingleLineLabel('另行支付说明'),
  /**
   * Any of these groups, each group all of its conditions. An empty list is the default tier:
   * it matches every case the higher tiers did not take.
   */
  when: z
    .array(
      z
        .array(tierConditionSchema, { error: '条件组格式不正确' })
        .min(1, { error: '条件组不能为空' })
        .max(10, { error: '每组条件最多 10 项' }),
      { error: '档次条件格式不正确' },
    )
    .max(10, { error: '每个档次最多 10 组条件' })
    .default([]),
  criteriaText: optionalMultiLine({ label: '认定标准（原文）', max: 1000 }),
  requiredDocuments: z
    .array(z.enum(VOLUME_DOCUMENTS, { error: '所需材料不在可选范围内' }), {
      error: '所需材料格式不正确',
    })
    .max(VOLUME_DOCUMENTS.length)
    .default([]),
});
export type SubsidyTier = z.output<typeof subsidyTierSchema>;

function optionalSingleLineLabel(name: string) {
  return singleLine({ label: name, min: 1, max: 100 })
    .nullish()
    .transform((v) => v ?? null);
}

export const ORAL_PROOFS = ['NONE', 'ATTENDANCE_SIGNED', 'SESSION_RECORD'] as const;
export type OralProof = (typeof ORAL_PROOFS)[number];
export const ORAL_PROOF_LABELS: Readonly<Record<OralProof, string>> = {
  NONE: '无需证明',
  ATTENDANCE_SIGNED: '当事人签名的口头协议登记表',
  SESSION_RECORD: '当事人到场的调解记录',
};

export const MULTI_MEDIATOR_RULES = ['LEAD_ONLY', 'SPLIT_EVENLY'] as const;
export type MultiMediatorRule = (typeof MULTI_MEDIATOR_RULES)[number];

export const subsidyRulesSchema = z
  .strictObject({
    format: z.literal(SUBSIDY_RULES_FORMAT, { error: '这不是以案定补规则文件' }),
    formatVersion: z.literal(SUBSIDY_RULES_FORMAT_VERSION, {
      error: '规则文件版本不受支持，请使用本软件导出的格式',
    }),
    id: z
      .string({ error: '规则编号必须是文字' })
      .regex(/^[a-z0-9][a-z0-9-]{1,59}$/, { error: '规则编号只能用小写字母、数字和连字符' }),
    title: label('规则名称', 60),
    issuer: label('发布单位', 60),
    /** Shipped examples are marked so nobody mistakes them for a county's current rates. */
    isExample: z.boolean({ error: '是否示例必须选择是或否' }),
    basis: optionalMultiLine({ label: '依据文件', max: 500 }),
    validFrom: isoDateField('生效日期'),
    validTo: isoDateField('截止日期')
      .nullish()
      .transform((v) => v ?? null),
    tiers: z
      .array(subsidyTierSchema, { error: '档次格式不正确' })
      .min(1, { error: '至少设置一个档次' })
      .max(10, { error: '档次最多 10 个' }),
    oral: z.strictObject({
      paid: z.boolean({ error: '口头调解是否补贴必须选择是或否' }),
      /** Fraction of the tier amount, in per cent (青岛: oral cases paid a fraction). */
      percent: z
        .number({ error: '口头调解比例必须是数字' })
        .int({ error: '口头调解比例必须是整数百分比' })
        .min(0)
        .max(100, { error: '口头调解比例 0–100' }),
      proof: z.enum(ORAL_PROOFS, { error: '口头调解证明方式不在可选范围内' }),
    }),
    requires: z.strictObject({
      completeVolume: z.boolean(),
      countyRegister: z.boolean(),
      mediatorFiled: z.boolean(),
    }),
    multipleMediators: z.enum(MULTI_MEDIATOR_RULES, {
      error: '多名调解员的分配方式不在可选范围内',
    }),
    /** The same parties and matter within this many days is one dispute, counted once. */
    duplicateWindowDays: z.number().int().min(0).max(3650, { error: '同一纠纷判断期限 0–3650 天' }),
  })
  .superRefine((rules, ctx) => {
    const codes = new Set<string>();
    const ranks = new Set<number>();
    rules.tiers.forEach((tier, i) => {
      if (codes.has(tier.code)) {
        ctx.addIssue({
          code: 'custom',
          path: ['tiers', i, 'code'],
          message: `档次代码 ${tier.code} 重复`,
        });
      }
      if (ranks.has(tier.rank)) {
        ctx.addIssue({
          code: 'custom',
          path: ['tiers', i, 'rank'],
          message: `档次顺序 ${tier.rank} 重复`,
        });
      }
      codes.add(tier.code);
      ranks.add(tier.rank);
      if (tier.amountFen === null && tier.paidElsewhereNote === null) {
        ctx.addIssue({
          code: 'custom',
          path: ['tiers', i, 'paidElsewhereNote'],
          message: `档次“${tier.label}”不在本规则补贴，请说明由谁支付`,
        });
      }
    });
    if (!rules.tiers.some((t) => t.when.length === 0)) {
      ctx.addIssue({
        code: 'custom',
        path: ['tiers'],
        message: '请设置一个没有条件的基本档次（如“一般”），其他档次都不符合时采用',
      });
    }
    if (rules.validTo !== null && rules.validTo < rules.validFrom) {
      ctx.addIssue({ code: 'custom', path: ['validTo'], message: '截止日期不能早于生效日期' });
    }
    if (!rules.oral.paid && rules.oral.percent !== 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['oral', 'percent'],
        message: '口头调解不补贴时比例应为 0',
      });
    }
  });
export type SubsidyRulesInput = z.input<typeof subsidyRulesSchema>;
export type SubsidyRules = z.output<typeof subsidyRulesSchema>;

/** The amount a tier pays a committee of this level; null when this rule does not pay it. */
export function tierAmountFen(tier: SubsidyTier, level: organisationTypes.Code): number | null {
  if (tier.amountFen === null) return null;
  return tier.amountByLevel[level] ?? tier.amountFen;
}

/** Risk levels by rank, for the `riskRank` fact (低 1 … 重大 4). */
export function riskRankOf(level: riskLevels.Code): number {
  return riskLevels.rows.find((r) => r.code === level)?.rank ?? 1;
}

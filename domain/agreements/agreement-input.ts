import { z } from 'zod';
import { multiLine, optionalMultiLine, optionalSingleLine, singleLine } from '../text-input';
import * as languages from '../taxonomy/languages';
import { translationScriptProblem } from '../validation/own-script';
import {
  booleanField,
  isoDateField,
  optionalIsoDateField,
  rowIdField,
} from '../cases/input-fields';

/**
 * What a mediator edits while drafting a settlement agreement (domain §2.9, §2.10). Parties are
 * referenced by their ledger id: names, addresses and ages come from the case ledger and are
 * frozen into the agreement only when it is generated, so a draft never carries a stale copy.
 *
 * The draft schema accepts an unfinished agreement (no terms yet, empty facts); completeness is
 * reported by `agreements.checkDraft` and enforced by preview/generate. Cross-field rules that
 * need no ledger (instalment sums, obligor ≠ obligee, ids among the listed parties) are here.
 */

/** Money on an agreement, integer fen; 10^12 fen (100 亿元) is far above any village dispute. */
export const MAX_AGREEMENT_FEN = 1_000_000_000_000;

export const fenField = (label: string) =>
  z
    .number({ error: `${label}必须是数字（单位：分）` })
    .int({ error: `${label}必须是以分为单位的整数` })
    .min(0, { error: `${label}不能为负数` })
    .max(MAX_AGREEMENT_FEN, { error: `${label}过大（最多 100 亿元）` });

const partyId = rowIdField('当事人');

export const OBLIGATION_KINDS = ['MONEY', 'ACT', 'APOLOGY', 'PROPERTY'] as const;
export type ObligationKindCode = (typeof OBLIGATION_KINDS)[number];
export const OBLIGATION_KIND_LABELS: Readonly<Record<ObligationKindCode, string>> = {
  MONEY: '给付金钱',
  ACT: '履行行为',
  APOLOGY: '赔礼道歉',
  PROPERTY: '交付财物',
};

export const instalmentSchema = z.strictObject({
  dueDate: isoDateField('分期付款日期'),
  amountFen: fenField('分期金额'),
});

/** Most obligees one money obligation may list (a group wage claim; parties are ≤ 20). */
export const MAX_OBLIGEE_SHARES = 20;

/**
 * One obligee's part of a money obligation owed to several people (14 workers' wages): their
 * amount, and their own deadline or instalments. Without either, the obligation's deadline or
 * shared schedule applies to them.
 */
export const obligeeShareSchema = z.strictObject({
  partyId,
  amountFen: fenField('应得金额'),
  dueDate: optionalIsoDateField('履行期限'),
  instalments: z
    .array(instalmentSchema, { error: '分期格式不正确' })
    .max(60, { error: '分期最多 60 期' })
    .default([]),
});
export type ObligeeShareValues = z.output<typeof obligeeShareSchema>;

export const obligationSchema = z.strictObject({
  kind: z.enum(OBLIGATION_KINDS, { error: '请选择义务类型' }),
  obligorPartyId: partyId,
  /** The one obligee; null when the obligation lists `shares` (several obligees). */
  obligeePartyId: partyId.nullish().transform((v) => v ?? null),
  /** MONEY: what the money is (赔偿款); ACT: what to do; APOLOGY: how; PROPERTY: what. */
  description: optionalSingleLine({ label: '义务内容', max: 200 }),
  /** MONEY only. */
  amountFen: fenField('金额')
    .nullish()
    .transform((v) => v ?? null),
  dueDate: optionalIsoDateField('履行期限'),
  place: optionalSingleLine({ label: '履行地点', max: 100 }),
  method: optionalSingleLine({ label: '履行方式', max: 100 }),
  /** MONEY with several obligees: the schedule shared by every share without its own. */
  instalments: z
    .array(instalmentSchema, { error: '分期格式不正确' })
    .max(60, { error: '分期最多 60 期' })
    .default([]),
  /** MONEY only: several obligees, each with an amount; the amounts add up to `amountFen`. */
  shares: z
    .array(obligeeShareSchema, { error: '权利人格式不正确' })
    .max(MAX_OBLIGEE_SHARES, { error: `权利人最多 ${MAX_OBLIGEE_SHARES} 名` })
    .default([]),
});
export type ObligationValues = z.output<typeof obligationSchema>;

export const termSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('TEXT'),
      text: multiLine({ label: '协议条款', min: 1, max: 2000 }),
    }),
    z.strictObject({ kind: z.literal('OBLIGATION'), obligation: obligationSchema }),
  ],
  { error: '协议条款格式不正确' },
);
export type TermValues = z.output<typeof termSchema>;

export const agreementAgentSchema = z.strictObject({
  partyId,
  kind: z.enum(['GUARDIAN', 'AGENT'], { error: '请选择代理人类型' }),
  name: singleLine({ label: '代理人姓名', min: 1, max: 40 }),
  /** e.g. 系其母亲，联系方式 139…; 律师，某律师事务所. */
  detail: optionalSingleLine({ label: '代理人情况', max: 200 }),
});

export const responsibilitySchema = z.strictObject({
  partyId,
  text: multiLine({ label: '当事人责任', min: 1, max: 2000 }),
});

export const interpreterSchema = z.strictObject({
  name: singleLine({ label: '翻译人姓名', min: 1, max: 40 }),
  language: languages.codeSchema,
  /** Parties the agreement was read or translated to. */
  partyIds: z.array(partyId, { error: '当事人格式不正确' }).max(20).default([]),
});

/** A translation page per party (domain §4.10: the standard text stays Chinese). */
export const translationSchema = z
  .strictObject({
    partyId,
    language: z.enum(['bo', 'mn'], { error: '译文语言只能是藏文或蒙古文' }),
    text: multiLine({ label: '译文', min: 1, max: 50_000 }),
  })
  .superRefine((t, ctx) => {
    const problem = translationScriptProblem(t.text, t.language);
    if (problem !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['text'],
        message: problem.message,
        params: { code: problem.code },
      });
    }
  });

const uniqueIds = (label: string, max: number) =>
  z
    .array(partyId, { error: `${label}格式不正确` })
    .max(max, { error: `${label}最多 ${max} 个` })
    .refine((l) => new Set(l).size === l.length, { error: `${label}有重复` });

const contentShape = {
  /** 协议书编号; the case number by default (§4.9). */
  agreementNumber: singleLine({ label: '协议书编号', min: 1, max: 60 }),
  /** Date the agreement was formed, printed under the seal. */
  agreementDate: isoDateField('协议日期'),
  partyIds: uniqueIds('协议当事人', 20),
  agents: z.array(agreementAgentSchema, { error: '代理人格式不正确' }).max(40).default([]),
  /** 纠纷主要事实. */
  facts: multiLine({ label: '纠纷主要事实', max: 20_000 }),
  /** 争议事项. */
  disputedMatters: multiLine({ label: '争议事项', max: 5_000 }).default(''),
  /** 各方当事人的责任 (PML 29(二)). */
  responsibilities: z
    .array(responsibilitySchema, { error: '当事人责任格式不正确' })
    .max(20)
    .default([]),
  terms: z.array(termSchema, { error: '协议条款格式不正确' }).max(50, {
    error: '协议条款最多 50 条',
  }),
  /** 履行方式、时限; composed from the obligations when empty. */
  performance: optionalMultiLine({ label: '履行方式、时限', max: 2_000 }),
  /** 协议涉及金额; null: the sum of the money obligations. */
  amountFen: fenField('协议涉及金额')
    .nullish()
    .transform((v) => v ?? null),
  /** 一式N份; null: parties + 1 (PML 29). */
  copies: z
    .number({ error: '份数必须是数字' })
    .int({ error: '份数必须是整数' })
    .min(1, { error: '份数至少 1 份' })
    .max(99, { error: '份数最多 99 份' })
    .nullish()
    .transform((v) => v ?? null),
  mediatorIds: z
    .array(rowIdField('人民调解员'), { error: '人民调解员格式不正确' })
    .max(10)
    .refine((l) => new Set(l).size === l.length, { error: '人民调解员有重复' }),
  recorderName: singleLine({ label: '记录人', max: 40 }),
  interpreter: interpreterSchema.nullish().transform((v) => v ?? null),
  printIdNumbers: booleanField('是否打印身份证号码').default(false),
  pageEdgeSealMark: booleanField('是否打印骑缝章位置').default(true),
  translations: z.array(translationSchema, { error: '译文格式不正确' }).max(20).default([]),
  /** Printed on every translation page: 以中文文本为准 (default) or 两种文本具有同等效力. */
  translationPrevails: z
    .enum(['CHINESE', 'EQUAL'], { error: '请选择以哪种文本为准' })
    .default('CHINESE'),
};

export const agreementContentSchema = z.strictObject(contentShape).superRefine((c, ctx) => {
  const listed = new Set(c.partyIds);
  const notListed = (id: number, path: (string | number)[]) => {
    if (!listed.has(id)) {
      ctx.addIssue({ code: 'custom', path, message: '所选当事人不是本协议的当事人' });
    }
  };
  c.agents.forEach((a, i) => notListed(a.partyId, ['agents', i, 'partyId']));
  c.responsibilities.forEach((r, i) => notListed(r.partyId, ['responsibilities', i, 'partyId']));
  c.translations.forEach((t, i) => notListed(t.partyId, ['translations', i, 'partyId']));
  c.interpreter?.partyIds.forEach((id, i) => notListed(id, ['interpreter', 'partyIds', i]));
  c.terms.forEach((term, i) => {
    if (term.kind !== 'OBLIGATION') return;
    const o = term.obligation;
    const at = (...rest: (string | number)[]) => ['terms', i, 'obligation', ...rest];
    notListed(o.obligorPartyId, at('obligorPartyId'));
    groupObligationIssues(o).forEach((issue) =>
      ctx.addIssue({ code: 'custom', path: at(...issue.path), message: issue.message }),
    );
    if (o.obligeePartyId !== null) notListed(o.obligeePartyId, at('obligeePartyId'));
    o.shares.forEach((share, j) => notListed(share.partyId, at('shares', j, 'partyId')));
    if (o.kind === 'MONEY') {
      if (o.amountFen === null || o.amountFen === 0) {
        ctx.addIssue({
          code: 'custom',
          path: at('amountFen'),
          message: '给付金钱的条款须填写大于零的金额',
        });
      } else if (o.instalments.length > 0) {
        const sum = o.instalments.reduce((s, x) => s + x.amountFen, 0);
        if (sum !== o.amountFen) {
          ctx.addIssue({
            code: 'custom',
            path: at('instalments'),
            message: '各期金额合计与总金额不一致',
          });
        }
      }
    } else {
      if (o.amountFen !== null) {
        ctx.addIssue({
          code: 'custom',
          path: at('amountFen'),
          message: '只有给付金钱的条款才填写金额',
        });
      }
      if (o.instalments.length > 0) {
        ctx.addIssue({
          code: 'custom',
          path: at('instalments'),
          message: '只有给付金钱的条款才能分期',
        });
      }
      if ((o.kind === 'ACT' || o.kind === 'PROPERTY') && o.description === null) {
        ctx.addIssue({
          code: 'custom',
          path: at('description'),
          message: o.kind === 'ACT' ? '请写明应履行的行为' : '请写明应交付的财物',
        });
      }
    }
  });
});
export type AgreementContentInput = z.input<typeof agreementContentSchema>;

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

/**
 * Who receives: exactly one obligee, or (money only) several shares whose amounts add up to the
 * total, each share's own instalments adding up to its amount. Shared by the schema and the
 * editor, so the mediator sees the same sentence in both.
 */
export function groupObligationIssues(
  o: ObligationValues,
): { readonly path: (string | number)[]; readonly message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  if (o.shares.length === 0) {
    if (o.obligeePartyId === null)
      issues.push({ path: ['obligeePartyId'], message: '请选择权利人' });
    else if (o.obligeePartyId === o.obligorPartyId) {
      issues.push({ path: ['obligeePartyId'], message: '义务人和权利人不能是同一人' });
    }
    return issues;
  }
  if (o.kind !== 'MONEY') {
    issues.push({ path: ['shares'], message: '只有给付金钱的条款才能列明多名权利人及各自金额' });
    return issues;
  }
  if (o.obligeePartyId !== null) {
    issues.push({
      path: ['obligeePartyId'],
      message: '已按多名权利人分别列明金额，不能再另选一名权利人',
    });
  }
  const seen = new Set<number>();
  o.shares.forEach((share, j) => {
    if (seen.has(share.partyId)) {
      issues.push({ path: ['shares', j, 'partyId'], message: '同一权利人列了两次' });
    }
    seen.add(share.partyId);
    if (share.partyId === o.obligorPartyId) {
      issues.push({ path: ['shares', j, 'partyId'], message: '义务人和权利人不能是同一人' });
    }
    if (share.amountFen === 0) {
      issues.push({ path: ['shares', j, 'amountFen'], message: '每名权利人的金额须大于零' });
    }
    if (share.instalments.length > 0) {
      const sum = share.instalments.reduce((s, x) => s + x.amountFen, 0);
      if (sum !== share.amountFen) {
        issues.push({
          path: ['shares', j, 'instalments'],
          message: `该权利人各期金额合计（${yuan(sum)}）与其应得金额（${yuan(share.amountFen)}）不一致`,
        });
      }
    }
  });
  const total = o.shares.reduce((s, x) => s + x.amountFen, 0);
  if (o.amountFen !== null && total !== o.amountFen) {
    issues.push({
      path: ['shares'],
      message: `各权利人金额合计（${yuan(total)}）与总金额（${yuan(o.amountFen)}）不一致`,
    });
  }
  return issues;
}

/**
 * The deadline of an obligation (domain §2.9: 履行期限 is required where there are obligations).
 * Null when every obligee has one; otherwise the message says whose is missing.
 */
export function missingDeadline(o: ObligationValues): string | null {
  const shared = o.dueDate !== null || o.instalments.length > 0;
  if (o.shares.length === 0) return shared ? null : '请填写履行期限（或分期付款日期）';
  if (shared) return null;
  const without = o.shares.filter((s) => s.dueDate === null && s.instalments.length === 0);
  return without.length === 0
    ? null
    : `有 ${without.length} 名权利人没有履行期限：请填写统一的履行期限或分期，或为每人填写期限`;
}
export type AgreementContent = z.output<typeof agreementContentSchema>;

export const ORAL_PERFORMANCE_STATUSES = [
  'PERFORMED_ON_SPOT',
  'NOT_PERFORMED',
  'PARTLY_PERFORMED',
] as const;
export type OralPerformanceStatusCode = (typeof ORAL_PERFORMANCE_STATUSES)[number];
export const ORAL_PERFORMANCE_STATUS_LABELS: Readonly<Record<OralPerformanceStatusCode, string>> = {
  PERFORMED_ON_SPOT: '已当场履行',
  NOT_PERFORMED: '未履行',
  PARTLY_PERFORMED: '部分履行',
};

/** 人民调解口头协议登记表 (§2.10). */
export const oralRegisterSchema = z
  .strictObject({
    registerNumber: singleLine({ label: '登记表编号', min: 1, max: 60 }),
    /** = effective date (PML 30). */
    agreedDate: isoDateField('达成协议日期'),
    partyIds: uniqueIds('当事人', 20).refine((l) => l.length >= 2, {
      error: '口头协议至少要有两方当事人',
    }),
    facts: multiLine({ label: '纠纷主要事实、争议事项', min: 1, max: 20_000 }),
    oralTerms: multiLine({ label: '口头协议内容', min: 1, max: 20_000 }),
    performance: optionalMultiLine({ label: '履行方式、时限', max: 2_000 }),
    amountFen: fenField('涉案金额')
      .nullish()
      .transform((v) => v ?? null),
    /** Handing over property is civil rights content too (PMR-2002 Art. 34). */
    involvesProperty: booleanField('是否涉及财物交付').default(false),
    performanceStatus: z.enum(ORAL_PERFORMANCE_STATUSES, { error: '请选择履行情况' }),
    mediatorIds: z
      .array(rowIdField('人民调解员'), { error: '人民调解员格式不正确' })
      .min(1, { error: '请至少选择一名人民调解员' })
      .max(10)
      .refine((l) => new Set(l).size === l.length, { error: '人民调解员有重复' }),
    recorderName: singleLine({ label: '记录人', min: 1, max: 40 }),
    interpreter: interpreterSchema.nullish().transform((v) => v ?? null),
    translations: contentShape.translations,
    translationPrevails: contentShape.translationPrevails,
  })
  .superRefine((r, ctx) => {
    const listed = new Set(r.partyIds);
    r.translations.forEach((t, i) => {
      if (!listed.has(t.partyId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['translations', i, 'partyId'],
          message: '所选当事人不是本登记表的当事人',
        });
      }
    });
  });
export type OralRegisterValues = z.output<typeof oralRegisterSchema>;

export const SIGNATURE_MODES = ['SIGN', 'SEAL', 'FINGERPRINT'] as const;
export type SignatureMode = (typeof SIGNATURE_MODES)[number];
export const SIGNATURE_MODE_LABELS: Readonly<Record<SignatureMode, string>> = {
  SIGN: '签名',
  SEAL: '盖章',
  FINGERPRINT: '按指印',
};

/** Dates written on the signed paper; a null slot is not signed yet. */
export const signaturesSchema = z.strictObject({
  parties: z
    .array(
      z.strictObject({
        partyId,
        date: optionalIsoDateField('签署日期'),
        mode: z
          .enum(SIGNATURE_MODES, { error: '请选择签署方式（签名、盖章或按指印）' })
          .nullish()
          .transform((v) => v ?? null),
      }),
      { error: '当事人签署情况格式不正确' },
    )
    .max(20),
  mediatorDate: optionalIsoDateField('人民调解员签名日期'),
  recorderDate: optionalIsoDateField('记录人签名日期'),
  sealDate: optionalIsoDateField('调解委员会盖章日期'),
});
export type SignaturesValues = z.output<typeof signaturesSchema>;

const holidayList = (label: string) =>
  z
    .array(isoDateField(label), { error: `${label}格式不正确` })
    .max(400, { error: `${label}最多 400 天` })
    .transform((l) => [...new Set(l)].sort());

/** Public holidays and make-up workdays (调休) for the judicial-confirmation deadline. */
export const holidayCalendarInputSchema = z.strictObject({
  holidays: holidayList('节假日'),
  makeUpWorkdays: holidayList('调休上班日'),
  expectedVersion: z
    .number({ error: '版本号无效' })
    .int({ error: '版本号无效' })
    .min(0, { error: '版本号无效' })
    .max(2 ** 31, { error: '版本号无效' }),
});

/** 20 MB of file → about 26.7 M base64 characters. */
export const MAX_SCAN_BYTES = 20 * 1024 * 1024;
const MAX_SCAN_BASE64 = Math.ceil(MAX_SCAN_BYTES / 3) * 4;

export const scanInputSchema = z.strictObject({
  fileName: singleLine({ label: '文件名', min: 1, max: 120 }),
  /** The file as base64 (no data: prefix). The type is decided from its bytes, not its name. */
  dataBase64: z
    .string({ error: '文件内容必须是 base64 文字' })
    .max(MAX_SCAN_BASE64 + 4, { error: '文件太大：扫描件最大 20 MB' })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: '文件内容不是有效的 base64 编码' }),
});

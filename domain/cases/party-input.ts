import { z } from 'zod';
import { optionalMultiLine, optionalSingleLine, singleLine } from '../text-input';
import * as genders from '../taxonomy/genders';
import * as idDocTypes from '../taxonomy/id-doc-types';
import * as languages from '../taxonomy/languages';
import * as partyRoles from '../taxonomy/party-roles';
import { chinaToday } from '../validation/calendar-date';
import { checkIdNumber } from '../validation/id-number';
import { GB11643_ID_DOC_TYPES } from '../validation/party-checks';
import { ownScriptProblem } from '../validation/own-script';
import {
  optionalSocialCreditCodeField,
  personNameField,
  phoneOrNoneField,
} from '../validation/zod-fields';
import { booleanField, optionalIsoDateField } from './input-fields';

/**
 * One party of a case (§2.4 party block, §5 Party). Natural persons and organisations share
 * the role, phone and address; everything else depends on `kind`, so the input is a
 * discriminated union and an organisation can never carry a gender or a birth date.
 */

/**
 * The identity document. A GB 11643 number is normalised (full-width digits, lowercase x) and
 * checked here, so the stored number is the one duplicate checks and search compare.
 *
 * Answers carry saved numbers masked (the whole one only through the audited reveal), so a
 * correction that leaves the number alone says so with `keep: true` and no number; the party
 * service puts the stored number in and checks it like a typed one (`kept-id-number.ts`).
 * Nothing else accepts a kept document.
 */
export const idDocumentSchema = z
  .strictObject({
    type: idDocTypes.codeSchema,
    number: optionalSingleLine({ label: '证件号码', max: 40, strict: true }),
    /** Only for OTHER: what the document is. */
    name: optionalSingleLine({ label: '证件名称', max: 40 }),
    /** Only for NONE: why there is no document (elderly herders often carry none). */
    noneReason: optionalSingleLine({ label: '无证件的原因', max: 200 }),
    /** The stored number stays (a correction of a saved party); `number` is then left empty. */
    keep: z.literal(true, { error: '证件号码的保留标记无效' }).optional(),
  })
  .transform((doc, ctx): IdDocumentValues => {
    if (doc.keep === true) {
      if (doc.type === 'NONE' || doc.number !== null) {
        ctx.addIssue({ code: 'custom', path: ['number'], message: KEEP_NUMBER_CONFLICT });
        return z.NEVER;
      }
      return { type: doc.type, number: null, name: doc.name, noneReason: null, keep: true };
    }
    if (doc.type === 'NONE') {
      if (doc.noneReason === null) {
        ctx.addIssue({ code: 'custom', path: ['noneReason'], message: '请写明没有证件的原因' });
        return z.NEVER;
      }
      return { type: doc.type, number: null, name: null, noneReason: doc.noneReason };
    }
    if (doc.number === null) {
      ctx.addIssue({ code: 'custom', path: ['number'], message: '请填写证件号码' });
      return z.NEVER;
    }
    if (doc.type === 'OTHER' && doc.name === null) {
      ctx.addIssue({ code: 'custom', path: ['name'], message: '请填写证件名称' });
      return z.NEVER;
    }
    let number = doc.number;
    if (GB11643_ID_DOC_TYPES.has(doc.type)) {
      const checked = checkIdNumber(doc.number, { today: chinaToday() });
      if (!checked.valid) {
        ctx.addIssue({ code: 'custom', path: ['number'], message: checked.error });
        return z.NEVER;
      }
      number = checked.normalised;
    }
    return {
      type: doc.type,
      number,
      name: doc.type === 'OTHER' ? doc.name : null,
      noneReason: null,
    };
  });
export type IdDocument = z.output<typeof idDocumentSchema>;

/** A document as stored: a kept one is resolved to the stored number before any write. */
export interface StoredIdDocument {
  readonly type: idDocTypes.Code;
  readonly number: string | null;
  readonly name: string | null;
  readonly noneReason: null | string;
}

/** What the schema gives: a document as typed, or "the stored number stays" (`keep`). */
export type IdDocumentValues = StoredIdDocument | (StoredIdDocument & { readonly keep: true });

export const KEEP_NUMBER_CONFLICT = '保留原证件号码时不能同时填写新号码，也不能选择“无证件”';

/** Traditional Mongolian names run long in letters (a given name with a clan name). */
const OWN_SCRIPT_NAME_MAX = 60;

export const REPRESENTATIVE_KINDS = ['GUARDIAN', 'AGENT'] as const;
export type RepresentativeKind = (typeof REPRESENTATIVE_KINDS)[number];
export const REPRESENTATIVE_KIND_LABELS: Readonly<Record<RepresentativeKind, string>> = {
  GUARDIAN: '法定代理人（监护人）',
  AGENT: '委托代理人',
};

/** A guardian of a minor or an agent the party authorised; stored as linked rows. */
export const representativeInputSchema = z.strictObject({
  /**
   * The stored representative a correction carries over (its id in the answer): only then can
   * its ID number, which answers carry masked, be kept (`keep`).
   */
  id: z.number({ error: '代理人编号无效' }).int({ error: '代理人编号无效' }).positive().optional(),
  kind: z.enum(REPRESENTATIVE_KINDS, { error: '请选择代理人类型' }),
  name: personNameField,
  /** 与当事人关系, e.g. 父亲, 律师. */
  relationship: singleLine({ label: '与当事人关系', min: 1, max: 40 }),
  phone: phoneOrNoneField,
  idDocument: idDocumentSchema.nullish().transform((d) => d ?? null),
});
export type RepresentativeInput = z.output<typeof representativeInputSchema>;

const representatives = z
  .array(representativeInputSchema, { error: '代理人格式不正确' })
  .max(10, { error: '代理人最多 10 名' })
  .default([]);

const common = {
  role: partyRoles.codeSchema,
  phone: phoneOrNoneField,
  address: singleLine({ label: '单位或住址', min: 1, max: 200 }),
  representatives,
  note: optionalMultiLine({ label: '备注', max: 1000 }),
};

export const naturalPartyInputSchema = z
  .strictObject({
    kind: z.literal('NATURAL'),
    ...common,
    name: personNameField,
    gender: genders.codeSchema,
    /** The mediator checked a gender that contradicts the ID number (recorded in the history). */
    genderConfirmed: booleanField('性别与身份证号码不一致已核实').default(false),
    // Standard codes 01–56 or one of the room's configured extension codes (§6.3); the service
    // checks extensions against the ledger's own code table, which the settings can change.
    ethnicity: z
      .string({ error: '请选择民族' })
      .min(1, { error: '请选择民族' })
      .regex(/^\d{2}$/, { error: '民族不在可选范围内' })
      .refine((c) => c !== '00', { error: '民族不在可选范围内' }),
    birthDate: optionalIsoDateField('出生日期'),
    occupation: optionalSingleLine({ label: '职业或职务', max: 60 }),
    idDocument: idDocumentSchema.nullish().transform((d) => d ?? null),
    preferredLanguage: languages.codeSchema.default('zh'),
    needsInterpreter: booleanField('是否需要翻译').default(false),
    /** Name and address in the party's own script; which script follows `preferredLanguage`. */
    ownScriptName: optionalSingleLine({ label: '本民族文字姓名', max: OWN_SCRIPT_NAME_MAX }),
    ownScriptAddress: optionalSingleLine({ label: '本民族文字住址', max: 200 }),
  })
  .superRefine((party, ctx) => {
    for (const field of ['ownScriptName', 'ownScriptAddress'] as const) {
      const problem = ownScriptProblem(field, party[field], party.preferredLanguage);
      if (problem !== null) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: problem.message,
          params: { code: problem.code },
        });
      }
    }
  });

const organisation = <K extends 'LEGAL' | 'OTHER_ORG'>(kind: K) =>
  z.strictObject({
    kind: z.literal(kind),
    ...common,
    name: singleLine({ label: '单位名称', min: 2, max: 100 }),
    socialCreditCode: optionalSocialCreditCodeField,
    legalRepName: optionalSingleLine({ label: '法定代表人或主要负责人姓名', max: 40 }),
    legalRepTitle: optionalSingleLine({ label: '法定代表人或主要负责人职务', max: 40 }),
  });

export const legalPartyInputSchema = organisation('LEGAL');
export const otherOrgPartyInputSchema = organisation('OTHER_ORG');

export const partyInputSchema = z.discriminatedUnion(
  'kind',
  [naturalPartyInputSchema, legalPartyInputSchema, otherOrgPartyInputSchema],
  { error: '请选择当事人类型（自然人、法人或非法人组织）' },
);

export type PartyInput = z.input<typeof partyInputSchema>;
export type PartyValues = z.output<typeof partyInputSchema>;
export type NaturalPartyValues = z.output<typeof naturalPartyInputSchema>;

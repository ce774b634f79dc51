import type { CaseSummary, Party } from '../../../../domain/cases/case-views';
import type { CaseIntakeInput } from '../../../../domain/cases/case-input';
import type { PartyInput, RepresentativeKind } from '../../../../domain/cases/party-input';
import { scriptOfLanguage } from '../../../../domain/validation/own-script';
import type * as caseSources from '../../../../domain/taxonomy/case-sources';
import type * as disputeCategories from '../../../../domain/taxonomy/dispute-categories';
import type * as genders from '../../../../domain/taxonomy/genders';
import type * as idDocTypes from '../../../../domain/taxonomy/id-doc-types';
import type * as languages from '../../../../domain/taxonomy/languages';
import type * as partyRoles from '../../../../domain/taxonomy/party-roles';
import type * as preventionFlags from '../../../../domain/taxonomy/prevention-flags';
import type * as riskFactors from '../../../../domain/taxonomy/risk-factors';
import type * as riskLevels from '../../../../domain/taxonomy/risk-levels';
import type * as courtKinds from '../../../../domain/taxonomy/court-kinds';
import type * as warningLevels from '../../../../domain/taxonomy/warning-levels';

/**
 * The intake form's values. Field names follow the API input (`parties[2].idDocument.number`),
 * so an issue from the shared schema or from the server lands on the box it is about; the
 * form only holds a few extra keys, which `toIntakeInput` leaves out.
 */
export interface PhoneFormValues {
  phone?: string;
  noPhoneReason?: string;
}

export interface RepresentativeFormValues {
  /** The stored representative being corrected (none for one added in this form). */
  id?: number;
  kind: RepresentativeKind;
  name?: string;
  relationship?: string;
  phone?: PhoneFormValues;
  /** Set through the API only: the form carries it so that a correction keeps it. */
  idDocument?: PartyFormValues['idDocument'];
}

export interface PartyFormValues {
  kind: partyRoles.KindCode;
  role: partyRoles.Code;
  name?: string;
  gender?: genders.Code;
  genderConfirmed?: boolean;
  ethnicity?: string;
  birthDate?: string | null;
  occupation?: string;
  idDocument?: {
    type?: idDocTypes.Code;
    number?: string;
    name?: string;
    noneReason?: string;
    /**
     * A saved party's number as the answer carried it (masked): while the box still shows it,
     * the stored number stays (`keep`); retyping it replaces it.
     */
    kept?: string;
  };
  phone?: PhoneFormValues;
  address?: string;
  preferredLanguage?: languages.Code;
  needsInterpreter?: boolean;
  ownScriptName?: string;
  ownScriptAddress?: string;
  socialCreditCode?: string;
  legalRepName?: string;
  legalRepTitle?: string;
  representatives?: RepresentativeFormValues[];
}

export interface IntakeFormValues {
  intakeDate?: string;
  title?: string;
  source?: caseSources.SelectableCode;
  category?: disputeCategories.Code;
  subtype?: disputeCategories.SubtypeCode | null;
  summary?: string;
  requests?: (string | undefined)[];
  riskLevel?: riskLevels.Code;
  riskFactors?: riskFactors.Code[];
  preventionFlags?: { code?: preventionFlags.Code; persons?: number; note?: string }[];
  isDifficult?: boolean;
  amountClaimedFen?: number | null;
  mediatorIds?: number[];
  remarks?: string;
  occurredOn?: string | null;
  occurredPlace?: string;
  personsInvolved?: number | null;
  warningLevel?: warningLevels.Code | null;
  responsibleLeader?: string;
  courtKind?: courtKinds.Code | null;
  courtName?: string;
  courtReference?: string;
  courtReceivedOn?: string | null;
  parties?: PartyFormValues[];
}

const text = (v: string | undefined | null) => v ?? '';
const optional = (v: string | undefined | null) => (v === undefined || v === '' ? null : v);

function phoneInput(p: PhoneFormValues | undefined) {
  return { phone: text(p?.phone), noPhoneReason: optional(p?.noPhoneReason) };
}

function representativesInput(list: RepresentativeFormValues[] | undefined) {
  return (list ?? []).map((r) => ({
    ...(r.id === undefined ? {} : { id: r.id }),
    kind: r.kind,
    name: text(r.name),
    relationship: text(r.relationship),
    phone: phoneInput(r.phone),
    idDocument: idDocumentInput(r.idDocument),
  }));
}

/** Still the masked number the form was opened with: the stored number stays. */
export function keepsStoredNumber(doc: PartyFormValues['idDocument'] | undefined): boolean {
  return doc?.kept !== undefined && doc.type !== 'NONE' && (doc.number ?? '').trim() === doc.kept;
}

function idDocumentInput(doc: PartyFormValues['idDocument']) {
  if (doc?.type === undefined) return null;
  if (keepsStoredNumber(doc)) {
    return { type: doc.type, number: null, name: optional(doc.name), keep: true as const };
  }
  return {
    type: doc.type,
    number: optional(doc.number),
    name: optional(doc.name),
    noneReason: optional(doc.noneReason),
  };
}

export function toPartyInput(p: PartyFormValues): PartyInput {
  const common = {
    role: p.role,
    phone: phoneInput(p.phone),
    address: text(p.address),
    representatives: representativesInput(p.representatives),
  };
  if (p.kind === 'NATURAL') {
    const doc = p.idDocument;
    const hasOwnScript = scriptOfLanguage(p.preferredLanguage ?? 'zh') !== null;
    return {
      kind: 'NATURAL',
      ...common,
      name: text(p.name),
      // Undefined reaches the schema as "请选择性别" rather than as a type error.
      gender: p.gender as genders.Code,
      genderConfirmed: p.genderConfirmed ?? false,
      ethnicity: p.ethnicity as string,
      birthDate: optional(p.birthDate),
      occupation: optional(p.occupation),
      idDocument: idDocumentInput(doc),
      preferredLanguage: p.preferredLanguage ?? 'zh',
      needsInterpreter: p.needsInterpreter ?? false,
      // The boxes are hidden once the language has no script of its own: what they held goes.
      ownScriptName: hasOwnScript ? optional(p.ownScriptName) : null,
      ownScriptAddress: hasOwnScript ? optional(p.ownScriptAddress) : null,
    };
  }
  return {
    kind: p.kind,
    ...common,
    name: text(p.name),
    socialCreditCode: optional(p.socialCreditCode),
    legalRepName: optional(p.legalRepName),
    legalRepTitle: optional(p.legalRepTitle),
  };
}

/** The case's own fields as the API takes them (intake and the case-details correction). */
export function toCaseFieldsInput(v: IntakeFormValues) {
  return {
    title: optional(v.title),
    source: v.source as caseSources.SelectableCode,
    category: v.category as disputeCategories.Code,
    subtype: v.subtype ?? null,
    summary: text(v.summary),
    requests: (v.requests ?? []).map((r) => (r ?? '').trim()).filter((r) => r !== ''),
    riskLevel: v.riskLevel ?? 'LOW',
    riskFactors: v.riskFactors ?? [],
    preventionFlags: (v.preventionFlags ?? []).map((f) => ({
      code: f.code as preventionFlags.Code,
      persons: f.persons as number,
      note: text(f.note),
    })),
    isDifficult: v.isDifficult ?? false,
    amountClaimedFen: v.amountClaimedFen ?? null,
    mediatorIds: v.mediatorIds ?? [],
    remarks: optional(v.remarks),
    occurredOn: v.occurredOn ?? null,
    occurredPlace: optional(v.occurredPlace),
    personsInvolved: v.personsInvolved ?? null,
    warningLevel: v.warningLevel ?? null,
    responsibleLeader: optional(v.responsibleLeader),
    courtKind: v.courtKind ?? null,
    courtName: optional(v.courtName),
    courtReference: optional(v.courtReference),
    courtReceivedOn: v.courtReceivedOn ?? null,
  };
}

export function toIntakeInput(v: IntakeFormValues): CaseIntakeInput {
  return {
    intakeDate: text(v.intakeDate),
    ...toCaseFieldsInput(v),
    parties: (v.parties ?? []).map(toPartyInput),
  };
}

/** A saved case's own fields as the form's values, for correcting them with the intake block. */
export function caseToFormValues(c: CaseSummary): IntakeFormValues {
  return {
    title: c.title,
    source: c.source as caseSources.SelectableCode,
    category: c.category,
    subtype: c.subtype,
    summary: c.summary,
    requests: c.requests.length > 0 ? [...c.requests] : [''],
    riskLevel: c.riskLevel,
    riskFactors: [...c.riskFactors],
    preventionFlags: c.preventionFlags.map((f) => ({ ...f })),
    isDifficult: c.isDifficult,
    amountClaimedFen: c.amountClaimedFen,
    mediatorIds: [...c.mediatorIds],
    remarks: c.remarks ?? undefined,
    occurredOn: c.occurredOn,
    occurredPlace: c.occurredPlace ?? undefined,
    personsInvolved: c.personsInvolved,
    warningLevel: c.warningLevel,
    responsibleLeader: c.responsibleLeader ?? undefined,
    courtKind: c.courtKind,
    courtName: c.courtName ?? undefined,
    courtReference: c.courtReference ?? undefined,
    courtReceivedOn: c.courtReceivedOn,
  };
}

type CaseFieldsInput = ReturnType<typeof toCaseFieldsInput>;

/**
 * The `cases.update` patch: only the fields that differ, so the history records what was really
 * corrected. Category and subtype travel together (the schema requires it). An emptied title is
 * sent as null: the case goes back to the title generated from the parties' names.
 */
export function caseChangesOf(
  before: IntakeFormValues,
  after: IntakeFormValues,
): Partial<CaseFieldsInput> {
  const a = toCaseFieldsInput(before);
  const b = toCaseFieldsInput(after);
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(b) as (keyof CaseFieldsInput)[]) {
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) changes[key] = b[key];
  }
  if ('category' in changes || 'subtype' in changes) {
    changes.category = b.category;
    changes.subtype = b.subtype;
  }
  return changes as Partial<CaseFieldsInput>;
}

/**
 * A new party card. The second party is usually the respondent; after that a new card copies the
 * role before it (a row of workers needs no clicks), except after a respondent, where the next
 * one is most often another applicant.
 */
export function newParty(previous: readonly PartyFormValues[]): PartyFormValues {
  const last = previous[previous.length - 1];
  const hasRespondent = previous.some((p) => p.role === 'RESPONDENT');
  let role: partyRoles.Code = 'APPLICANT';
  if (previous.length === 1 && !hasRespondent) role = 'RESPONDENT';
  else if (last !== undefined && last.role !== 'RESPONDENT') role = last.role;
  return {
    kind: 'NATURAL',
    role,
    idDocument: { type: 'RESIDENT_ID' },
    phone: {},
    preferredLanguage: 'zh',
    needsInterpreter: false,
    representatives: [],
  };
}

/** A saved party as the card's form values, for correcting it with the same card. */
export function partyToFormValues(p: Party): PartyFormValues {
  const phone = { phone: p.phone.phone, noPhoneReason: p.phone.noPhoneReason ?? undefined };
  const some = (v: string | null) => v ?? undefined;
  const idDocumentValues = (d: Party['idDocument']): PartyFormValues['idDocument'] =>
    d
      ? {
          type: d.type,
          number: some(d.number),
          name: some(d.name),
          noneReason: some(d.noneReason),
          kept: some(d.number),
        }
      : undefined;
  const representatives = p.representatives.map((r) => ({
    id: r.id,
    kind: r.kind,
    name: r.name,
    relationship: r.relationship,
    phone: { phone: r.phone.phone, noPhoneReason: r.phone.noPhoneReason ?? undefined },
    idDocument: idDocumentValues(r.idDocument),
  }));
  return {
    kind: p.kind,
    role: p.role,
    name: p.name,
    gender: p.gender ?? undefined,
    genderConfirmed: p.genderConfirmed,
    ethnicity: some(p.ethnicity),
    birthDate: p.birthDate,
    occupation: some(p.occupation),
    idDocument: idDocumentValues(p.idDocument),
    phone,
    address: p.address,
    preferredLanguage: p.preferredLanguage,
    needsInterpreter: p.needsInterpreter,
    ownScriptName: some(p.ownScriptName),
    ownScriptAddress: some(p.ownScriptAddress),
    socialCreditCode: some(p.socialCreditCode),
    legalRepName: some(p.legalRepName),
    legalRepTitle: some(p.legalRepTitle),
    representatives,
  };
}

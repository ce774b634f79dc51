import { isAwaitingOutcome, type CaseState } from '../../domain/case-lifecycle.js';
import type {
  CaseSummary,
  IdDocumentView,
  InvestigationRecord,
  InvitedParticipant,
  Party,
  PhoneView,
  Referral,
  Representative,
  SessionRecord,
} from '../../domain/cases/case-views.js';

import type { InvestigatedPerson } from '../../domain/cases/record-inputs.js';
import { courtDeadline } from '../../domain/cases/court-deadline.js';

/** Row shapes as SQLite returns them, and their mapping to the API's views. */

export interface CaseRow {
  id: number;
  case_number: string | null;
  status: CaseState;
  title: string;
  title_generated: number;
  intake_date: string;
  accepted_date: string | null;
  due_date: string | null;
  closed_date: string | null;
  source: CaseSummary['source'];
  category: CaseSummary['category'];
  subtype: CaseSummary['subtype'];
  summary: string;
  requests_json: string;
  risk_level: CaseSummary['riskLevel'];
  risk_factors_json: string;
  prevention_flags_json: string;
  is_difficult: number;
  amount_claimed_fen: number | null;
  remarks: string | null;
  occurred_on: string | null;
  occurred_place: string | null;
  persons_involved: number | null;
  warning_level: CaseSummary['warningLevel'];
  responsible_leader: string | null;
  court_kind: CaseSummary['courtKind'];
  court_name: string | null;
  court_reference: string | null;
  court_received_on: string | null;
  court_extended_on: string | null;
  court_extension_note: string | null;
  /** The account that registered the case (migration 028); null before accounts were tied. */
  registrar_account_id: number | null;
  version: number;
  created_at: number;
  updated_at: number;
}

export function isOverdue(status: CaseState, dueDate: string | null, today: string): boolean {
  return dueDate !== null && dueDate < today && isAwaitingOutcome(status);
}

/** Row timestamps are stored as Unix milliseconds (case-writes.ts `stamp`); the API speaks ISO. */
export const isoOf = (ms: number): string => new Date(ms).toISOString();

const json = <T>(text: string): T => JSON.parse(text) as T;

export function caseFromRow(
  row: CaseRow,
  mediatorIds: readonly number[],
  today: string,
): CaseSummary {
  return {
    id: row.id,
    version: row.version,
    createdAt: isoOf(row.created_at),
    updatedAt: isoOf(row.updated_at),
    caseNumber: row.case_number,
    status: row.status,
    title: row.title,
    intakeDate: row.intake_date,
    acceptedDate: row.accepted_date,
    dueDate: row.due_date,
    closedDate: row.closed_date,
    source: row.source,
    category: row.category,
    subtype: row.subtype,
    summary: row.summary,
    requests: json(row.requests_json),
    riskLevel: row.risk_level,
    riskFactors: json(row.risk_factors_json),
    preventionFlags: json(row.prevention_flags_json),
    isDifficult: row.is_difficult === 1,
    amountClaimedFen: row.amount_claimed_fen,
    mediatorIds,
    remarks: row.remarks,
    overdue: isOverdue(row.status, row.due_date, today),
    occurredOn: row.occurred_on,
    occurredPlace: row.occurred_place,
    personsInvolved: row.persons_involved,
    warningLevel: row.warning_level,
    responsibleLeader: row.responsible_leader,
    courtKind: row.court_kind,
    courtName: row.court_name,
    courtReference: row.court_reference,
    courtReceivedOn: row.court_received_on,
    courtExtension:
      row.court_extended_on === null
        ? null
        : { consentDate: row.court_extended_on, note: row.court_extension_note ?? '' },
    courtDeadline: courtDeadline(row.court_received_on, row.court_extended_on),
  };
}

export interface PartyRow {
  id: number;
  case_id: number;
  sort: number;
  kind: Party['kind'];
  role: Party['role'];
  name: string;
  phone: string;
  phone_kind: PhoneView['kind'];
  no_phone_reason: string | null;
  address: string;
  note: string | null;
  gender: Party['gender'];
  gender_confirmed: number;
  ethnicity: string | null;
  birth_date: string | null;
  occupation: string | null;
  id_doc_type: IdDocumentView['type'] | null;
  id_doc_name: string | null;
  id_number: string | null;
  id_none_reason: string | null;
  preferred_language: Party['preferredLanguage'];
  needs_interpreter: number;
  social_credit_code: string | null;
  legal_rep_name: string | null;
  legal_rep_title: string | null;
  own_script_name: string | null;
  own_script_address: string | null;
  version: number;
  created_at: number;
  updated_at: number;
}

export interface RepresentativeRow {
  id: number;
  party_id: number;
  kind: Representative['kind'];
  name: string;
  relationship: string;
  phone: string;
  phone_kind: PhoneView['kind'];
  no_phone_reason: string | null;
  id_doc_json: string | null;
  version: number;
  created_at: number;
  updated_at: number;
}

/*
 * The row's id, version and stamps are written out in each mapper below rather than spread from
 * a shared object: a spread in front of more than a few fields makes V8 build the object the slow
 * way (a party ~13 KB instead of ~0.6 KB, a session ~9 KB), and every write reads its case back.
 */

export function representativeFromRow(r: RepresentativeRow): Representative {
  return {
    id: r.id,
    version: r.version,
    createdAt: isoOf(r.created_at),
    updatedAt: isoOf(r.updated_at),
    kind: r.kind,
    name: r.name,
    relationship: r.relationship,
    phone: { kind: r.phone_kind, phone: r.phone, noPhoneReason: r.no_phone_reason },
    idDocument: r.id_doc_json === null ? null : json<IdDocumentView>(r.id_doc_json),
  };
}

export function partyFromRow(r: PartyRow, representatives: readonly Representative[]): Party {
  return {
    id: r.id,
    version: r.version,
    createdAt: isoOf(r.created_at),
    updatedAt: isoOf(r.updated_at),
    caseId: r.case_id,
    kind: r.kind,
    role: r.role,
    name: r.name,
    phone: { kind: r.phone_kind, phone: r.phone, noPhoneReason: r.no_phone_reason },
    address: r.address,
    note: r.note,
    gender: r.gender,
    genderConfirmed: r.gender_confirmed === 1,
    ethnicity: r.ethnicity,
    birthDate: r.birth_date,
    occupation: r.occupation,
    idDocument:
      r.id_doc_type === null
        ? null
        : {
            type: r.id_doc_type,
            number: r.id_number,
            name: r.id_doc_name,
            noneReason: r.id_none_reason,
          },
    preferredLanguage: r.preferred_language,
    needsInterpreter: r.needs_interpreter === 1,
    socialCreditCode: r.social_credit_code,
    legalRepName: r.legal_rep_name,
    legalRepTitle: r.legal_rep_title,
    ownScriptName: r.own_script_name,
    ownScriptAddress: r.own_script_address,
    representatives,
  };
}

export interface ParticipantRow {
  id: number;
  case_id: number;
  name: string;
  role: InvitedParticipant['role'];
  affiliation: string | null;
  consent_given: number;
  consent_note: string | null;
  version: number;
  created_at: number;
  updated_at: number;
}

export function participantFromRow(r: ParticipantRow): InvitedParticipant {
  return {
    id: r.id,
    version: r.version,
    createdAt: isoOf(r.created_at),
    updatedAt: isoOf(r.updated_at),
    caseId: r.case_id,
    name: r.name,
    role: r.role,
    affiliation: r.affiliation,
    consentGiven: r.consent_given === 1,
    consentNote: r.consent_note,
  };
}

export interface SessionRow {
  id: number;
  case_id: number;
  session_no: number;
  start_at: string;
  end_at: string;
  place: string;
  subject: string;
  party_ids_json: string;
  mediator_ids_json: string;
  recorder: string;
  participants_json: string;
  interpreter_name: string | null;
  interpreter_language: Party['preferredLanguage'] | null;
  is_public: number;
  record_mode: SessionRecord['recordMode'];
  content: string;
  result: SessionRecord['result'];
  read_back_confirmed: number;
  version: number;
  created_at: number;
  updated_at: number;
}

export function sessionFromRow(r: SessionRow): SessionRecord {
  return {
    id: r.id,
    version: r.version,
    createdAt: isoOf(r.created_at),
    updatedAt: isoOf(r.updated_at),
    caseId: r.case_id,
    sessionNo: r.session_no,
    startAt: r.start_at,
    endAt: r.end_at,
    place: r.place,
    subject: r.subject,
    partyIdsPresent: json(r.party_ids_json),
    mediatorIds: json(r.mediator_ids_json),
    recorder: r.recorder,
    participants: json(r.participants_json),
    interpreter:
      r.interpreter_name !== null && r.interpreter_language !== null
        ? { name: r.interpreter_name, language: r.interpreter_language }
        : null,
    isPublic: r.is_public === 1,
    recordMode: r.record_mode,
    content: r.content,
    result: r.result,
    readBackConfirmed: r.read_back_confirmed === 1,
  };
}

export interface InvestigationRow {
  id: number;
  case_id: number;
  at: string;
  place: string;
  investigated_json: string;
  participants_json: string;
  investigator_ids_json: string;
  recorder: string;
  content: string;
  version: number;
  created_at: number;
  updated_at: number;
}

/**
 * Records saved before the 被调查人 had identity details held their names only (a JSON list of
 * strings); they read as persons with nothing else known.
 */
function investigatedPersonsOf(text: string): InvestigatedPerson[] {
  return json<(string | InvestigatedPerson)[]>(text).map((p) =>
    typeof p === 'string' ? { name: p, gender: null, age: null, address: null, relation: null } : p,
  );
}

export function investigationFromRow(r: InvestigationRow): InvestigationRecord {
  return {
    id: r.id,
    version: r.version,
    createdAt: isoOf(r.created_at),
    updatedAt: isoOf(r.updated_at),
    caseId: r.case_id,
    at: r.at,
    place: r.place,
    investigatedPersons: investigatedPersonsOf(r.investigated_json),
    participants: json(r.participants_json),
    investigatorIds: json(r.investigator_ids_json),
    recorder: r.recorder,
    content: r.content,
  };
}

export interface ReferralRow {
  id: number;
  case_id: number;
  target: Referral['target'];
  referred_date: string;
  reason: string;
  receiver: string | null;
  feedback: string | null;
  feedback_date: string | null;
  version: number;
  created_at: number;
  updated_at: number;
}

export function referralFromRow(r: ReferralRow): Referral {
  return {
    id: r.id,
    version: r.version,
    createdAt: isoOf(r.created_at),
    updatedAt: isoOf(r.updated_at),
    caseId: r.case_id,
    target: r.target,
    referredDate: r.referred_date,
    reason: r.reason,
    receiver: r.receiver,
    feedback: r.feedback,
    feedbackDate: r.feedback_date,
  };
}

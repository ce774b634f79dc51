import type { CaseState } from '../../domain/case-lifecycle.js';
import type { CaseChanges, CaseIntakeValues } from '../../domain/cases/case-input.js';
import type {
  IdDocument,
  PartyValues,
  RepresentativeInput,
} from '../../domain/cases/party-input.js';
import type {
  InvestigationValues,
  InvitedParticipantValues,
  ReferralFeedbackValues,
  SessionValues,
} from '../../domain/cases/record-inputs.js';
import type { Db } from '../connection.js';
import { statement } from '../statement-cache.js';
import { nameInitials } from '../search/name-pinyin.js';

/**
 * Row-level writes of the case ledger. They never decide anything: the service checks state,
 * versions and cross-record rules inside one transaction and then calls these. Functions that
 * update a versioned row return false when the expected version no longer matches.
 */

/**
 * Row timestamps (created_at, updated_at) are stored as INTEGER Unix milliseconds: 6 bytes
 * where the ISO text took 24, on every row of the ledger. case-rows.ts turns them back into ISO.
 */
export function stamp(nowIso: string): number {
  const ms = Date.parse(nowIso);
  if (Number.isNaN(ms)) throw new Error(`not an ISO instant: ${nowIso}`);
  return ms;
}

/** The 综治 and court columns (migration 016), named as the table names them. */
const FACT_COLUMNS = {
  occurredOn: 'occurred_on',
  occurredPlace: 'occurred_place',
  personsInvolved: 'persons_involved',
  warningLevel: 'warning_level',
  responsibleLeader: 'responsible_leader',
  courtKind: 'court_kind',
  courtName: 'court_name',
  courtReference: 'court_reference',
  courtReceivedOn: 'court_received_on',
} as const satisfies Partial<Record<keyof CaseChanges, string>>;

type FactKey = keyof typeof FACT_COLUMNS;

/** A new case's fields; the 综治 and court ones may be left out (seeders, older callers). */
export type CaseFields = Omit<CaseIntakeValues, 'parties' | 'mediatorIds' | 'title' | FactKey> &
  Partial<Pick<CaseIntakeValues, FactKey>> & {
    readonly title: string;
    /** The title was made from the parties and category (it follows a corrected name). */
    readonly titleGenerated?: boolean;
    /** The account that registers it (the intake's caller); left out by seeders. */
    readonly registrarAccountId?: number | null;
  };

export function insertCase(db: Db, fields: CaseFields, status: CaseState, nowIso: string): number {
  // Seeders leave the registrar out, and some seed ledgers of a schema before migration 028.
  const registrar =
    fields.registrarAccountId === undefined
      ? { column: '', value: '' }
      : { column: ', registrar_account_id', value: ', @registrar_account_id' };
  const result = statement(
    db,
    `INSERT INTO case_file (status, title, intake_date, source, category, subtype, summary,
         requests_json, risk_level, risk_factors_json, prevention_flags_json, is_difficult,
         amount_claimed_fen, remarks, occurred_on, occurred_place, persons_involved,
         warning_level, responsible_leader, court_kind, court_name, court_reference,
         court_received_on, title_generated${registrar.column}, version, created_at, updated_at)
       VALUES (@status, @title, @intake_date, @source, @category, @subtype, @summary,
         @requests_json, @risk_level, @risk_factors_json, @prevention_flags_json, @is_difficult,
         @amount_claimed_fen, @remarks, @occurred_on, @occurred_place, @persons_involved,
         @warning_level, @responsible_leader, @court_kind, @court_name, @court_reference,
         @court_received_on, @title_generated${registrar.value}, 1, @now, @now)`,
  ).run({
    status,
    title: fields.title,
    title_generated: fields.titleGenerated === true ? 1 : 0,
    ...(fields.registrarAccountId === undefined
      ? {}
      : { registrar_account_id: fields.registrarAccountId }),
    intake_date: fields.intakeDate,
    source: fields.source,
    category: fields.category,
    subtype: fields.subtype,
    summary: fields.summary,
    requests_json: JSON.stringify(fields.requests),
    risk_level: fields.riskLevel,
    risk_factors_json: JSON.stringify(fields.riskFactors),
    prevention_flags_json: JSON.stringify(fields.preventionFlags),
    is_difficult: fields.isDifficult ? 1 : 0,
    amount_claimed_fen: fields.amountClaimedFen,
    remarks: fields.remarks,
    ...Object.fromEntries(
      Object.entries(FACT_COLUMNS).map(([key, column]) => [column, fields[key as FactKey] ?? null]),
    ),
    now: stamp(nowIso),
  });
  return Number(result.lastInsertRowid);
}

function factColumns(fields: Partial<Pick<CaseChanges, FactKey>>) {
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(FACT_COLUMNS)) {
    const value = fields[key as keyof typeof FACT_COLUMNS];
    if (value !== undefined) out[column] = value;
  }
  return out;
}

/** The court's one consent to 30 more days (version handling is the caller's). */
export function setCourtExtension(db: Db, caseId: number, consentDate: string, note: string): void {
  statement(
    db,
    'UPDATE case_file SET court_extended_on = ?, court_extension_note = ? WHERE id = ?',
  ).run(consentDate, note, caseId);
}

export function setCaseMediators(db: Db, caseId: number, mediatorIds: readonly number[]): void {
  statement(db, 'DELETE FROM case_mediator WHERE case_id = ?').run(caseId);
  insertCaseMediators(db, caseId, mediatorIds);
}

/**
 * The mediators of a case inserted in this transaction, which has none yet: no DELETE first,
 * a statement of every intake's commit that could find nothing (issue 8).
 */
export function insertCaseMediators(db: Db, caseId: number, mediatorIds: readonly number[]): void {
  // The position keeps the order the mediators were named in: the first is the lead (承办).
  const insert = statement(
    db,
    'INSERT INTO case_mediator (case_id, mediator_id, position) VALUES (?, ?, ?)',
  );
  mediatorIds.forEach((id, position) => insert.run(caseId, id, position));
}

/** Bumps the case version if it still is `expectedVersion`; false means someone saved first. */
export function claimCaseVersion(db: Db, caseId: number, expectedVersion: number, nowIso: string) {
  return (
    statement(
      db,
      'UPDATE case_file SET version = version + 1, updated_at = ? WHERE id = ? AND version = ?',
    ).run(stamp(nowIso), caseId, expectedVersion).changes === 1
  );
}

/** Applies a patch of case fields (version handling is the caller's `claimCaseVersion`). */
export function updateCaseFields(
  db: Db,
  caseId: number,
  changes: CaseChanges & { readonly dueDate?: string | null },
): void {
  const columns: Record<string, unknown> = {};
  if (changes.title !== undefined && changes.title !== null) columns.title = changes.title;
  if (changes.source !== undefined) columns.source = changes.source;
  if (changes.category !== undefined) columns.category = changes.category;
  if (changes.subtype !== undefined) columns.subtype = changes.subtype;
  if (changes.summary !== undefined) columns.summary = changes.summary;
  if (changes.requests !== undefined) columns.requests_json = JSON.stringify(changes.requests);
  if (changes.riskLevel !== undefined) columns.risk_level = changes.riskLevel;
  if (changes.riskFactors !== undefined) {
    columns.risk_factors_json = JSON.stringify(changes.riskFactors);
  }
  if (changes.preventionFlags !== undefined) {
    columns.prevention_flags_json = JSON.stringify(changes.preventionFlags);
  }
  if (changes.isDifficult !== undefined) columns.is_difficult = changes.isDifficult ? 1 : 0;
  if (changes.amountClaimedFen !== undefined) columns.amount_claimed_fen = changes.amountClaimedFen;
  if (changes.remarks !== undefined) columns.remarks = changes.remarks;
  if (changes.dueDate !== undefined) columns.due_date = changes.dueDate;
  Object.assign(columns, factColumns(changes));
  const names = Object.keys(columns);
  if (names.length === 0) return;
  // Column names come from the fixed list above, never from input.
  statement(
    db,
    `UPDATE case_file SET ${names.map((n) => `${n} = @${n}`).join(', ')} WHERE id = @id`,
  ).run({ ...columns, id: caseId });
}

export function setCaseState(
  db: Db,
  caseId: number,
  state: CaseState,
  dates: { acceptedDate?: string; dueDate?: string | null; closedDate?: string },
): void {
  statement(
    db,
    `UPDATE case_file SET status = @state,
       accepted_date = COALESCE(@accepted, accepted_date),
       due_date = CASE WHEN @setDue THEN @due ELSE due_date END,
       closed_date = COALESCE(@closed, closed_date)
     WHERE id = @id`,
  ).run({
    state,
    accepted: dates.acceptedDate ?? null,
    setDue: dates.dueDate !== undefined ? 1 : 0,
    due: dates.dueDate ?? null,
    closed: dates.closedDate ?? null,
    id: caseId,
  });
}

export function recordHistory(
  db: Db,
  entry: {
    caseId: number;
    from: CaseState | null;
    to: CaseState;
    action: string;
    data: unknown;
    at: string;
    actor: string;
  },
): void {
  statement(
    db,
    `INSERT INTO status_history (case_id, from_state, to_state, action, data_json, at, actor)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    entry.caseId,
    entry.from,
    entry.to,
    entry.action,
    JSON.stringify(entry.data),
    entry.at,
    entry.actor,
  );
}

function partyColumns(party: PartyValues) {
  const person = party.kind === 'NATURAL' ? party : null;
  const org = party.kind === 'NATURAL' ? null : party;
  const doc: IdDocument | null = person?.idDocument ?? null;
  return {
    kind: party.kind,
    role: party.role,
    name: party.name,
    phone: party.phone.phone,
    phone_kind: party.phone.kind,
    no_phone_reason: party.phone.noPhoneReason,
    address: party.address,
    note: party.note,
    gender: person?.gender ?? null,
    gender_confirmed: person?.genderConfirmed === true ? 1 : 0,
    ethnicity: person?.ethnicity ?? null,
    birth_date: person?.birthDate ?? null,
    occupation: person?.occupation ?? null,
    id_doc_type: doc?.type ?? (org?.socialCreditCode ? 'UNIFIED_SOCIAL_CREDIT_CODE' : null),
    id_doc_name: doc?.name ?? null,
    id_number: doc?.number ?? org?.socialCreditCode ?? null,
    id_none_reason: doc?.noneReason ?? null,
    preferred_language: person?.preferredLanguage ?? 'zh',
    needs_interpreter: person?.needsInterpreter ? 1 : 0,
    social_credit_code: org?.socialCreditCode ?? null,
    legal_rep_name: org?.legalRepName ?? null,
    legal_rep_title: org?.legalRepTitle ?? null,
    own_script_name: person?.ownScriptName ?? null,
    own_script_address: person?.ownScriptAddress ?? null,
    // The Chinese name only: an own-script name has no pinyin and is searched exactly.
    name_initials: nameInitials(party.name),
  };
}

function writeRepresentatives(
  db: Db,
  partyId: number,
  reps: readonly RepresentativeInput[],
  nowIso: string,
): void {
  statement(db, 'DELETE FROM party_representative WHERE party_id = ?').run(partyId);
  insertRepresentatives(db, partyId, reps, nowIso);
}

/**
 * A party inserted just now has no representative to delete: its id is new, and a removed
 * party's representatives went with it (deleteParty; foreign keys are on).
 */
function insertRepresentatives(
  db: Db,
  partyId: number,
  reps: readonly RepresentativeInput[],
  nowIso: string,
): void {
  const insert = statement(
    db,
    `INSERT INTO party_representative (party_id, sort, kind, name, relationship, phone,
       phone_kind, no_phone_reason, id_doc_json, version, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
  );
  reps.forEach((r, i) =>
    insert.run(
      partyId,
      i + 1,
      r.kind,
      r.name,
      r.relationship,
      r.phone.phone,
      r.phone.kind,
      r.phone.noPhoneReason,
      r.idDocument === null ? null : JSON.stringify(r.idDocument),
      stamp(nowIso),
      stamp(nowIso),
    ),
  );
}

export function insertParty(db: Db, caseId: number, party: PartyValues, nowIso: string): number {
  const sort = (
    statement(db, 'SELECT COALESCE(MAX(sort), 0) + 1 AS next FROM party WHERE case_id = ?').get(
      caseId,
    ) as { next: number }
  ).next;
  const cols = partyColumns(party);
  const names = Object.keys(cols);
  const result = statement(
    db,
    `INSERT INTO party (case_id, sort, ${names.join(', ')}, version, created_at, updated_at)
       VALUES (@case_id, @sort, ${names.map((n) => `@${n}`).join(', ')}, 1, @now, @now)`,
  ).run({ ...cols, case_id: caseId, sort, now: stamp(nowIso) });
  const partyId = Number(result.lastInsertRowid);
  insertRepresentatives(db, partyId, party.representatives, nowIso);
  return partyId;
}

/**
 * False when the party is not in this case or was saved by someone else since. Only the columns
 * whose value changes are in the SET list: SQLite rewrites an index entry (and runs an `UPDATE
 * OF` trigger) for every column named there, even to the same value, and a name correction would
 * otherwise rewrite a leaf of the phone and ID-number indexes too (two of ~21 pages it commits).
 */
export function updateParty(
  db: Db,
  caseId: number,
  partyId: number,
  expectedVersion: number,
  party: PartyValues,
  nowIso: string,
): boolean {
  const cols = partyColumns(party);
  const names = Object.keys(cols) as (keyof typeof cols)[];
  const stored = statement(
    db,
    `SELECT ${names.join(', ')} FROM party WHERE id = ? AND case_id = ? AND version = ?`,
  ).get(partyId, caseId, expectedVersion) as typeof cols | undefined;
  if (!stored) return false;
  const changedNames = names.filter((n) => stored[n] !== cols[n]);
  const changed = statement(
    db,
    `UPDATE party SET ${changedNames.map((n) => `${n} = @${n}, `).join('')}
         version = version + 1, updated_at = @now
       WHERE id = @id AND case_id = @case_id AND version = @expected`,
  ).run({
    ...Object.fromEntries(changedNames.map((n) => [n, cols[n]])),
    id: partyId,
    case_id: caseId,
    expected: expectedVersion,
    now: stamp(nowIso),
  }).changes;
  if (changed !== 1) return false;
  writeRepresentatives(db, partyId, party.representatives, nowIso);
  return true;
}

export function insertParticipant(
  db: Db,
  caseId: number,
  p: InvitedParticipantValues,
  nowIso: string,
): void {
  statement(
    db,
    `INSERT INTO invited_participant (case_id, name, role, affiliation, consent_given,
       consent_note, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)`,
  ).run(
    caseId,
    p.name,
    p.role,
    p.affiliation,
    p.consentGiven ? 1 : 0,
    p.consentNote,
    stamp(nowIso),
    stamp(nowIso),
  );
}

function sessionColumns(s: SessionValues, subject: string) {
  return {
    start_at: s.startAt,
    end_at: s.endAt,
    place: s.place,
    subject,
    party_ids_json: JSON.stringify(s.partyIdsPresent),
    mediator_ids_json: JSON.stringify(s.mediatorIds),
    recorder: s.recorder,
    participants_json: JSON.stringify(s.participants),
    interpreter_name: s.interpreter?.name ?? null,
    interpreter_language: s.interpreter?.language ?? null,
    is_public: s.isPublic ? 1 : 0,
    record_mode: s.recordMode,
    content: s.content,
    result: s.result,
    read_back_confirmed: s.readBackConfirmed ? 1 : 0,
  };
}

export function insertSession(
  db: Db,
  caseId: number,
  s: SessionValues,
  subject: string,
  nowIso: string,
): number {
  const next = (
    statement(
      db,
      'SELECT COALESCE(MAX(session_no), 0) + 1 AS n FROM session_record WHERE case_id = ?',
    ).get(caseId) as { n: number }
  ).n;
  const cols = sessionColumns(s, subject);
  const names = Object.keys(cols);
  return Number(
    statement(
      db,
      `INSERT INTO session_record (case_id, session_no, ${names.join(', ')}, version,
           created_at, updated_at)
         VALUES (@case_id, @session_no, ${names.map((n) => `@${n}`).join(', ')}, 1, @now, @now)`,
    ).run({ ...cols, case_id: caseId, session_no: next, now: stamp(nowIso) }).lastInsertRowid,
  );
}

export function updateSession(
  db: Db,
  caseId: number,
  sessionId: number,
  expectedVersion: number,
  s: SessionValues,
  subject: string,
  nowIso: string,
): boolean {
  const cols = sessionColumns(s, subject);
  const names = Object.keys(cols);
  return (
    statement(
      db,
      `UPDATE session_record SET ${names.map((n) => `${n} = @${n}`).join(', ')},
           version = version + 1, updated_at = @now
         WHERE id = @id AND case_id = @case_id AND version = @expected`,
    ).run({
      ...cols,
      id: sessionId,
      case_id: caseId,
      expected: expectedVersion,
      now: stamp(nowIso),
    }).changes === 1
  );
}

export function insertInvestigation(
  db: Db,
  caseId: number,
  i: InvestigationValues,
  nowIso: string,
): void {
  statement(
    db,
    `INSERT INTO investigation_record (case_id, at, place, investigated_json, participants_json,
       investigator_ids_json, recorder, content, version, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
  ).run(
    caseId,
    i.at,
    i.place,
    JSON.stringify(i.investigatedPersons),
    JSON.stringify(i.participants),
    JSON.stringify(i.investigatorIds),
    i.recorder,
    i.content,
    stamp(nowIso),
    stamp(nowIso),
  );
}

/** Corrects an investigation record if it is still at `expectedVersion`; false otherwise. */
export function updateInvestigation(
  db: Db,
  caseId: number,
  investigationId: number,
  expectedVersion: number,
  i: InvestigationValues,
  nowIso: string,
): boolean {
  return (
    statement(
      db,
      `UPDATE investigation_record SET at = @at, place = @place, investigated_json = @investigated,
           participants_json = @participants, investigator_ids_json = @investigators,
           recorder = @recorder, content = @content, version = version + 1, updated_at = @now
         WHERE id = @id AND case_id = @case_id AND version = @expected`,
    ).run({
      at: i.at,
      place: i.place,
      investigated: JSON.stringify(i.investigatedPersons),
      participants: JSON.stringify(i.participants),
      investigators: JSON.stringify(i.investigatorIds),
      recorder: i.recorder,
      content: i.content,
      id: investigationId,
      case_id: caseId,
      expected: expectedVersion,
      now: stamp(nowIso),
    }).changes === 1
  );
}

export function insertReferral(
  db: Db,
  caseId: number,
  r: { target: string; referredDate: string; reason: string },
  nowIso: string,
): void {
  statement(
    db,
    `INSERT INTO referral (case_id, target, referred_date, reason, version, created_at, updated_at)
     VALUES (?, ?, ?, ?, 1, ?, ?)`,
  ).run(caseId, r.target, r.referredDate, r.reason, stamp(nowIso), stamp(nowIso));
}

export function updateReferralFeedback(
  db: Db,
  caseId: number,
  referralId: number,
  expectedVersion: number,
  f: ReferralFeedbackValues,
  nowIso: string,
): boolean {
  return (
    statement(
      db,
      `UPDATE referral SET receiver = COALESCE(?, receiver), feedback = ?, feedback_date = ?,
           version = version + 1, updated_at = ?
         WHERE id = ? AND case_id = ? AND version = ?`,
    ).run(
      f.receiver,
      f.feedback,
      f.feedbackDate,
      stamp(nowIso),
      referralId,
      caseId,
      expectedVersion,
    ).changes === 1
  );
}

export function rowExists(
  db: Db,
  table: 'party' | 'session_record' | 'investigation_record' | 'referral',
  id: number,
  caseId: number,
) {
  return (
    statement(db, `SELECT 1 FROM ${table} WHERE id = ? AND case_id = ?`).get(id, caseId) !==
    undefined
  );
}

/** Removes a party and its representatives (the service has checked nothing refers to it). */
export function deleteParty(db: Db, caseId: number, partyId: number): boolean {
  statement(db, 'DELETE FROM party_representative WHERE party_id = ?').run(partyId);
  return (
    statement(db, 'DELETE FROM party WHERE id = ? AND case_id = ?').run(partyId, caseId).changes ===
    1
  );
}

/** Sets the title and whether it is the generated one (which follows corrected names). */
export function setCaseTitle(db: Db, caseId: number, title: string, generated: boolean): void {
  statement(db, 'UPDATE case_file SET title = ?, title_generated = ? WHERE id = ?').run(
    title,
    generated ? 1 : 0,
    caseId,
  );
}

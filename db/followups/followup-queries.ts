import type { FollowUpOrigin } from '../../domain/followups/followup-codes.js';
import type { VisitValues } from '../../domain/followups/followup-input.js';
import type { FollowUpSettings } from '../../domain/followups/followup-views.js';
import type { Db } from '../connection.js';
import { statement } from '../statement-cache.js';
import { FOLLOWUP_COLUMNS, type FollowUpRow, type ProofRow } from './followup-rows.js';

const DEFAULT_SETTINGS: FollowUpSettings = {
  // A week after an instalment falls due leaves room for a late transfer to arrive; a fortnight
  // after an oral agreement is the usual check that the on-the-spot promise held.
  afterDueDays: 7,
  afterAgreementDays: 15,
  notifyHour: 9,
  notifyEnabled: true,
  version: 0,
};

export function getFollowUpSettings(db: Db): FollowUpSettings {
  const r = statement(db, 'SELECT * FROM followup_settings WHERE id = 1').get() as
    | {
        after_due_days: number;
        after_agreement_days: number;
        notify_hour: number;
        notify_enabled: number;
        version: number;
      }
    | undefined;
  if (!r) return DEFAULT_SETTINGS;
  return {
    afterDueDays: r.after_due_days,
    afterAgreementDays: r.after_agreement_days,
    notifyHour: r.notify_hour,
    notifyEnabled: r.notify_enabled === 1,
    version: r.version,
  };
}

/** False when someone saved since `expectedVersion`. */
export function saveFollowUpSettings(
  db: Db,
  v: Omit<FollowUpSettings, 'version'>,
  expectedVersion: number,
  now: string,
): boolean {
  if (expectedVersion === 0) {
    const r = db
      .prepare(
        `INSERT INTO followup_settings (id, after_due_days, after_agreement_days, notify_hour,
           notify_enabled, version, created_at, updated_at) VALUES (1, ?, ?, ?, ?, 1, ?, ?)
         ON CONFLICT (id) DO NOTHING`,
      )
      .run(v.afterDueDays, v.afterAgreementDays, v.notifyHour, v.notifyEnabled ? 1 : 0, now, now);
    return r.changes === 1;
  }
  const r = db
    .prepare(
      `UPDATE followup_settings SET after_due_days = ?, after_agreement_days = ?, notify_hour = ?,
         notify_enabled = ?, version = version + 1, updated_at = ? WHERE id = 1 AND version = ?`,
    )
    .run(
      v.afterDueDays,
      v.afterAgreementDays,
      v.notifyHour,
      v.notifyEnabled ? 1 : 0,
      now,
      expectedVersion,
    );
  return r.changes === 1;
}

export interface NewFollowUp {
  readonly caseId: number;
  readonly agreementId: number | null;
  readonly origin: FollowUpOrigin;
  readonly note: string;
  readonly dueDate: string;
}

export function insertFollowUp(db: Db, f: NewFollowUp, now: string): number {
  const r = statement(
    db,
    `INSERT INTO followup (case_id, agreement_id, origin, note, due_date, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'SCHEDULED', ?, ?)`,
  ).run(f.caseId, f.agreementId, f.origin, f.note, f.dueDate, now, now);
  return Number(r.lastInsertRowid);
}

const FROM = 'FROM followup f JOIN case_file c ON c.id = f.case_id';

export function getFollowUpRow(db: Db, id: number): FollowUpRow | undefined {
  return statement(db, `SELECT ${FOLLOWUP_COLUMNS} ${FROM} WHERE f.id = ?`).get(id) as
    FollowUpRow | undefined;
}

export function followUpsOfCase(db: Db, caseId: number): FollowUpRow[] {
  return statement(
    db,
    `SELECT ${FOLLOWUP_COLUMNS} ${FROM} WHERE f.case_id = ? ORDER BY f.due_date, f.id`,
  ).all(caseId) as FollowUpRow[];
}

/** Marks a scheduled visit done with its record; false on a stale version or a non-SCHEDULED row. */
export function writeVisit(
  db: Db,
  id: number,
  expectedVersion: number,
  v: VisitValues,
  now: string,
): boolean {
  const r = statement(
    db,
    `UPDATE followup SET status = 'DONE', visit_date = ?, mode = ?, visited_party_ids_json = ?,
       findings = ?, performance = ?, satisfaction = ?, risk = ?, visitor_id = ?, next_step = ?,
       next_visit_date = ?, next_step_note = ?, version = version + 1, updated_at = ?
     WHERE id = ? AND version = ? AND status = 'SCHEDULED'`,
  ).run(
    v.visitDate,
    v.mode,
    JSON.stringify(v.visitedPartyIds),
    v.findings,
    v.performance,
    v.satisfaction,
    v.risk,
    v.visitorId,
    v.nextStep,
    v.nextVisitDate,
    v.nextStepNote,
    now,
    id,
    expectedVersion,
  );
  return r.changes === 1;
}

export function cancelFollowUp(
  db: Db,
  id: number,
  expectedVersion: number,
  reason: string,
  now: string,
): boolean {
  const r = statement(
    db,
    `UPDATE followup SET status = 'CANCELLED', cancel_reason = ?, version = version + 1,
       updated_at = ? WHERE id = ? AND version = ? AND status = 'SCHEDULED'`,
  ).run(reason, now, id, expectedVersion);
  return r.changes === 1;
}

/** Plans still open when the case closes are cancelled with the closing as their reason. */
export function cancelOpenFollowUpsOfCase(db: Db, caseId: number, reason: string, now: string) {
  statement(
    db,
    `UPDATE followup SET status = 'CANCELLED', cancel_reason = ?, version = version + 1,
       updated_at = ? WHERE case_id = ? AND status = 'SCHEDULED'`,
  ).run(reason, now, caseId);
}

/**
 * An amendment in force replaces the plans derived from the agreement it superseded (instalments,
 * dated obligations, the one visit after effect). Plans a mediator set by hand (MANUAL,
 * NEXT_VISIT) stay and now follow the amendment; visits already recorded are never touched.
 */
export function supersedeDerivedPlans(
  db: Db,
  caseId: number,
  agreementId: number,
  reason: string,
  now: string,
): void {
  statement(
    db,
    `UPDATE followup SET status = 'CANCELLED', cancel_reason = ?, version = version + 1,
       updated_at = ?
     WHERE case_id = ? AND status = 'SCHEDULED'
       AND origin IN ('INSTALMENT', 'OBLIGATION', 'AGREEMENT')
       AND (agreement_id IS NULL OR agreement_id <> ?)`,
  ).run(reason, now, caseId, agreementId);
  statement(
    db,
    `UPDATE followup SET agreement_id = ?, version = version + 1, updated_at = ?
     WHERE case_id = ? AND status = 'SCHEDULED' AND origin IN ('MANUAL', 'NEXT_VISIT')
       AND (agreement_id IS NULL OR agreement_id <> ?)`,
  ).run(agreementId, now, caseId, agreementId);
}

export function performancesOfCase(db: Db, caseId: number): string[] {
  return (
    statement(
      db,
      `SELECT performance FROM followup WHERE case_id = ? AND status = 'DONE'
       ORDER BY visit_date, id`,
    ).all(caseId) as { performance: string }[]
  ).map((r) => r.performance);
}

/** The latest recorded visit (same order as `performancesOfCase`), or undefined. */
export function lastVisitOfCase(
  db: Db,
  caseId: number,
): { id: number; visit_date: string; performance: string } | undefined {
  return statement(
    db,
    `SELECT id, visit_date, performance FROM followup WHERE case_id = ? AND status = 'DONE'
     ORDER BY visit_date DESC, id DESC LIMIT 1`,
  ).get(caseId) as { id: number; visit_date: string; performance: string } | undefined;
}

export function lastVisitDateOfCase(db: Db, caseId: number): string | null {
  const r = statement(
    db,
    `SELECT max(visit_date) AS d FROM followup WHERE case_id = ? AND status = 'DONE'`,
  ).get(caseId) as { d: string | null };
  return r.d;
}

export function insertProof(
  db: Db,
  p: { followUpId: number; fileName: string; mediaType: string; bytes: Buffer; sha256: string },
  now: string,
): number {
  const r = statement(
    db,
    `INSERT INTO followup_proof (followup_id, file_name, media_type, byte_length, sha256, bytes, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(p.followUpId, p.fileName, p.mediaType, p.bytes.length, p.sha256, p.bytes, now);
  return Number(r.lastInsertRowid);
}

const PROOF_COLUMNS = 'id, followup_id, file_name, media_type, byte_length, sha256, created_at';

// Lists of ids go in as one JSON parameter: one prepared statement, not one per list length.
export function proofsOfFollowUps(db: Db, ids: readonly number[]): ProofRow[] {
  if (ids.length === 0) return [];
  return statement(
    db,
    `SELECT ${PROOF_COLUMNS} FROM followup_proof
     WHERE followup_id IN (SELECT value FROM json_each(?)) ORDER BY id`,
  ).all(JSON.stringify(ids)) as ProofRow[];
}

export function getProof(db: Db, id: number): (ProofRow & { bytes: Buffer }) | undefined {
  return statement(db, `SELECT ${PROOF_COLUMNS}, bytes FROM followup_proof WHERE id = ?`).get(
    id,
  ) as (ProofRow & { bytes: Buffer }) | undefined;
}

export function partyNamesOfCases(db: Db, caseIds: readonly number[]): Map<number, string> {
  if (caseIds.length === 0) return new Map();
  const rows = statement(
    db,
    'SELECT id, name FROM party WHERE case_id IN (SELECT value FROM json_each(?))',
  ).all(JSON.stringify(caseIds)) as { id: number; name: string }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}

export interface SignedAgreementRow {
  id: number;
  kind: 'WRITTEN' | 'ORAL';
  number: string;
  content_json: string;
  effective_date: string | null;
  confirmation_deadline: string | null;
  /** The agreement this amendment (变更协议) replaced. */
  supersedes_id: number | null;
}

/** Agreements in force (signed, not voided), oldest first. */
export function signedAgreementsOfCase(db: Db, caseId: number): SignedAgreementRow[] {
  return statement(
    db,
    `SELECT id, kind, number, content_json, effective_date, confirmation_deadline, supersedes_id
     FROM agreement WHERE case_id = ? AND status = 'SIGNED' ORDER BY id`,
  ).all(caseId) as SignedAgreementRow[];
}

export function getSignedAgreement(db: Db, id: number): SignedAgreementRow | undefined {
  return statement(
    db,
    `SELECT id, kind, number, content_json, effective_date, confirmation_deadline, supersedes_id
     FROM agreement WHERE id = ? AND status = 'SIGNED'`,
  ).get(id) as SignedAgreementRow | undefined;
}

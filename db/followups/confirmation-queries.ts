import type { ConfirmationValues } from '../../domain/followups/followup-input.js';
import type { ConfirmationDecision } from '../../domain/followups/followup-codes.js';
import type { JudicialConfirmation } from '../../domain/followups/followup-views.js';
import type { Db } from '../connection.js';
import { statement } from '../statement-cache.js';

interface ConfirmationRow {
  id: number;
  agreement_id: number;
  applied_date: string;
  court: string;
  court_case_number: string | null;
  decision: ConfirmationDecision;
  decision_date: string | null;
  enforcement_applied_date: string | null;
  note: string | null;
  applied_late: number;
  version: number;
}

const fromRow = (r: ConfirmationRow): JudicialConfirmation => ({
  id: r.id,
  agreementId: r.agreement_id,
  appliedDate: r.applied_date,
  court: r.court,
  courtCaseNumber: r.court_case_number,
  decision: r.decision,
  decisionDate: r.decision_date,
  enforcementAppliedDate: r.enforcement_applied_date,
  note: r.note,
  appliedLate: r.applied_late === 1,
  version: r.version,
});

export function confirmationOfAgreement(db: Db, agreementId: number): JudicialConfirmation | null {
  const r = statement(db, 'SELECT * FROM judicial_confirmation WHERE agreement_id = ?').get(
    agreementId,
  ) as ConfirmationRow | undefined;
  return r ? fromRow(r) : null;
}

/** Insert (expectedVersion 0) or update; false on a stale version. */
export function saveConfirmation(
  db: Db,
  v: ConfirmationValues,
  appliedLate: boolean,
  now: string,
): boolean {
  const values = [
    v.appliedDate,
    v.court,
    v.courtCaseNumber,
    v.decision,
    v.decisionDate,
    v.enforcementAppliedDate,
    v.note,
    appliedLate ? 1 : 0,
  ];
  if (v.expectedVersion === 0) {
    const r = db
      .prepare(
        `INSERT INTO judicial_confirmation (applied_date, court, court_case_number, decision,
           decision_date, enforcement_applied_date, note, applied_late, case_id, agreement_id,
           version, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) ON CONFLICT (agreement_id) DO NOTHING`,
      )
      .run(...values, v.caseId, v.agreementId, now, now);
    return r.changes === 1;
  }
  const r = db
    .prepare(
      `UPDATE judicial_confirmation SET applied_date = ?, court = ?, court_case_number = ?,
         decision = ?, decision_date = ?, enforcement_applied_date = ?, note = ?, applied_late = ?,
         version = version + 1, updated_at = ?
       WHERE agreement_id = ? AND case_id = ? AND version = ?`,
    )
    .run(...values, now, v.agreementId, v.caseId, v.expectedVersion);
  return r.changes === 1;
}

export interface ExtensionRow {
  id: number;
  previous_due_date: string | null;
  new_due_date: string;
  consent_date: string;
  consent_party_ids_json: string;
  reason: string;
  created_at: string;
}

export function insertExtension(
  db: Db,
  e: {
    caseId: number;
    previousDueDate: string | null;
    newDueDate: string;
    consentDate: string;
    consentPartyIds: readonly number[];
    reason: string;
  },
  now: string,
): void {
  statement(
    db,
    `INSERT INTO case_due_extension (case_id, previous_due_date, new_due_date, consent_date,
       consent_party_ids_json, reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    e.caseId,
    e.previousDueDate,
    e.newDueDate,
    e.consentDate,
    JSON.stringify(e.consentPartyIds),
    e.reason,
    now,
  );
}

export function extensionsOfCase(db: Db, caseId: number): ExtensionRow[] {
  return statement(db, 'SELECT * FROM case_due_extension WHERE case_id = ? ORDER BY id').all(
    caseId,
  ) as ExtensionRow[];
}

export function setCaseDueDate(db: Db, caseId: number, dueDate: string): void {
  statement(db, 'UPDATE case_file SET due_date = ? WHERE id = ?').run(dueDate, caseId);
}

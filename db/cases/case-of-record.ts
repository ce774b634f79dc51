import type { Db } from '../connection.js';
import { statement } from '../statement-cache.js';

/**
 * The records an API call may name instead of a case, and the case each belongs to: the door
 * checks a mediator's own cases by the case (electron/api/mediator-case-door.ts), whatever the
 * call names.
 */
export type CaseRecordKind =
  | 'AGREEMENT'
  | 'AGREEMENT_SCAN'
  | 'CASE_ATTACHMENT'
  | 'PRINTED_DOCUMENT'
  | 'FOLLOW_UP'
  | 'FOLLOW_UP_PROOF';

const CASE_OF: Readonly<Record<CaseRecordKind, string>> = {
  AGREEMENT: 'SELECT case_id FROM agreement WHERE id = ?',
  AGREEMENT_SCAN: `SELECT a.case_id FROM agreement_attachment s
                     JOIN agreement a ON a.id = s.agreement_id WHERE s.id = ?`,
  CASE_ATTACHMENT: 'SELECT case_id FROM case_attachment WHERE id = ?',
  PRINTED_DOCUMENT: 'SELECT case_id FROM printed_document WHERE id = ?',
  FOLLOW_UP: 'SELECT case_id FROM followup WHERE id = ?',
  FOLLOW_UP_PROOF: `SELECT f.case_id FROM followup_proof p
                      JOIN followup f ON f.id = p.followup_id WHERE p.id = ?`,
};

/** The case the record belongs to, or null when there is no such record. */
export function caseOfRecord(db: Db, kind: CaseRecordKind, id: number): number | null {
  const row = statement(db, CASE_OF[kind]).get(id) as { case_id: number } | undefined;
  return row?.case_id ?? null;
}

import type { Db } from '../connection.js';

/**
 * Case numbers (§4.9): one counter per committee per calendar year, taken inside the
 * accepting transaction. The caller must hold the write lock from the start of that
 * transaction (BEGIN IMMEDIATE), so two windows or processes accepting at the same moment
 * queue on the lock instead of reading the same counter value.
 */
export function takeNextSequence(db: Db, committee: string, year: number): number {
  const row = db
    .prepare(
      `INSERT INTO case_number_counter (committee, year, last_sequence) VALUES (?, ?, 1)
       ON CONFLICT (committee, year) DO UPDATE SET last_sequence = last_sequence + 1
       RETURNING last_sequence`,
    )
    .get(committee, year) as { last_sequence: number };
  return row.last_sequence;
}

export function numberIsTaken(db: Db, number: string): boolean {
  return db.prepare('SELECT 1 FROM case_number WHERE number = ?').get(number) !== undefined;
}

export function recordIssuedNumber(
  db: Db,
  n: { number: string; caseId: number; committee: string; year: number; sequence: number },
  nowIso: string,
): void {
  db.prepare(
    `INSERT INTO case_number (number, case_id, committee, year, sequence, issued_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(n.number, n.caseId, n.committee, n.year, n.sequence, nowIso);
  db.prepare('UPDATE case_file SET case_number = ? WHERE id = ?').run(n.number, n.caseId);
}

/** Marks the number void; it stays on file and, being in case_number, is never issued again. */
export function voidIssuedNumber(db: Db, number: string, reason: string, nowIso: string): void {
  db.prepare(
    'UPDATE case_number SET voided_at = ?, void_reason = ? WHERE number = ? AND voided_at IS NULL',
  ).run(nowIso, reason, number);
  db.prepare('UPDATE case_file SET case_number = NULL WHERE case_number = ?').run(number);
}

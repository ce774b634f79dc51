import type { Db } from '../connection.js';
import { statement } from '../statement-cache.js';

/**
 * The stored document number of one party of one case: undefined when the case has no such
 * party, null when the party has no number (no document, or a document without one).
 */
export function partyIdNumber(db: Db, caseId: number, partyId: number): string | null | undefined {
  const row = statement(db, 'SELECT id_number FROM party WHERE id = ? AND case_id = ?').get(
    partyId,
    caseId,
  ) as { id_number: string | null } | undefined;
  return row === undefined ? undefined : row.id_number;
}

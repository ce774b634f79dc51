import type { Db } from '../connection.js';
import { statement } from '../statement-cache.js';

/**
 * The stored addresses (Chinese and own-script) of the parties of one case, non-empty, each
 * once: what a read of another's case cuts out of that case's free texts (masked-contacts.ts).
 */
export function partyAddressesOf(db: Db, caseId: number): string[] {
  const rows = statement(
    db,
    `SELECT address AS a FROM party WHERE case_id = ?
     UNION SELECT own_script_address FROM party WHERE case_id = ?`,
  ).all(caseId, caseId) as { a: string | null }[];
  return rows.map((r) => r.a?.trim() ?? '').filter((a) => a !== '');
}

import type { Db } from '../connection.js';
import { statement } from '../statement-cache.js';

/**
 * The addresses a read of another's case cuts out of that case's free texts
 * (masked-contacts.ts), each once:
 * - its parties' stored addresses, Chinese and own-script;
 * - the addresses its parties had before a correction, and those of parties since removed
 *   (the field history of `address`/`ownScriptAddress`: a record written before the
 *   correction still names the old house);
 * - its investigated persons' addresses (单位或住址), present and in the history of the
 *   records' `investigatedPersons`.
 * Representatives carry no address in the ledger (party_representative has none). The
 * addresses that are not a party's present one are cut only from 4 characters on: an
 * investigated person's 本村 or 村委会 is as likely a word of the narrative as a house.
 * History values are JSON (db/history/change-history.ts).
 *
 * One column `a` (possibly null or repeated) for the case whose id is the SQL `caseId`: a
 * parameter for the read, the searched row in ledger-query.ts, so the search finds another's
 * case by no text its read cuts (review MA4).
 */
export function caseAddressesSql(caseId: string): string {
  return `
  SELECT address AS a FROM party WHERE case_id = ${caseId}
  UNION ALL SELECT own_script_address FROM party WHERE case_id = ${caseId}
  UNION ALL SELECT a FROM (
    SELECT json_extract(p.value, '$.address') AS a
      FROM investigation_record r, json_each(r.investigated_json) p
      WHERE r.case_id = ${caseId} AND p.type = 'object'
    UNION ALL SELECT json_extract(v.value, '$') FROM change_set s
      JOIN change_field f ON f.change_set_id = s.id,
      json_each(json_array(f.old_value, f.new_value)) v
      WHERE s.case_id = ${caseId} AND s.entity = 'PARTY' AND f.field IN ('address', 'ownScriptAddress')
        AND json_valid(v.value)
    UNION ALL SELECT json_extract(p.value, '$.address') FROM change_set s
      JOIN change_field f ON f.change_set_id = s.id,
      json_each(json_array(f.old_value, f.new_value)) v,
      json_each(CASE WHEN json_valid(v.value)
        THEN CASE json_type(v.value) WHEN 'array' THEN v.value ELSE '[]' END ELSE '[]' END) p
      WHERE s.case_id = ${caseId} AND s.entity = 'INVESTIGATION' AND f.field = 'investigatedPersons'
        AND p.type = 'object')
  WHERE length(trim(a)) >= 4`;
}

/** Those addresses of one case, trimmed, each once. */
export function caseAddressesOf(db: Db, caseId: number): string[] {
  const rows = statement(db, caseAddressesSql('@caseId')).all({ caseId }) as { a: unknown }[];
  const out = new Set<string>();
  for (const r of rows) {
    const a = typeof r.a === 'string' ? r.a.trim() : '';
    if (a !== '') out.add(a);
  }
  return [...out];
}

import type { Migration } from './migration.js';

/**
 * What a claim pack reads about each case, kept as one row per case (issue 15: a room's year
 * pack moved ~800,000 SQL values into JS from seventeen tables). The row is derived data: the
 * pack computes a missing row through the full read and writes it back
 * (`claim-summary-queries.ts`). A row is current while it exists with the code's logic version
 * and the active rule's id (the confirmed tier is the rule's); every write to a table the row is
 * read from deletes the case's row, by trigger, so no writer can keep an outdated one: the
 * services, a restore, a later migration or an edit made outside the desk. Deleting the row is
 * the stale mark: there is no second table to keep in step with the first.
 *
 * The triggers name the case through the row itself, or through its party (representatives)
 * or its follow-up (proofs). An UPDATE deletes both the old and the new case's row, so a row
 * moved between cases leaves neither current. No JS here: the new table starts empty, which
 * is every existing case stale.
 */

/** Each source table and the SQL naming the touched case, given the row (`NEW` / `OLD`). */
const SOURCES: readonly (readonly [table: string, caseOf: (row: string) => string])[] = [
  ['case_file', (r) => `${r}.id`],
  ['case_outcome', (r) => `${r}.case_id`],
  ['party', (r) => `${r}.case_id`],
  ['case_mediator', (r) => `${r}.case_id`],
  ['session_record', (r) => `${r}.case_id`],
  ['status_history', (r) => `${r}.case_id`],
  ['printed_document', (r) => `${r}.case_id`],
  ['case_attachment', (r) => `${r}.case_id`],
  ['party_representative', (r) => `(SELECT p.case_id FROM party p WHERE p.id = ${r}.party_id)`],
  ['investigation_record', (r) => `${r}.case_id`],
  ['agreement', (r) => `${r}.case_id`],
  ['followup', (r) => `${r}.case_id`],
  ['followup_proof', (r) => `(SELECT f.case_id FROM followup f WHERE f.id = ${r}.followup_id)`],
  ['judicial_confirmation', (r) => `${r}.case_id`],
  ['case_volume_note', (r) => `${r}.case_id`],
  ['case_subsidy_facts', (r) => `${r}.case_id`],
  ['case_subsidy_tier', (r) => `${r}.case_id`],
];

export const CLAIM_SUMMARY_SOURCES: readonly string[] = SOURCES.map(([table]) => table);

function staleTriggers(table: string, caseOf: (row: string) => string): string {
  const drop = (cases: string) => `DELETE FROM claim_case_summary WHERE case_id IN (${cases});`;
  return `
    CREATE TRIGGER claim_summary_stale_${table}_insert AFTER INSERT ON ${table}
    BEGIN ${drop(caseOf('NEW'))} END;
    CREATE TRIGGER claim_summary_stale_${table}_update AFTER UPDATE ON ${table}
    BEGIN ${drop(`${caseOf('OLD')}, ${caseOf('NEW')}`)} END;
    CREATE TRIGGER claim_summary_stale_${table}_delete AFTER DELETE ON ${table}
    BEGIN ${drop(caseOf('OLD'))} END;`;
}

export const migration030: Migration = {
  version: 30,
  name: 'claim case summary',
  up(db) {
    db.exec(`
      CREATE TABLE claim_case_summary (
        case_id INTEGER PRIMARY KEY REFERENCES case_file(id) ON DELETE CASCADE,
        logic_version INTEGER NOT NULL,
        rules_id TEXT NOT NULL,
        payload TEXT NOT NULL
      ) STRICT;
      ${SOURCES.map(([table, caseOf]) => staleTriggers(table, caseOf)).join('\n')}
    `);
  },
};

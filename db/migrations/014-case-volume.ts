import type { Migration } from './migration.js';

/**
 * The volume (一案一卷, domain §2.2, §2.3, §4.8): the archiving record (卷号, 保管期限, 立卷人,
 * 立卷日期), attachments that only exist on paper (identity copies, powers of attorney, evidence,
 * confirmation materials) and dated notes. Archived cases are read-only in the ledger itself:
 * triggers refuse every insert, update and delete of a case's records once it is ARCHIVED, so no
 * service can forget the rule. Notes stay insertable (later corrections are appended, never
 * edited). A future migration that must rewrite archived rows drops and re-creates the triggers.
 *
 * Also: the desktop-notification switch of the follow-up settings.
 */

const ARCHIVED = (caseIdExpr: string) =>
  `(SELECT status FROM case_file WHERE id = ${caseIdExpr}) = 'ARCHIVED'`;

/** table → expression giving the case id from NEW./OLD. (the row's own column or its parent's). */
const GUARDED: readonly (readonly [string, (row: 'NEW' | 'OLD') => string])[] = [
  ['case_mediator', (r) => `${r}.case_id`],
  ['party', (r) => `${r}.case_id`],
  ['party_representative', (r) => `(SELECT case_id FROM party WHERE id = ${r}.party_id)`],
  ['invited_participant', (r) => `${r}.case_id`],
  ['session_record', (r) => `${r}.case_id`],
  ['investigation_record', (r) => `${r}.case_id`],
  ['referral', (r) => `${r}.case_id`],
  ['agreement', (r) => `${r}.case_id`],
  ['agreement_attachment', (r) => `(SELECT case_id FROM agreement WHERE id = ${r}.agreement_id)`],
  ['followup', (r) => `${r}.case_id`],
  ['followup_proof', (r) => `(SELECT case_id FROM followup WHERE id = ${r}.followup_id)`],
  ['judicial_confirmation', (r) => `${r}.case_id`],
  ['case_due_extension', (r) => `${r}.case_id`],
  ['case_attachment', (r) => `${r}.case_id`],
];

function guardTriggers(): string {
  const out: string[] = [];
  for (const [table, caseOf] of GUARDED) {
    for (const op of ['INSERT', 'UPDATE', 'DELETE'] as const) {
      const row = op === 'INSERT' ? 'NEW' : 'OLD';
      out.push(`
        CREATE TRIGGER ${table}_archived_${op.toLowerCase()} BEFORE ${op} ON ${table}
        WHEN ${ARCHIVED(caseOf(row))}
        BEGIN SELECT RAISE(ABORT, 'CASE_ARCHIVED'); END;`);
    }
  }
  return out.join('\n');
}

export const migration014: Migration = {
  version: 14,
  name: 'case volume: archiving record, attachments, notes, archived cases read-only',
  up(db) {
    db.exec(`
      CREATE TABLE case_volume (
        case_id INTEGER PRIMARY KEY REFERENCES case_file(id),
        volume_year INTEGER NOT NULL,
        volume_seq INTEGER NOT NULL CHECK (volume_seq > 0),
        volume_no TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        retention TEXT NOT NULL CHECK (retention IN ('PERMANENT', 'LONG_30', 'SHORT_10')),
        filed_by TEXT NOT NULL,
        filed_date TEXT NOT NULL,
        remarks TEXT,
        checklist_json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (volume_year, volume_seq)
      ) STRICT;
      CREATE TRIGGER case_volume_no_update BEFORE UPDATE ON case_volume
      BEGIN SELECT RAISE(ABORT, 'CASE_ARCHIVED'); END;
      CREATE TRIGGER case_volume_no_delete BEFORE DELETE ON case_volume
      BEGIN SELECT RAISE(ABORT, 'CASE_ARCHIVED'); END;

      CREATE TABLE case_volume_note (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES case_file(id),
        note_date TEXT NOT NULL,
        text TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX case_volume_note_by_case ON case_volume_note (case_id, id);
      CREATE TRIGGER case_volume_note_no_update BEFORE UPDATE ON case_volume_note
      BEGIN SELECT RAISE(ABORT, 'APPEND_ONLY'); END;
      CREATE TRIGGER case_volume_note_no_delete BEFORE DELETE ON case_volume_note
      BEGIN SELECT RAISE(ABORT, 'APPEND_ONLY'); END;

      CREATE TABLE case_attachment (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES case_file(id),
        kind TEXT NOT NULL CHECK (kind IN
          ('IDENTITY_PROOF', 'POWER_OF_ATTORNEY', 'EVIDENCE', 'CONFIRMATION_MATERIAL')),
        -- No foreign key: a party removed by a correction keeps its copies on file.
        party_id INTEGER,
        file_name TEXT NOT NULL,
        media_type TEXT NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
        byte_length INTEGER NOT NULL CHECK (byte_length > 0),
        sha256 TEXT NOT NULL,
        bytes BLOB NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX case_attachment_by_case ON case_attachment (case_id, kind, id);

      CREATE TRIGGER case_file_archived_update BEFORE UPDATE ON case_file
      WHEN OLD.status = 'ARCHIVED'
      BEGIN SELECT RAISE(ABORT, 'CASE_ARCHIVED'); END;
      CREATE TRIGGER case_file_archived_delete BEFORE DELETE ON case_file
      WHEN OLD.status = 'ARCHIVED'
      BEGIN SELECT RAISE(ABORT, 'CASE_ARCHIVED'); END;
      ${guardTriggers()}

      ALTER TABLE followup_settings ADD COLUMN notify_enabled INTEGER NOT NULL DEFAULT 1
        CHECK (notify_enabled IN (0, 1));
    `);
  },
};

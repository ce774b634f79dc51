import type { Migration } from './migration.js';

/**
 * Follow-up visits (回访, domain §2.11), their proofs of performance, judicial confirmation
 * (§1.2) and due-date extensions (§4.3).
 *
 * A follow-up row is first a plan (SCHEDULED, with a due date and why) and becomes the visit
 * record when the visit is recorded (DONE); the plan's date stays so the list can show how late
 * a visit was. Proof files are written once with their SHA-256 and never updated.
 */
export const migration007: Migration = {
  version: 7,
  name: 'follow-ups, proofs, judicial confirmation, due-date extensions',
  up(db) {
    db.exec(`
      CREATE TABLE followup_settings (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        after_due_days INTEGER NOT NULL CHECK (after_due_days BETWEEN 0 AND 90),
        after_agreement_days INTEGER NOT NULL CHECK (after_agreement_days BETWEEN 0 AND 180),
        notify_hour INTEGER NOT NULL CHECK (notify_hour BETWEEN 0 AND 23),
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE followup (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES case_file(id),
        agreement_id INTEGER REFERENCES agreement(id),
        origin TEXT NOT NULL CHECK (origin IN
          ('INSTALMENT', 'OBLIGATION', 'AGREEMENT', 'ORAL', 'MANUAL', 'NEXT_VISIT')),
        note TEXT NOT NULL,
        due_date TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('SCHEDULED', 'DONE', 'CANCELLED')),
        visit_date TEXT,
        mode TEXT CHECK (mode IN ('IN_PERSON', 'PHONE', 'AT_OFFICE', 'WECHAT')),
        visited_party_ids_json TEXT,
        findings TEXT,
        performance TEXT CHECK (performance IN
          ('PERFORMED', 'PARTLY', 'NOT_PERFORMED', 'LITIGATED', 'ENFORCEMENT')),
        satisfaction TEXT CHECK (satisfaction IN ('SATISFIED', 'MOSTLY', 'UNSATISFIED')),
        risk TEXT CHECK (risk IN ('NONE', 'LOW', 'MEDIUM', 'HIGH')),
        visitor_id INTEGER REFERENCES mediator(id),
        next_step TEXT CHECK (next_step IN
          ('NONE', 'NEXT_VISIT', 'REOPEN_MEDIATION', 'ADVISE_CONFIRMATION', 'ADVISE_LITIGATION')),
        next_visit_date TEXT,
        next_step_note TEXT,
        cancel_reason TEXT,
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (status <> 'DONE' OR (visit_date IS NOT NULL AND performance IS NOT NULL
          AND visitor_id IS NOT NULL AND findings IS NOT NULL)),
        CHECK (status <> 'CANCELLED' OR cancel_reason IS NOT NULL)
      ) STRICT;
      -- The 回访 list walks (status, due_date) for 待回访/逾期 and (status, visit_date) for 已回访.
      CREATE INDEX followup_status_due ON followup (status, due_date);
      CREATE INDEX followup_status_visit ON followup (status, visit_date);
      CREATE INDEX followup_by_case ON followup (case_id, due_date);

      CREATE TABLE followup_proof (
        id INTEGER PRIMARY KEY,
        followup_id INTEGER NOT NULL REFERENCES followup(id),
        file_name TEXT NOT NULL,
        media_type TEXT NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
        byte_length INTEGER NOT NULL CHECK (byte_length > 0),
        sha256 TEXT NOT NULL,
        bytes BLOB NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX followup_proof_by_followup ON followup_proof (followup_id, id);

      CREATE TABLE judicial_confirmation (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES case_file(id),
        agreement_id INTEGER NOT NULL UNIQUE REFERENCES agreement(id),
        applied_date TEXT NOT NULL,
        court TEXT NOT NULL,
        court_case_number TEXT,
        decision TEXT NOT NULL CHECK (decision IN ('PENDING', 'VALID', 'DISMISSED', 'NOT_ACCEPTED')),
        decision_date TEXT,
        enforcement_applied_date TEXT,
        note TEXT,
        applied_late INTEGER NOT NULL CHECK (applied_late IN (0, 1)),
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX judicial_confirmation_by_case ON judicial_confirmation (case_id);

      CREATE TABLE case_due_extension (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES case_file(id),
        previous_due_date TEXT,
        new_due_date TEXT NOT NULL,
        consent_date TEXT NOT NULL,
        consent_party_ids_json TEXT NOT NULL,
        reason TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX case_due_extension_by_case ON case_due_extension (case_id, id);

      -- The week calendar and the reminders look up confirmation windows by their last day.
      CREATE INDEX agreement_confirmation_deadline ON agreement (confirmation_deadline)
        WHERE confirmation_deadline IS NOT NULL;
    `);
  },
};

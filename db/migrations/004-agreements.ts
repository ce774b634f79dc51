import type { Migration } from './migration.js';

/**
 * Settlement agreements (domain §2.9, §2.10; reliability-security §4.1).
 *
 * A row moves DRAFT → GENERATED → SIGNED (or VOID with a reason). Once generated, the PDF bytes,
 * the canonical JSON they were rendered from and both SHA-256 values are stored and never
 * updated: the signed paper is the legal original and the ledger must prove what was printed.
 * An amendment is a new row pointing at the one it supersedes. Binary files live in BLOBs so a
 * backup of the ledger is a backup of the documents.
 */
export const migration004: Migration = {
  version: 4,
  name: 'agreements: drafts, generated PDFs, signatures, scans, holiday calendar',
  up(db) {
    db.exec(`
      CREATE TABLE agreement (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES case_file(id),
        kind TEXT NOT NULL CHECK (kind IN ('WRITTEN', 'ORAL')),
        status TEXT NOT NULL CHECK (status IN ('DRAFT', 'GENERATED', 'SIGNED', 'VOID')),
        number TEXT NOT NULL,
        supersedes_id INTEGER REFERENCES agreement(id),
        amend_reason TEXT,
        -- The draft (WRITTEN) or the register (ORAL) as entered, JSON.
        content_json TEXT NOT NULL,
        -- Frozen at generation: what the PDF was rendered from (sorted keys, NFC).
        canonical_json TEXT,
        canonical_sha256 TEXT,
        template_id TEXT,
        template_version INTEGER,
        pdf BLOB,
        pdf_sha256 TEXT,
        verification_code TEXT,
        generated_at TEXT,
        signatures_json TEXT NOT NULL DEFAULT '{}',
        effective_date TEXT,
        confirmation_deadline TEXT,
        confirmation_nominal_deadline TEXT,
        void_reason TEXT,
        voided_at TEXT,
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (status = 'DRAFT' OR status = 'VOID' OR kind = 'ORAL' OR pdf IS NOT NULL),
        CHECK (status <> 'VOID' OR void_reason IS NOT NULL)
      ) STRICT;
      CREATE INDEX agreement_by_case ON agreement (case_id, id);
      CREATE INDEX agreement_by_supersedes ON agreement (supersedes_id)
        WHERE supersedes_id IS NOT NULL;
      CREATE INDEX agreement_by_code ON agreement (verification_code)
        WHERE verification_code IS NOT NULL;

      -- Scans of the signed paper. Bytes and hash are written once and never updated.
      CREATE TABLE agreement_attachment (
        id INTEGER PRIMARY KEY,
        agreement_id INTEGER NOT NULL REFERENCES agreement(id),
        file_name TEXT NOT NULL,
        media_type TEXT NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
        byte_length INTEGER NOT NULL CHECK (byte_length > 0),
        sha256 TEXT NOT NULL,
        bytes BLOB NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX agreement_attachment_by_agreement ON agreement_attachment (agreement_id, id);

      -- Holiday calendar for the judicial-confirmation deadline (PML 33, Civil Code 203):
      -- it changes every year by State Council notice, so it is data the room maintains.
      CREATE TABLE holiday_calendar (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        holidays_json TEXT NOT NULL,
        make_up_workdays_json TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};

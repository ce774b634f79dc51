import type { Migration } from './migration.js';

/**
 * The print register (issue 7, must-have 7): every document the ledger prints is frozen.
 *
 * `printed_document` holds one row per printed version of one record of a case (the 受理登记表
 * of the case, the 调解记录 of session 12, …): the exact PDF bytes, their SHA-256, and the hash
 * of the data they were rendered from. Printing the same record again with unchanged data returns
 * the stored bytes, so the copy the parties signed can always be reproduced; changed data becomes
 * the next version and the older versions stay. Rows are written once and never updated.
 *
 * `print_event` records each time a stored version went to paper (or was handed over for
 * printing): who, when, copies, and the printer when the shell knows it.
 *
 * Kinds are text, checked in domain/documents/printed-documents.ts rather than by a CHECK
 * constraint, so that a new kind of document (回访记录, 卷宗) needs no schema step.
 */
export const migration006: Migration = {
  version: 6,
  name: 'print register: frozen printed documents and print events',
  up(db) {
    db.exec(`
      CREATE TABLE printed_document (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES case_file(id),
        kind TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 64),
        -- Which record of the case: 'case', 'session:12', 'agreement:3', …
        record_key TEXT NOT NULL CHECK (length(record_key) BETWEEN 1 AND 64),
        -- 1, 2, 3 … per (case, kind, record): a changed record prints as the next version.
        print_version INTEGER NOT NULL CHECK (print_version >= 1),
        -- SHA-256 of the canonical data (template id and version included) the PDF came from.
        content_sha256 TEXT NOT NULL CHECK (length(content_sha256) = 64),
        template_id TEXT NOT NULL,
        template_version INTEGER NOT NULL,
        file_name TEXT NOT NULL,
        pdf BLOB NOT NULL,
        pdf_sha256 TEXT NOT NULL CHECK (length(pdf_sha256) = 64),
        byte_length INTEGER NOT NULL CHECK (byte_length > 0),
        verification_code TEXT NOT NULL,
        -- Printable-text warnings found when it was rendered (JSON array), shown again on reprint.
        issues_json TEXT NOT NULL DEFAULT '[]',
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (case_id, kind, record_key, print_version)
      ) STRICT;
      CREATE INDEX printed_document_by_content
        ON printed_document (case_id, kind, record_key, content_sha256);

      CREATE TABLE print_event (
        id INTEGER PRIMARY KEY,
        printed_document_id INTEGER NOT NULL REFERENCES printed_document(id),
        copies INTEGER NOT NULL CHECK (copies BETWEEN 1 AND 99),
        printer TEXT,
        printed_by TEXT NOT NULL,
        printed_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX print_event_by_document ON print_event (printed_document_id, id);

      -- Written once: the register is evidence, so the ledger refuses to rewrite it.
      CREATE TRIGGER printed_document_no_update BEFORE UPDATE ON printed_document
      BEGIN SELECT RAISE(ABORT, 'printed_document rows are immutable'); END;
      CREATE TRIGGER printed_document_no_delete BEFORE DELETE ON printed_document
      BEGIN SELECT RAISE(ABORT, 'printed_document rows are immutable'); END;
      CREATE TRIGGER print_event_no_update BEFORE UPDATE ON print_event
      BEGIN SELECT RAISE(ABORT, 'print_event rows are immutable'); END;
    `);
  },
};

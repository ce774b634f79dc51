import type { Migration } from './migration.js';

/**
 * The print register's side for a mediator's own papers (issue 15: the 人民调解员登记表). The
 * case register (migration 006) keys every print on a case; a mediator's form belongs to no
 * case, so it gets its own table with the same rules: one row per distinct content, numbered
 * 1, 2, 3 … per mediator and kind, the PDF and its SHA-256 stored, never updated or deleted.
 */
export const migration017: Migration = {
  version: 17,
  name: 'print register for mediator papers',
  up(db) {
    db.exec(`
      CREATE TABLE mediator_printed_document (
        id INTEGER PRIMARY KEY,
        mediator_id INTEGER NOT NULL REFERENCES mediator(id),
        kind TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 64),
        print_version INTEGER NOT NULL CHECK (print_version >= 1),
        content_sha256 TEXT NOT NULL CHECK (length(content_sha256) = 64),
        template_id TEXT NOT NULL,
        template_version INTEGER NOT NULL,
        file_name TEXT NOT NULL,
        pdf BLOB NOT NULL,
        pdf_sha256 TEXT NOT NULL CHECK (length(pdf_sha256) = 64),
        byte_length INTEGER NOT NULL CHECK (byte_length > 0),
        verification_code TEXT NOT NULL,
        issues_json TEXT NOT NULL DEFAULT '[]',
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (mediator_id, kind, print_version)
      ) STRICT;
      CREATE INDEX mediator_printed_document_by_content
        ON mediator_printed_document (mediator_id, kind, content_sha256);
      CREATE TRIGGER mediator_printed_document_no_update BEFORE UPDATE ON mediator_printed_document
        BEGIN SELECT RAISE(ABORT, 'printed documents are immutable'); END;
      CREATE TRIGGER mediator_printed_document_no_delete BEFORE DELETE ON mediator_printed_document
        BEGIN SELECT RAISE(ABORT, 'printed documents are immutable'); END;
    `);
  },
};

import type { Migration } from './migration.js';

/**
 * The print register for documents that belong to no single case (issue 15): a mediator's
 * 以案定补申报表 for a period now, and the same discipline for any later per-mediator or
 * per-period paper. `printed_document` (migration 006) keys every print by its case; these are
 * keyed by `scope_key` instead (`mediator:3|2026-Q1|rules:county-a`). The rules are those of
 * the case register: one row per printed version, the exact PDF bytes and their SHA-256, the
 * hash of the data they came from (the same data prints the stored bytes again), rows written
 * once and never changed.
 *
 * The same-dispute check of a year's claim pack looks up thousands of parties by ID number or
 * phone only to learn their case: the two party indexes now carry `case_id`, so those lookups
 * never touch the party rows.
 */
export const migration015: Migration = {
  version: 15,
  name: 'print register for period documents (以案定补申报表); party indexes cover case_id',
  up(db) {
    db.exec(`
      CREATE TABLE printed_period_document (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 64),
        scope_key TEXT NOT NULL CHECK (length(scope_key) BETWEEN 1 AND 200),
        print_version INTEGER NOT NULL CHECK (print_version >= 1),
        content_sha256 TEXT NOT NULL CHECK (length(content_sha256) = 64),
        template_id TEXT NOT NULL,
        template_version INTEGER NOT NULL,
        file_name TEXT NOT NULL,
        pdf BLOB NOT NULL,
        pdf_sha256 TEXT NOT NULL CHECK (length(pdf_sha256) = 64),
        byte_length INTEGER NOT NULL CHECK (byte_length > 0),
        verification_code TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (kind, scope_key, print_version)
      ) STRICT;
      CREATE INDEX printed_period_document_by_content
        ON printed_period_document (kind, scope_key, content_sha256);

      CREATE TRIGGER printed_period_document_no_update BEFORE UPDATE ON printed_period_document
      BEGIN SELECT RAISE(ABORT, 'printed_period_document rows are immutable'); END;
      CREATE TRIGGER printed_period_document_no_delete BEFORE DELETE ON printed_period_document
      BEGIN SELECT RAISE(ABORT, 'printed_period_document rows are immutable'); END;

      DROP INDEX party_by_id_number;
      CREATE INDEX party_by_id_number ON party (id_number, case_id) WHERE id_number IS NOT NULL;
      DROP INDEX party_by_phone;
      CREATE INDEX party_by_phone ON party (phone, case_id);
    `);
  },
};

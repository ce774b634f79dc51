import type { Db } from '../connection.js';
import {
  findFrozenPrint,
  frozenPrintPdf,
  getFrozenPrint,
  insertFrozenPrint,
  type FrozenPrintContent,
  type FrozenPrintTable,
} from './frozen-print-store.js';

/** Reads and writes of the print register (migration 006). Rows are inserted, never updated. */

export interface PrintedDocumentRow {
  readonly id: number;
  readonly case_id: number;
  readonly kind: string;
  readonly record_key: string;
  readonly print_version: number;
  readonly content_sha256: string;
  readonly template_id: string;
  readonly template_version: number;
  readonly file_name: string;
  readonly pdf_sha256: string;
  readonly byte_length: number;
  readonly verification_code: string;
  readonly issues_json: string;
  readonly created_by: string;
  readonly created_at: string;
}

export interface PrintEventRow {
  readonly id: number;
  readonly printed_document_id: number;
  readonly copies: number;
  readonly printer: string | null;
  readonly printed_by: string;
  readonly printed_at: string;
}

const COLUMNS = `id, case_id, kind, record_key, print_version, content_sha256, template_id,
  template_version, file_name, pdf_sha256, byte_length, verification_code, issues_json,
  created_by, created_at`;

const REGISTER: FrozenPrintTable = {
  table: 'printed_document',
  owner: ['case_id', 'kind', 'record_key'],
  keepsIssues: true,
};

export interface NewPrintedDocument extends FrozenPrintContent {
  readonly caseId: number;
  readonly kind: string;
  readonly recordKey: string;
  readonly issuesJson: string;
}

/** The version of this record rendered from exactly this content, if one was printed. */
export function findPrintedByContent(
  db: Db,
  caseId: number,
  kind: string,
  recordKey: string,
  contentSha256: string,
): PrintedDocumentRow | undefined {
  return findFrozenPrint(db, REGISTER, COLUMNS, [caseId, kind, recordKey], contentSha256);
}

/** Inserts the next version of the record; call inside a transaction. */
export function insertPrintedDocument(db: Db, d: NewPrintedDocument, now: string): number {
  return insertFrozenPrint(db, REGISTER, [d.caseId, d.kind, d.recordKey], d, now).id;
}

export function getPrintedDocument(db: Db, id: number): PrintedDocumentRow | undefined {
  return getFrozenPrint(db, REGISTER, COLUMNS, id);
}

export function printedPdfOf(db: Db, id: number): Buffer | null {
  return frozenPrintPdf(db, REGISTER, id);
}

/** Every printed version of the case, newest record first, versions newest first. */
export function printedDocumentsOfCase(db: Db, caseId: number): PrintedDocumentRow[] {
  return db
    .prepare(
      `SELECT ${COLUMNS} FROM printed_document WHERE case_id = ?
       ORDER BY kind, record_key, print_version DESC`,
    )
    .all(caseId) as PrintedDocumentRow[];
}

/** The highest version number of each record of the case (to mark older ones superseded). */
export function latestVersionsOfCase(db: Db, caseId: number): Map<string, number> {
  const rows = db
    .prepare(
      `SELECT kind, record_key, MAX(print_version) AS v FROM printed_document
       WHERE case_id = ? GROUP BY kind, record_key`,
    )
    .all(caseId) as { kind: string; record_key: string; v: number }[];
  return new Map(rows.map((r) => [`${r.kind}\u0000${r.record_key}`, r.v]));
}

export function insertPrintEvent(
  db: Db,
  e: { printedDocumentId: number; copies: number; printer: string | null; printedBy: string },
  now: string,
): number {
  const info = db
    .prepare(
      `INSERT INTO print_event (printed_document_id, copies, printer, printed_by, printed_at)
       VALUES (?, ?, ?, ?, ?)`,
    )
    .run(e.printedDocumentId, e.copies, e.printer, e.printedBy, now);
  return Number(info.lastInsertRowid);
}

export function printEventsOfCase(db: Db, caseId: number): PrintEventRow[] {
  return db
    .prepare(
      `SELECT e.id, e.printed_document_id, e.copies, e.printer, e.printed_by, e.printed_at
       FROM print_event e JOIN printed_document d ON d.id = e.printed_document_id
       WHERE d.case_id = ? ORDER BY e.id`,
    )
    .all(caseId) as PrintEventRow[];
}

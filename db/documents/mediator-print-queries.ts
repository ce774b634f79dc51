import type { Db } from '../connection.js';
import type { PrintEventRow, PrintedDocumentRow } from './print-register-queries.js';
import { statement } from '../statement-cache.js';

/**
 * The print register of mediator papers (migration 017). Rows are inserted, never updated. A
 * row is a `printed_document` row keyed on a mediator instead of a case record.
 */
export type MediatorPrintedRow = Omit<PrintedDocumentRow, 'case_id' | 'record_key'> & {
  readonly mediator_id: number;
};

const COLUMNS = `id, mediator_id, kind, print_version, content_sha256, template_id,
  template_version, file_name, pdf_sha256, byte_length, verification_code, issues_json,
  created_by, created_at`;

export function findMediatorPrinted(
  db: Db,
  mediatorId: number,
  kind: string,
  contentSha256: string,
): MediatorPrintedRow | undefined {
  return statement(
    db,
    `SELECT ${COLUMNS} FROM mediator_printed_document
     WHERE mediator_id = ? AND kind = ? AND content_sha256 = ?`,
  ).get(mediatorId, kind, contentSha256) as MediatorPrintedRow | undefined;
}

export function mediatorPrintedPdf(db: Db, id: number): Buffer | null {
  const row = statement(db, 'SELECT pdf FROM mediator_printed_document WHERE id = ?').get(id) as
    { pdf: Buffer } | undefined;
  return row?.pdf ?? null;
}

export interface NewMediatorPrinted {
  readonly mediatorId: number;
  readonly kind: string;
  readonly contentSha256: string;
  readonly templateId: string;
  readonly templateVersion: number;
  readonly fileName: string;
  readonly pdf: Buffer;
  readonly pdfSha256: string;
  readonly verificationCode: string;
  readonly issuesJson: string;
  readonly createdBy: string;
}

/** Stores the next version; call inside a transaction that checked for the same content. */
export function insertMediatorPrinted(db: Db, d: NewMediatorPrinted, nowIso: string): number {
  const next = statement(
    db,
    `SELECT coalesce(max(print_version), 0) + 1 AS v FROM mediator_printed_document
     WHERE mediator_id = ? AND kind = ?`,
  ).get(d.mediatorId, d.kind) as { v: number };
  return Number(
    statement(
      db,
      `INSERT INTO mediator_printed_document (mediator_id, kind, print_version, content_sha256,
         template_id, template_version, file_name, pdf, pdf_sha256, byte_length,
         verification_code, issues_json, created_by, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      d.mediatorId,
      d.kind,
      next.v,
      d.contentSha256,
      d.templateId,
      d.templateVersion,
      d.fileName,
      d.pdf,
      d.pdfSha256,
      d.pdf.length,
      d.verificationCode,
      d.issuesJson,
      d.createdBy,
      nowIso,
    ).lastInsertRowid,
  );
}

export function getMediatorPrinted(db: Db, id: number): MediatorPrintedRow | undefined {
  return statement(db, `SELECT ${COLUMNS} FROM mediator_printed_document WHERE id = ?`).get(id) as
    MediatorPrintedRow | undefined;
}

/** Every stored version of one kind of a mediator's papers, newest first. */
export function mediatorPrintedVersions(
  db: Db,
  mediatorId: number,
  kind: string,
): MediatorPrintedRow[] {
  return statement(
    db,
    `SELECT ${COLUMNS} FROM mediator_printed_document WHERE mediator_id = ? AND kind = ?
      ORDER BY print_version DESC`,
  ).all(mediatorId, kind) as MediatorPrintedRow[];
}

/** One trip to paper of a stored version (migration 023); rows are never changed. */
export function insertMediatorPrintEvent(
  db: Db,
  e: { printedId: number; copies: number; printer: string | null; printedBy: string },
  nowIso: string,
): number {
  return Number(
    statement(
      db,
      `INSERT INTO mediator_print_event (printed_id, copies, printer, printed_by, printed_at)
       VALUES (?, ?, ?, ?, ?)`,
    ).run(e.printedId, e.copies, e.printer, e.printedBy, nowIso).lastInsertRowid,
  );
}

/** The print events of a mediator's papers of one kind, oldest first. */
export function mediatorPrintEvents(db: Db, mediatorId: number, kind: string): PrintEventRow[] {
  return statement(
    db,
    `SELECT e.id, e.printed_id AS printed_document_id, e.copies, e.printer, e.printed_by,
            e.printed_at
       FROM mediator_print_event AS e
       JOIN mediator_printed_document AS d ON d.id = e.printed_id
      WHERE d.mediator_id = ? AND d.kind = ? ORDER BY e.id`,
  ).all(mediatorId, kind) as PrintEventRow[];
}

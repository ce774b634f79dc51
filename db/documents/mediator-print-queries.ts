import type { Db } from '../connection.js';
import type { PrintEventRow, PrintedDocumentRow } from './print-register-queries.js';
import {
  findFrozenPrint,
  frozenPrintPdf,
  frozenPrintVersions,
  getFrozenPrint,
  insertFrozenPrint,
  type FrozenPrintContent,
  type FrozenPrintTable,
} from './frozen-print-store.js';
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

const REGISTER: FrozenPrintTable = {
  table: 'mediator_printed_document',
  owner: ['mediator_id', 'kind'],
  keepsIssues: true,
};

export function findMediatorPrinted(
  db: Db,
  mediatorId: number,
  kind: string,
  contentSha256: string,
): MediatorPrintedRow | undefined {
  return findFrozenPrint(db, REGISTER, COLUMNS, [mediatorId, kind], contentSha256);
}

export function mediatorPrintedPdf(db: Db, id: number): Buffer | null {
  return frozenPrintPdf(db, REGISTER, id);
}

export interface NewMediatorPrinted extends FrozenPrintContent {
  readonly mediatorId: number;
  readonly kind: string;
  readonly issuesJson: string;
}

/** Stores the next version; call inside a transaction that checked for the same content. */
export function insertMediatorPrinted(db: Db, d: NewMediatorPrinted, nowIso: string): number {
  return insertFrozenPrint(db, REGISTER, [d.mediatorId, d.kind], d, nowIso).id;
}

export function getMediatorPrinted(db: Db, id: number): MediatorPrintedRow | undefined {
  return getFrozenPrint(db, REGISTER, COLUMNS, id);
}

/** Every stored version of one kind of a mediator's papers, newest first. */
export function mediatorPrintedVersions(
  db: Db,
  mediatorId: number,
  kind: string,
): MediatorPrintedRow[] {
  return frozenPrintVersions(db, REGISTER, COLUMNS, [mediatorId, kind]);
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

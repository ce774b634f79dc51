import type { Db } from '../connection.js';
import { statement } from '../statement-cache.js';

/**
 * The one pattern behind the three print registers (case documents, migration 006; period
 * documents, 015; mediator papers, 017): a frozen PDF per version, found again by the hash of
 * the content it was rendered from, versions numbered per owner, rows never updated. Only the
 * owner differs (a case record, a period's scope, a mediator), so the SQL is written once here.
 */
export interface FrozenPrintTable {
  readonly table: 'printed_document' | 'printed_period_document' | 'mediator_printed_document';
  /** The columns that name whose document a row is, in the order their values are passed. */
  readonly owner: readonly string[];
  /** The period register predates the stored layout issues. */
  readonly keepsIssues: boolean;
}

/** What every register stores of one rendered version. */
export interface FrozenPrintContent {
  readonly contentSha256: string;
  readonly templateId: string;
  readonly templateVersion: number;
  readonly fileName: string;
  readonly pdf: Buffer;
  readonly pdfSha256: string;
  readonly verificationCode: string;
  readonly issuesJson?: string;
  readonly createdBy: string;
}

type Owner = readonly (string | number)[];

const ownerWhere = (t: FrozenPrintTable) => t.owner.map((c) => `${c} = ?`).join(' AND ');

/** The newest version of this owner rendered from exactly this content, if there is one. */
export function findFrozenPrint<R>(
  db: Db,
  t: FrozenPrintTable,
  columns: string,
  owner: Owner,
  contentSha256: string,
): R | undefined {
  return statement(
    db,
    `SELECT ${columns} FROM ${t.table} WHERE ${ownerWhere(t)} AND content_sha256 = ?
      ORDER BY print_version DESC LIMIT 1`,
  ).get(...owner, contentSha256) as R | undefined;
}

/** Every stored version of this owner, newest first. */
export function frozenPrintVersions<R>(
  db: Db,
  t: FrozenPrintTable,
  columns: string,
  owner: Owner,
): R[] {
  return statement(
    db,
    `SELECT ${columns} FROM ${t.table} WHERE ${ownerWhere(t)} ORDER BY print_version DESC`,
  ).all(...owner) as R[];
}

export function getFrozenPrint<R>(
  db: Db,
  t: FrozenPrintTable,
  columns: string,
  id: number,
): R | undefined {
  return statement(db, `SELECT ${columns} FROM ${t.table} WHERE id = ?`).get(id) as R | undefined;
}

export function frozenPrintPdf(db: Db, t: FrozenPrintTable, id: number): Buffer | null {
  const row = statement(db, `SELECT pdf FROM ${t.table} WHERE id = ?`).get(id) as
    { pdf: Buffer } | undefined;
  return row?.pdf ?? null;
}

/**
 * Stores the owner's next version and returns its id and number; call inside the transaction
 * that looked for the same content first, so two prints of one content never make two versions.
 */
export function insertFrozenPrint(
  db: Db,
  t: FrozenPrintTable,
  owner: Owner,
  d: FrozenPrintContent,
  createdAt: string,
): { readonly id: number; readonly version: number } {
  if (t.keepsIssues && d.issuesJson === undefined) {
    throw new Error(`${t.table} keeps the layout issues of every version`);
  }
  const { v } = statement(
    db,
    `SELECT coalesce(max(print_version), 0) + 1 AS v FROM ${t.table} WHERE ${ownerWhere(t)}`,
  ).get(...owner) as { v: number };
  const columns = [
    ...t.owner,
    'print_version',
    'content_sha256',
    'template_id',
    'template_version',
    'file_name',
    'pdf',
    'pdf_sha256',
    'byte_length',
    'verification_code',
    ...(t.keepsIssues ? ['issues_json'] : []),
    'created_by',
    'created_at',
  ];
  const values = [
    ...owner,
    v,
    d.contentSha256,
    d.templateId,
    d.templateVersion,
    d.fileName,
    d.pdf,
    d.pdfSha256,
    d.pdf.length,
    d.verificationCode,
    ...(t.keepsIssues ? [d.issuesJson] : []),
    d.createdBy,
    createdAt,
  ];
  const id = Number(
    statement(
      db,
      `INSERT INTO ${t.table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    ).run(...values).lastInsertRowid,
  );
  return { id, version: v };
}

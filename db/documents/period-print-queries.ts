import type { Db } from '../connection.js';

/** The print register of documents that belong to no single case (migration 015). */
export interface PeriodPrintRow {
  readonly id: number;
  readonly kind: string;
  readonly scopeKey: string;
  readonly printVersion: number;
  readonly contentSha256: string;
  readonly templateId: string;
  readonly templateVersion: number;
  readonly fileName: string;
  readonly pdf: Buffer;
  readonly pdfSha256: string;
  readonly verificationCode: string;
  readonly createdBy: string;
  readonly createdAt: string;
}

interface SqlRow {
  id: number;
  kind: string;
  scope_key: string;
  print_version: number;
  content_sha256: string;
  template_id: string;
  template_version: number;
  file_name: string;
  pdf: Buffer;
  pdf_sha256: string;
  verification_code: string;
  created_by: string;
  created_at: string;
}

const fromSql = (r: SqlRow): PeriodPrintRow => ({
  id: r.id,
  kind: r.kind,
  scopeKey: r.scope_key,
  printVersion: r.print_version,
  contentSha256: r.content_sha256,
  templateId: r.template_id,
  templateVersion: r.template_version,
  fileName: r.file_name,
  pdf: r.pdf,
  pdfSha256: r.pdf_sha256,
  verificationCode: r.verification_code,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

/** The version of this scope printed from exactly this content, if there is one. */
export function findPeriodPrint(
  db: Db,
  kind: string,
  scopeKey: string,
  contentSha256: string,
): PeriodPrintRow | null {
  const r = db
    .prepare(
      `SELECT * FROM printed_period_document
        WHERE kind = ? AND scope_key = ? AND content_sha256 = ?
        ORDER BY print_version DESC LIMIT 1`,
    )
    .get(kind, scopeKey, contentSha256) as SqlRow | undefined;
  return r ? fromSql(r) : null;
}

/** Every stored version of one scope, newest first. */
export function periodPrintsOf(db: Db, kind: string, scopeKey: string): PeriodPrintRow[] {
  return (
    db
      .prepare(
        `SELECT * FROM printed_period_document WHERE kind = ? AND scope_key = ?
          ORDER BY print_version DESC`,
      )
      .all(kind, scopeKey) as SqlRow[]
  ).map(fromSql);
}

/** Inserts the scope's next version; call inside a transaction. */
export function insertPeriodPrint(
  db: Db,
  d: Omit<PeriodPrintRow, 'id' | 'printVersion'>,
): PeriodPrintRow {
  const { v } = db
    .prepare(
      `SELECT coalesce(max(print_version), 0) + 1 AS v FROM printed_period_document
        WHERE kind = ? AND scope_key = ?`,
    )
    .get(d.kind, d.scopeKey) as { v: number };
  const id = Number(
    db
      .prepare(
        `INSERT INTO printed_period_document (kind, scope_key, print_version, content_sha256,
           template_id, template_version, file_name, pdf, pdf_sha256, byte_length,
           verification_code, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        d.kind,
        d.scopeKey,
        v,
        d.contentSha256,
        d.templateId,
        d.templateVersion,
        d.fileName,
        d.pdf,
        d.pdfSha256,
        d.pdf.length,
        d.verificationCode,
        d.createdBy,
        d.createdAt,
      ).lastInsertRowid,
  );
  return { id, printVersion: v, ...d };
}

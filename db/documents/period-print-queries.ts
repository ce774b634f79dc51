import type { Db } from '../connection.js';
import {
  findFrozenPrint,
  frozenPrintVersions,
  insertFrozenPrint,
  type FrozenPrintContent,
  type FrozenPrintTable,
} from './frozen-print-store.js';

/**
 * The print register of documents that belong to no single case (migration 015): the stored
 * content of every register, less the layout issues (this register predates them).
 */
export interface PeriodPrintRow extends Omit<FrozenPrintContent, 'issuesJson'> {
  readonly id: number;
  readonly kind: string;
  readonly scopeKey: string;
  readonly printVersion: number;
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

const REGISTER: FrozenPrintTable = {
  table: 'printed_period_document',
  owner: ['kind', 'scope_key'],
  keepsIssues: false,
};

/** The version of this scope printed from exactly this content, if there is one. */
export function findPeriodPrint(
  db: Db,
  kind: string,
  scopeKey: string,
  contentSha256: string,
): PeriodPrintRow | null {
  const r = findFrozenPrint<SqlRow>(db, REGISTER, '*', [kind, scopeKey], contentSha256);
  return r ? fromSql(r) : null;
}

/** Every stored version of one scope, newest first. */
export function periodPrintsOf(db: Db, kind: string, scopeKey: string): PeriodPrintRow[] {
  return frozenPrintVersions<SqlRow>(db, REGISTER, '*', [kind, scopeKey]).map(fromSql);
}

/** Inserts the scope's next version; call inside a transaction. */
export function insertPeriodPrint(
  db: Db,
  d: Omit<PeriodPrintRow, 'id' | 'printVersion'>,
): PeriodPrintRow {
  const { id, version } = insertFrozenPrint(db, REGISTER, [d.kind, d.scopeKey], d, d.createdAt);
  return { id, printVersion: version, ...d };
}

import type { Db } from '../connection.js';

export type ExportKind = 'STATISTICS' | 'LEDGER' | 'LEDGER_IDENTIFIED' | 'PACKAGE';

export interface ExportFile {
  readonly name: string;
  readonly bytes: number;
  readonly sha256: string;
}

export interface ExportRun {
  readonly id: number;
  readonly kind: ExportKind;
  readonly period: string;
  readonly sinceExportId: number | null;
  readonly files: readonly ExportFile[];
  readonly directory: string;
  readonly actor: string;
  readonly confirmation: string | null;
  readonly createdAt: string;
}

interface Row {
  id: number;
  kind: ExportKind;
  period: string;
  since_export_id: number | null;
  files_json: string;
  directory: string;
  actor: string;
  confirmation: string | null;
  created_at: string;
}

const fromRow = (r: Row): ExportRun => ({
  id: r.id,
  kind: r.kind,
  period: r.period,
  sinceExportId: r.since_export_id,
  files: JSON.parse(r.files_json) as ExportFile[],
  directory: r.directory,
  actor: r.actor,
  confirmation: r.confirmation,
  createdAt: r.created_at,
});

export function recordExport(db: Db, run: Omit<ExportRun, 'id'>): ExportRun {
  const id = Number(
    db
      .prepare(
        `INSERT INTO export_run (kind, period, since_export_id, files_json, directory, actor,
           confirmation, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        run.kind,
        run.period,
        run.sinceExportId,
        JSON.stringify(run.files),
        run.directory,
        run.actor,
        run.confirmation,
        run.createdAt,
      ).lastInsertRowid,
  );
  return { id, ...run };
}

export function listExports(db: Db, limit = 200): ExportRun[] {
  return (db.prepare('SELECT * FROM export_run ORDER BY id DESC LIMIT ?').all(limit) as Row[]).map(
    fromRow,
  );
}

export function getExport(db: Db, id: number): ExportRun | null {
  const r = db.prepare('SELECT * FROM export_run WHERE id = ?').get(id) as Row | undefined;
  return r ? fromRow(r) : null;
}

export function lastPackageExport(db: Db): ExportRun | null {
  const r = db
    .prepare("SELECT * FROM export_run WHERE kind = 'PACKAGE' ORDER BY id DESC LIMIT 1")
    .get() as Row | undefined;
  return r ? fromRow(r) : null;
}

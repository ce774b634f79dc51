import type { CountyExportRowView } from '../../domain/api/county-contract.js';
import type { Db } from '../connection.js';

/** One county table written from the county database: where, what, its SHA-256, who. */
export type CountyExportRow = CountyExportRowView;

export function recordCountyExport(db: Db, row: CountyExportRow): void {
  db.prepare(
    `INSERT INTO county_export (period, file_name, directory, bytes, sha256, rooms, cases, actor,
       exported_at)
     VALUES (@period, @fileName, @directory, @bytes, @sha256, @rooms, @cases, @actor, @exportedAt)`,
  ).run(row);
}

/** The county tables written, newest first. */
export function listCountyExports(db: Db, limit = 200): CountyExportRow[] {
  return db
    .prepare(
      `SELECT period, file_name AS fileName, directory, bytes, sha256, rooms, cases, actor,
              exported_at AS exportedAt
         FROM county_export ORDER BY id DESC LIMIT ?`,
    )
    .all(limit) as CountyExportRow[];
}

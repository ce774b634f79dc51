import { CODE_TABLES, type CodeTable } from '../domain/taxonomy/index.js';
import * as ethnicGroups from '../domain/taxonomy/ethnic-groups.js';
import type { CodeTableView } from '../domain/cases/case-views.js';
import type { Db } from './connection.js';
import { statement } from './statement-cache.js';

/**
 * Code tables live in the ledger as data, so exports and reports made years later read the
 * labels that were in force, and so a room's ethnic extension codes can differ from the
 * defaults. The domain modules stay the source; a table is rewritten only when its version
 * in the domain is newer than the stored one.
 */
export function seedCodeTables(db: Db, nowIso: string, tables: readonly CodeTable[] = CODE_TABLES) {
  const stored = new Map(
    (
      db.prepare('SELECT name, version FROM code_table').all() as {
        name: string;
        version: number;
      }[]
    ).map((r) => [r.name, r.version]),
  );
  for (const table of tables) {
    const have = stored.get(table.name);
    if (have !== undefined && have >= table.version) continue;
    writeTable(db, table, nowIso);
  }
}

/**
 * Run at every start: a release that bumps a taxonomy's version updates existing ledgers too,
 * not only new ones (migration 002 seeds only once). Rows are upserted, never deleted.
 */
export function refreshCodeTables(db: Db, nowIso: string): void {
  const hasTables =
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'code_table'").get() !==
    undefined;
  if (hasTables) db.transaction(() => seedCodeTables(db, nowIso))();
}

function writeTable(db: Db, table: CodeTable, nowIso: string): void {
  db.prepare(
    `INSERT INTO code_table (name, version, parent_table, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(name) DO UPDATE SET version = excluded.version,
       parent_table = excluded.parent_table, updated_at = excluded.updated_at`,
  ).run(table.name, table.version, table.parentTable ?? null, nowIso);
  // Rows that disappeared from the domain stay, so old cases keep a label for their code.
  const upsert = db.prepare(
    `INSERT INTO code_row (table_name, code, label, parent, sort, data_json)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(table_name, code) DO UPDATE SET label = excluded.label,
       parent = excluded.parent, sort = excluded.sort, data_json = excluded.data_json`,
  );
  table.rows.forEach((row, index) => {
    const { code, label, parent, ...data } = row as Record<string, unknown> & {
      code: string;
      label: string;
      parent?: string;
    };
    upsert.run(table.name, code, label, parent ?? null, index + 1, JSON.stringify(data));
  });
}

/** Extension codes (outside 01–56) that some party is recorded with. */
export function ethnicExtensionCodesInUse(db: Db): string[] {
  return db
    .prepare(
      `SELECT DISTINCT p.ethnicity FROM party p JOIN code_row r
         ON r.table_name = 'ethnic_group' AND r.code = p.ethnicity
       WHERE json_extract(r.data_json, '$.extension') IS NOT NULL`,
    )
    .pluck()
    .all() as string[];
}

/** Replaces the ethnic extension rows (codes outside 01–56) with the room's configuration. */
export function writeEthnicExtensions(db: Db, extensions: readonly ethnicGroups.Extension[]): void {
  db.prepare(
    `DELETE FROM code_row WHERE table_name = 'ethnic_group' AND json_extract(data_json, '$.extension') IS NOT NULL`,
  ).run();
  const rows = ethnicGroups.ethnicGroupsFor(extensions);
  const insert = db.prepare(
    `INSERT INTO code_row (table_name, code, label, parent, sort, data_json)
     VALUES ('ethnic_group', ?, ?, NULL, ?, ?)
     ON CONFLICT(table_name, code) DO UPDATE SET label = excluded.label, sort = excluded.sort,
       data_json = excluded.data_json`,
  );
  rows.forEach((row, index) => {
    if ('extension' in row) {
      insert.run(row.code, row.label, index + 1, JSON.stringify({ extension: row.extension }));
    }
  });
}

export function codeExists(db: Db, table: string, code: string): boolean {
  return (
    statement(db, 'SELECT 1 FROM code_row WHERE table_name = ? AND code = ?').get(table, code) !==
    undefined
  );
}

export function readCodeTables(db: Db, names: readonly string[]): CodeTableView[] {
  const tables = db.prepare('SELECT name, version FROM code_table ORDER BY name').all() as {
    name: string;
    version: number;
  }[];
  const rowsOf = db.prepare(
    'SELECT code, label, parent, sort, data_json FROM code_row WHERE table_name = ? ORDER BY sort, code',
  );
  return tables
    .filter((t) => names.length === 0 || names.includes(t.name))
    .map((t) => ({
      name: t.name,
      version: t.version,
      rows: (
        rowsOf.all(t.name) as {
          code: string;
          label: string;
          parent: string | null;
          sort: number;
          data_json: string;
        }[]
      ).map((r) => ({
        code: r.code,
        label: r.label,
        parent: r.parent,
        sort: r.sort,
        data: JSON.parse(r.data_json) as Record<string, unknown>,
      })),
    }));
}

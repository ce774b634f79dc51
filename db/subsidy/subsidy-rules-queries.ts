import type { Db } from '../connection.js';

/**
 * Stored county rule files (migration 012). A row is never updated: importing a changed file
 * adds a row, so every claim pack can name the exact rule text it was computed with.
 */
export interface StoredRulesRow {
  readonly rowId: number;
  readonly rulesId: string;
  readonly title: string;
  readonly rulesJson: string;
  readonly sha256: string;
  readonly isExample: boolean;
  readonly importedAt: string;
  readonly importedBy: string;
}

interface RulesSqlRow {
  row_id: number;
  rules_id: string;
  title: string;
  rules_json: string;
  sha256: string;
  is_example: number;
  imported_at: string;
  imported_by: string;
}

const fromRow = (r: RulesSqlRow): StoredRulesRow => ({
  rowId: r.row_id,
  rulesId: r.rules_id,
  title: r.title,
  rulesJson: r.rules_json,
  sha256: r.sha256,
  isExample: r.is_example === 1,
  importedAt: r.imported_at,
  importedBy: r.imported_by,
});

/** Every stored rule, newest import first. */
export function listStoredRules(db: Db): StoredRulesRow[] {
  return (
    db.prepare('SELECT * FROM subsidy_rules ORDER BY row_id DESC').all() as RulesSqlRow[]
  ).map(fromRow);
}

export function getStoredRules(db: Db, rowId: number): StoredRulesRow | null {
  const row = db.prepare('SELECT * FROM subsidy_rules WHERE row_id = ?').get(rowId) as
    RulesSqlRow | undefined;
  return row ? fromRow(row) : null;
}

/** Stores a rule file unless the same text is already stored; returns its row either way. */
export function storeRules(
  db: Db,
  rules: {
    readonly rulesId: string;
    readonly title: string;
    readonly rulesJson: string;
    readonly sha256: string;
    readonly isExample: boolean;
  },
  importedBy: string,
  nowIso: string,
): { readonly row: StoredRulesRow; readonly added: boolean } {
  const existing = db
    .prepare('SELECT * FROM subsidy_rules WHERE rules_id = ? AND sha256 = ?')
    .get(rules.rulesId, rules.sha256) as RulesSqlRow | undefined;
  if (existing) return { row: fromRow(existing), added: false };
  const rowId = Number(
    db
      .prepare(
        `INSERT INTO subsidy_rules (rules_id, title, rules_json, sha256, is_example, imported_at,
           imported_by) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        rules.rulesId,
        rules.title,
        rules.rulesJson,
        rules.sha256,
        rules.isExample ? 1 : 0,
        nowIso,
        importedBy,
      ).lastInsertRowid,
  );
  const row = getStoredRules(db, rowId);
  if (!row) throw new Error('subsidy rule row vanished after insert');
  return { row, added: true };
}

export interface SubsidySettingsRow {
  readonly activeRowId: number | null;
  readonly version: number;
}

export function getSubsidySettings(db: Db): SubsidySettingsRow {
  const row = db
    .prepare('SELECT active_row_id, version FROM subsidy_settings WHERE singleton = 1')
    .get() as { active_row_id: number | null; version: number } | undefined;
  return row
    ? { activeRowId: row.active_row_id, version: row.version }
    : { activeRowId: null, version: 0 };
}

/** Sets the active rule if the settings are still at `expectedVersion`; false on a stale save. */
export function setActiveRules(
  db: Db,
  rowId: number | null,
  expectedVersion: number,
  nowIso: string,
): boolean {
  if (expectedVersion === 0) {
    const inserted = db
      .prepare(
        `INSERT INTO subsidy_settings (singleton, active_row_id, version, updated_at)
         VALUES (1, ?, 1, ?) ON CONFLICT (singleton) DO NOTHING`,
      )
      .run(rowId, nowIso).changes;
    return inserted === 1;
  }
  return (
    db
      .prepare(
        `UPDATE subsidy_settings SET active_row_id = ?, version = version + 1, updated_at = ?
          WHERE singleton = 1 AND version = ?`,
      )
      .run(rowId, nowIso, expectedVersion).changes === 1
  );
}

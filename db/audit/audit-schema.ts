import type { Db } from '../connection.js';

/**
 * Which tables the chain covers and how a row of each is named. Every ledger table is covered
 * except SQLite's own, the chain's own, the search index (derived from the cases, rebuilt at
 * will), form drafts (unsaved typing, autosaved every few seconds and deleted on save: the
 * save itself is audited) and the register of reported case versions: an export writes one row
 * per case (10,000 keyed hashes a quarter), so the export's own EXPORT entry carries a digest of
 * the whole register instead (`reported-register.ts`), which verification recomputes. The claim
 * packs' per-case summary (migration 030) is derived too: recomputed whenever it is missing,
 * and `audit.verify` recomputes every stored row from its audited sources and flags a differing
 * one (`changedClaimSummaries`), since the packs trust a present row.
 */
const NOT_AUDITED = /^(sqlite_|audit_|case_search)/;
const NOT_AUDITED_TABLES = new Set(['form_draft', 'case_reported', 'claim_case_summary']);

export interface AuditedTable {
  readonly name: string;
  /** Every column, comma-separated, in table order: the row hash's field names. */
  readonly signature: string;
  readonly columns: readonly string[];
  /** SQL of the row's key (its primary key, or a JSON array of a composite one), given a prefix. */
  readonly rowKey: (prefix: string) => string;
  /** SQL of the row's case id, or NULL, given a prefix. */
  readonly caseId: (prefix: string) => string;
  /** WHERE clause finding the row by its key, `?` standing for the key. */
  readonly byKey: string;
  /** The primary key's columns in key order; none for a table keyed by its rowid. */
  readonly keyColumns: readonly string[];
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function quoteText(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

interface ColumnInfo {
  readonly name: string;
  readonly pk: number;
  readonly hidden: number;
}

export function auditedTables(db: Db): AuditedTable[] {
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
    )
    .pluck()
    .all() as string[];
  const withCaseId = new Set<string>();
  const info = new Map<string, ColumnInfo[]>();
  for (const name of tables) {
    if (NOT_AUDITED.test(name) || NOT_AUDITED_TABLES.has(name)) continue;
    const cols = (
      db.prepare('SELECT name, pk, hidden FROM pragma_table_xinfo(?)').all(name) as ColumnInfo[]
    ).filter((c) => c.hidden === 0);
    info.set(name, cols);
    if (cols.some((c) => c.name === 'case_id')) withCaseId.add(name);
  }
  const result: AuditedTable[] = [];
  for (const [name, cols] of info) {
    const columns = cols.map((c) => c.name);
    const pk = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
    const col = (prefix: string, c: string) => `${prefix}${quoteIdent(c)}`;
    const rowKey =
      pk.length === 0
        ? (p: string) => `${p}rowid`
        : pk.length === 1
          ? (p: string) => col(p, pk[0]!.name)
          : (p: string) => `json_array(${pk.map((c) => col(p, c.name)).join(', ')})`;
    const byKey =
      pk.length === 0
        ? 'rowid = ?'
        : pk.length === 1
          ? `${quoteIdent(pk[0]!.name)} = ?`
          : `json_array(${pk.map((c) => quoteIdent(c.name)).join(', ')}) = ?`;
    let caseId: (p: string) => string = () => 'NULL';
    if (name === 'case_file') caseId = (p) => col(p, 'id');
    else if (withCaseId.has(name)) caseId = (p) => col(p, 'case_id');
    else {
      // A child row (a representative, a change's fields, a print of a document…) belongs to
      // the case of the row it points at.
      const fks = db
        .prepare('SELECT "table", "from", "to" FROM pragma_foreign_key_list(?)')
        .all(name) as { table: string; from: string; to: string | null }[];
      const parent = fks.find((fk) => withCaseId.has(fk.table));
      if (parent) {
        caseId = (p) =>
          `(SELECT case_id FROM ${quoteIdent(parent.table)} WHERE ${quoteIdent(
            parent.to ?? 'id',
          )} = ${col(p, parent.from)})`;
      }
    }
    result.push({
      name,
      signature: columns.join(','),
      columns,
      rowKey,
      caseId,
      byKey,
      keyColumns: pk.map((c) => c.name),
    });
  }
  return result;
}

/** SQL of the row hash of one row, given a prefix (NEW., OLD. or none). */
export function rowHashSql(table: AuditedTable, prefix: string): string {
  const args = table.columns.map((c) => `${prefix}${quoteIdent(c)}`).join(', ');
  return `audit_row(${quoteText(table.name)}, ${quoteText(table.signature)}, ${args})`;
}

/**
 * One INSERT of a chain entry. Its sequence number and the previous entry's MAC come from the
 * last row (an index seek): run inside the writing transaction, two writers can never take the
 * same place, and `seq` being the primary key makes a fork fail rather than persist.
 */
export function entryInsertSql(fields: {
  readonly action: string;
  readonly tbl: string;
  readonly rowKey: string;
  readonly caseId: string;
  readonly detail: string;
  readonly rowHash: string;
}): string {
  const { action, tbl, rowKey, caseId, detail, rowHash } = fields;
  const seq = 'coalesce(l.seq, 0) + 1';
  return `INSERT INTO audit_log (seq, at, actor, action, tbl, row_key, case_id, detail, row_hash, key_id, prev_mac, mac)
    SELECT ${seq}, audit_now(${seq}), audit_actor(), ${action}, ${tbl}, ${rowKey}, ${caseId}, ${detail}, ${rowHash}, audit_key_id(), l.mac,
      audit_mac(${seq}, audit_now(${seq}), audit_actor(), ${action}, ${tbl}, ${rowKey}, ${caseId}, ${detail}, ${rowHash}, audit_key_id(), l.mac)
    FROM (SELECT 1) LEFT JOIN (SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1) AS l`;
}

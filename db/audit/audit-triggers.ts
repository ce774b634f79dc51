import type { Db } from '../connection.js';
import {
  auditedTables,
  entryInsertSql,
  quoteIdent,
  quoteText,
  rowHashSql,
  type AuditedTable,
} from './audit-schema.js';

const ACTIONS = [
  { action: 'INSERT', event: 'INSERT', row: 'NEW.' },
  { action: 'UPDATE', event: 'UPDATE', row: 'NEW.' },
  { action: 'DELETE', event: 'DELETE', row: 'OLD.' },
] as const;

function triggerName(table: string, action: string): string {
  return `audit_after_${action.toLowerCase()}_${table}`;
}

function triggerSql(table: AuditedTable, action: (typeof ACTIONS)[number]): string {
  const body = entryInsertSql({
    action: quoteText(action.action),
    tbl: quoteText(table.name),
    rowKey: table.rowKey(action.row),
    caseId: table.caseId(action.row),
    detail: 'NULL',
    rowHash: action.action === 'DELETE' ? 'NULL' : rowHashSql(table, 'NEW.'),
  });
  return `CREATE TRIGGER ${quoteIdent(triggerName(table.name, action.action))} AFTER ${action.event} ON ${quoteIdent(table.name)} BEGIN ${body}; END`;
}

/**
 * Makes every audited table carry its three triggers, generated from its columns as they are
 * now. Runs after the migrations on every open (and inside migration 022): a table added by a
 * later migration gets its triggers, and one whose columns changed gets new ones. Either way its
 * rows as they stand are recorded as the table's baseline in the same transaction, with one
 * chain entry (BASELINE) naming the table and the number of rows, so every row has a last
 * audited hash to be checked against.
 */
export function syncAuditTriggers(db: Db): { readonly changed: readonly string[] } {
  const chain = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'")
    .get();
  if (!chain) return { changed: [] };
  const existing = new Map(
    (
      db
        .prepare(
          "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit_after_%'",
        )
        .all() as { name: string; sql: string }[]
    ).map((t) => [t.name, t.sql]),
  );
  const changed: string[] = [];
  const tables = auditedTables(db);
  const pending = tables.filter((table) =>
    ACTIONS.some((a) => existing.get(triggerName(table.name, a.action)) !== triggerSql(table, a)),
  );
  if (pending.length === 0) return { changed };
  db.transaction(() => {
    for (const table of pending) {
      for (const a of ACTIONS) {
        db.exec(`DROP TRIGGER IF EXISTS ${quoteIdent(triggerName(table.name, a.action))}`);
        db.exec(triggerSql(table, a));
      }
      baselineTable(db, table);
      changed.push(table.name);
    }
  })();
  return { changed };
}

/** Records every row of `table` as it stands, bound to one BASELINE entry of the chain. */
function baselineTable(db: Db, table: AuditedTable): void {
  const rows = db
    .prepare(`SELECT count(*) FROM ${quoteIdent(table.name)}`)
    .pluck()
    .get() as number;
  if (rows === 0) return;
  db.prepare(
    entryInsertSql({
      action: "'BASELINE'",
      tbl: quoteText(table.name),
      rowKey: 'NULL',
      caseId: 'NULL',
      detail: '?',
      rowHash: 'NULL',
    }),
  ).run(JSON.stringify({ rows }), JSON.stringify({ rows }));
  const seq = db.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number;
  const rk = table.rowKey('');
  db.prepare(
    `INSERT OR REPLACE INTO audit_baseline (tbl, row_key, seq, seal)
     SELECT ${quoteText(table.name)}, ${rk}, ?, audit_baseline_seal(?, ${quoteText(table.name)}, ${rk}, ${rowHashSql(table, '')})
     FROM ${quoteIdent(table.name)}`,
  ).run(seq, seq);
}

import type { Db } from '../connection.js';
import { AuditBaselineFill } from './audit-baseline.js';
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

export interface SyncOptions {
  /**
   * `later`: write the BASELINE entries with the triggers but leave their rows to
   * `AuditBaselineFill` (the app does them in slices after start-up). Default `now`.
   */
  readonly baseline?: 'now' | 'later';
}

/**
 * Makes every audited table carry its three triggers, generated from its columns as they are
 * now. Runs after the migrations on every open (and inside migration 022). Each installation is
 * itself a chain entry naming the table's columns, which verification uses to hash the rows
 * audited under it:
 * - a table the chain has never seen (a later migration added it) gets BASELINE: the entry
 *   counts its rows, in the same transaction as the triggers; the rows as they stand go into
 *   `audit_baseline` after it (`audit-baseline.ts`: at once, or in slices when `later`);
 * - a table seen before whose triggers are missing or differ (its columns changed, a migration
 *   rebuilt it, or someone dropped them) gets TRIGGERS: never a new baseline, so an edit made
 *   while the triggers were gone is still found by verification;
 * - a table that is no longer audited row by row but still has triggers (an older ledger's
 *   `case_reported`) loses them, with one TRIGGERS_RETIRED entry.
 */
export function syncAuditTriggers(
  db: Db,
  options: SyncOptions = {},
): { readonly changed: readonly string[] } {
  const result = installTriggers(db);
  if (options.baseline !== 'later') new AuditBaselineFill(db).completeNow();
  return result;
}

function installTriggers(db: Db): { readonly changed: readonly string[] } {
  const chain = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'")
    .get();
  if (!chain) return { changed: [] };
  const installed = db
    .prepare(
      "SELECT name, sql, tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit_after_%'",
    )
    .all() as { name: string; sql: string; tbl_name: string }[];
  const existing = new Map(installed.map((t) => [t.name, t.sql]));
  const changed: string[] = [];
  const tables = auditedTables(db);
  const pending = tables.filter((table) =>
    ACTIONS.some((a) => existing.get(triggerName(table.name, a.action)) !== triggerSql(table, a)),
  );
  const audited = new Set(tables.map((t) => t.name));
  const retired = installed.filter((t) => !audited.has(t.tbl_name));
  if (pending.length === 0 && retired.length === 0) return { changed };
  const seen = db.prepare(
    "SELECT detail FROM audit_log WHERE tbl = ? AND action IN ('BASELINE', 'TRIGGERS') ORDER BY seq DESC LIMIT 1",
  );
  db.transaction(() => {
    retireTriggers(db, retired);
    for (const table of pending) {
      for (const a of ACTIONS) {
        db.exec(`DROP TRIGGER IF EXISTS ${quoteIdent(triggerName(table.name, a.action))}`);
        db.exec(triggerSql(table, a));
      }
      const before = seen.pluck().get(table.name) as string | undefined;
      if (before === undefined) baselineEntry(db, table);
      else {
        const columns = (JSON.parse(before) as { columns?: string }).columns;
        appendInstall(db, 'TRIGGERS', table.name, {
          columns: table.signature,
          reason: columns === table.signature ? 'RESTORED' : 'COLUMNS_CHANGED',
        });
      }
      changed.push(table.name);
    }
  })();
  return { changed };
}

/**
 * Drops the triggers of a table that has left the per-row chain (the register of reported
 * versions, once audited row by row), recording it once per table: the rows it writes from then
 * on are covered another way, and the chain says from which entry on.
 */
function retireTriggers(db: Db, triggers: readonly { name: string; tbl_name: string }[]): void {
  const tables = new Set<string>();
  for (const t of triggers) {
    db.exec(`DROP TRIGGER IF EXISTS ${quoteIdent(t.name)}`);
    tables.add(t.tbl_name);
  }
  for (const table of tables)
    appendInstall(db, 'TRIGGERS_RETIRED', table, { reason: 'NOT_AUDITED' });
}

function appendInstall(
  db: Db,
  action: 'BASELINE' | 'TRIGGERS' | 'TRIGGERS_RETIRED',
  table: string,
  detail: Record<string, unknown>,
): number {
  const text = JSON.stringify(detail);
  db.prepare(
    entryInsertSql({
      action: quoteText(action),
      tbl: quoteText(table),
      rowKey: 'NULL',
      caseId: 'NULL',
      detail: '?',
      rowHash: 'NULL',
    }),
  ).run(text, text);
  return db.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number;
}

/**
 * Binds the rows of `table` as they stand to one BASELINE entry; the rows themselves go into
 * `audit_baseline` through `AuditBaselineFill`, which hashes them over the columns named here.
 */
function baselineEntry(db: Db, table: AuditedTable): void {
  const rows = db
    .prepare(`SELECT count(*) FROM ${quoteIdent(table.name)}`)
    .pluck()
    .get() as number;
  appendInstall(db, 'BASELINE', table.name, { columns: table.signature, rows });
}

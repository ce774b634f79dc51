import type { Db } from '../connection.js';
import { auditedTables, quoteIdent, quoteText, type AuditedTable } from './audit-schema.js';

/** Rows recorded per transaction: short enough that a read waits at most one slice. */
export const BASELINE_SLICE_ROWS = 2_000;

/**
 * A baseline this small is recorded at once while the ledger opens (well under a second): a new
 * or small ledger then opens exactly as before, with nothing pending and no write refused.
 */
export const BASELINE_AT_OPEN_ROWS = 20_000;

export interface BaselineProgress {
  readonly done: number;
  readonly total: number;
}

interface PendingTable {
  readonly table: AuditedTable;
  /** The BASELINE entry the rows are bound to. */
  readonly seq: number;
  /** The columns the rows are hashed over: those of the installation, as verification reads them. */
  readonly signature: string;
  readonly rows: number;
  done: number;
  /** The key of the last row recorded, for a table keyed by one column (or its rowid). */
  after?: unknown;
}

/**
 * The rows of a table that gets its triggers for the first time are recorded in
 * `audit_baseline`, bound to its BASELINE entry. The entry and the triggers are written in one
 * short transaction (`syncAuditTriggers`); the rows follow here, a slice per transaction, so a
 * 100,000-case ledger that meets the chain for the first time opens at once.
 *
 * The chain stays provably complete because nothing writes the table between the two: the
 * triggers refuse any writer without the audit functions, and the app refuses its own writes
 * until `finished` (`LedgerSession.beforeWrite`). A slice's rows are the next ones in key order
 * after those already recorded, so a process killed between slices resumes where it stopped,
 * and a slice done twice writes the same bytes (`INSERT OR REPLACE` of the same seal).
 */
export class AuditBaselineFill {
  private readonly pending: PendingTable[];
  readonly total: number;

  constructor(private readonly db: Db) {
    this.pending = pendingTables(db);
    this.total = this.pending.reduce((sum, p) => sum + p.rows, 0);
  }

  get progress(): BaselineProgress {
    return { done: this.pending.reduce((sum, p) => sum + p.done, 0), total: this.total };
  }

  get finished(): boolean {
    return this.pending.every((p) => p.done >= p.rows);
  }

  /** Records the next slice of rows in its own transaction; false once nothing is left. */
  step(limit = BASELINE_SLICE_ROWS): boolean {
    const next = this.pending.find((p) => p.done < p.rows);
    if (!next) return false;
    const written = this.db.transaction(() => fillSlice(this.db, next, limit))();
    // A table that has fewer rows than its entry says cannot happen while writes are held;
    // stop rather than loop if it did.
    next.done = written < limit ? next.rows : next.done + written;
    return !this.finished;
  }

  /** Runs every slice now (migrations without a running app, tools, tests). */
  completeNow(): void {
    while (this.step()) {
      // each step is its own transaction
    }
  }
}

/** Tables whose newest installation is a BASELINE with fewer recorded rows than it counted. */
function pendingTables(db: Db): PendingTable[] {
  const hasChain = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_baseline'")
    .get();
  if (!hasChain) return [];
  // Through the (tbl, row_key, seq) index: installation entries have no row key.
  const install = db.prepare(
    "SELECT seq, action, detail FROM audit_log WHERE tbl = ? AND row_key IS NULL AND action IN ('BASELINE', 'TRIGGERS') ORDER BY seq LIMIT 1",
  );
  const recorded = db.prepare('SELECT count(*) FROM audit_baseline WHERE tbl = ? AND seq = ?');
  const result: PendingTable[] = [];
  for (const table of auditedTables(db)) {
    const first = install.get(table.name) as
      { seq: number; action: string; detail: string | null } | undefined;
    if (!first || first.action !== 'BASELINE') continue;
    const detail = JSON.parse(first.detail ?? '{}') as { columns?: string; rows?: number };
    const rows = detail.rows ?? 0;
    if (rows === 0) continue;
    const done = recorded.pluck().get(table.name, first.seq) as number;
    if (done >= rows) continue;
    result.push({
      table,
      seq: first.seq,
      signature: detail.columns ?? table.signature,
      rows,
      done,
    });
  }
  return result;
}

/**
 * The next `limit` rows after those recorded, in key order. A table keyed by one column (every
 * large one) continues after the last key (an index seek); a composite key skips the rows done
 * (`OFFSET`, a walk that grows with the table, fine for the small tables keyed so).
 */
function fillSlice(db: Db, p: PendingTable, limit: number): number {
  const { table } = p;
  const name = quoteText(table.name);
  const rk = table.rowKey('');
  const columns = p.signature.split(',').map(quoteIdent).join(', ');
  const hash = `audit_row(${name}, ${quoteText(p.signature)}, ${columns})`;
  const insert = `INSERT OR REPLACE INTO audit_baseline (tbl, row_key, seq, seal)
       SELECT ${name}, ${rk}, ?, audit_baseline_seal(?, ${name}, ${rk}, ${hash})
       FROM ${quoteIdent(table.name)}`;
  if (table.keyColumns.length > 1) {
    const order = table.keyColumns.map(quoteIdent).join(', ');
    return db
      .prepare(`${insert} ORDER BY ${order} LIMIT ? OFFSET ?`)
      .run(p.seq, p.seq, limit, p.done).changes;
  }
  const key = table.keyColumns[0] === undefined ? 'rowid' : quoteIdent(table.keyColumns[0]);
  const from = quoteIdent(table.name);
  if (p.after === undefined && p.done > 0) {
    // Resuming after a stop: the rows done are the first ones in key order.
    p.after = db
      .prepare(`SELECT ${key} FROM ${from} ORDER BY ${key} LIMIT 1 OFFSET ?`)
      .pluck()
      .get(p.done - 1);
  }
  const range = p.after === undefined ? '' : `WHERE ${key} > ?`;
  const bound = p.after === undefined ? [] : [p.after];
  const written = db
    .prepare(`${insert} ${range} ORDER BY ${key} LIMIT ?`)
    .run(p.seq, p.seq, ...bound, limit).changes;
  p.after = db
    .prepare(
      `SELECT max(k) FROM (SELECT ${key} AS k FROM ${from} ${range} ORDER BY ${key} LIMIT ?)`,
    )
    .pluck()
    .get(...bound, limit);
  return written;
}

import type { Db } from '../connection.js';
import { statement } from '../statement-cache.js';
import { entryInsertSql } from './audit-schema.js';

/** Chain entries that are not a table write: sign-ins, ID reveals, prints, exports… */
export interface AuditEvent {
  /** Upper-case verb, e.g. SIGN_IN, REVEAL_ID, PRINT, EXPORT, BACKUP, RESTORE. */
  readonly action: string;
  readonly caseId?: number | null;
  /** What happened, without personal data (field names and record ids, never the values). */
  readonly detail?: Readonly<Record<string, unknown>> | null;
}

const APPEND_SQL = entryInsertSql({
  action: '?',
  tbl: 'NULL',
  rowKey: 'NULL',
  caseId: '?',
  detail: '?',
  rowHash: 'NULL',
});

/**
 * Appends one event to the chain. Call it inside the transaction of the write it belongs to (if
 * any), so the event and the write commit or roll back together.
 */
export function appendAuditEvent(db: Db, event: AuditEvent): number {
  const detail = event.detail ? JSON.stringify(event.detail) : null;
  const caseId = event.caseId ?? null;
  // Each placeholder appears twice in the statement (stored, and inside the MAC).
  return Number(
    statement(db, APPEND_SQL).run(event.action, caseId, detail, event.action, caseId, detail)
      .lastInsertRowid,
  );
}

/** The newest entry: what county reports and agreements carry as the chain's head. */
export interface AuditHead {
  readonly seq: number;
  readonly mac: string;
  readonly at: string;
}

export function auditHead(
  db: Db,
  options: { exceptExportRegister?: boolean } = {},
): AuditHead | null {
  // A package or table carries the head as of the last change to the ledger other than the
  // export register itself, so exporting unchanged content twice gives the same bytes.
  const row = db
    .prepare(
      options.exceptExportRegister
        ? `SELECT seq, hex(mac) AS mac, at FROM audit_log
            WHERE action <> 'EXPORT' AND coalesce(tbl, '') NOT IN ('export_run', 'case_reported')
            ORDER BY seq DESC LIMIT 1`
        : 'SELECT seq, hex(mac) AS mac, at FROM audit_log ORDER BY seq DESC LIMIT 1',
    )
    .get() as { seq: number; mac: string; at: string } | undefined;
  return row ? { seq: row.seq, mac: row.mac.toLowerCase(), at: row.at } : null;
}

/**
 * Whether `head` is an entry of this ledger's chain and every entry after it records no change
 * to the ledger's rows: no row entry (each audited table's writes are one, with `tbl`) and no
 * EXPORT (its register rows are not audited row by row; see audit-schema.ts). Such entries are
 * sign-ins, locks, refusals, prints, reveals: the rows are as they were at `head`.
 */
export function onlyEventsSince(db: Db, head: { readonly seq: number; readonly mac: string }) {
  const mac = db.prepare('SELECT hex(mac) FROM audit_log WHERE seq = ?').pluck().get(head.seq) as
    string | undefined;
  if (mac?.toLowerCase() !== head.mac.toLowerCase()) return false;
  const change = db
    .prepare(
      "SELECT 1 FROM audit_log WHERE seq > ? AND (tbl IS NOT NULL OR action = 'EXPORT') LIMIT 1",
    )
    .pluck()
    .get(head.seq);
  return change === undefined;
}

export interface AuditListFilter {
  /** Part of a case number; the entries of the cases it matches. */
  readonly caseNumber?: string | null;
  readonly actor?: string | null;
  readonly action?: string | null;
  /** China dates (YYYY-MM-DD), inclusive. */
  readonly from?: string | null;
  readonly to?: string | null;
  /** Entries older than this sequence number (the next page). */
  readonly beforeSeq?: number | null;
  readonly limit: number;
}

export interface AuditListRow {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly table: string | null;
  readonly rowKey: string | null;
  readonly caseId: number | null;
  readonly caseNumber: string | null;
  readonly detail: string | null;
}

/** The newest entries matching the filter, newest first. */
export function listAuditEntries(db: Db, filter: AuditListFilter): AuditListRow[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.caseNumber) {
    where.push('a.case_id IN (SELECT id FROM case_file WHERE instr(case_number, ?) > 0 LIMIT 200)');
    params.push(filter.caseNumber);
  }
  if (filter.actor) {
    where.push('a.actor = ?');
    params.push(filter.actor);
  }
  if (filter.action) {
    where.push('a.action = ?');
    params.push(filter.action);
  }
  // Entries are stamped in UTC; the period is in China time (UTC+8, no daylight saving).
  if (filter.from) {
    where.push("a.at >= strftime('%Y-%m-%dT%H:%M:%fZ', ?, '-8 hours')");
    params.push(filter.from);
  }
  if (filter.to) {
    where.push("a.at < strftime('%Y-%m-%dT%H:%M:%fZ', ?, '+1 day', '-8 hours')");
    params.push(filter.to);
  }
  if (filter.beforeSeq) {
    where.push('a.seq < ?');
    params.push(filter.beforeSeq);
  }
  params.push(filter.limit);
  const rows = db
    .prepare(
      `SELECT a.seq, a.at, a.actor, a.action, a.tbl AS "table", a.row_key AS rowKey,
              a.case_id AS caseId, c.case_number AS caseNumber, a.detail
         FROM audit_log a LEFT JOIN case_file c ON c.id = a.case_id
        ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY a.seq DESC LIMIT ?`,
    )
    .all(...params) as (Omit<AuditListRow, 'rowKey'> & { rowKey: unknown })[];
  return rows.map((r) => ({ ...r, rowKey: r.rowKey === null ? null : String(r.rowKey) }));
}

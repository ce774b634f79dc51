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
    statement(db, APPEND_SQL).run(event.action, caseId, detail, event.action, caseId, detail).lastInsertRowid,
  );
}

/** The newest entry: what county reports and agreements carry as the chain's head. */
export interface AuditHead {
  readonly seq: number;
  readonly mac: string;
  readonly at: string;
}

export function auditHead(db: Db): AuditHead | null {
  const row = db
    .prepare('SELECT seq, hex(mac) AS mac, at FROM audit_log ORDER BY seq DESC LIMIT 1')
    .get() as { seq: number; mac: string; at: string } | undefined;
  return row ? { seq: row.seq, mac: row.mac.toLowerCase(), at: row.at } : null;
}

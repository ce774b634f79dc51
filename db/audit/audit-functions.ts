import type { Db } from '../connection.js';
import { createHash } from 'node:crypto';
import {
  baselineSeal,
  columnsOf,
  entryMac,
  rowHash,
  sealHex,
  type SqlValue,
} from './audit-hash.js';
import {
  auditKeyFileFor,
  loadOrCreateAuditKey,
  randomAuditKey,
  type AuditKey,
} from './audit-key.js';

/**
 * What the audit triggers need from the process that writes: the key (never in the ledger),
 * who is acting and the time. The core passes its own (the signed-in person, its clock); any
 * other writer (migrations run by tests, benchmarks, tools) gets `defaultAuditContext`.
 */
export interface AuditContext {
  readonly key: () => AuditKey;
  readonly actor: () => string;
  readonly now: () => Date;
}

/** The actor of writes made outside a signed-in session: migrations, seeding, tools. */
export const SYSTEM_ACTOR = '系统';

/** The key file beside the ledger, loaded (or made) on the first audited write. */
export function defaultAuditContext(ledgerFile: string): AuditContext {
  let key: AuditKey | null = null;
  return {
    key: () => {
      key ??=
        ledgerFile === ':memory:' || ledgerFile === ''
          ? randomAuditKey()
          : loadOrCreateAuditKey(auditKeyFileFor(ledgerFile)).key;
      return key;
    },
    actor: () => SYSTEM_ACTOR,
    now: () => new Date(),
  };
}

/**
 * Registers the SQL functions the audit triggers call. Every read-write connection to a ledger
 * must have them: a trigger that names a missing function fails the statement that fires it
 * (which is also what an outside tool meets when it writes to the ledger without the app).
 * The functions only compute; none runs a statement.
 */
export function registerAuditFunctions(db: Db, context: AuditContext): void {
  // One entry's time is read twice by its trigger (stored, and inside the MAC): the same
  // sequence number gets the same time, so the two can never differ by a millisecond.
  let lastSeq = -1;
  let lastAt = '';
  db.function('audit_now', { deterministic: false }, (seq: unknown) => {
    const n = Number(seq);
    if (n !== lastSeq) {
      lastSeq = n;
      lastAt = context.now().toISOString();
    }
    return lastAt;
  });
  db.function('audit_actor', { deterministic: false }, () => context.actor());
  db.function('audit_key_id', { deterministic: false }, () => context.key().id);
  // A trigger names the row hash twice (the stored hash, and inside the entry's MAC) and SQLite
  // calls the function for each: the second call, with the same row, gets the first answer
  // instead of a second HMAC. The hash depends on nothing but these arguments and the key.
  let lastRow: { key: AuditKey; args: unknown[]; hash: Buffer } | null = null;
  db.function('audit_row', { deterministic: true, varargs: true }, (...args: unknown[]) => {
    const key = context.key();
    if (lastRow !== null && lastRow.key === key && sameArgs(lastRow.args, args))
      return lastRow.hash;
    const [table, signature, ...values] = args;
    const hash = rowHash(key, String(table), columnsOf(String(signature)), values as SqlValue[]);
    lastRow = { key, args, hash };
    return hash;
  });
  db.function(
    'audit_mac',
    { deterministic: true },
    (
      seq: unknown,
      at: unknown,
      actor: unknown,
      action: unknown,
      tbl: unknown,
      rowKey: unknown,
      caseId: unknown,
      detail: unknown,
      hash: unknown,
      keyId: unknown,
      prev: unknown,
    ) =>
      entryMac(context.key(), {
        seq: Number(seq),
        at: String(at),
        actor: String(actor),
        action: String(action),
        tbl: tbl === null ? null : String(tbl),
        rowKey: rowKey as SqlValue,
        caseId: caseId === null ? null : Number(caseId),
        detail: detail === null ? null : String(detail),
        rowHash: hash as Buffer | null,
        keyId: String(keyId),
        prevMac: prev as Buffer | null,
      }),
  );
  db.function(
    'audit_baseline_seal',
    { deterministic: true },
    (seq: unknown, table: unknown, rowKey: unknown, hash: unknown) =>
      baselineSeal(context.key(), Number(seq), String(table), rowKey as SqlValue, hash as Buffer),
  );
  // Agreement seals (migration 022 seals the agreements whose stored SHA-256 still matches).
  db.function('audit_seal', { deterministic: true }, (purpose: unknown, bytes: unknown) =>
    bytes === null ? null : sealHex(context.key(), String(purpose), bytes as Buffer | string),
  );
  db.function('audit_sha256', { deterministic: true }, (bytes: unknown) =>
    bytes === null
      ? null
      : createHash('sha256')
          .update(bytes as Buffer | string)
          .digest('hex'),
  );
}

function sameArgs(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (!(x instanceof Uint8Array && y instanceof Uint8Array && Buffer.compare(x, y) === 0))
      return false;
  }
  return true;
}

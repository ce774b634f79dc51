import { createHmac, type Hmac } from 'node:crypto';
import type { AuditKey } from './audit-key.js';

/** A value as SQLite hands it to a function or a row read. */
export type SqlValue = string | number | bigint | Buffer | Uint8Array | null;

/**
 * Length-prefixed, typed encoding: two different field lists can never encode alike (the
 * "len‖field" rule of reliability-security.md §4.2). Integers and reals that are equal in
 * JavaScript encode alike on purpose: the trigger and the verifier both see JavaScript numbers.
 */
function put(mac: Hmac, value: SqlValue): void {
  let tag: string;
  let bytes: Buffer;
  if (value === null || value === undefined) {
    tag = 'n';
    bytes = Buffer.alloc(0);
  } else if (typeof value === 'string') {
    tag = 's';
    bytes = Buffer.from(value, 'utf8');
  } else if (typeof value === 'number') {
    tag = Number.isInteger(value) ? 'i' : 'r';
    bytes = Buffer.from(String(value), 'latin1');
  } else if (typeof value === 'bigint') {
    tag = 'i';
    bytes = Buffer.from(value.toString(), 'latin1');
  } else {
    tag = 'b';
    bytes = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  }
  const head = Buffer.alloc(5);
  head.write(tag, 0, 'latin1');
  head.writeUInt32BE(bytes.length, 1);
  mac.update(head);
  mac.update(bytes);
}

/** Column lists are passed to the row hash as one comma-separated string; split once. */
const columnLists = new Map<string, readonly string[]>();
export function columnsOf(signature: string): readonly string[] {
  let list = columnLists.get(signature);
  if (!list) {
    list = signature.split(',');
    columnLists.set(signature, list);
  }
  return list;
}

/**
 * 16 bytes of HMAC over a row's table and its non-NULL columns by name. NULLs are left out so
 * a later `ADD COLUMN` without a default keeps every stored hash valid.
 */
export function rowHash(
  key: AuditKey,
  table: string,
  columns: readonly string[],
  values: readonly SqlValue[],
): Buffer {
  const mac = createHmac('sha256', key.bytes);
  put(mac, 'row');
  put(mac, table);
  for (let i = 0; i < columns.length; i++) {
    const value = values[i] ?? null;
    if (value === null) continue;
    put(mac, columns[i] ?? '');
    put(mac, value);
  }
  return mac.digest().subarray(0, 16);
}

/** The fields of one chain entry, in the order the MAC covers them. */
export interface AuditEntryFields {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly tbl: string | null;
  readonly rowKey: SqlValue;
  readonly caseId: number | null;
  readonly detail: string | null;
  readonly rowHash: Buffer | Uint8Array | null;
  readonly keyId: string;
  readonly prevMac: Buffer | Uint8Array | null;
}

export function entryMac(key: AuditKey, e: AuditEntryFields): Buffer {
  const mac = createHmac('sha256', key.bytes);
  put(mac, 'entry-v1');
  for (const value of [
    e.seq,
    e.at,
    e.actor,
    e.action,
    e.tbl,
    e.rowKey,
    e.caseId,
    e.detail,
    e.rowHash,
    e.keyId,
    e.prevMac,
  ])
    put(mac, value);
  return mac.digest();
}

/** A baseline row binds a row's hash to its place and to the chain entry that made it. */
export function baselineSeal(
  key: AuditKey,
  seq: number,
  table: string,
  rowKey: SqlValue,
  hash: Uint8Array,
): Buffer {
  const mac = createHmac('sha256', key.bytes);
  put(mac, 'baseline');
  put(mac, seq);
  put(mac, table);
  put(mac, rowKey);
  put(mac, hash);
  return mac.digest().subarray(0, 16);
}

/** HMAC-SHA-256 (hex) of one purpose-tagged byte string: agreement PDFs and their content. */
export function sealHex(key: AuditKey, purpose: string, bytes: Uint8Array | string): string {
  const mac = createHmac('sha256', key.bytes);
  put(mac, purpose);
  put(mac, typeof bytes === 'string' ? bytes : bytes);
  return mac.digest('hex');
}

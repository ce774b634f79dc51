import { createHmac, createSecretKey, type Hmac, type KeyObject } from 'node:crypto';
import type { AuditKey } from './audit-key.js';

/** A value as SQLite hands it to a function or a row read. */
export type SqlValue = string | number | bigint | Buffer | Uint8Array | null;

/**
 * Length-prefixed, typed encoding: two different field lists can never encode alike (the
 * "len‖field" rule of reliability-security.md §4.2). Integers and reals that are equal in
 * JavaScript encode alike on purpose: the trigger and the verifier both see JavaScript numbers.
 *
 * Every field of one MAC is written into one reused buffer and handed to the HMAC in a single
 * update: a row of sixty columns fed field by field crossed into native code 240 times. The bytes
 * are exactly those of the field-by-field encoding (tests/unit/db/audit-hash-vectors.test.ts), so
 * every chain written before still verifies.
 */
let buffer = Buffer.allocUnsafe(64 * 1024);
let used = 0;

function room(bytes: number): void {
  if (used + bytes <= buffer.length) return;
  const grown = Buffer.allocUnsafe(Math.max(buffer.length * 2, used + bytes));
  buffer.copy(grown, 0, 0, used);
  buffer = grown;
}

function head(tag: number, length: number, at: number): void {
  buffer[at] = tag;
  buffer.writeUInt32BE(length, at + 1);
}

const TAG_NULL = 0x6e; // n
const TAG_STRING = 0x73; // s
const TAG_INTEGER = 0x69; // i
const TAG_REAL = 0x72; // r
const TAG_BLOB = 0x62; // b

function put(value: SqlValue | undefined): void {
  if (value === null || value === undefined) {
    room(5);
    head(TAG_NULL, 0, used);
    used += 5;
  } else if (typeof value === 'string') {
    // UTF-8 needs at most three bytes per UTF-16 unit.
    room(5 + value.length * 3);
    const n = buffer.write(value, used + 5, 'utf8');
    head(TAG_STRING, n, used);
    used += 5 + n;
  } else if (typeof value === 'number' || typeof value === 'bigint') {
    const text = String(value);
    room(5 + text.length);
    const n = buffer.write(text, used + 5, 'latin1');
    head(typeof value === 'bigint' || Number.isInteger(value) ? TAG_INTEGER : TAG_REAL, n, used);
    used += 5 + n;
  } else {
    room(5 + value.byteLength);
    head(TAG_BLOB, value.byteLength, used);
    buffer.set(value, used + 5);
    used += 5 + value.byteLength;
  }
}

/** The key as a KeyObject, made once: importing the raw bytes again for every HMAC was waste. */
const keyObjects = new WeakMap<AuditKey, KeyObject>();

/** An HMAC under `key` fed with what was put so far. */
function hmacOfPut(key: AuditKey): Hmac {
  let keyObject = keyObjects.get(key);
  if (!keyObject) {
    keyObject = createSecretKey(key.bytes);
    keyObjects.set(key, keyObject);
  }
  const hmac = createHmac('sha256', keyObject).update(buffer.subarray(0, used));
  used = 0;
  return hmac;
}

function mac(key: AuditKey): Buffer {
  return hmacOfPut(key).digest();
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
  used = 0;
  put('row');
  put(table);
  for (let i = 0; i < columns.length; i++) {
    const value = values[i] ?? null;
    if (value === null) continue;
    put(columns[i] ?? '');
    put(value);
  }
  return mac(key).subarray(0, 16);
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
  used = 0;
  put('entry-v1');
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
    put(value);
  return mac(key);
}

/** A baseline row binds a row's hash to its place and to the chain entry that made it. */
export function baselineSeal(
  key: AuditKey,
  seq: number,
  table: string,
  rowKey: SqlValue,
  hash: Uint8Array,
): Buffer {
  used = 0;
  put('baseline');
  put(seq);
  put(table);
  put(rowKey);
  put(hash);
  return mac(key).subarray(0, 16);
}

/** HMAC-SHA-256 (hex) of one purpose-tagged byte string: agreement PDFs and their content. */
export function sealHex(key: AuditKey, purpose: string, bytes: Uint8Array | string): string {
  used = 0;
  put(purpose);
  if (typeof bytes === 'string') {
    put(bytes);
    return mac(key).toString('hex');
  }
  // A PDF of megabytes is fed as it is, not copied into the shared buffer (which would then
  // stay that large).
  room(5);
  head(TAG_BLOB, bytes.byteLength, used);
  used += 5;
  return hmacOfPut(key).update(bytes).digest('hex');
}

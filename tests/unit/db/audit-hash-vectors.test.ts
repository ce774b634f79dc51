import Database from 'better-sqlite3-multiple-ciphers';
import { expect, it } from 'vitest';
import { registerAuditFunctions } from '../../../db/audit/audit-functions.js';
import {
  baselineSeal,
  entryMac,
  rowHash,
  sealHex,
  type SqlValue,
} from '../../../db/audit/audit-hash.js';
import { auditKeyOf } from '../../../db/audit/audit-key.js';

// Hashes as the chain of migration 022 wrote them. Chains already in ledgers verify only while
// these bytes stay the same: a faster encoder must reproduce them exactly.
const key = auditKeyOf(Buffer.from(Array.from({ length: 32 }, (_, i) => i)));
const columns = ['id', 'name', 'note', 'zero', 'real', 'big', 'blob', 'lone', 'long', 'neg'];
const values: SqlValue[] = [
  7,
  '王芳\u180E ᠮᠣᠩᠭᠣᠯ',
  null,
  0,
  1.5,
  12345678901234567890n,
  Buffer.from([0, 1, 2, 255]),
  'a\uD800b',
  '草场'.repeat(5000),
  -42,
];

it('row hashes, entry MACs, baseline and agreement seals keep their 022 bytes', () => {
  const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
  const row = rowHash(key, 'party', columns, values);
  const rowOnlyNulls = rowHash(key, 'party', ['a', 'b'], [null, null]);
  const entry = entryMac(key, {
    seq: 12,
    at: '2026-03-10T02:00:00.000Z',
    actor: '系统',
    action: 'UPDATE',
    tbl: 'party',
    rowKey: 7,
    caseId: null,
    detail: null,
    rowHash: row,
    keyId: key.id,
    prevMac: Buffer.alloc(32, 9),
  });
  const first = entryMac(key, {
    seq: 1,
    at: 'x',
    actor: 'y',
    action: 'BASELINE',
    tbl: null,
    rowKey: '[1,"a"]',
    caseId: 3,
    detail: '{"columns":"id"}',
    rowHash: null,
    keyId: key.id,
    prevMac: null,
  });
  expect(hex(row)).toBe('2f47a04d40eddafc3ac510eee5184d15');
  expect(hex(rowOnlyNulls)).toBe('48a6a15c23873612b00e35a972e0a4b4');
  expect(hex(entry)).toBe('28ec83a5b2ca52052c29029a256d6935384a3fb65ffb47ca08b7416bb91102d0');
  expect(hex(first)).toBe('d0a81eb6ee83d6e93f6b643462eab51c3246eda1dbbfc70cce667915c0637c50');
  expect(hex(baselineSeal(key, 5, 'party', 7, row))).toBe('59b787bde89eac84f8e597b75a9d7aa7');
  expect(sealHex(key, 'agreement-content', '{"a":"协议"}')).toBe(
    '2e2f38ffa03a46aed9c765eb70c40eb0cdab3ab570fb01ae6c977e7e299dde95',
  );
  expect(sealHex(key, 'agreement-pdf', Buffer.from('%PDF-1.7 …'))).toBe(
    '0f3d33a3d18d42ba57ca1f838aea72e8f00a15eaeac198e3c724f4f12644170e',
  );
  // The same answers again: the encoder's reused buffer carries nothing from one hash over.
  expect(hex(rowHash(key, 'party', columns, values))).toBe('2f47a04d40eddafc3ac510eee5184d15');
});

it('the row-hash function answers a repeated row from memory and a changed row afresh', () => {
  const db = new Database(':memory:');
  registerAuditFunctions(db, { key: () => key, actor: () => 'a', now: () => new Date(0) });
  const sql = db.prepare("SELECT audit_row('t', 'id,name,pdf', ?, ?, ?)").pluck();
  const hash = (...v: SqlValue[]) => Buffer.from(sql.get(...v) as Buffer).toString('hex');
  const direct = (...v: SqlValue[]) =>
    Buffer.from(rowHash(key, 't', ['id', 'name', 'pdf'], v)).toString('hex');
  const pdf = Buffer.from([1, 2, 3]);
  for (const values of [
    [1, '王芳', pdf],
    [1, '王芳', pdf],
    [1, '王芳', Buffer.from([1, 2, 4])],
    [1, '王芳', Buffer.from([1, 2, 4])],
    [1, '王芳 ', Buffer.from([1, 2, 4])],
    [2, '王芳 ', Buffer.from([1, 2, 4])],
    [2, '王芳 ', null],
    [2.5, '王芳 ', null],
  ] as SqlValue[][])
    expect(hash(...values)).toBe(direct(...values));
  db.close();
});

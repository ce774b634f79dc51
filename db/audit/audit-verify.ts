import type { AuditFinding, AuditVerifyResult } from '../../domain/audit/audit-views.js';
import type { Db } from '../connection.js';
import { baselineSeal, entryMac, rowHash, type SqlValue } from './audit-hash.js';
import type { AuditKey } from './audit-key.js';
import { auditedTables, quoteIdent } from './audit-schema.js';
import { registerChangedAfter, type ExportEntry } from './reported-register.js';

const MAX_ROW_FINDINGS = 200;
/** Rows or entries between two yields: keeps each slice of work well under 100 ms. */
const SLICE = 4000;

interface EntryRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  tbl: string | null;
  row_key: SqlValue;
  case_id: number | null;
  detail: string | null;
  row_hash: Buffer | null;
  key_id: string;
  prev_mac: Buffer | null;
  mac: Buffer;
}

const same = (a: Uint8Array | null, b: Uint8Array | null): boolean =>
  a === null || b === null ? a === b : Buffer.compare(a, b) === 0;

/**
 * Walks the whole chain, then every row of every audited table, and says where they disagree.
 * A generator: it yields between slices so the caller can let other work run (the core answers
 * requests meanwhile); `db` should hold a read transaction so all slices see one snapshot.
 * Read-only: it never writes, so it also runs on a DAMAGED ledger.
 */
export function* verifyAuditChain(
  db: Db,
  key: AuditKey | null,
): Generator<void, AuditVerifyResult> {
  let entries = 0;
  let entriesWithoutKey = 0;
  let brokenEntries = 0;
  let firstBroken: AuditFinding | null = null;
  let previous: EntryRow | null = null;
  const keyIdOfSeq = new Map<number, string>();
  const triggersRestored: { seq: number; at: string; table: string }[] = [];
  const exports: ExportEntry[] = [];
  const breakAt = (kind: AuditFinding['kind'], e: EntryRow) => {
    brokenEntries += 1;
    firstBroken ??= {
      kind,
      seq: e.seq,
      at: e.at,
      action: e.action,
      table: e.tbl,
      rowKey: e.row_key === null ? null : String(e.row_key),
      caseId: e.case_id,
      caseNumber: null,
    };
  };
  const walk = db.prepare('SELECT * FROM audit_log ORDER BY seq');
  for (const e of walk.iterate() as IterableIterator<EntryRow>) {
    entries += 1;
    if (e.action === 'BASELINE') keyIdOfSeq.set(e.seq, e.key_id);
    if (e.action === 'EXPORT') exports.push({ seq: e.seq, at: e.at, detail: e.detail });
    if (e.action === 'TRIGGERS' && e.detail?.includes('"RESTORED"') && triggersRestored.length < 50)
      triggersRestored.push({ seq: e.seq, at: e.at, table: e.tbl ?? '' });
    const expectedSeq = previous === null ? 1 : previous.seq + 1;
    if (e.seq !== expectedSeq) breakAt('ENTRY_MISSING', e);
    else if (!same(e.prev_mac, previous === null ? null : previous.mac)) breakAt('LINK_BROKEN', e);
    else if (key === null || e.key_id !== key.id) entriesWithoutKey += 1;
    else if (
      !same(
        e.mac,
        entryMac(key, {
          seq: e.seq,
          at: e.at,
          actor: e.actor,
          action: e.action,
          tbl: e.tbl,
          rowKey: e.row_key,
          caseId: e.case_id,
          detail: e.detail,
          rowHash: e.row_hash,
          keyId: e.key_id,
          prevMac: e.prev_mac,
        }),
      )
    )
      breakAt('ENTRY_CHANGED', e);
    previous = e;
    if (entries % SLICE === 0) yield;
  }

  let rowsChecked = 0;
  let rowsWithoutKey = 0;
  let rowFindingCount = 0;
  const rowFindings: AuditFinding[] = [];
  const found = (
    kind: AuditFinding['kind'],
    table: string,
    rk: SqlValue,
    caseId: number | null,
    last: { seq: number; at?: string | null; action?: string | null } | null,
  ) => {
    rowFindingCount += 1;
    if (rowFindings.length < MAX_ROW_FINDINGS) {
      rowFindings.push({
        kind,
        seq: last?.seq ?? null,
        at: last?.at ?? null,
        action: last?.action ?? null,
        table,
        rowKey: rk === null ? null : String(rk),
        caseId,
        caseNumber: null,
      });
    }
  };

  for (const table of auditedTables(db)) {
    // The last audited state of each row of this table: the newest entry, or its baseline.
    const lastEntry = new Map<unknown, EntryRow>();
    for (const e of db
      .prepare('SELECT * FROM audit_log WHERE tbl = ? AND row_key IS NOT NULL ORDER BY seq')
      .iterate(table.name) as IterableIterator<EntryRow>) {
      lastEntry.set(e.row_key, e);
    }
    const baseline = new Map<unknown, { seq: number; seal: Buffer }>();
    for (const b of db
      .prepare('SELECT row_key, seq, seal FROM audit_baseline WHERE tbl = ?')
      .iterate(table.name) as IterableIterator<{ row_key: unknown; seq: number; seal: Buffer }>) {
      baseline.set(b.row_key, { seq: b.seq, seal: b.seal });
    }
    // Which columns the rows were hashed over, by the installation in force at each entry.
    const installs = (
      db
        .prepare(
          "SELECT seq, detail FROM audit_log WHERE tbl = ? AND action IN ('BASELINE', 'TRIGGERS') ORDER BY seq",
        )
        .all(table.name) as { seq: number; detail: string | null }[]
    ).map((i) => {
      const columns = (JSON.parse(i.detail ?? '{}') as { columns?: string }).columns;
      const names = columns ? columns.split(',') : table.columns;
      const at = new Map(table.columns.map((c, k) => [c, k + 2]));
      return { seq: i.seq, names, picks: names.map((c) => at.get(c) ?? -1) };
    });
    const hashAt = (seq: number, raw: readonly SqlValue[]): Buffer => {
      let install = installs[0];
      for (const i of installs) if (i.seq <= seq) install = i;
      if (!install) return rowHash(key!, table.name, table.columns, raw.slice(2));
      return rowHash(
        key!,
        table.name,
        install.names,
        install.picks.map((k) => (k < 0 ? null : (raw[k] ?? null))),
      );
    };
    yield;
    const cols = table.columns.map((c) => quoteIdent(c)).join(', ');
    const rows = db
      .prepare(
        `SELECT ${table.rowKey('')} AS "__rk", ${table.caseId('')} AS "__case", ${cols} FROM ${quoteIdent(table.name)}`,
      )
      .raw(true);
    for (const raw of rows.iterate() as IterableIterator<SqlValue[]>) {
      rowsChecked += 1;
      const rk = raw[0] ?? null;
      const caseId = raw[1] === null || raw[1] === undefined ? null : Number(raw[1]);
      const entry = lastEntry.get(rk) ?? null;
      const base = baseline.get(rk) ?? null;
      lastEntry.delete(rk);
      baseline.delete(rk);
      const useEntry = entry !== null && (base === null || entry.seq > base.seq);
      if (!useEntry && base === null) {
        found('ROW_UNRECORDED', table.name, rk, caseId, null);
      } else if (useEntry && entry) {
        if (entry.action === 'DELETE') found('ROW_UNRECORDED', table.name, rk, caseId, entry);
        else if (key === null || entry.key_id !== key.id) rowsWithoutKey += 1;
        else if (!same(entry.row_hash, hashAt(entry.seq, raw)))
          found('ROW_CHANGED', table.name, rk, caseId, entry);
      } else if (base) {
        const baseKey = keyIdOfSeq.get(base.seq);
        if (key === null || baseKey !== key.id) rowsWithoutKey += 1;
        else {
          const hash = hashAt(base.seq, raw);
          if (!same(base.seal, baselineSeal(key, base.seq, table.name, rk, hash)))
            found('ROW_CHANGED', table.name, rk, caseId, { seq: base.seq, action: 'BASELINE' });
        }
      }
      if (rowsChecked % SLICE === 0) yield;
    }
    // What the chain says exists but the table no longer holds was deleted outside the app.
    for (const [rk, e] of lastEntry) {
      const base = baseline.get(rk);
      baseline.delete(rk);
      if (e.action !== 'DELETE' && (!base || e.seq > base.seq))
        found('ROW_DELETED', table.name, rk as SqlValue, e.case_id, e);
    }
    for (const [rk, b] of baseline) {
      found('ROW_DELETED', table.name, rk as SqlValue, null, { seq: b.seq, action: 'BASELINE' });
    }
  }

  // The register of reported versions is not audited row by row: the exports' digests cover it.
  for (const e of registerChangedAfter(db, exports))
    found('ROW_CHANGED', 'case_reported', null, null, { seq: e.seq, at: e.at, action: 'EXPORT' });

  const named = (f: AuditFinding | null): AuditFinding | null => {
    if (!f || f.caseId === null) return f;
    const number = db
      .prepare('SELECT case_number FROM case_file WHERE id = ?')
      .pluck()
      .get(f.caseId) as string | null | undefined;
    return { ...f, caseNumber: number ?? null };
  };
  const last = previous as EntryRow | null;
  return {
    entries,
    rowsChecked,
    entriesWithoutKey,
    rowsWithoutKey,
    keyPresent: key !== null,
    firstBroken: named(firstBroken),
    brokenEntries,
    rowFindings: rowFindings.map((f) => named(f) as AuditFinding),
    rowFindingCount,
    head: last ? { seq: last.seq, mac: last.mac.toString('hex') } : null,
    triggersRestored,
  };
}

/** Runs the verification to its end without yielding (tests, benchmarks, tools). */
export function verifyAuditChainNow(db: Db, key: AuditKey | null): AuditVerifyResult {
  const run = verifyAuditChain(db, key);
  for (;;) {
    const step = run.next();
    if (step.done) return step.value;
  }
}

import fs from 'node:fs';
import { openOutside } from '../support/outside-connection.js';
import { afterEach, describe, expect, it } from 'vitest';
import { syncAuditTriggers } from '../../../db/audit/audit-triggers.js';
import { ledgerPaths } from '../../../db/ledger-files.js';
import type { ExportRunView } from '../../../domain/api/reports-contract.js';
import type { AuditVerification } from '../../../domain/audit/audit-views.js';
import { openSignedInCore } from '../support/signed-in-core.js';
import { tempDir } from '../support/temp-dir.js';
import { reportLedger, type ReportLedger } from './report-fixtures.js';

/**
 * The register of reported versions (`case_reported`, one row per reported case) is outside the
 * per-row audit triggers; each export's EXPORT entry carries the register's digest before and
 * after its write instead. These tests hold it to the same promise: an edit made outside the
 * app is still named by verification.
 */

type Core = Awaited<ReturnType<typeof openSignedInCore>>;
const openCores = new Set<Core>();
let dirs: string[] = [];
afterEach(async () => {
  for (const core of openCores) await closeCore(core);
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

async function ledger(): Promise<ReportLedger> {
  const r = await reportLedger();
  openCores.add(r.l.core);
  dirs.push(r.l.dir);
  return r;
}

async function call<T>(core: Core, method: string, input: unknown): Promise<T> {
  const res = await core.dispatch(method, input);
  if (!res.ok) throw new Error(`${method}: ${res.error.code} ${res.error.message}`);
  return res.value as T;
}

/** Closes the core once its start-up check is over (never under it). */
async function closeCore(core: Core): Promise<void> {
  openCores.delete(core);
  await core.ledger.whenChecked();
  core.close();
}

async function reopen(dataDir: string): Promise<Core> {
  const core = await openSignedInCore({ dataDir, appVersion: 'test' });
  openCores.add(core);
  await core.ledger.whenChecked();
  return core;
}

function exportEntries(core: Core) {
  return (
    core.ledger
      .db()
      .prepare("SELECT seq, detail FROM audit_log WHERE action = 'EXPORT' ORDER BY seq")
      .all() as { seq: number; detail: string }[]
  ).map((e) => ({
    seq: e.seq,
    detail: JSON.parse(e.detail) as {
      kind: string;
      register?: { rows: number; before: string; after: string };
    },
  }));
}

async function exportBoth(core: Core): Promise<void> {
  await call<ExportRunView>(core, 'exports.statistics', {
    period: '2026-03',
    directory: tempDir('exp'),
  });
  await call<ExportRunView>(core, 'exports.package', {
    period: '2026-03',
    directory: tempDir('exp'),
  });
}

describe('the register of reported versions in the audit chain', () => {
  it('is audited as one digest per export, not one entry per row', async () => {
    const r = await ledger();
    const core = r.l.core;
    await exportBoth(core);
    const db = core.ledger.db();
    expect(db.prepare('SELECT count(*) FROM case_reported').pluck().get()).toBe(4);
    expect(
      db.prepare("SELECT count(*) FROM audit_log WHERE tbl = 'case_reported'").pluck().get(),
    ).toBe(0);
    expect(
      db
        .prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?")
        .pluck()
        .get('case_reported'),
    ).toBe(0);
    const [table, pack] = exportEntries(core);
    expect(table?.detail.kind).toBe('STATISTICS');
    expect(table?.detail.register?.rows).toBe(4);
    expect(pack?.detail.kind).toBe('PACKAGE');
    expect(pack?.detail.register?.rows).toBe(4);
    // the package replaced the table's rows: the digests link up, one export to the next
    expect(pack?.detail.register?.before).toBe(table?.detail.register?.after);
    expect(pack?.detail.register?.after).not.toBe(pack?.detail.register?.before);
    // the de-identified ledger writes no register rows and carries no digest
    await call(core, 'exports.ledger', { period: '2026-03', directory: tempDir('exp') });
    expect(exportEntries(core)[2]?.detail.register).toBeUndefined();
    const verified = await call<AuditVerification>(core, 'audit.verify', {});
    expect(verified.verdict).toBe('OK');
    expect(verified.rowFindings).toEqual([]);
  });

  it('names an outside edit after the last export, and still after the next one', async () => {
    const r = await ledger();
    await exportBoth(r.l.core);
    const lastExport = exportEntries(r.l.core).at(-1)?.seq;
    await closeCore(r.l.core);
    // No audit function is needed to write this table any more: a tool can, and is found out.
    const outside = openOutside(ledgerPaths(r.l.dir).ledgerFile);
    outside.prepare('UPDATE case_reported SET version = version + 86400000').run();
    outside.close();

    let core = await reopen(r.l.dir);
    const found = await call<AuditVerification>(core, 'audit.verify', {});
    expect(found.verdict).toBe('BROKEN');
    expect(found.rowFindings).toEqual([
      expect.objectContaining({
        kind: 'ROW_CHANGED',
        table: 'case_reported',
        seq: lastExport,
        action: 'EXPORT',
      }),
    ]);
    expect(found.details.join('\n')).toContain('已上报版本');

    // A later export does not launder it: its "before" differs from the last export's "after".
    await call(core, 'exports.package', { period: '2026-03', directory: tempDir('exp') });
    const later = await call<AuditVerification>(core, 'audit.verify', {});
    expect(later.rowFindings.map((f) => [f.table, f.seq])).toEqual([['case_reported', lastExport]]);
    await closeCore(core);

    // Rows added or deleted outside the app are found the same way.
    const again = openOutside(ledgerPaths(r.l.dir).ledgerFile);
    again
      .prepare('DELETE FROM case_reported WHERE case_id = (SELECT min(case_id) FROM case_reported)')
      .run();
    again.close();
    core = await reopen(r.l.dir);
    const deleted = await call<AuditVerification>(core, 'audit.verify', {});
    expect(deleted.rowFindings.map((f) => [f.table, f.seq])).toEqual([
      ['case_reported', lastExport],
      ['case_reported', exportEntries(core).at(-1)?.seq],
    ]);
    await closeCore(core);
  });

  it('an older ledger’s per-row triggers on the register are retired once and stay away', async () => {
    const r = await ledger();
    const db = r.l.core.ledger.db();
    // what migration 022 installed on this table before it left the per-row chain
    for (const action of ['insert', 'update', 'delete']) {
      db.exec(
        `CREATE TRIGGER audit_after_${action}_case_reported AFTER ${action.toUpperCase()} ON case_reported BEGIN SELECT 1; END`,
      );
    }
    syncAuditTriggers(db);
    const triggers = () =>
      db
        .prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?")
        .pluck()
        .get('case_reported');
    const retired = () =>
      db
        .prepare(
          "SELECT count(*) FROM audit_log WHERE action = 'TRIGGERS_RETIRED' AND tbl = 'case_reported'",
        )
        .pluck()
        .get();
    expect(triggers()).toBe(0);
    expect(retired()).toBe(1);
    syncAuditTriggers(db);
    expect(retired()).toBe(1);

    // the re-check on every open does not put them back
    await closeCore(r.l.core);
    const core = await reopen(r.l.dir);
    const reopened = core.ledger.db();
    expect(
      reopened
        .prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?")
        .pluck()
        .get('case_reported'),
    ).toBe(0);
    await exportBoth(core);
    const verified = await call<AuditVerification>(core, 'audit.verify', {});
    expect(verified.verdict).toBe('OK');
    await closeCore(core);
  });
});

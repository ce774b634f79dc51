import fs from 'node:fs';
import path from 'node:path';
import { openOutside } from '../support/outside-connection.js';
import { describe, expect, it } from 'vitest';
import { auditKeyFileFor } from '../../../db/audit/audit-key';
import { ledgerKeyFileFor } from '../../../db/ledger-cipher';
import { openConnection } from '../../../db/connection';
import { ledgerPaths } from '../../../db/ledger-files';
import { migrate } from '../../../db/migrate';
import { MIGRATIONS } from '../../../db/migrations/index';
import type { SystemStatus } from '../../../domain/api/system-contract';
import type { AuditVerification } from '../../../domain/audit/audit-views';
import type { AppCore } from '../../../electron/core/app-core';
import { openSignedInCore, signInAs } from '../support/signed-in-core';
import { intake, ROOM_SETTINGS } from '../services/case-fixtures';
import { BASELINE_AT_OPEN_ROWS } from '../../../db/audit/audit-baseline';
import {
  addFillerRows,
  dropAuditTriggers,
  forgetAuditChain,
  verifyLedgerFile,
} from '../support/audit-outside';
import { sliceGate } from '../support/slice-gate';
import { tempDir } from '../support/temp-dir';

/** The one place these tests make a core: signed in as the director (set up on the first). */
function openCore(dataDir: string, betweenBaselineSlices?: () => Promise<void>): Promise<AppCore> {
  return openSignedInCore({
    dataDir,
    appVersion: 'test',
    log: { error: ({ error }) => console.error(error) },
    ...(betweenBaselineSlices ? { betweenBaselineSlices } : {}),
  });
}

async function call<T>(core: AppCore, method: string, input: unknown): Promise<T> {
  const res = await core.dispatch(method, input);
  if (!res.ok) throw new Error(`${method}: ${res.error.code} ${res.error.message}`);
  return res.value as T;
}

const LARGE = BASELINE_AT_OPEN_ROWS + 5_000;

/**
 * A room with two cases, then turned into a ledger whose rows the audit chain has never seen;
 * `filler` more rows make it one whose baseline is built in slices after start-up.
 */
async function ledgerBeforeTheChain(filler = LARGE): Promise<string> {
  const dataDir = tempDir('baseline');
  const core = await openCore(dataDir);
  await call(core, 'settings.save', { settings: ROOM_SETTINGS, expectedVersion: 0 });
  await call(core, 'cases.create', intake());
  await call(core, 'cases.create', intake());
  await core.whenIdle();
  core.close();
  forgetAuditChain(ledgerPaths(dataDir).ledgerFile);
  if (filler > 0) addFillerRows(ledgerPaths(dataDir).ledgerFile, filler);
  return dataDir;
}

const statusOf = async (core: AppCore) => call<SystemStatus>(core, 'system.status', {});
const countOf = (core: AppCore, table: string) =>
  core.ledger.db().prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

describe('the audit baseline on the first start after the upgrade', () => {
  it('opens at once, answers status and reads while the baseline is built, refuses writes', async () => {
    const dataDir = await ledgerBeforeTheChain();
    const gate = sliceGate();
    const core = await openCore(dataDir, gate.between);
    try {
      await gate.arrived();
      const before = await statusOf(core);
      expect(before.ledger.state).toBe('READY');
      expect(before.auditBaseline?.done).toBe(0);
      const total = before.auditBaseline?.total ?? 0;
      expect(total).toBeGreaterThan(LARGE);

      await gate.one();
      const middle = (await statusOf(core)).auditBaseline;
      expect(middle?.total).toBe(total);
      expect(middle?.done).toBeGreaterThan(0);
      expect(middle?.done).toBeLessThan(total);

      const page = await call<{ total: number }>(core, 'cases.search', {});
      expect(page.total).toBe(2);

      const entries = countOf(core, 'audit_log');
      const refused = await core.dispatch('cases.create', intake());
      expect(refused.ok).toBe(false);
      if (!refused.ok) {
        expect(refused.error.code).toBe('INVALID_STATE');
        expect(refused.error.message).toContain('审计基线');
      }
      expect(countOf(core, 'case_file')).toBe(2);
      expect(countOf(core, 'audit_log')).toBe(entries);

      gate.all();
      await core.ledger.whenBaselined();
      expect((await statusOf(core)).auditBaseline).toBeNull();
      const verified = await call<AuditVerification>(core, 'audit.verify', {});
      expect(verified.verdict, verified.summary).toBe('OK');
      await call(core, 'cases.create', intake());
      expect(countOf(core, 'case_file')).toBe(3);
      await core.whenIdle();
    } finally {
      core.close();
    }

    // An edit of a row known only by its baseline, made outside the app, is named.
    const file = ledgerPaths(dataDir).ledgerFile;
    const db = openOutside(file);
    dropAuditTriggers(db, 'row');
    db.prepare('UPDATE room_settings SET room_name = ? WHERE id = 1').run('别的调解室');
    db.close();
    const result = verifyLedgerFile(file);
    expect(result.rowFindings).toEqual([
      expect.objectContaining({ kind: 'ROW_CHANGED', table: 'room_settings', action: 'BASELINE' }),
    ]);
  });

  it('a small ledger records its baseline while opening: nothing pending, writes go through', async () => {
    const dataDir = await ledgerBeforeTheChain(0);
    const core = await openCore(dataDir, () => new Promise<void>(() => undefined));
    try {
      expect((await statusOf(core)).auditBaseline).toBeNull();
      expect(countOf(core, 'audit_baseline')).toBeGreaterThan(2);
      await call(core, 'cases.create', intake());
      const verified = await call<AuditVerification>(core, 'audit.verify', {});
      expect(verified.verdict, verified.summary).toBe('OK');
      await core.whenIdle();
    } finally {
      core.close();
    }
  });

  it('records the same baseline in slices as in one go', async () => {
    const dataDir = await ledgerBeforeTheChain();
    const file = ledgerPaths(dataDir).ledgerFile;
    const copyDir = tempDir('baseline-copy');
    const copy = ledgerPaths(copyDir).ledgerFile;
    fs.mkdirSync(path.dirname(copy), { recursive: true });
    fs.copyFileSync(file, copy);
    fs.mkdirSync(path.dirname(auditKeyFileFor(copy)), { recursive: true });
    fs.copyFileSync(auditKeyFileFor(file), auditKeyFileFor(copy));
    // The ledger was made by the core, so it is encrypted: the copy needs its data key too.
    fs.copyFileSync(ledgerKeyFileFor(file), ledgerKeyFileFor(copy));

    const core = await openCore(dataDir);
    await core.ledger.whenBaselined();
    await core.whenIdle();
    core.close();
    const oneGo = openConnection(copy);
    await migrate(oneGo, { migrations: MIGRATIONS, backupDir: null, now: () => new Date() });
    oneGo.close();

    const rows = (f: string) => {
      const db = openOutside(f, { readonly: true });
      try {
        return db.prepare('SELECT tbl, row_key, seq, seal FROM audit_baseline ORDER BY 1, 2').all();
      } finally {
        db.close();
      }
    };
    const sliced = rows(file);
    expect(sliced.length).toBeGreaterThan(2);
    expect(sliced).toEqual(rows(copy));
  });

  it('a later migration that changes rows gets the pending baseline recorded before it runs', async () => {
    const dir = tempDir('baseline-rows');
    const file = path.join(dir, 'l.sqlite');
    const db = openConnection(file);
    const now = () => new Date();
    const before022 = MIGRATIONS.findIndex((m) => m.version === 22);
    await migrate(db, { migrations: MIGRATIONS.slice(0, before022), backupDir: null, now });
    db.close();
    addFillerRows(file, LARGE);
    const later = openConnection(file);
    let recordedBefore = -1;
    // Up to 024: 025 adds a table with a row of its own, whose triggers and baseline come with
    // the app's open (not run here), so the file check below would name it.
    const upTo024 = MIGRATIONS.filter((m) => m.version <= 24);
    await migrate(later, {
      migrations: [
        ...upTo024,
        {
          version: upTo024.length + 1,
          name: 'a step that rewrites rows',
          changesRows: true,
          up(d) {
            recordedBefore = d
              .prepare('SELECT count(*) FROM audit_baseline')
              .pluck()
              .get() as number;
            d.exec("UPDATE filler_note SET note = 'changed' WHERE id = 1");
          },
        },
      ],
      backupDir: null,
      now,
      auditBaseline: 'later',
    });
    later.close();
    expect(recordedBefore).toBeGreaterThan(LARGE);
    const result = verifyLedgerFile(file);
    expect(result.rowFindings, JSON.stringify(result.rowFindings)).toEqual([]);
  });

  it('an upgrade through migration 022 leaves the rows to the slices', async () => {
    const dataDir = tempDir('baseline-022');
    const file = ledgerPaths(dataDir).ledgerFile;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const db = openConnection(file);
    const before022 = MIGRATIONS.findIndex((m) => m.version === 22);
    await migrate(db, {
      migrations: MIGRATIONS.slice(0, before022),
      backupDir: null,
      now: () => new Date(),
    });
    db.close();
    addFillerRows(file, LARGE);

    const gate = sliceGate();
    // Nobody can set the room up while the baseline is filled (a write): signed in after it.
    const core = await openSignedInCore({
      dataDir,
      appVersion: 'test',
      room: 'none',
      betweenBaselineSlices: gate.between,
    });
    try {
      await gate.arrived();
      const status = await statusOf(core);
      expect(status.schemaVersion).toBe(MIGRATIONS.length);
      const early = await core.dispatch('accounts.setUp', {
        loginName: 'zhuren',
        displayName: '卓玛',
        password: 'correct horse 1',
      });
      expect(early.ok ? null : early.error.code).toBe('INVALID_STATE');
      // The filler and the code tables seeded by migration 002 exist before the chain.
      expect(status.auditBaseline?.total).toBeGreaterThan(LARGE);
      expect(countOf(core, 'audit_baseline')).toBe(0);
      gate.all();
      await core.ledger.whenBaselined();
      expect(countOf(core, 'audit_baseline')).toBe(status.auditBaseline?.total);
      await signInAs(core);
      const verified = await call<AuditVerification>(core, 'audit.verify', {});
      expect(verified.verdict, verified.summary).toBe('OK');
      await core.whenIdle();
    } finally {
      core.close();
    }
  });
});

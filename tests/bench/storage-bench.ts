import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openConnection } from '../../db/connection.js';
import { ledgerPaths, writeMarker } from '../../db/ledger-files.js';
import { migrate } from '../../db/migrate.js';
import { MIGRATIONS } from '../../db/migrations/index.js';
import { createAppCore } from '../../electron/core/app-core.js';
import { signInAs } from '../unit/support/signed-in-core.js';
import { forgetAuditChain } from '../unit/support/audit-outside.js';
import { round, type BenchModule } from './bench-registry.js';
import { seedCases, seedRoom } from './seed-cases.js';

/**
 * Start-up and backup of a large ledger, through createAppCore as the app runs them:
 * `startup_ready_ms` until the first `system.status` answers (the structural check runs in the
 * background and is reported as `startup_check_ms`), `backup_100k_ms` for "立即备份" (full check
 * of the ledger on one thread beside VACUUM INTO, fsync and check of the copy on another —
 * integrity_check when plain, quick_check when encrypted —, then the rename). Then the same ledger as on its first start after the upgrade that brings the
 * audit chain (no entries, no baseline):
 * `startup_upgrade_ready_ms` until its first `system.status` answers, `audit_baseline_100k_ms`
 * until every existing row is in the baseline (in slices, after start-up).
 */
export const storageBench: BenchModule = {
  name: 'storage',
  async run({ cases }) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'md-bench-storage-'));
    const paths = ledgerPaths(dir);
    fs.mkdirSync(path.dirname(paths.ledgerFile), { recursive: true });
    const seedDb = openConnection(paths.ledgerFile);
    await migrate(seedDb, { migrations: MIGRATIONS, backupDir: null, now: () => new Date() });
    seedCases(seedDb, cases, seedRoom(seedDb, ['才让']), '2026-03-10');
    seedDb.pragma('wal_checkpoint(TRUNCATE)');
    seedDb.exec('ANALYZE');
    seedDb.close();
    const at = new Date().toISOString();
    writeMarker(paths, { format: 1, ledgerCreatedAt: at, lastOpenedAt: at });
    const mb = fs.statSync(paths.ledgerFile).size / 1e6;

    const t0 = performance.now();
    const core = await createAppCore({ dataDir: dir, appVersion: 'bench' });
    const status = await core.dispatch('system.status', {});
    const ready = performance.now() - t0;
    if (!status.ok) throw new Error('status');
    await core.ledger.whenChecked();
    const checked = performance.now() - t0;
    if (core.ledger.health.state !== 'OK') throw new Error(`ledger ${core.ledger.health.state}`);
    // "立即备份" is the director's: signed in after the start-up figures, outside the backup's
    await signInAs(core);

    const t1 = performance.now();
    const backup = await core.dispatch('system.backupNow', {});
    const backupMs = performance.now() - t1;
    if (!backup.ok) throw new Error(backup.error.message);
    await core.whenIdle();
    core.close();

    forgetAuditChain(paths.ledgerFile);
    const t2 = performance.now();
    const upgraded = await createAppCore({ dataDir: dir, appVersion: 'bench' });
    const first = await upgraded.dispatch('system.status', {});
    const upgradeReady = performance.now() - t2;
    if (!first.ok) throw new Error('status after the upgrade');
    await upgraded.ledger.whenBaselined();
    const baselineMs = performance.now() - t2;
    const rows = upgraded.ledger.db().prepare('SELECT count(*) FROM audit_baseline').pluck().get();
    await upgraded.whenIdle();
    upgraded.close();
    fs.rmSync(dir, { recursive: true, force: true });
    console.log(
      `${cases} cases (${mb.toFixed(0)} MB): ready ${ready.toFixed(0)} ms, check done ${checked.toFixed(0)} ms, backup ${backupMs.toFixed(0)} ms; first start after the upgrade: ready ${upgradeReady.toFixed(0)} ms, baseline of ${String(rows)} rows ${baselineMs.toFixed(0)} ms`,
    );
    return {
      startup_ready_ms: round(ready),
      startup_check_ms: round(checked),
      backup_100k_ms: round(backupMs),
      startup_upgrade_ready_ms: round(upgradeReady),
      audit_baseline_100k_ms: round(baselineMs),
    };
  },
};

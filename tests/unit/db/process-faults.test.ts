import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openOutside } from '../support/outside-connection.js';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerPaths } from '../../../db/ledger-files';
import { parseBackupName } from '../../../db/backup-rotation';
import type { SystemStatus } from '../../../domain/api/system-contract';
import { createAppCore } from '../../../electron/core/app-core';
import { openSignedInCore } from '../support/signed-in-core';
import { intake, ROOM_SETTINGS } from '../services/case-fixtures';
import { sliceGate } from '../support/slice-gate';
import { tempDir } from '../support/temp-dir';
import { copyRoom, makePlainRoom, PLAIN_ROOM_APPLICANT } from '../support/plain-room';
import { BASELINE_AT_OPEN_ROWS } from '../../../db/audit/audit-baseline';
import { addFillerRows, forgetAuditChain, verifyLedgerFile } from '../support/audit-outside';

let worker = '';
let workerDir = '';
afterAll(() => fs.rmSync(workerDir, { recursive: true, force: true }));
beforeAll(async () => {
  // Not tempDir(): that one is emptied after every test, and the worker serves them all.
  workerDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fault-worker-'));
  worker = path.join(workerDir, 'fault-worker.cjs');
  await build({
    entryPoints: [path.resolve(import.meta.dirname, 'fault-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: worker,
    external: ['better-sqlite3-multiple-ciphers', 'pdfkit', 'fontkit', 'harfbuzzjs'],
    nodePaths: [path.resolve('node_modules')],
    logLevel: 'silent',
  });
}, 60_000);

interface Child {
  readonly proc: ChildProcess;
  readonly lines: string[];
  waitFor(prefix: string, timeoutMs?: number): Promise<string>;
  exited: Promise<number | null>;
}

function start(mode: string, dataDir: string): Child {
  const proc = spawn(process.execPath, [worker, mode, dataDir], {
    // A plain environment: the test runner's own NODE_OPTIONS are not the app's.
    env: { PATH: process.env.PATH ?? '', NODE_PATH: path.resolve('node_modules') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: { prefix: string; resolve: (l: string) => void }[] = [];
  let buffer = '';
  let errors = '';
  proc.stderr?.setEncoding('utf8');
  proc.stderr?.on('data', (chunk: string) => (errors += chunk));
  proc.stdout?.setEncoding('utf8');
  proc.stdout?.on('data', (chunk: string) => {
    buffer += chunk;
    let i: number;
    while ((i = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, i);
      buffer = buffer.slice(i + 1);
      lines.push(line);
      for (const w of waiters.filter((x) => line.startsWith(x.prefix))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  });
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return {
    proc,
    lines,
    exited,
    waitFor: (prefix, timeoutMs = 30_000) =>
      new Promise((resolve, reject) => {
        const found = lines.find((l) => l.startsWith(prefix));
        if (found) return resolve(found);
        waiters.push({ prefix, resolve });
        setTimeout(
          () => reject(new Error(`no ${prefix} in ${lines.join(' | ')}\n${errors}`)),
          timeoutMs,
        );
      }),
  };
}

async function preparedRoom(): Promise<string> {
  const dataDir = tempDir();
  const core = await openSignedInCore({ dataDir, appVersion: 'test' });
  await core.dispatch('settings.save', { settings: ROOM_SETTINGS, expectedVersion: 0 });
  core.close();
  return dataDir;
}

const acked = (lines: readonly string[]) =>
  lines.filter((l) => l.startsWith('ACK ')).map((l) => Number(l.slice(4)));

function caseIdsIn(file: string): Set<number> {
  const db = openOutside(file, { readonly: true });
  try {
    return new Set(db.prepare('SELECT id FROM case_file').pluck().all() as number[]);
  } finally {
    db.close();
  }
}

describe('processes: two at once, kill -9 during backup and restore', () => {
  it('kill -9 in the middle of the audit baseline: the next start resumes it and it verifies', async () => {
    const dataDir = await preparedRoom();
    const seeding = await openSignedInCore({ dataDir, appVersion: 'test' });
    await seeding.dispatch('cases.create', intake());
    await seeding.whenIdle();
    seeding.close();
    const file = ledgerPaths(dataDir).ledgerFile;
    forgetAuditChain(file);
    const filler = BASELINE_AT_OPEN_ROWS + 30_000;
    addFillerRows(file, filler);

    // The child holds the fill before its 15th slice: 14 slices of 2,000 rows are committed, the
    // last ones inside the filler table.
    const child = start('baseline-stall', dataDir);
    await child.waitFor('SLICED');
    child.proc.kill('SIGKILL');
    await child.exited;

    const gate = sliceGate();
    const core = await createAppCore({
      dataDir,
      appVersion: 'test',
      betweenBaselineSlices: gate.between,
    });
    try {
      await gate.arrived();
      const status = (await core.dispatch('system.status', {})) as { value: SystemStatus };
      const progress = status.value.auditBaseline;
      const recorded = (where = '') =>
        core.ledger
          .db()
          .prepare(`SELECT count(*) FROM audit_baseline ${where}`)
          .pluck()
          .get() as number;
      // Resumed, not restarted: the rows of the killed process's slices are kept, and only the
      // rest is left to do, from the middle of a table on.
      const kept = recorded();
      const keptFiller = recorded("WHERE tbl = 'filler_note'");
      expect(keptFiller).toBeGreaterThan(0);
      expect(keptFiller).toBeLessThan(filler);
      expect(progress?.done).toBe(keptFiller);
      expect(progress?.total).toBeGreaterThan(keptFiller);
      gate.all();
      await core.ledger.whenBaselined();
      expect(core.ledger.auditBaseline).toBeNull();
      expect(recorded()).toBe(kept + (progress?.total ?? 0) - keptFiller);
      await core.whenIdle();
    } finally {
      core.close();
    }
    const result = verifyLedgerFile(file);
    expect(result.firstBroken).toBeNull();
    expect(result.rowFindings, JSON.stringify(result.rowFindings)).toEqual([]);
  }, 60_000);

  it('kill -9 while a plain ledger is being encrypted: the next start has every case, plain or encrypted', async () => {
    const now = () => new Date('2026-03-10T02:00:00Z');
    const room = await makePlainRoom(now);
    try {
      // With the writer open and its WAL emptied; and with the plain ledger moved aside and the
      // encrypted copy not yet in its place (the ledger then has no file under its name).
      for (const [step, encrypted] of [
        ['checkpoint', false],
        ['aside', true],
      ] as const) {
        const dataDir = tempDir();
        copyRoom(room.dir, dataDir);
        const child = start(`encrypt-hold-${step}`, dataDir);
        await child.waitFor(`HELD ${step}`, 60_000);
        child.proc.kill('SIGKILL');
        await child.exited;

        const core = await openSignedInCore({ dataDir, appVersion: 'test', now });
        try {
          await core.whenIdle();
          const status = (await core.dispatch('system.status', {})) as { value: SystemStatus };
          expect(status.value.ledger, step).toMatchObject({ state: 'READY', encrypted });
          expect(core.ledger.db().prepare('SELECT count(*) FROM case_file').pluck().get()).toBe(1);
          const read = await core.dispatch('cases.get', { caseId: room.caseId });
          expect(JSON.stringify(read), step).toContain(PLAIN_ROOM_APPLICANT);
          expect((await core.dispatch('cases.create', intake())).ok, step).toBe(true);
          await core.whenIdle();
        } finally {
          core.close();
        }
      }
    } finally {
      fs.rmSync(room.dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('a second process on the same data folder says so and exits cleanly', async () => {
    const dataDir = await preparedRoom();
    const first = start('hold', dataDir);
    await first.waitFor('READY');
    const second = start('hold', dataDir);
    expect(await second.exited).toBe(3);
    expect(second.lines.join('\n')).toContain('已经在另一个窗口中运行');
    first.proc.kill('SIGKILL');
    await first.exited;
    // The operating system dropped the killed process's lock: the next start works.
    const next = start('hold', dataDir);
    await next.waitFor('READY');
    next.proc.kill('SIGKILL');
    await next.exited;
  }, 60_000);

  it('kill -9 in the middle of backups: no acknowledged case lost, no half-made file left', async () => {
    for (let round = 0; round < 3; round += 1) {
      const dataDir = await preparedRoom();
      const child = start('backup-loop', dataDir);
      await child.waitFor('BACKUP');
      await new Promise((r) => setTimeout(r, 150 + Math.random() * 900));
      child.proc.kill('SIGKILL');
      await child.exited;

      const core = await openSignedInCore({ dataDir, appVersion: 'test' });
      await core.whenIdle();
      const status = (await core.dispatch('system.status', {})) as { value: SystemStatus };
      expect(status.value.ledger.state).toBe('READY');
      for (const id of acked(child.lines)) {
        expect(
          await core.dispatch('cases.get', { caseId: id }),
          `round ${round} case ${id}`,
        ).toMatchObject({ ok: true });
      }
      const { backupDir } = ledgerPaths(dataDir);
      const names = fs.readdirSync(backupDir);
      expect(
        // Copies, and the key slot beside them; nothing half-made.
        names.filter((n) => !n.endsWith('.sqlite') && !n.endsWith('.recovery.json')),
        `round ${round}`,
      ).toEqual([]);
      core.close();
    }
  }, 180_000);

  it('kill -9 in the middle of a restore: the ledger is whole and the replaced one is kept', async () => {
    for (let round = 0; round < 3; round += 1) {
      const dataDir = await preparedRoom();
      const child = start('restore-loop', dataDir);
      await child.waitFor('RESTORING');
      await new Promise((r) => setTimeout(r, Math.random() * 400));
      child.proc.kill('SIGKILL');
      await child.exited;
      const lastAck = acked(child.lines).at(-1);

      const core = await openSignedInCore({ dataDir, appVersion: 'test' });
      await core.whenIdle();
      const status = (await core.dispatch('system.status', {})) as { value: SystemStatus };
      const paths = ledgerPaths(dataDir);
      // Whole: either the ledger as it was (READY) or, killed between moving it aside and
      // putting the copy in place, MISSING with the backups offered, never an empty start.
      expect(['READY', 'MISSING'], `round ${round}`).toContain(status.value.ledger.state);
      expect(
        fs.readdirSync(path.dirname(paths.ledgerFile)).some((n) => n.endsWith('.restoring')),
      ).toBe(false);
      // The last acknowledged case is in the ledger now, or in a before-restore backup (the
      // restore that replaced it saved it first).
      if (lastAck !== undefined) {
        const inLedger =
          status.value.ledger.state === 'READY' &&
          (await core.dispatch('cases.get', { caseId: lastAck })).ok;
        const inUndo = fs
          .readdirSync(paths.backupDir)
          .filter((n) => parseBackupName(n)?.kind === 'before-restore')
          .some((n) => caseIdsIn(path.join(paths.backupDir, n)).has(lastAck));
        expect(inLedger || inUndo, `round ${round}: case ${lastAck}`).toBe(true);
      }
      core.close();
    }
  }, 180_000);
});

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExportRunView } from '../../../domain/api/reports-contract.js';
import type { ApiEnvelope } from '../../../domain/api/errors.js';
import { apiMessagesZhCN } from '../../../domain/messages/zh-CN.js';
import type { AppCore } from '../../../electron/core/app-core.js';
import { exportThreadRenderer } from '../../../electron/core/export-thread.js';
import type { ExportRenderJob } from '../../../electron/reports/export-render-jobs.js';
import { inThreadExportRenderer } from '../../../electron/reports/export-renderer.js';
import { intake, ROOM_SETTINGS } from '../services/case-fixtures.js';
import { exportWorkerBundle } from '../support/core-worker-bundle.js';
import { heldExportThread } from '../support/held-export-thread.js';
import { openSignedInCore } from '../support/signed-in-core.js';
import { tempDir } from '../support/temp-dir.js';

// Exports render on a thread of their own: the core reads the ledger, hands plain data over,
// and records the export when the file is there. Every step here waits on an event it
// controls (the thread says it holds its job; the test releases or ends it), never on time.

const cores: AppCore[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
});

/** A core whose export thread holds every job until the test lets it go. */
async function heldExports() {
  const { renderer, nextHeld } = await heldExportThread();
  const core = await openSignedInCore({
    dataDir: tempDir('export-thread'),
    appVersion: 'test',
    exportRenderer: renderer,
  });
  cores.push(core);
  const ok = async <T>(envelope: Promise<ApiEnvelope<unknown>>): Promise<T> => {
    const res = await envelope;
    if (!res.ok) throw new Error(`${res.error.code} ${res.error.message}`);
    return res.value as T;
  };
  await ok(core.dispatch('settings.save', { settings: ROOM_SETTINGS, expectedVersion: 0 }));
  await ok(core.dispatch('cases.create', intake()));
  return { core, nextHeld, ok };
}

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

describe('the export thread', () => {
  it('answers other requests while an export renders, then records the export', async () => {
    const { core, nextHeld, ok } = await heldExports();
    const dir = tempDir('export-out');
    let finished = false;
    const exporting = core
      .dispatch('exports.ledger', {
        period: '2026-03',
        directory: dir,
        identifiedConfirmation: null,
      })
      .then((res) => {
        finished = true;
        return res;
      });
    const held = await nextHeld();
    // The core read the ledger and handed the job over; it is free while the thread renders.
    const status = await ok<{ ledger: unknown }>(core.dispatch('system.status', {}));
    expect(status.ledger).toBeDefined();
    const found = await ok<{ total: number }>(core.dispatch('cases.search', {}));
    expect(found.total).toBe(1);
    expect(finished).toBe(false);
    expect(fs.readdirSync(dir).filter((n) => !n.endsWith('.part'))).toEqual([]);
    held.release();
    const run = await ok<ExportRunView>(exporting);
    const file = path.join(dir, run.files[0]?.name ?? '');
    expect(run.files[0]?.sha256).toBe(sha256(file));
    expect(fs.readdirSync(dir)).toEqual([run.files[0]?.name]);
    const list = await ok<{ runs: ExportRunView[] }>(core.dispatch('exports.list', {}));
    expect(list.runs.map((r) => r.id)).toEqual([run.id]);
  });

  it('a thread that dies mid-export: a Chinese error, no file, nothing recorded; the next works', async () => {
    const { core, nextHeld, ok } = await heldExports();
    const dir = tempDir('export-out');
    const input = { period: '2026-03', directory: dir, delta: false };
    const exporting = core.dispatch('exports.package', input);
    await (await nextHeld()).crash();
    expect(await exporting).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: apiMessagesZhCN.exportThreadStopped },
    });
    expect(fs.readdirSync(dir)).toEqual([]);
    expect((await ok<{ runs: unknown[] }>(core.dispatch('exports.list', {}))).runs).toEqual([]);
    // the package's reported-cases register was not written either: a full package again works
    const again = core.dispatch('exports.package', input);
    (await nextHeld()).release();
    const run = await ok<ExportRunView>(again);
    expect(run.kind).toBe('PACKAGE');
    expect(fs.readdirSync(dir)).toEqual([run.files[0]?.name]);
  });

  it('renders the same bytes as the core would, pseudonym key included', async () => {
    const dir = tempDir('export-jobs');
    const job = (file: string): ExportRenderJob => ({
      kind: 'countyPackage',
      file,
      source: {
        room: {
          committeeName: ROOM_SETTINGS.committeeName,
          roomName: ROOM_SETTINGS.roomName,
          organisationType: 'VILLAGE',
          divisionCode: null,
        },
        period: { key: '2026-03', start: '2026-03-01', end: '2026-03-31' },
        since: null,
        auditChainHead: '7:abc',
        appVersion: 'test',
        cases: [],
        parties: [],
        rounds: [],
      },
      pseudonymKey: new Uint8Array(32).fill(7),
    });
    const here = await inThreadExportRenderer.render(job(path.join(dir, 'here.zip')));
    const thread = exportThreadRenderer(await exportWorkerBundle());
    const there = await thread.render(job(path.join(dir, 'there.zip')));
    // the same thread serves the next job
    const again = await thread.render(job(path.join(dir, 'again.zip')));
    thread.close();
    expect(again).toEqual(here);
    expect(there).toEqual(here);
    expect(sha256(path.join(dir, 'there.zip'))).toBe(here.sha256);
  });

  it('needs no SQL: the export thread’s bundle never loads the SQLite driver', async () => {
    const source = fs.readFileSync(await exportWorkerBundle(), 'utf8');
    expect(source).not.toMatch(/better-sqlite3/);
  });
});

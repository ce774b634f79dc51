import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  replayable,
  startCoreRouter,
  type CoreRouter,
} from '../../../electron/core/core-router.js';
import { DataDirLockedError } from '../../../db/data-dir-lock.js';
import type { ApiEnvelope } from '../../../domain/api/errors.js';
import { apiMessagesZhCN } from '../../../domain/messages/zh-CN.js';
import { intake, ROOM_SETTINGS } from '../services/case-fixtures.js';
import { coreWorkerBundle } from '../support/core-worker-bundle.js';
import { openSignedInCore, signInVia } from '../support/signed-in-core.js';
import { tempDir } from '../support/temp-dir.js';

// The worker boundary: the core (ledger, services, documents) in its own thread behind the
// same typed door, with what the routing thread must guarantee around it.

const routers: CoreRouter[] = [];
afterEach(async () => {
  await Promise.all(routers.splice(0).map((r) => r.shutdown()));
});

async function router(
  dataDir = tempDir('core-worker'),
  extra: Partial<Parameters<typeof startCoreRouter>[0]> = {},
) {
  const r = await startCoreRouter({
    workerPath: await coreWorkerBundle(),
    dataDir,
    appVersion: 'test',
    ...extra,
  });
  routers.push(r);
  await signInVia(r.dispatch);
  return { r, dataDir };
}

async function value<T>(envelope: Promise<ApiEnvelope<unknown>>): Promise<T> {
  const res = await envelope;
  if (!res.ok) throw new Error(`${res.error.code} ${res.error.message}`);
  return res.value as T;
}

async function withRoom(r: CoreRouter): Promise<void> {
  await value(r.dispatch('settings.save', { settings: ROOM_SETTINGS, expectedVersion: 0 }));
}

interface Status {
  backup: { running: boolean };
  restartedAfterCrashAt: string | null;
}

describe('replaying after a crash', () => {
  it('asks reads again, never a sign-in, sign-out or lock (they write counters and audit entries)', () => {
    expect(replayable('cases.get')).toBe(true);
    expect(replayable('accounts.session')).toBe(true);
    for (const method of ['accounts.signIn', 'accounts.signOut', 'accounts.lock', 'cases.create']) {
      expect(replayable(method), method).toBe(false);
    }
  });
});

describe('the core worker', () => {
  it('answers through the same door and envelope, bad input included', async () => {
    const { r } = await router();
    expect(await r.dispatch('system.dropTables', {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_METHOD' },
    });
    expect(await r.dispatch('settings.save', { settings: { roomName: '\u0000' } })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
    const status = await value<Status>(r.dispatch('system.status', {}));
    expect(status.restartedAfterCrashAt).toBeNull();
  });

  it('passes the main process’s own calls to the worker as background ones, the desk’s never', async () => {
    const { r } = await router();
    const worker = r.worker;
    if (!worker) throw new Error('no worker');
    const sent: unknown[] = [];
    const post = worker.postMessage.bind(worker);
    worker.postMessage = (message: unknown) => {
      sent.push(message);
      post(message);
    };
    await value(r.dispatch('reminders.get', {}, { background: true }));
    await value(r.dispatch('reminders.get', {}));
    expect(sent).toMatchObject([
      { type: 'call', method: 'reminders.get', background: true },
      { type: 'call', method: 'reminders.get', background: false },
    ]);
  });

  it('answers a request while a backup is running', async () => {
    const { r } = await router();
    await withRoom(r);
    const order: string[] = [];
    const backup = r.dispatch('system.backupNow', {}).then((res) => {
      order.push('backup');
      return res;
    });
    const status = await value<Status>(r.dispatch('system.status', {}));
    order.push('status');
    // The status was answered while the copy was still being made, and it says so.
    expect(status.backup.running).toBe(true);
    expect((await backup).ok).toBe(true);
    expect(order).toEqual(['status', 'backup']);
    expect((await value<Status>(r.dispatch('system.status', {}))).backup.running).toBe(false);
  });

  it('restarts a worker that died, tells the user, and loses nothing saved', async () => {
    const { r } = await router();
    await withRoom(r);
    const created = (await value<{ case: { id: number } }>(r.dispatch('cases.create', intake())))
      .case;
    const worker = r.worker;
    expect(worker).not.toBeNull();
    // A read asked just before the thread dies is asked again of the next worker, whose desk
    // nobody has signed in to yet: a crash never leaves an unlocked desk behind.
    const pendingRead = r.dispatch('cases.get', { caseId: created.id });
    await worker?.terminate();
    const read = await pendingRead;
    // answered before the thread died, or by the new worker (however fast the crash was)
    expect(read.ok ? 'answered' : read.error.code).toMatch(/^(answered|NOT_SIGNED_IN)$/);
    expect(r.restarts).toBe(1);
    expect(r.worker).not.toBe(worker);
    const status = await value<Status>(r.dispatch('system.status', {}));
    expect(status.restartedAfterCrashAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    await signInVia(r.dispatch);
    expect(await r.dispatch('cases.get', { caseId: created.id })).toMatchObject({ ok: true });
    // The restarted core takes writes again.
    expect((await r.dispatch('cases.create', intake())).ok).toBe(true);
  });

  it('tells the caller of a write that died with the worker to check it, never replays it', async () => {
    const { r } = await router();
    await withRoom(r);
    const worker = r.worker;
    const write = r.dispatch('cases.create', intake());
    await worker?.terminate();
    const res = await write;
    if (!res.ok) expect(res.error.message).toBe(apiMessagesZhCN.coreRestarted);
    await signInVia(r.dispatch);
    // However it ended, exactly one case or none: the write was not run twice.
    const list = await value<{ total: number }>(r.dispatch('cases.search', {}));
    expect(list.total).toBe(res.ok ? 1 : list.total);
    expect(list.total).toBeLessThanOrEqual(1);
  });

  it('stops restarting a worker that keeps dying, and says so', async () => {
    const { r } = await router(undefined, { maxRestarts: 1 });
    await r.worker?.terminate();
    await value(r.dispatch('system.status', {}));
    await r.worker?.terminate();
    expect(await r.dispatch('system.status', {})).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: apiMessagesZhCN.coreStopped },
    });
  });

  it('finishes a write asked before shutdown; nothing is lost, later requests are refused', async () => {
    const { r, dataDir } = await router();
    await withRoom(r);
    const write = r.dispatch('cases.create', intake());
    const closing = r.shutdown();
    const late = await r.dispatch('system.status', {});
    expect(late).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: apiMessagesZhCN.coreClosing },
    });
    const created = (await value<{ case: { id: number } }>(write)).case;
    await closing;
    expect(r.worker).toBeNull();
    // The data folder is free again and the case is on disk.
    const core = await openSignedInCore({ dataDir, appVersion: 'test' });
    try {
      expect(await core.dispatch('cases.get', { caseId: created.id })).toMatchObject({ ok: true });
    } finally {
      core.close();
    }
  });

  it('finishes an export asked before shutdown on the export thread: the whole file or none', async () => {
    const { r, dataDir } = await router();
    await withRoom(r);
    await value(r.dispatch('cases.create', intake()));
    const out = tempDir('core-worker-export');
    const exporting = r.dispatch('exports.package', {
      period: '2026-03',
      directory: out,
      delta: false,
    });
    const closing = r.shutdown();
    const run = await value<{ id: number; files: { name: string; sha256: string }[] }>(exporting);
    await closing;
    // Rendered on the export thread beside the core worker, renamed into place, then recorded.
    const file = path.join(out, run.files[0]?.name ?? '');
    expect(createHash('sha256').update(fs.readFileSync(file)).digest('hex')).toBe(
      run.files[0]?.sha256,
    );
    expect(fs.readdirSync(out)).toEqual([run.files[0]?.name]);
    const core = await openSignedInCore({ dataDir, appVersion: 'test' });
    try {
      const list = await core.dispatch('exports.list', {});
      expect(list).toMatchObject({ ok: true, value: { runs: [{ id: run.id }] } });
    } finally {
      core.close();
    }
  });

  it('renders exports on the thread beside it: without that file, a Chinese error, nothing kept', async () => {
    // The core worker alone in a folder (under node_modules, so its externals resolve).
    const alone = path.resolve('node_modules/.cache/core-worker-test', `${process.pid}-alone`);
    fs.mkdirSync(alone, { recursive: true });
    const workerPath = path.join(alone, 'core-worker.cjs');
    fs.copyFileSync(await coreWorkerBundle(), workerPath);
    const { r } = await router(undefined, { workerPath });
    await withRoom(r);
    const out = tempDir('core-worker-export');
    const res = await r.dispatch('exports.ledger', {
      period: '2026-03',
      directory: out,
      identifiedConfirmation: null,
    });
    expect(res).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: apiMessagesZhCN.exportThreadStopped },
    });
    expect(fs.readdirSync(out)).toEqual([]);
    expect((await value<{ runs: unknown[] }>(r.dispatch('exports.list', {}))).runs).toEqual([]);
  });

  it('holds the data folder for the whole run, across restarts', async () => {
    const { r, dataDir } = await router();
    await r.worker?.terminate();
    await value(r.dispatch('system.status', {}));
    await expect(
      startCoreRouter({ workerPath: await coreWorkerBundle(), dataDir, appVersion: 'test' }),
    ).rejects.toBeInstanceOf(DataDirLockedError);
  });

  it('routes the file manager back to the routing thread', async () => {
    const opened: string[] = [];
    const { r, dataDir } = await router(undefined, {
      folderOpener: { open: async (directory) => void opened.push(directory) },
    });
    await withRoom(r);
    const res = await value<{ opened: boolean; directory: string }>(
      r.dispatch('exports.openFolder', { exportId: null }),
    );
    expect(res.opened).toBe(true);
    expect(opened).toEqual([res.directory]);
    expect(res.directory.startsWith(dataDir)).toBe(true);
  });
});

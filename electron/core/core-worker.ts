import { parentPort, workerData } from 'node:worker_threads';
import { apiMessagesZhCN } from '../../domain/messages/zh-CN.js';
import type { DocumentPrinter, PrintJobResult } from '../services/document-printer.js';
import type { FolderOpener } from '../services/export-service.js';
import path from 'node:path';
import { createAppCore, type AppCore } from './app-core.js';
import { exportThreadRenderer } from './export-thread.js';
import type { CoreWorkerConfig, FromWorker, HostCall, ToWorker } from './core-worker-protocol.js';

/**
 * The core's own thread: services, the ledger and the document engine. The routing thread
 * (Electron's main process or the dev:web host) only passes requests in and envelopes out, so
 * a long synchronous step here never freezes a window or another process's IPC.
 *
 * Shutdown never cuts a write: requests already received are answered, then the backups in
 * progress finish, then the ledger closes and the thread ends by itself.
 */

const port = parentPort;
if (!port) throw new Error('core-worker must run in a worker thread');
const config = workerData as CoreWorkerConfig;

function send(message: FromWorker): void {
  port?.postMessage(message);
}

// Calls to the routing thread (print dialog, file manager) waiting for their answer.
let nextHostCall = 1;
const hostCalls = new Map<number, { resolve(value: unknown): void; reject(e: Error): void }>();

function callHost(call: HostCall): Promise<unknown> {
  const id = nextHostCall++;
  return new Promise((resolve, reject) => {
    hostCalls.set(id, { resolve, reject });
    send({ type: 'host-call', id, call });
  });
}

const printer: DocumentPrinter = {
  print: async (pdf, request) =>
    (await callHost({
      target: 'print',
      pdf: new Uint8Array(pdf),
      request: { copies: request.copies, title: request.title, printer: request.printer ?? null },
    })) as PrintJobResult,
};
const folderOpener: FolderOpener = {
  open: async (directory) => {
    await callHost({ target: 'openFolder', directory });
  },
};

let core: AppCore | null = null;
const running = new Set<Promise<void>>();
let shuttingDown = false;

async function answer(
  id: number,
  method: unknown,
  input: unknown,
  background: boolean,
): Promise<void> {
  const envelope = core
    ? await core.dispatch(method, input, { background })
    : {
        ok: false as const,
        error: { code: 'INTERNAL' as const, message: apiMessagesZhCN.internal },
      };
  send({ type: 'result', id, envelope });
}

async function shutdown(): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  while (running.size > 0) await Promise.allSettled([...running]);
  if (core) {
    // A conversion not yet started (or mid-way) must not hold the quit for minutes.
    core.ledger.stopEncryption();
    await core.whenIdle().catch((error: unknown) => {
      console.error('[core] waiting for background work failed:', error);
    });
    core.close();
  }
  send({ type: 'closed' });
  port?.close();
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'call') {
    const work = answer(message.id, message.method, message.input, message.background).catch(
      (error: unknown) => {
        console.error('[core] request failed outside the dispatcher:', error);
        send({
          type: 'result',
          id: message.id,
          envelope: { ok: false, error: { code: 'INTERNAL', message: apiMessagesZhCN.internal } },
        });
      },
    );
    running.add(work);
    void work.finally(() => running.delete(work));
  } else if (message.type === 'host-reply') {
    const pending = hostCalls.get(message.id);
    hostCalls.delete(message.id);
    if (!pending) return;
    if (message.ok) pending.resolve(message.value);
    else pending.reject(new Error(message.message ?? 'host call failed'));
  } else {
    void shutdown();
  }
});

createAppCore({
  dataDir: config.dataDir,
  appVersion: config.appVersion,
  dailyBackup: config.dailyBackup,
  // The app's and dev:web's background upkeep comes as one: backups and converting a plain
  // ledger to an encrypted one (tests of the router leave both off).
  encryptPlainLedger: config.dailyBackup,
  conversionNeedsRecoveryCode: config.dailyBackup,
  hourlyBackupMs: config.hourlyBackupMs,
  fontsDir: config.fontsDir,
  templatesDir: config.templatesDir,
  exportsDir: config.exportsDir,
  printer: config.hasPrinter ? printer : undefined,
  folderOpener: config.hasFolderOpener ? folderOpener : undefined,
  // Bundled beside this script (build/build.mjs): exports render there, not on this thread.
  exportRenderer: exportThreadRenderer(path.join(__dirname, 'export-worker.cjs')),
  restartedAfterCrashAt: config.restartedAfterCrashAt,
  // The routing thread holds the data-folder lock for the whole run, across worker restarts.
  exclusive: false,
}).then(
  (opened) => {
    core = opened;
    send({ type: 'ready' });
  },
  (error: unknown) => {
    console.error('[core] could not start:', error);
    send({ type: 'start-failed', message: error instanceof Error ? error.message : String(error) });
  },
);

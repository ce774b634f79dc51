import { Worker } from 'node:worker_threads';
import { CORE_YOUNG_GENERATION_MB } from './core-worker-heap.js';
import { acquireDataDirLock, type DataDirLock } from '../../db/data-dir-lock.js';
import { METHODS_ALLOWED_WHEN_DAMAGED } from '../../domain/api/ledger-writes.js';
import type { ApiMethod } from '../../domain/api/contract.js';
import type { ApiEnvelope } from '../../domain/api/errors.js';
import { apiMessagesZhCN } from '../../domain/messages/zh-CN.js';
import type { Dispatch } from '../api/dispatch.js';
import type { DocumentPrinter, PrintRequest } from '../services/document-printer.js';
import type { FolderOpener } from '../services/export-service.js';
import type { CoreWorkerConfig, FromWorker, HostCall, ToWorker } from './core-worker-protocol.js';

/**
 * The routing side of the core worker: what Electron's main process and the dev:web host hold
 * instead of the core itself. It passes each request of the typed door to the worker and its
 * envelope back, answers the worker's calls that need this thread (print dialog, file
 * manager), restarts a worker that died and shuts it down without cutting a write.
 */

export interface CoreRouterOptions {
  /** The bundled worker script (dist/electron/core-worker.cjs, dist/dev-web/core-worker.cjs). */
  readonly workerPath: string;
  readonly dataDir: string;
  readonly appVersion: string;
  readonly dailyBackup?: boolean;
  readonly hourlyBackupMs?: number;
  readonly fontsDir?: string;
  readonly templatesDir?: string;
  readonly exportsDir?: string;
  readonly printer?: DocumentPrinter;
  readonly folderOpener?: FolderOpener;
  /** Restarts allowed within `crashWindowMs` before the router gives up (default 3 in 60 s). */
  readonly maxRestarts?: number;
  readonly crashWindowMs?: number;
  readonly now?: () => Date;
}

export interface CoreRouter {
  readonly dispatch: Dispatch;
  /**
   * Answers what was already asked, lets running backups finish, closes the ledger, ends the
   * worker and releases the data folder. Requests after this point are refused politely.
   */
  shutdown(): Promise<void>;
  /** How many times the worker was restarted after dying. */
  readonly restarts: number;
  /** The running worker (tests end it abruptly to stand in for a crash). */
  readonly worker: Worker | null;
}

/** Thrown by startCoreRouter when the first worker cannot open the core. */
export class CoreStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CoreStartError';
  }
}

// Recovery methods are in the damaged-mode list but replace or copy the ledger, and the desk's
// own methods write counters and audit entries while the ledger is intact: never replayed.
const NOT_REPLAYED: ReadonlySet<ApiMethod> = new Set<ApiMethod>([
  'system.restoreBackup',
  // counts wrong recovery codes
  'system.unlockBackup',
  'system.backupNow',
  'system.startEmptyLedger',
  'system.setBackupFolder',
  'accounts.signIn',
  'accounts.signOut',
  'accounts.lock',
]);

/** A read that died with its worker is asked again of the next one; a write never is. */
export function replayable(method: unknown): boolean {
  return (
    typeof method === 'string' &&
    METHODS_ALLOWED_WHEN_DAMAGED.has(method as ApiMethod) &&
    !NOT_REPLAYED.has(method as ApiMethod)
  );
}

const failure = (message: string): ApiEnvelope<unknown> => ({
  ok: false,
  error: { code: 'INTERNAL', message },
});

interface Pending {
  readonly method: unknown;
  readonly input: unknown;
  readonly background: boolean;
  readonly resolve: (envelope: ApiEnvelope<unknown>) => void;
}

export async function startCoreRouter(options: CoreRouterOptions): Promise<CoreRouter> {
  const now = options.now ?? (() => new Date());
  const maxRestarts = options.maxRestarts ?? 3;
  const crashWindowMs = options.crashWindowMs ?? 60_000;
  // One process per data folder, held here for the whole run: a worker being restarted must
  // not let a second app or host in.
  const lock: DataDirLock = acquireDataDirLock(options.dataDir);

  let worker: Worker | null = null;
  let ready = false;
  let stopping = false;
  let gaveUp = false;
  let restarts = 0;
  const crashTimes: number[] = [];
  let nextId = 1;
  const inWorker = new Map<number, Pending>();
  const waiting: Pending[] = [];

  const post = (message: ToWorker) => worker?.postMessage(message);

  function send(pending: Pending): void {
    const id = nextId++;
    inWorker.set(id, pending);
    post({
      type: 'call',
      id,
      method: pending.method,
      input: pending.input,
      background: pending.background,
    });
  }

  async function hostCall(call: HostCall): Promise<unknown> {
    if (call.target === 'print') {
      if (!options.printer) throw new Error('no printer in this host');
      const request: PrintRequest = call.request;
      return options.printer.print(Buffer.from(call.pdf), request);
    }
    if (!options.folderOpener) throw new Error('no folder opener in this host');
    await options.folderOpener.open(call.directory);
    return null;
  }

  function spawn(restartedAfterCrashAt: string | null): Promise<void> {
    const config: CoreWorkerConfig = {
      dataDir: options.dataDir,
      appVersion: options.appVersion,
      dailyBackup: options.dailyBackup ?? false,
      hourlyBackupMs: options.hourlyBackupMs,
      fontsDir: options.fontsDir,
      templatesDir: options.templatesDir,
      exportsDir: options.exportsDir,
      hasPrinter: options.printer !== undefined,
      hasFolderOpener: options.folderOpener !== undefined,
      restartedAfterCrashAt,
    };
    const current = new Worker(options.workerPath, {
      workerData: config,
      resourceLimits: { maxYoungGenerationSizeMb: CORE_YOUNG_GENERATION_MB },
    });
    worker = current;
    ready = false;
    return new Promise<void>((resolve, reject) => {
      let started = false;
      current.on('message', (message: FromWorker) => {
        switch (message.type) {
          case 'ready':
            started = true;
            ready = true;
            for (const pending of waiting.splice(0)) send(pending);
            resolve();
            break;
          case 'start-failed':
            reject(new CoreStartError(message.message));
            void current.terminate();
            break;
          case 'result': {
            const pending = inWorker.get(message.id);
            inWorker.delete(message.id);
            pending?.resolve(message.envelope);
            break;
          }
          case 'host-call':
            hostCall(message.call).then(
              (value) =>
                current.postMessage({ type: 'host-reply', id: message.id, ok: true, value }),
              (error: unknown) =>
                current.postMessage({
                  type: 'host-reply',
                  id: message.id,
                  ok: false,
                  message: error instanceof Error ? error.message : String(error),
                }),
            );
            break;
          case 'closed':
            break;
        }
      });
      current.on('error', (error) => {
        console.error('[core] worker error:', error);
      });
      current.on('exit', (code) => {
        if (worker !== current) return;
        worker = null;
        ready = false;
        if (!started) {
          reject(new CoreStartError(`core worker exited with ${code} before it was ready`));
          return;
        }
        if (stopping) return;
        onCrash(code);
      });
    });
  }

  function refuseAll(message: string): void {
    for (const pending of [...inWorker.values(), ...waiting.splice(0)]) {
      pending.resolve(failure(message));
    }
    inWorker.clear();
  }

  function onCrash(code: number): void {
    console.error(`[core] worker died (exit ${code}); restarting`);
    // A write that was running either committed or rolled back with SQLite's journal; the
    // caller is told to check it. Reads are simply asked again of the new worker.
    const lost = [...inWorker.values()];
    inWorker.clear();
    for (const pending of lost) {
      if (replayable(pending.method)) waiting.push(pending);
      else pending.resolve(failure(apiMessagesZhCN.coreRestarted));
    }
    const t = now().getTime();
    crashTimes.push(t);
    while (crashTimes.length > 0 && (crashTimes[0] ?? t) < t - crashWindowMs) crashTimes.shift();
    if (crashTimes.length > maxRestarts) {
      gaveUp = true;
      refuseAll(apiMessagesZhCN.coreStopped);
      return;
    }
    restarts += 1;
    spawn(now().toISOString()).catch((error: unknown) => {
      console.error('[core] restart failed:', error);
      gaveUp = true;
      refuseAll(apiMessagesZhCN.coreStopped);
    });
  }

  try {
    await spawn(null);
  } catch (error) {
    lock.release();
    throw error;
  }

  const dispatch: Dispatch = (method, input, call = {}) =>
    new Promise((resolve) => {
      if (stopping) return resolve(failure(apiMessagesZhCN.coreClosing));
      if (gaveUp) return resolve(failure(apiMessagesZhCN.coreStopped));
      const pending: Pending = { method, input, background: call.background === true, resolve };
      if (ready) send(pending);
      else waiting.push(pending);
    });

  let closed: Promise<void> | null = null;
  const shutdown = (): Promise<void> => {
    closed ??= (async () => {
      stopping = true;
      const current = worker;
      if (current) {
        await new Promise<void>((resolve) => {
          current.once('exit', () => resolve());
          current.postMessage({ type: 'shutdown' } satisfies ToWorker);
        });
      }
      // Only when the worker died during shutdown can anything still be waiting.
      refuseAll(apiMessagesZhCN.coreClosing);
      lock.release();
    })();
    return closed;
  };

  return {
    dispatch,
    shutdown,
    get restarts() {
      return restarts;
    },
    get worker() {
      return worker;
    },
  };
}

import { Worker } from 'node:worker_threads';
import { ExportThreadStopped, type ExportRenderer } from '../reports/export-renderer.js';
import type {
  ExportThreadJob,
  ExportThreadResults,
  FromExportWorker,
  ToExportWorker,
} from './export-worker-protocol.js';

/** A render the test holds: the thread has its job and waits. */
export interface HeldExport {
  release(): void;
  /** Ends the thread as a crash would (no answer). */
  crash(): Promise<void>;
}

export interface ExportThreadOptions {
  /** Tests only: called when the thread holds a job; it renders once released. */
  readonly held?: (render: HeldExport) => void;
  /** How long an idle thread is kept for the next job (default one minute). */
  readonly idleMs?: number;
}

/** An error from the render step, with the file-system code the service maps (ENOSPC, EACCES). */
class RenderFailed extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'RenderFailed';
  }
}

interface Waiting {
  resolve(result: unknown): void;
  reject(error: Error): void;
}

/**
 * Runs exports' render steps, volumes' assembly and claim packs' papers on one thread (`export-worker.cjs`), so a
 * 100,000-case sheet or a thick volume never blocks the core. The thread is started on the
 * first job and kept while jobs come (starting it — loading exceljs, pdfkit, pdf-lib — takes
 * about a second, the same again for every file if each had its own); idle for `idleMs`, it
 * is ended. A thread that dies fails the jobs it held with `ExportThreadStopped`; the next job
 * starts a new one.
 */
export function exportThreadRenderer(
  workerPath: string,
  options: ExportThreadOptions = {},
): ExportRenderer {
  const idleMs = options.idleMs ?? 60_000;
  let worker: Worker | null = null;
  let idleTimer: NodeJS.Timeout | null = null;
  let nextId = 1;
  const waiting = new Map<number, Waiting>();

  const stopped = (reason: string) => {
    worker = null;
    const failed = [...waiting.values()];
    waiting.clear();
    for (const w of failed) w.reject(new ExportThreadStopped(reason));
  };

  function start(): Worker {
    const thread = new Worker(workerPath);
    thread.on('message', (message: FromExportWorker) => {
      if (message.type === 'held') {
        options.held?.({
          release: () => post(thread, { type: 'release', id: message.id }),
          crash: async () => {
            await thread.terminate();
          },
        });
        return;
      }
      const w = waiting.get(message.id);
      waiting.delete(message.id);
      if (waiting.size === 0) idle(thread);
      if (!w) return;
      if (message.type === 'done') w.resolve(message.result);
      else w.reject(new RenderFailed(message.message, message.code));
    });
    thread.once('error', (error) => {
      console.error('[export] the export thread failed:', error);
      if (worker === thread) stopped(error.message);
    });
    thread.once('exit', (code) => {
      if (worker === thread) stopped(`export thread exited with ${code}`);
    });
    return thread;
  }

  const post = (thread: Worker, message: ToExportWorker) => thread.postMessage(message);

  /** Nothing to do: the thread no longer keeps the core alive, and ends after idleMs. */
  function idle(thread: Worker): void {
    thread.unref();
    idleTimer = setTimeout(() => {
      idleTimer = null;
      if (worker === thread && waiting.size === 0) {
        worker = null;
        void thread.terminate();
      }
    }, idleMs);
    idleTimer.unref();
  }

  function run<J extends ExportThreadJob>(job: J): Promise<ExportThreadResults[J['task']]> {
    return new Promise((resolve, reject) => {
      try {
        worker ??= start();
      } catch (error) {
        console.error('[export] the export thread did not start:', error);
        reject(new ExportThreadStopped(String(error)));
        return;
      }
      if (idleTimer) clearTimeout(idleTimer);
      idleTimer = null;
      worker.ref();
      const id = nextId++;
      waiting.set(id, {
        // the thread answers the job it was given (export-worker.ts `perform`)
        resolve: (result) => resolve(result as ExportThreadResults[J['task']]),
        reject,
      });
      post(worker, { type: 'job', id, job, hold: options.held !== undefined });
    });
  }

  return {
    render: (job) => run({ task: 'file', job }),
    volume: (job) => run({ task: 'volume', job }),
    document: (job) => run({ task: 'document', job }),
    claimXlsx: (job) => run({ task: 'claimXlsx', job }),
    close: () => {
      if (idleTimer) clearTimeout(idleTimer);
      idleTimer = null;
      const thread = worker;
      worker = null;
      if (thread) void thread.terminate();
    },
  };
}

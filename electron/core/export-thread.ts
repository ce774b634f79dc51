import { Worker } from 'node:worker_threads';
import { ExportThreadStopped, type ExportRenderer } from '../reports/export-renderer.js';
import type {
  ExportThreadJob,
  ExportThreadResults,
  ExportWorkerData,
  FromExportWorker,
} from './export-worker-protocol.js';

/** A render the test holds: the thread has its job and waits. */
export interface HeldExport {
  release(): void;
  /** Ends the thread as a crash would (no answer). */
  crash(): Promise<void>;
}

export interface ExportThreadOptions {
  /** Tests only: called when a thread holds its job; it renders once released. */
  readonly held?: (render: HeldExport) => void;
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

/**
 * Runs each export's render step and each volume's assembly in a new thread of its own
 * (`export-worker.cjs`), so a 100,000-case sheet or a thick volume never blocks the core. One
 * thread per job: a crash takes only that job with it, and nothing stays loaded between the
 * few exports of a quarter.
 */
export function exportThreadRenderer(
  workerPath: string,
  options: ExportThreadOptions = {},
): ExportRenderer {
  return {
    render: (job) => runInThread(workerPath, { task: 'file', job }, options),
    volume: (job) => runInThread(workerPath, { task: 'volume', job }, options),
  };
}

function runInThread<J extends ExportThreadJob>(
  workerPath: string,
  job: J,
  options: ExportThreadOptions,
): Promise<ExportThreadResults[J['task']]> {
  return new Promise((resolve, reject) => {
    const data: ExportWorkerData = { job, hold: options.held !== undefined };
    let worker: Worker;
    try {
      worker = new Worker(workerPath, { workerData: data });
    } catch (error) {
      console.error('[export] the export thread did not start:', error);
      reject(new ExportThreadStopped(String(error)));
      return;
    }
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
    };
    worker.on('message', (message: FromExportWorker) => {
      switch (message.type) {
        case 'held':
          options.held?.({
            release: () => worker.postMessage({ type: 'release' }),
            crash: async () => {
              await worker.terminate();
            },
          });
          return;
        case 'done':
          // the thread answers the job it was given (export-worker.ts `perform`)
          settle(() => resolve(message.result as ExportThreadResults[J['task']]));
          return;
        case 'failed':
          settle(() => reject(new RenderFailed(message.message, message.code)));
          return;
        default: {
          const never: never = message;
          throw new Error(`unknown export thread message ${JSON.stringify(never)}`);
        }
      }
    });
    worker.once('error', (error) => {
      console.error('[export] the export thread failed:', error);
      settle(() => reject(new ExportThreadStopped(error.message)));
    });
    worker.once('exit', (code) => {
      settle(() => reject(new ExportThreadStopped(`export thread exited with ${code}`)));
    });
  });
}

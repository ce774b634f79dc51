import { parentPort, workerData } from 'node:worker_threads';
import { renderExportJob } from '../reports/export-render-jobs.js';
import type {
  ExportWorkerData,
  FromExportWorker,
  ToExportWorker,
} from './export-worker-protocol.js';

/**
 * The export thread: renders one export (台账 sheet, statistics table, county package) from
 * plain data into its temporary file and ends. It has no ledger and no SQL: the core read the
 * data before and records the export after, so the core answers other requests meanwhile.
 */

const port = parentPort;
if (!port) throw new Error('export-worker must run in a worker thread');
const { job, hold } = workerData as ExportWorkerData;

function send(message: FromExportWorker): void {
  port?.postMessage(message);
}

async function run(): Promise<void> {
  try {
    send({ type: 'done', file: await renderExportJob(job) });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    send({
      type: 'failed',
      message: error instanceof Error ? error.message : String(error),
      ...(typeof code === 'string' ? { code } : {}),
    });
  } finally {
    port?.close();
  }
}

if (hold) {
  port.once('message', (message: ToExportWorker) => {
    if (message.type === 'release') void run();
  });
  send({ type: 'held' });
} else {
  void run();
}

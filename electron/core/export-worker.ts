import { parentPort, workerData } from 'node:worker_threads';
import { renderExportJob } from '../reports/export-render-jobs.js';
import { assembleVolumeJob } from '../services/volume-assembly-job.js';
import type {
  ExportThreadJob,
  ExportThreadResults,
  ExportWorkerData,
  FromExportWorker,
  ToExportWorker,
} from './export-worker-protocol.js';

/**
 * The export thread: renders one export (台账 sheet, statistics table, county package) from
 * plain data into its temporary file, or assembles one volume PDF, and ends. It has no ledger
 * and no SQL: the core read the data before and records the result after, so the core answers
 * other requests meanwhile.
 */

const port = parentPort;
if (!port) throw new Error('export-worker must run in a worker thread');
const { job, hold } = workerData as ExportWorkerData;

function send(message: FromExportWorker): void {
  port?.postMessage(message);
}

function perform(work: ExportThreadJob): Promise<ExportThreadResults[ExportThreadJob['task']]> {
  switch (work.task) {
    case 'file':
      return renderExportJob(work.job);
    case 'volume':
      return assembleVolumeJob(work.job);
    default: {
      const never: never = work;
      throw new Error(`unknown export thread job ${JSON.stringify(never)}`);
    }
  }
}

async function run(): Promise<void> {
  try {
    send({ type: 'done', result: await perform(job) });
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

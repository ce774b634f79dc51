import { parentPort } from 'node:worker_threads';
import { renderExportJob } from '../reports/export-render-jobs.js';
import { claimXlsxJob, renderDocumentJob } from '../services/document-render-job.js';
import { assembleVolumeJob } from '../services/volume-assembly-job.js';
import type {
  ExportThreadJob,
  ExportThreadResults,
  FromExportWorker,
  ToExportWorker,
} from './export-worker-protocol.js';

/**
 * The export thread: renders exports (台账 sheet, statistics table, county package) from plain
 * data into their temporary files, assembles volume PDFs and renders claim packs' 申报表 and
 * .xlsx, one job per message. It has no
 * ledger and no SQL: the core read the data before and records the result after, so the core
 * answers other requests meanwhile. The thread stays for the next job (loading its code takes
 * about a second); the core ends it when idle.
 */

const port = parentPort;
if (!port) throw new Error('export-worker must run in a worker thread');

function send(message: FromExportWorker): void {
  port?.postMessage(message);
}

function perform(work: ExportThreadJob): Promise<ExportThreadResults[ExportThreadJob['task']]> {
  switch (work.task) {
    case 'file':
      return renderExportJob(work.job);
    case 'volume':
      return assembleVolumeJob(work.job);
    case 'document':
      return renderDocumentJob(work.job);
    case 'claimXlsx':
      return claimXlsxJob(work.job);
    default: {
      const never: never = work;
      throw new Error(`unknown export thread job ${JSON.stringify(never)}`);
    }
  }
}

async function run(id: number, work: ExportThreadJob): Promise<void> {
  try {
    send({ type: 'done', id, result: await perform(work) });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    send({
      type: 'failed',
      id,
      message: error instanceof Error ? error.message : String(error),
      ...(typeof code === 'string' ? { code } : {}),
    });
  }
}

// Jobs a test holds, waiting for their release.
const held = new Map<number, ExportThreadJob>();

port.on('message', (message: ToExportWorker) => {
  if (message.type === 'job') {
    if (message.hold) {
      held.set(message.id, message.job);
      send({ type: 'held', id: message.id });
    } else {
      void run(message.id, message.job);
    }
  } else {
    const work = held.get(message.id);
    held.delete(message.id);
    if (work) void run(message.id, work);
  }
});

import type {
  ClaimXlsxJob,
  DocumentRenderJob,
  DocumentRenderOutcome,
} from '../services/document-render-job.js';
import type { VolumeAssemblyJob } from '../services/volume-assembly-job.js';
import type { ExportRenderJob, RenderedFile } from './export-render-jobs.js';

/**
 * Where the long render steps run — exported files, volume PDFs, claim packs' 申报表 and .xlsx:
 * the export thread in the app, this thread in tests.
 */
export interface ExportRenderer {
  render(job: ExportRenderJob): Promise<RenderedFile>;
  volume(job: VolumeAssemblyJob): Promise<Uint8Array>;
  document(job: DocumentRenderJob): Promise<DocumentRenderOutcome>;
  claimXlsx(job: ClaimXlsxJob): Promise<Uint8Array>;
  /** Ends what the renderer keeps (the export thread) when the core closes. */
  close(): void;
}

/**
 * The render steps on the caller's thread (unit tests and benches that hold the core directly).
 * Imported on the first job: this is the core's default renderer, and the core worker must not
 * compile and run exceljs, pdf-lib and pdfkit before it says ready (issue 13, host start).
 */
export const inThreadExportRenderer: ExportRenderer = {
  render: async (job) => (await import('./export-render-jobs.js')).renderExportJob(job),
  volume: async (job) =>
    (await import('../services/volume-assembly-job.js')).assembleVolumeJob(job),
  document: async (job) =>
    (await import('../services/document-render-job.js')).renderDocumentJob(job),
  claimXlsx: async (job) => (await import('../services/document-render-job.js')).claimXlsxJob(job),
  close: () => undefined,
};

/** The export thread ended before it answered (crashed, out of memory, terminated). */
export class ExportThreadStopped extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportThreadStopped';
  }
}

import {
  claimXlsxJob,
  renderDocumentJob,
  type ClaimXlsxJob,
  type DocumentRenderJob,
  type DocumentRenderOutcome,
} from '../services/document-render-job.js';
import { assembleVolumeJob, type VolumeAssemblyJob } from '../services/volume-assembly-job.js';
import { renderExportJob, type ExportRenderJob, type RenderedFile } from './export-render-jobs.js';

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

/** The render steps on the caller's thread (unit tests and benches that hold the core directly). */
export const inThreadExportRenderer: ExportRenderer = {
  render: renderExportJob,
  volume: assembleVolumeJob,
  document: renderDocumentJob,
  claimXlsx: claimXlsxJob,
  close: () => undefined,
};

/** The export thread ended before it answered (crashed, out of memory, terminated). */
export class ExportThreadStopped extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportThreadStopped';
  }
}

import type { ExportRenderJob, RenderedFile } from '../reports/export-render-jobs.js';

/** What the export thread is started with: one job, and whether a test holds it first. */
export interface ExportWorkerData {
  readonly job: ExportRenderJob;
  /** Tests only: say `held` and wait for `release` before rendering. */
  readonly hold: boolean;
}

export type FromExportWorker =
  | { readonly type: 'held' }
  | { readonly type: 'done'; readonly file: RenderedFile }
  | { readonly type: 'failed'; readonly message: string; readonly code?: string };

export type ToExportWorker = { readonly type: 'release' };

import type { ExportRenderJob, RenderedFile } from '../reports/export-render-jobs.js';
import type {
  ClaimXlsxJob,
  DocumentRenderJob,
  DocumentRenderOutcome,
} from '../services/document-render-job.js';
import type { VolumeAssemblyJob } from '../services/volume-assembly-job.js';

/**
 * One job of the export thread: an exported file, a volume PDF's assembly, a long document
 * (a claim pack's 申报表) or a claim pack's .xlsx.
 */
export type ExportThreadJob =
  | { readonly task: 'file'; readonly job: ExportRenderJob }
  | { readonly task: 'volume'; readonly job: VolumeAssemblyJob }
  | { readonly task: 'document'; readonly job: DocumentRenderJob }
  | { readonly task: 'claimXlsx'; readonly job: ClaimXlsxJob };

/** What each job answers. */
export interface ExportThreadResults {
  readonly file: RenderedFile;
  readonly volume: Uint8Array;
  readonly document: DocumentRenderOutcome;
  readonly claimXlsx: Uint8Array;
}

export type ToExportWorker =
  | {
      readonly type: 'job';
      readonly id: number;
      readonly job: ExportThreadJob;
      /** Tests only: say `held` and wait for `release` before rendering. */
      readonly hold: boolean;
    }
  | { readonly type: 'release'; readonly id: number };

export type FromExportWorker =
  | { readonly type: 'held'; readonly id: number }
  | {
      readonly type: 'done';
      readonly id: number;
      readonly result: ExportThreadResults[ExportThreadJob['task']];
    }
  | {
      readonly type: 'failed';
      readonly id: number;
      readonly message: string;
      readonly code?: string;
    };

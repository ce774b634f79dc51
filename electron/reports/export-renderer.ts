import { renderExportJob, type ExportRenderJob, type RenderedFile } from './export-render-jobs.js';

/** Where an export's render step runs: the export thread in the app, this thread in tests. */
export interface ExportRenderer {
  render(job: ExportRenderJob): Promise<RenderedFile>;
}

/** The render step on the caller's thread (unit tests and benches that hold the core directly). */
export const inThreadExportRenderer: ExportRenderer = { render: renderExportJob };

/** The export thread ended before it answered (crashed, out of memory, terminated). */
export class ExportThreadStopped extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportThreadStopped';
  }
}

import { ApiError } from '../../domain/api/errors.js';
import { apiMessagesZhCN } from '../../domain/messages/zh-CN.js';
import { ExportThreadStopped, type ExportRenderer } from '../reports/export-renderer.js';
import type { DocumentEngine } from './document-engine.js';

/** What the services ask of a document engine; `renderFrozen` takes either kind. */
export type DocumentRendering = Pick<DocumentEngine, 'template' | 'check' | 'render'>;

/**
 * A stopped export thread as the caller's Chinese error: nothing was rendered, so nothing was
 * stored in a print register, and printing again works (the next job starts a new thread).
 */
export async function offCore<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ExportThreadStopped) {
      throw new ApiError('INTERNAL', apiMessagesZhCN.printThreadStopped);
    }
    throw error;
  }
}

/**
 * The engine with its render step on the export thread, for documents of many pages (a
 * period's 申报表 lists every case) that would hold the core for seconds. Templates and the
 * glyph check stay here: both are quick, and the print register needs the template before it
 * decides whether to render at all.
 */
export function offCoreDocuments(
  engine: DocumentEngine,
  renderer: ExportRenderer,
): DocumentRendering {
  return {
    template: (kind) => engine.template(kind),
    check: (kind, data) => engine.check(kind, data),
    render: async (kind, data, options) => {
      const outcome = await offCore(() =>
        renderer.document({
          kind,
          data,
          creationDate: options.creationDate,
          allowMissingGlyphs: options.allowMissingGlyphs,
          pageEdgeSealMark: options.pageEdgeSealMark ?? false,
          fontsDir: engine.options.fontsDir,
          templatesDir: engine.options.templatesDir,
        }),
      );
      if (!outcome.ok) {
        throw new ApiError(outcome.error.code, outcome.error.message, outcome.error.issues);
      }
      // a Buffer crosses the thread as a plain Uint8Array
      const { bytes } = outcome.pdf;
      return {
        ...outcome.pdf,
        bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      };
    },
  };
}

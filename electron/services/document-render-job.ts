import type { ApiErrorBody } from '../../domain/api/errors.js';
import { ApiError } from '../../domain/api/errors.js';
import type { ClaimPack } from '../../domain/subsidy/claim-pack.js';
import type { DocumentData } from '../documents/document-data.js';
import type { DocumentTemplateKind } from '../documents/template-loader.js';
import { claimPackXlsx, type ClaimXlsxHeader } from '../reports/subsidy-claim-xlsx.js';
import { DocumentEngine, type RenderedPdf } from './document-engine.js';

/**
 * One document rendered off the core (a period's 申报表 runs to many pages): the template, its
 * data as the core built it, and where the fonts and templates are, so the export thread's own
 * engine draws the same bytes the core's would.
 */
export interface DocumentRenderJob {
  readonly kind: DocumentTemplateKind;
  readonly data: DocumentData;
  readonly creationDate: Date;
  readonly allowMissingGlyphs: boolean;
  readonly pageEdgeSealMark: boolean;
  readonly fontsDir: string;
  readonly templatesDir: string;
}

/**
 * The engine's refusals (a character no font has, text that cannot be printed) are answers a
 * mediator acts on, not crashes: they travel back as data and the core throws the same ApiError.
 */
export type DocumentRenderOutcome =
  | { readonly ok: true; readonly pdf: RenderedPdf }
  | { readonly ok: false; readonly error: ApiErrorBody };

/** A claim pack's .xlsx, written from the pack the core computed. */
export interface ClaimXlsxJob {
  readonly pack: ClaimPack;
  readonly header: ClaimXlsxHeader;
}

// One engine per folder pair and thread: its templates are loaded once, like the core's.
const engines = new Map<string, DocumentEngine>();

function engineFor(job: DocumentRenderJob): DocumentEngine {
  const key = `${job.fontsDir}\u0000${job.templatesDir}`;
  let engine = engines.get(key);
  if (!engine) {
    engine = new DocumentEngine({ fontsDir: job.fontsDir, templatesDir: job.templatesDir });
    engines.set(key, engine);
  }
  return engine;
}

export async function renderDocumentJob(job: DocumentRenderJob): Promise<DocumentRenderOutcome> {
  try {
    const pdf = await engineFor(job).render(job.kind, job.data, {
      creationDate: job.creationDate,
      allowMissingGlyphs: job.allowMissingGlyphs,
      pageEdgeSealMark: job.pageEdgeSealMark,
    });
    return { ok: true, pdf };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: error.toBody() };
    throw error;
  }
}

export async function claimXlsxJob(job: ClaimXlsxJob): Promise<Uint8Array> {
  return claimPackXlsx(job.pack, job.header);
}

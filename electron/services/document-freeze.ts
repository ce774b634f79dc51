import type { RenderedDocument } from '../../domain/agreements/agreement-views.js';
import type { CanonicalValue } from '../../domain/agreements/canonical-json.js';
import type { PrintedDocumentKind } from '../../domain/documents/printed-documents.js';
import type { DocumentData } from '../documents/document-data.js';
import type { DocumentTemplateKind } from '../documents/template-loader.js';
import type { DocumentRendering } from './off-core-documents.js';
import type { PrintRegisterService } from './print-register-service.js';

export interface FreezeRenderRequest {
  readonly caseId: number;
  readonly kind: PrintedDocumentKind;
  readonly recordKey: string;
  readonly fileName: string;
  readonly template: DocumentTemplateKind;
  readonly data: DocumentData;
  readonly now: Date;
  readonly allowMissingGlyphs: boolean;
}

/**
 * Renders a ledger document through the print register: the same record with the same data
 * prints the bytes stored the first time (a reprinted record is the copy the parties signed);
 * changed data becomes the record's next version.
 */
export async function renderFrozen(
  engine: DocumentRendering,
  register: PrintRegisterService,
  r: FreezeRenderRequest,
): Promise<RenderedDocument> {
  const file = engine.template(r.template).file;
  const frozen = await register.freeze({
    caseId: r.caseId,
    kind: r.kind,
    recordKey: r.recordKey,
    fileName: r.fileName,
    template: { id: file.id, version: file.version },
    content: r.data as unknown as CanonicalValue,
    render: async () => {
      const issues = engine.check(r.template, r.data);
      const rendered = await engine.render(r.template, r.data, {
        creationDate: r.now,
        allowMissingGlyphs: r.allowMissingGlyphs,
      });
      return { ...rendered, issues };
    },
  });
  return { ...frozen.file, issues: frozen.issues, printed: frozen.document };
}

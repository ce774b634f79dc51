import { appendAuditEvent } from '../../db/audit/audit-log.js';
import {
  findPrintedByContent,
  getPrintedDocument,
  insertPrintedDocument,
  insertPrintEvent,
  latestVersionsOfCase,
  printedDocumentsOfCase,
  printedPdfOf,
  printEventsOfCase,
  type PrintedDocumentRow,
  type PrintEventRow,
} from '../../db/documents/print-register-queries.js';
import type { DraftIssue, PdfFile } from '../../domain/agreements/agreement-views.js';
import { canonicalJson, type CanonicalValue } from '../../domain/agreements/canonical-json.js';
import { ApiError } from '../../domain/api/errors.js';
import {
  isPrintedDocumentKind,
  PRINTED_DOCUMENT_LABELS,
  RECORD_KEY_PATTERN,
  type PrintedDocument,
  type PrintedDocumentKind,
  type PrintEvent,
} from '../../domain/documents/printed-documents.js';
import { pdfFile } from './agreement-draft-service.js';
import { currentActor } from './desk-actor.js';
import { sha256Hex } from './document-engine.js';
import type { LedgerSession } from './ledger-session.js';
import {
  refuseWholeIdPaperOutOfScope,
  storedPaperPrintsWholeIdNumbers,
} from './whole-id-papers.js';

/** Which record of which case a printed document belongs to. */
export interface PrintedRecordRef {
  readonly caseId: number;
  readonly kind: PrintedDocumentKind;
  /** `case` for one-per-case documents, else `<record>:<id>` (see recordKeyOf). */
  readonly recordKey: string;
}

/** A rendered PDF ready to be frozen. */
export interface RenderedForRegister {
  readonly bytes: Buffer;
  readonly verificationCode: string;
  readonly templateId: string;
  readonly templateVersion: number;
  readonly issues?: readonly DraftIssue[];
}

export interface StoreRequest extends PrintedRecordRef, RenderedForRegister {
  readonly fileName: string;
  /**
   * SHA-256 of the data the bytes were rendered from (template id and version included), e.g.
   * `contentHash(...)` or an agreement's canonical_sha256. Omitted: the PDF's own hash, which
   * makes every distinct PDF its own version.
   */
  readonly contentSha256?: string;
}

export interface FreezeRequest extends PrintedRecordRef {
  readonly fileName: string;
  readonly template: { readonly id: string; readonly version: number };
  /** The data the document is rendered from; unchanged data → the stored bytes come back. */
  readonly content: CanonicalValue;
  /** Called only when no stored version matches the content. */
  readonly render: () => Promise<RenderedForRegister>;
}

export interface PrintRequest {
  readonly printedDocumentId: number;
  readonly copies: number;
  readonly printer?: string | null;
}

/** A frozen version and its bytes, as the document API returns it. */
export interface FrozenDocument {
  readonly document: PrintedDocument;
  readonly file: PdfFile;
  readonly issues: readonly DraftIssue[];
}

/** Hash of what a document is rendered from: the same data and template → the same hash. */
export function contentHash(
  template: { readonly id: string; readonly version: number },
  content: CanonicalValue,
): string {
  return sha256Hex(
    canonicalJson({ templateId: template.id, templateVersion: template.version, content }),
  );
}

const versionKey = (kind: string, recordKey: string) => `${kind}\u0000${recordKey}`;

/**
 * The print register (issue 7, must-have 7). Every document the app prints goes through here:
 *
 * - `freeze` — render-or-reuse: if this record was printed from the same data (and template)
 *   before, the stored bytes are returned without rendering; otherwise the new PDF is stored as
 *   the record's next version. The older versions stay and can be fetched by id.
 * - `store` — for callers that already hold the bytes (agreements at generation, follow-up
 *   records, volumes); synchronous, so it can run inside the caller's transaction.
 * - `recordPrint` — one trip to paper of a stored version: copies, printer when known, who, when.
 * - `listForCase`, `getStored` — what the case page lists and reopens.
 */
export class PrintRegisterService {
  constructor(private readonly ledger: LedgerSession) {}

  async freeze(request: FreezeRequest): Promise<FrozenDocument> {
    checkRef(request);
    const contentSha256 = contentHash(request.template, request.content);
    const db = this.ledger.db();
    const existing = findPrintedByContent(
      db,
      request.caseId,
      request.kind,
      request.recordKey,
      contentSha256,
    );
    if (existing) return this.frozen(existing);
    const rendered = await request.render();
    return this.frozen(this.insert({ ...request, ...rendered, contentSha256 }));
  }

  /** Stores the bytes as the record's next version unless the same content is stored already. */
  store(request: StoreRequest): PrintedDocument {
    checkRef(request);
    return this.view(this.insert(request));
  }

  recordPrint(request: PrintRequest): PrintedDocument {
    if (!Number.isInteger(request.copies) || request.copies < 1 || request.copies > 99) {
      throw new ApiError('BAD_INPUT', '份数必须是 1 到 99 之间的整数');
    }
    const db = this.ledger.db();
    const row = getPrintedDocument(db, request.printedDocumentId);
    if (!row) throw new ApiError('NOT_FOUND', '找不到该打印存档，可能编号有误');
    const printer = request.printer?.trim().slice(0, 200) || null;
    db.transaction(() => {
      insertPrintEvent(
        db,
        {
          printedDocumentId: row.id,
          copies: request.copies,
          printer,
          printedBy: currentActor(),
        },
        this.ledger.now().toISOString(),
      );
      appendAuditEvent(db, {
        action: 'PRINT',
        caseId: row.case_id,
        detail: { printedDocumentId: row.id, kind: row.kind, copies: request.copies },
      });
    }).immediate();
    return this.view(row);
  }

  listForCase(caseId: number): PrintedDocument[] {
    const db = this.ledger.db();
    const rows = printedDocumentsOfCase(db, caseId);
    const latest = latestVersionsOfCase(db, caseId);
    const events = groupEvents(printEventsOfCase(db, caseId));
    return rows.map((r) => toView(r, latest, events.get(r.id) ?? []));
  }

  /** The stored bytes of one version, exactly as they were first printed. */
  getStored(printedDocumentId: number): FrozenDocument {
    return this.frozen(this.storedRow(printedDocumentId));
  }

  private storedRow(printedDocumentId: number): PrintedDocumentRow {
    const row = getPrintedDocument(this.ledger.db(), printedDocumentId);
    if (!row) throw new ApiError('NOT_FOUND', '找不到该打印存档，可能编号有误');
    return row;
  }

  /**
   * `getStored` for a caller of the API (reopening or printing a stored version): a paper that
   * prints whole ID numbers is refused to a 调解员 outside their cases before its bytes are read.
   */
  openStored(printedDocumentId: number): FrozenDocument {
    const row = this.storedRow(printedDocumentId);
    if (storedPaperPrintsWholeIdNumbers(this.ledger.db(), row)) {
      refuseWholeIdPaperOutOfScope(this.ledger, row.case_id, row.kind as PrintedDocumentKind);
    }
    return this.frozen(row);
  }

  /** The latest stored version of a record, or null when it was never printed. */
  latest(ref: PrintedRecordRef): PrintedDocument | null {
    const found = this.listForCase(ref.caseId).find(
      (d) => d.kind === ref.kind && d.recordKey === ref.recordKey && !d.superseded,
    );
    return found ?? null;
  }

  private insert(request: StoreRequest): PrintedDocumentRow {
    const db = this.ledger.db();
    const contentSha256 = request.contentSha256 ?? sha256Hex(request.bytes);
    const id = db
      .transaction(() => {
        // Rendering was asynchronous: another window may have frozen the same content meanwhile.
        const again = findPrintedByContent(
          db,
          request.caseId,
          request.kind,
          request.recordKey,
          contentSha256,
        );
        if (again) return again.id;
        return insertPrintedDocument(
          db,
          {
            caseId: request.caseId,
            kind: request.kind,
            recordKey: request.recordKey,
            contentSha256,
            templateId: request.templateId,
            templateVersion: request.templateVersion,
            fileName: request.fileName,
            pdf: request.bytes,
            pdfSha256: sha256Hex(request.bytes),
            verificationCode: request.verificationCode,
            issuesJson: JSON.stringify(request.issues ?? []),
            createdBy: currentActor(),
          },
          this.ledger.now().toISOString(),
        );
      })
      .immediate();
    const row = getPrintedDocument(db, id);
    if (!row) throw new ApiError('INTERNAL', '打印存档写入后无法读取，请重试');
    return row;
  }

  private view(row: PrintedDocumentRow): PrintedDocument {
    const found = this.listForCase(row.case_id).find((d) => d.id === row.id);
    if (!found) throw new ApiError('NOT_FOUND', '找不到该打印存档，可能编号有误');
    return found;
  }

  private frozen(row: PrintedDocumentRow): FrozenDocument {
    const pdf = printedPdfOf(this.ledger.db(), row.id);
    if (pdf === null) throw new ApiError('NOT_FOUND', '找不到该打印存档，可能编号有误');
    const actual = sha256Hex(pdf);
    if (actual !== row.pdf_sha256) {
      throw new ApiError(
        'INTERNAL',
        `打印存档“${row.file_name}”已被改动，与存档时的 SHA-256 不符。请以已签署的纸质文书为准，并报告管理人员`,
      );
    }
    return {
      document: this.view(row),
      file: pdfFile(row.file_name, pdf, row.pdf_sha256, row.verification_code),
      issues: JSON.parse(row.issues_json) as DraftIssue[],
    };
  }
}

function checkRef(ref: PrintedRecordRef): void {
  // Programming errors of a caller inside main, not user input: fail loudly.
  if (!isPrintedDocumentKind(ref.kind)) throw new TypeError(`unknown printed kind ${ref.kind}`);
  if (!RECORD_KEY_PATTERN.test(ref.recordKey)) {
    throw new TypeError(`malformed record key ${ref.recordKey}`);
  }
}

export function groupEvents(rows: readonly PrintEventRow[]): Map<number, PrintEvent[]> {
  const out = new Map<number, PrintEvent[]>();
  for (const e of rows) {
    const list = out.get(e.printed_document_id) ?? [];
    list.push({
      id: e.id,
      copies: e.copies,
      printer: e.printer,
      printedBy: e.printed_by,
      printedAt: e.printed_at,
    });
    out.set(e.printed_document_id, list);
  }
  return out;
}

function toView(
  r: PrintedDocumentRow,
  latest: ReadonlyMap<string, number>,
  prints: readonly PrintEvent[],
): PrintedDocument {
  const kind = r.kind as PrintedDocumentKind;
  return {
    id: r.id,
    caseId: r.case_id,
    kind,
    label: isPrintedDocumentKind(r.kind) ? PRINTED_DOCUMENT_LABELS[kind] : r.kind,
    recordKey: r.record_key,
    printVersion: r.print_version,
    superseded: (latest.get(versionKey(r.kind, r.record_key)) ?? 0) > r.print_version,
    contentSha256: r.content_sha256,
    templateId: r.template_id,
    templateVersion: r.template_version,
    fileName: r.file_name,
    pdfSha256: r.pdf_sha256,
    byteLength: r.byte_length,
    verificationCode: r.verification_code,
    createdBy: r.created_by,
    createdAt: r.created_at,
    prints,
  };
}

import {
  findPeriodPrint,
  insertPeriodPrint,
  type PeriodPrintRow,
} from '../../db/documents/period-print-queries.js';
import type { CanonicalValue } from '../../domain/agreements/canonical-json.js';
import { currentActor } from './desk-actor.js';
import { sha256Hex } from './document-engine.js';
import type { LedgerSession } from './ledger-session.js';
import { contentHash, type RenderedForRegister } from './print-register-service.js';

export interface PeriodFreezeRequest {
  readonly kind: string;
  /** Whose paper for which period under which rule, e.g. `mediator:3|2026-Q1|rules:county-a`. */
  readonly scopeKey: string;
  readonly fileName: string;
  readonly template: { readonly id: string; readonly version: number };
  readonly content: CanonicalValue;
  readonly render: () => Promise<RenderedForRegister>;
}

/**
 * The print register of papers that belong to no single case (migration 015), with the case
 * register's rule: the same data (and template) prints the bytes stored the first time, changed
 * data becomes the scope's next version, and nothing stored is ever changed.
 */
export class PeriodPrintRegister {
  constructor(private readonly ledger: LedgerSession) {}

  async freeze(r: PeriodFreezeRequest): Promise<{ row: PeriodPrintRow; reprint: boolean }> {
    const contentSha256 = contentHash(r.template, r.content);
    const db = this.ledger.db();
    const existing = findPeriodPrint(db, r.kind, r.scopeKey, contentSha256);
    if (existing) return { row: existing, reprint: true };
    const rendered = await r.render();
    const row = db
      .transaction(() => {
        // Rendering was asynchronous: another window may have frozen the same content meanwhile.
        const again = findPeriodPrint(db, r.kind, r.scopeKey, contentSha256);
        if (again) return again;
        return insertPeriodPrint(db, {
          kind: r.kind,
          scopeKey: r.scopeKey,
          contentSha256,
          templateId: rendered.templateId,
          templateVersion: rendered.templateVersion,
          fileName: r.fileName,
          pdf: rendered.bytes,
          pdfSha256: sha256Hex(rendered.bytes),
          verificationCode: rendered.verificationCode,
          createdBy: currentActor(),
          createdAt: this.ledger.now().toISOString(),
        });
      })
      .immediate();
    return { row, reprint: false };
  }
}

import {
  agreementRowsOfCase,
  insertAgreement,
  liveAgreementsOfCase,
  storeGenerated,
  updateDraftContent,
} from '../../db/agreements/agreement-queries.js';
import {
  caseMediatorIds,
  partyRowsOf,
  representativeRowsOf,
  sessionRowsOf,
} from '../../db/cases/case-reads.js';
import type { AgreementContent } from '../../domain/agreements/agreement-input.js';
import type { Agreement, DraftCheck, PdfFile } from '../../domain/agreements/agreement-views.js';
import { canonicalJson, type CanonicalValue } from '../../domain/agreements/canonical-json.js';
import { ApiError } from '../../domain/api/errors.js';
import { stateLabelOf } from '../../domain/case-lifecycle.js';
import type { Code as LanguageCode } from '../../domain/taxonomy/languages.js';
import { AgreementServiceBase, agreementMessages } from './agreement-common.js';
import { prepareDraft, type PreparedDraft } from './agreement-draft-checks.js';
import { resolveAgreement, type ResolvedAgreement } from './agreement-document-input.js';
import { caseDatesOf } from './case-guards.js';
import { sha256Hex, type RenderedPdf } from './document-engine.js';
import { agreementPrintsWholeIdNumbers, refuseWholeIdPaperOutOfScope } from './whole-id-papers.js';

/** What a generated agreement was rendered from; stored as canonical JSON and hashed. */
export interface CanonicalAgreement {
  readonly templateId: string;
  readonly templateVersion: number;
  readonly creationDate: string;
  readonly pageEdgeSealMark: boolean;
  readonly allowMissingGlyphs: boolean;
  readonly document: ResolvedAgreement['input'];
}

export function pdfFile(name: string, pdf: Buffer, sha256: string, code: string): PdfFile {
  return {
    fileName: `${name.replace(/[\\/:*?"<>|\s]+/g, '_')}.pdf`,
    pdfBase64: pdf.toString('base64'),
    sha256,
    byteLength: pdf.length,
    verificationCode: code,
  };
}

/** Drafting, checking, previewing and generating written agreements (§2.9). */
export class AgreementDraftService extends AgreementServiceBase {
  list(caseId: number): Agreement[] {
    this.requireCaseExists(caseId);
    return agreementRowsOfCase(this.db(), caseId).map((r) => this.viewOf(r));
  }

  private requireCaseExists(caseId: number): void {
    const db = this.db();
    if (!db.prepare('SELECT 1 FROM case_file WHERE id = ?').get(caseId)) {
      throw new ApiError('NOT_FOUND', agreementMessages.caseNotFound);
    }
  }

  createDraft(caseId: number): Agreement {
    const db = this.db();
    const now = this.nowIso();
    const id = db
      .transaction(() => {
        const c = this.requireCaseEditable(caseId);
        if (c.status !== 'MEDIATING') {
          throw new ApiError(
            'INVALID_STATE',
            `案件当前状态为“${stateLabelOf(c.status)}”，只有调解中的案件才能起草调解协议书`,
          );
        }
        if (liveAgreementsOfCase(db, caseId).length > 0) {
          throw new ApiError(
            'INVALID_STATE',
            '该案件已有未作废的调解协议。请继续编辑原草稿，或先作废后再重新起草',
          );
        }
        const content = this.defaultContent(
          caseId,
          c.case_number ?? '',
          c.summary,
          c.requests_json,
        );
        return insertAgreement(
          db,
          {
            caseId,
            kind: 'WRITTEN',
            status: 'DRAFT',
            number: content.agreementNumber,
            supersedesId: null,
            amendReason: null,
            contentJson: JSON.stringify(content),
            signaturesJson: '{}',
            effectiveDate: null,
          },
          now,
        );
      })
      .immediate();
    return this.view(id);
  }

  /** Pre-filled from the ledger so the mediator starts from the case, not a blank form. */
  private defaultContent(
    caseId: number,
    caseNumber: string,
    summary: string,
    requestsJson: string,
  ): AgreementContent {
    const db = this.db();
    const parties = partyRowsOf(db, caseId);
    const reps = representativeRowsOf(db, caseId);
    const lastSession = sessionRowsOf(db, caseId).at(-1);
    const requests = JSON.parse(requestsJson) as string[];
    const interpreterLanguage = lastSession?.interpreter_language as
      LanguageCode | null | undefined;
    return {
      agreementNumber: caseNumber === '' ? '待编号' : caseNumber,
      agreementDate: this.today(),
      partyIds: parties.map((p) => p.id),
      agents: reps.map((r) => ({
        partyId: r.party_id,
        kind: r.kind,
        name: r.name,
        detail: `系其${r.relationship}`,
      })),
      facts: summary,
      disputedMatters: requests.join('；'),
      responsibilities: [],
      terms: [],
      performance: null,
      amountFen: null,
      copies: null,
      mediatorIds: caseMediatorIds(db, caseId),
      recorderName: lastSession?.recorder ?? '',
      interpreter:
        lastSession?.interpreter_name && interpreterLanguage
          ? {
              name: lastSession.interpreter_name,
              language: interpreterLanguage,
              partyIds: parties.filter((p) => p.needs_interpreter === 1).map((p) => p.id),
            }
          : null,
      printIdNumbers: false,
      pageEdgeSealMark: true,
      translations: [],
      translationPrevails: 'CHINESE',
    };
  }

  updateDraft(id: number, expectedVersion: number, content: AgreementContent): Agreement {
    const db = this.db();
    const now = this.nowIso();
    db.transaction(() => {
      const row = this.claimRow(id, expectedVersion, ['DRAFT'], agreementMessages.notDraft);
      // Resolving checks that every id belongs to this case and the mediators exist.
      resolveAgreement(db, row.case_id, content);
      if (
        !updateDraftContent(
          db,
          id,
          expectedVersion,
          content.agreementNumber,
          JSON.stringify(content),
          now,
        )
      ) {
        throw new ApiError('CONFLICT', agreementMessages.conflict);
      }
    }).immediate();
    return this.view(id);
  }

  private prepare(id: number): {
    prepared: PreparedDraft;
    resolved: ResolvedAgreement;
    version: number;
  } {
    const row = this.requireRow(id);
    if (row.kind !== 'WRITTEN') {
      throw new ApiError('INVALID_STATE', '口头协议登记表不需要起草，请直接打印登记表');
    }
    if (row.status !== 'DRAFT') {
      throw new ApiError('INVALID_STATE', agreementMessages.notDraft(row.status));
    }
    const content = this.contentOf(row);
    const resolved = resolveAgreement(this.db(), row.case_id, content);
    return {
      prepared: prepareDraft(
        this.db(),
        this.engine,
        content,
        resolved,
        caseDatesOf(this.db(), this.requireCaseEditable(row.case_id), this.today()),
      ),
      resolved,
      version: row.version,
    };
  }

  /** A Mongolian annex needs its font and HarfBuzz, which open asynchronously (once). */
  private async openFontsFor(id: number): Promise<void> {
    const content = this.contentOf(this.requireRow(id));
    if (content.translations.some((t) => t.language === 'mn')) await this.engine.openMongolian();
  }

  async check(id: number): Promise<DraftCheck> {
    await this.openFontsFor(id);
    const { prepared } = this.prepare(id);
    return { ok: !prepared.issues.some((i) => i.level === 'ERROR'), issues: prepared.issues };
  }

  private async render(
    id: number,
    creationDate: Date,
    allowMissingGlyphs: boolean,
  ): Promise<{ rendered: RenderedPdf; resolved: ResolvedAgreement; version: number }> {
    await this.openFontsFor(id);
    const { prepared, resolved, version } = this.prepare(id);
    const firstError = prepared.issues.find((i) => i.level === 'ERROR');
    if (firstError || prepared.data === null) {
      throw new ApiError(
        'BAD_INPUT',
        `协议书还不能生成：${firstError?.message ?? '内容不完整'}`,
        prepared.issues
          .filter((i) => i.level === 'ERROR')
          .map((i) => ({ path: i.field.split('.'), message: i.message })),
      );
    }
    const rendered = await this.engine.render('AGREEMENT', prepared.data, {
      creationDate,
      allowMissingGlyphs,
      pageEdgeSealMark: resolved.pageEdgeSealMark,
    });
    return { rendered, resolved, version };
  }

  async preview(id: number, allowMissingGlyphs: boolean): Promise<PdfFile> {
    const row = this.requireRow(id);
    if (agreementPrintsWholeIdNumbers(row)) {
      refuseWholeIdPaperOutOfScope(this.ledger, row.case_id, 'AGREEMENT');
    }
    const { rendered, resolved } = await this.render(id, this.ledger.now(), allowMissingGlyphs);
    return pdfFile(
      `调解协议书预览_${resolved.input.agreementNumber}`,
      rendered.bytes,
      rendered.sha256,
      rendered.verificationCode,
    );
  }

  async generate(
    id: number,
    expectedVersion: number,
    allowMissingGlyphs: boolean,
  ): Promise<Agreement> {
    const before = this.requireRow(id);
    if (before.version !== expectedVersion)
      throw new ApiError('CONFLICT', agreementMessages.conflict);
    // Whole seconds: the PDF date has no milliseconds, and the stored date must reproduce it.
    const creationDate = new Date(Math.floor(this.ledger.now().getTime() / 1000) * 1000);
    const { rendered, resolved } = await this.render(id, creationDate, allowMissingGlyphs);
    const canonical: CanonicalAgreement = {
      templateId: rendered.templateId,
      templateVersion: rendered.templateVersion,
      creationDate: creationDate.toISOString(),
      pageEdgeSealMark: resolved.pageEdgeSealMark,
      allowMissingGlyphs,
      document: resolved.input,
    };
    const text = canonicalJson(canonical as unknown as CanonicalValue);
    const db = this.db();
    const now = this.nowIso();
    db.transaction(() => {
      // Rendering was asynchronous: re-check that nobody changed the draft meanwhile.
      this.claimRow(id, expectedVersion, ['DRAFT'], agreementMessages.notDraft);
      const stored = storeGenerated(
        db,
        id,
        expectedVersion,
        'DRAFT',
        {
          canonicalJson: text,
          canonicalSha256: sha256Hex(text),
          templateId: rendered.templateId,
          templateVersion: rendered.templateVersion,
          pdf: rendered.bytes,
          pdfSha256: rendered.sha256,
          verificationCode: rendered.verificationCode,
          generatedAt: canonical.creationDate,
        },
        now,
      );
      if (!stored) throw new ApiError('CONFLICT', agreementMessages.conflict);
    }).immediate();
    return this.view(id);
  }
}

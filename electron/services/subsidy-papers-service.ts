import { getCaseDetail } from '../../db/cases/case-reads.js';
import type { RenderedDocument } from '../../domain/agreements/agreement-views.js';
import type { CanonicalValue } from '../../domain/agreements/canonical-json.js';
import { ApiError } from '../../domain/api/errors.js';
import { recordKeyOf } from '../../domain/documents/printed-documents.js';
import type { SubsidyClaimSheet, SubsidyClaimXlsx } from '../../domain/subsidy/subsidy-views.js';
import * as disputeCategories from '../../domain/taxonomy/dispute-categories.js';
import { chinaToday } from '../../domain/validation/calendar-date.js';
import type { DocumentData } from '../documents/document-data.js';
import { buildClaimSheetData, buildRecognitionData } from '../documents/subsidy-papers-data.js';
import { safeFileName } from '../reports/safe-file-name.js';
import { pdfFile } from './agreement-draft-service.js';
import type { ExportRenderer } from '../reports/export-renderer.js';
import { sha256Hex, type DocumentEngine } from './document-engine.js';
import { renderFrozen } from './document-freeze.js';
import { letterhead, mediatorNames } from './document-ledger-data.js';
import type { LedgerSession } from './ledger-session.js';
import { offCore, offCoreDocuments, type DocumentRendering } from './off-core-documents.js';
import type { PeriodPrintRegister } from './period-print-register.js';
import type { PrintRegisterService } from './print-register-service.js';
import type { SubsidyService } from './subsidy-service.js';

const CLAIM_SHEET_KIND = 'SUBSIDY_CLAIM_SHEET';

function asInvalidState(label: string, build: () => DocumentData): DocumentData {
  try {
    return build();
  } catch (error) {
    if (error instanceof RangeError) {
      throw new ApiError('INVALID_STATE', `${label}还不能打印：${error.message}`);
    }
    throw error;
  }
}

/**
 * The 以案定补 papers (issue 15): the 调解案件认定表 of a case (frozen in the case's print
 * register), the 申报表 of a mediator's period (frozen in the period print register) and the
 * same pack as .xlsx. All three are filled from the claim pack the screen shows. The core
 * computes the pack and the documents' data; the PDFs and the .xlsx are drawn on the export
 * thread (a period's sheet runs to many pages), so the core answers other requests meanwhile.
 */
export class SubsidyPapersService {
  private readonly documents: DocumentRendering;

  constructor(
    private readonly ledger: LedgerSession,
    private readonly subsidy: SubsidyService,
    engine: DocumentEngine,
    private readonly register: PrintRegisterService,
    private readonly periodRegister: PeriodPrintRegister,
    private readonly renderer: ExportRenderer,
  ) {
    this.documents = offCoreDocuments(engine, renderer);
  }

  async recognition(caseId: number, allowMissingGlyphs: boolean): Promise<RenderedDocument> {
    const { view, line, rules } = this.subsidy.recognition(caseId);
    const db = this.ledger.db();
    const now = this.ledger.now();
    const today = chinaToday(now);
    const c = getCaseDetail(db, caseId, today);
    if (!c) throw new ApiError('NOT_FOUND', '案件不存在，请刷新后重试');
    const head = letterhead(db);
    const data = asInvalidState('调解案件认定表', () =>
      buildRecognitionData({
        committeeName: head.committeeName,
        caseReference: c.caseNumber ?? c.title,
        caseTitle: c.title,
        disputeType:
          c.subtype === null
            ? disputeCategories.labelOf(c.category)
            : disputeCategories.subtypeLabelOf(c.subtype),
        mediatorNames: mediatorNames(db, c.mediatorIds, ['caseId']),
        rules: { rulesTitle: rules.title, rulesIsExample: rules.isExample },
        oralPercent: rules.oral.percent,
        line,
        documents: view.claim.documents,
        disclaimer: view.disclaimer,
        // The sheet is dated by the outcome it judges, so an unchanged case reprints the same bytes.
        noticeDate: line.outcomeDate ?? today,
        dateStyle: head.dateStyle,
      }),
    );
    return renderFrozen(this.documents, this.register, {
      caseId,
      kind: 'SUBSIDY_RECOGNITION',
      recordKey: recordKeyOf('case'),
      fileName: `调解案件认定表_${c.caseNumber ?? c.title}`,
      template: 'SUBSIDY_RECOGNITION',
      data,
      now,
      allowMissingGlyphs,
    });
  }

  async claimSheet(
    mediatorId: number,
    period: string,
    allowMissingGlyphs: boolean,
  ): Promise<SubsidyClaimSheet> {
    const { pack, rules } = this.subsidy.claimPackWithRules(mediatorId, period);
    const db = this.ledger.db();
    const head = letterhead(db);
    const now = this.ledger.now();
    const data = asInvalidState('以案定补申报表', () =>
      buildClaimSheetData({
        committeeName: pack.committeeName,
        periodLabel: pack.periodLabel,
        pack,
        oralPercent: rules.oral.percent,
        // Dated by the period's end, not the day of printing: the same pack reprints the same bytes.
        noticeDate: pack.periodEnd < chinaToday(now) ? pack.periodEnd : chinaToday(now),
        dateStyle: head.dateStyle,
      }),
    );
    const template = this.documents.template('SUBSIDY_CLAIM_SHEET').file;
    // The mediator's name is user data: the file name is made safe on every file system.
    const name = safeFileName(`以案定补申报表_${pack.mediator.name}_${pack.periodKey}`);
    const { row, reprint } = await this.periodRegister.freeze({
      kind: CLAIM_SHEET_KIND,
      scopeKey: `mediator:${mediatorId}|${pack.periodKey}|rules:${pack.rulesId}`,
      fileName: name,
      template: { id: template.id, version: template.version },
      content: data as unknown as CanonicalValue,
      render: () =>
        this.documents.render('SUBSIDY_CLAIM_SHEET', data, {
          creationDate: now,
          allowMissingGlyphs,
        }),
    });
    return {
      ...pdfFile(row.fileName, row.pdf, row.pdfSha256, row.verificationCode),
      printVersion: row.printVersion,
      printedAt: row.createdAt,
      reprint,
    };
  }

  async claimXlsx(mediatorId: number, period: string): Promise<SubsidyClaimXlsx> {
    const pack = this.subsidy.claimPack(mediatorId, period);
    const written = await offCore(() =>
      this.renderer.claimXlsx({
        pack,
        header: {
          committeeName: pack.committeeName,
          periodLabel: pack.periodLabel,
          generatedOn: chinaToday(this.ledger.now()),
        },
      }),
    );
    const bytes = Buffer.from(written.buffer, written.byteOffset, written.byteLength);
    return {
      fileName: safeFileName(`以案定补申报表_${pack.mediator.name}_${pack.periodKey}.xlsx`),
      dataBase64: bytes.toString('base64'),
      sha256: sha256Hex(bytes),
      byteLength: bytes.length,
    };
  }
}

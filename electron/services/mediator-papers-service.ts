import { getMediators } from '../../db/cases/mediator-queries.js';
import { workloadFigures, workloadOutcomes } from '../../db/cases/mediator-workload-query.js';
import {
  findMediatorPrinted,
  getMediatorPrinted,
  insertMediatorPrinted,
  mediatorPrintedPdf,
  type MediatorPrintedRow,
} from '../../db/documents/mediator-print-queries.js';
import type { DraftIssue } from '../../domain/agreements/agreement-views.js';
import type { MediatorPaperView } from '../../domain/api/mediators-contract.js';
import type { CanonicalValue } from '../../domain/agreements/canonical-json.js';
import { ApiError } from '../../domain/api/errors.js';
import type { Mediator } from '../../domain/cases/case-views.js';
import type { MediatorWorkload } from '../../domain/cases/mediator-workload.js';
import { reportablePeriod } from '../../domain/statistics/period.js';
import { chinaToday } from '../../domain/validation/calendar-date.js';
import { buildMediatorRegisterData } from '../documents/mediator-register-data.js';
import { pdfFile } from './agreement-draft-service.js';
import { LOCAL_ACTOR } from './case-service.js';
import { letterhead } from './document-ledger-data.js';
import { sha256Hex, type DocumentEngine } from './document-engine.js';
import type { LedgerSession } from './ledger-session.js';
import { contentHash } from './print-register-service.js';

/** A mediator's printed paper as the API returns it (the contract's `MediatorPaperView`). */
export type MediatorPaper = MediatorPaperView;

const REGISTER_KIND = 'MEDIATOR_REGISTER';

/**
 * A mediator's own papers and figures (issue 15, must-have 4): the 人民调解员登记表, frozen in
 * the mediator print register (the same profile prints the same bytes; a changed profile is the
 * next version), and the mediator's workload and outcomes for a period.
 */
export class MediatorPapersService {
  constructor(
    private readonly ledger: LedgerSession,
    private readonly engine: DocumentEngine,
  ) {}

  private mediator(mediatorId: number): Mediator {
    const m = getMediators(this.ledger.db(), [mediatorId])[0];
    if (!m) throw new ApiError('NOT_FOUND', '找不到该调解员，请刷新后重试');
    return m;
  }

  async registerForm(mediatorId: number, allowMissingGlyphs: boolean): Promise<MediatorPaper> {
    const db = this.ledger.db();
    const m = this.mediator(mediatorId);
    const head = letterhead(db);
    const now = this.ledger.now();
    const file = this.engine.template('MEDIATOR_REGISTER').file;
    // The date on the form is the day the profile last changed, so an unchanged profile
    // prints the same form (and the same stored bytes) on any later day.
    const data = buildMediatorRegisterData({
      committeeName: head.committeeName,
      dateStyle: head.dateStyle,
      registerDate: chinaToday(new Date(m.updatedAt)),
      name: m.name,
      isPeopleMediator: m.isPeopleMediator,
      active: m.active,
      languages: m.languages,
      profile: m.profile,
    });
    const content = contentHash(
      { id: file.id, version: file.version },
      data as unknown as CanonicalValue,
    );
    const stored = findMediatorPrinted(db, mediatorId, REGISTER_KIND, content);
    if (stored) return this.paper(stored);
    const issues = this.engine.check('MEDIATOR_REGISTER', data);
    const rendered = await this.engine.render('MEDIATOR_REGISTER', data, {
      creationDate: now,
      allowMissingGlyphs,
    });
    const id = db
      .transaction(() => {
        // Rendering was asynchronous: another window may have stored the same content meanwhile.
        const again = findMediatorPrinted(db, mediatorId, REGISTER_KIND, content);
        if (again) return again.id;
        return insertMediatorPrinted(
          db,
          {
            mediatorId,
            kind: REGISTER_KIND,
            contentSha256: content,
            templateId: file.id,
            templateVersion: file.version,
            fileName: `人民调解员登记表_${m.name}`,
            pdf: rendered.bytes,
            pdfSha256: rendered.sha256,
            verificationCode: rendered.verificationCode,
            issuesJson: JSON.stringify(issues),
            createdBy: LOCAL_ACTOR,
          },
          now.toISOString(),
        );
      })
      .immediate();
    const row = getMediatorPrinted(db, id);
    if (!row) throw new ApiError('INTERNAL', '打印存档写入后无法读取，请重试');
    return this.paper(row);
  }

  private paper(row: MediatorPrintedRow): MediatorPaper {
    const pdf = mediatorPrintedPdf(this.ledger.db(), row.id);
    if (pdf === null || sha256Hex(pdf) !== row.pdf_sha256) {
      throw new ApiError(
        'INTERNAL',
        `打印存档“${row.file_name}”已被改动，与存档时的 SHA-256 不符。请报告管理人员`,
      );
    }
    return {
      ...pdfFile(row.file_name, pdf, row.pdf_sha256, row.verification_code),
      issues: JSON.parse(row.issues_json) as DraftIssue[],
      printVersion: row.print_version,
      printedAt: row.created_at,
    };
  }

  workload(mediatorId: number, periodKey: string): MediatorWorkload {
    const db = this.ledger.db();
    const m = this.mediator(mediatorId);
    const checked = reportablePeriod(periodKey, chinaToday(this.ledger.now()));
    if (!checked.ok) {
      throw new ApiError('BAD_INPUT', checked.message, [
        { path: ['period'], message: checked.message },
      ]);
    }
    const { key, label, start, end } = checked.period;
    return db.transaction(() => {
      const f = workloadFigures(db, mediatorId, start, end);
      const success = f.written + f.oral;
      const mediated = success + f.failed + f.referred;
      return {
        mediatorId,
        mediatorName: m.name,
        period: { key, label, start, end },
        accepted: f.accepted,
        sessions: f.sessions,
        mediated,
        success,
        successRate: mediated === 0 ? null : Math.round((success / mediated) * 10_000) / 100,
        writtenAgreements: f.written,
        oralAgreements: f.oral,
        failed: f.failed,
        referred: f.referred,
        amountFen: f.amountFen,
        followUps: f.followUps,
        openAtEnd: f.openAtEnd,
        outcomes: workloadOutcomes(db, mediatorId, start, end),
      };
    })();
  }
}

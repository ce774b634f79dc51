import { getMediators } from '../../db/cases/mediator-queries.js';
import { workloadFigures, workloadOutcomes } from '../../db/cases/mediator-workload-query.js';
import {
  findMediatorPrinted,
  getMediatorPrinted,
  insertMediatorPrinted,
  insertMediatorPrintEvent,
  mediatorPrintEvents,
  mediatorPrintedPdf,
  mediatorPrintedVersions,
  type MediatorPrintedRow,
} from '../../db/documents/mediator-print-queries.js';
import type { DraftIssue, PrintOutcome } from '../../domain/agreements/agreement-views.js';
import type {
  MediatorPaperView,
  MediatorPrintedView,
} from '../../domain/api/mediators-contract.js';
import type { PrintEvent } from '../../domain/documents/printed-documents.js';
import type { CanonicalValue } from '../../domain/agreements/canonical-json.js';
import { ApiError } from '../../domain/api/errors.js';
import type { Mediator } from '../../domain/cases/case-views.js';
import type { MediatorWorkload } from '../../domain/cases/mediator-workload.js';
import { reportablePeriod } from '../../domain/statistics/period.js';
import { chinaToday } from '../../domain/validation/calendar-date.js';
import { buildMediatorRegisterData } from '../documents/mediator-register-data.js';
import { pdfFile } from './agreement-draft-service.js';
import { currentActor } from './desk-actor.js';
import { letterhead } from './document-ledger-data.js';
import { sha256Hex, type DocumentEngine } from './document-engine.js';
import { printStoredBytes, type DocumentPrinter } from './document-print-service.js';
import type { LedgerSession } from './ledger-session.js';
import { contentHash, groupEvents } from './print-register-service.js';

/** A mediator's printed paper as the API returns it (the contract's `MediatorPaperView`). */
export type MediatorPaper = MediatorPaperView;

const REGISTER_KIND = 'MEDIATOR_REGISTER';
const REGISTER_LABEL = '人民调解员登记表';

/**
 * A mediator's own papers and figures (issue 15, must-have 4): the 人民调解员登记表, frozen in
 * the mediator print register (the same profile prints the same bytes; a changed profile is the
 * next version), and the mediator's workload and outcomes for a period.
 */
export class MediatorPapersService {
  constructor(
    private readonly ledger: LedgerSession,
    private readonly engine: DocumentEngine,
    private readonly printer: DocumentPrinter | null = null,
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
            createdBy: currentActor(),
          },
          now.toISOString(),
        );
      })
      .immediate();
    const row = getMediatorPrinted(db, id);
    if (!row) throw new ApiError('INTERNAL', '打印存档写入后无法读取，请重试');
    return this.paper(row);
  }

  /** The 登记表's stored versions, newest first, each with its trips to paper. */
  listPrinted(mediatorId: number): MediatorPrintedView[] {
    const db = this.ledger.db();
    this.mediator(mediatorId);
    return db.transaction(() => {
      const rows = mediatorPrintedVersions(db, mediatorId, REGISTER_KIND);
      const events = groupEvents(mediatorPrintEvents(db, mediatorId, REGISTER_KIND));
      const latest = rows[0]?.print_version ?? 0;
      return rows.map((r) => printedView(r, latest, events.get(r.id) ?? []));
    })();
  }

  /** One stored version, exactly as first printed (its SHA-256 checked). */
  printedPaper(mediatorPrintedId: number): MediatorPaper {
    return this.paper(this.storedRow(mediatorPrintedId));
  }

  /** Prints a stored version through the shell and records the trip when it went to paper. */
  async print(mediatorPrintedId: number, copies: number): Promise<PrintOutcome> {
    const paper = this.printedPaper(mediatorPrintedId);
    return printStoredBytes(
      this.printer,
      { bytes: Buffer.from(paper.pdfBase64, 'base64'), title: paper.fileName },
      copies,
      (printed, printer) => this.record(mediatorPrintedId, printed, printer),
    );
  }

  /** A print made outside the app's print route (dev:web, a downloaded PDF). */
  recordPrint(mediatorPrintedId: number, copies: number): MediatorPrintedView {
    const row = this.record(mediatorPrintedId, copies, null);
    const view = this.listPrinted(row.mediator_id).find((v) => v.id === row.id);
    if (!view) throw new ApiError('INTERNAL', '打印存档写入后无法读取，请重试');
    return view;
  }

  private record(id: number, copies: number, printer: string | null): MediatorPrintedRow {
    if (!Number.isInteger(copies) || copies < 1 || copies > 99) {
      throw new ApiError('BAD_INPUT', '份数必须是 1 到 99 之间的整数');
    }
    const db = this.ledger.db();
    const row = this.storedRow(id);
    db.transaction(() => {
      insertMediatorPrintEvent(
        db,
        {
          printedId: row.id,
          copies,
          printer: printer?.trim().slice(0, 200) || null,
          printedBy: currentActor(),
        },
        this.ledger.now().toISOString(),
      );
    }).immediate();
    return row;
  }

  private storedRow(id: number): MediatorPrintedRow {
    const row = getMediatorPrinted(this.ledger.db(), id);
    if (!row) throw new ApiError('NOT_FOUND', '找不到该打印存档，可能编号有误');
    return row;
  }

  private paper(row: MediatorPrintedRow): MediatorPaper {
    const db = this.ledger.db();
    const pdf = mediatorPrintedPdf(db, row.id);
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
      printed: printedView(
        row,
        mediatorPrintedVersions(db, row.mediator_id, row.kind)[0]?.print_version ?? 0,
        groupEvents(mediatorPrintEvents(db, row.mediator_id, row.kind)).get(row.id) ?? [],
      ),
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

function printedView(
  r: MediatorPrintedRow,
  latestVersion: number,
  prints: readonly PrintEvent[],
): MediatorPrintedView {
  return {
    id: r.id,
    mediatorId: r.mediator_id,
    label: REGISTER_LABEL,
    printVersion: r.print_version,
    superseded: latestVersion > r.print_version,
    fileName: r.file_name,
    pdfSha256: r.pdf_sha256,
    byteLength: r.byte_length,
    verificationCode: r.verification_code,
    createdBy: r.created_by,
    createdAt: r.created_at,
    prints,
  };
}

import type { Db } from '../../db/connection.js';
import { getStoredPdf, getAgreementRow } from '../../db/agreements/agreement-queries.js';
import { getCaseDetail } from '../../db/cases/case-reads.js';
import {
  CASE_DOCUMENT_LABELS,
  type CaseDocumentKind,
  type RenderedDocument,
} from '../../domain/agreements/agreement-views.js';
import { ApiError } from '../../domain/api/errors.js';
import { recordKeyOf } from '../../domain/documents/printed-documents.js';
import type { CaseDetail } from '../../domain/cases/case-views.js';
import type { ClosingPaperDetails } from '../../domain/documents/closing-paper-inputs.js';
import {
  investigatedPersonDetail,
  type NamedParticipant,
} from '../../domain/cases/record-inputs.js';
import * as disputeCategories from '../../domain/taxonomy/dispute-categories.js';
import * as languages from '../../domain/taxonomy/languages.js';
import * as participantRoles from '../../domain/taxonomy/participant-roles.js';
import { chinaToday } from '../../domain/validation/calendar-date.js';
import { buildAcceptanceRegisterDocumentData } from '../documents/acceptance-register-data.js';
import { buildRightsNoticeDocumentData } from '../documents/agreement-data.js';
import { buildApplicationDocumentData } from '../documents/application-data.js';
import { buildCorrectionHistoryDocumentData } from '../documents/correction-history-data.js';
import { caseHistoryViews } from './case-history.js';
import type { DocumentData } from '../documents/document-data.js';
import { buildInvestigationRecordDocumentData } from '../documents/investigation-record-data.js';
import {
  buildSessionRecordDocumentData,
  type SessionResult,
} from '../documents/session-record-data.js';
import type { DocumentTemplateKind } from '../documents/template-loader.js';
import { pdfFile } from './agreement-draft-service.js';
import { currentPersonName } from './desk-actor.js';
import { sha256Hex, type DocumentEngine } from './document-engine.js';
import { renderFrozen } from './document-freeze.js';
import {
  casePartiesById,
  documentInterpretation,
  documentParty,
  ledgerAgents,
  letterhead,
  mediatorNames,
  type LedgerParty,
} from './document-ledger-data.js';
import type { LedgerSession } from './ledger-session.js';
import { courtResultLetterData } from './court-letter-data.js';
import { closingPaperData } from './closing-papers-service.js';
import { registerAgreementPdf } from './print-register-agreements.js';
import type { PrintRegisterService } from './print-register-service.js';

const SESSION_RESULTS: Readonly<Record<CaseDetail['sessions'][number]['result'], SessionResult>> = {
  SETTLED_WRITTEN: 'SUCCESS_WRITTEN',
  SETTLED_ORAL: 'SUCCESS_ORAL',
  CONTINUE: 'CONTINUE',
  TERMINATED_FAILED: 'TERMINATED_FAILED',
  TERMINATED_REFUSED: 'TERMINATED_REFUSED',
};

/** 参加人 as printed: name and why they were there; “其他” says nothing, so it is left out. */
const participantText = (p: NamedParticipant) => ({
  name: p.name,
  detail: [p.role === 'OTHER' ? null : participantRoles.labelOf(p.role), p.affiliation]
    .filter((x) => x)
    .join('，'),
});

/**
 * The other printable documents of a case (受理登记表, 告知书, 申请书, 调解记录, 调查记录),
 * rendered from the ledger and frozen in the print register the first time each version of the
 * record is printed. The oral register was frozen when it was registered; its stored bytes are
 * returned.
 */
export class DocumentRenderService {
  constructor(
    private readonly ledger: LedgerSession,
    private readonly engine: DocumentEngine,
    private readonly register: PrintRegisterService,
  ) {}

  async render(
    caseId: number,
    kind: CaseDocumentKind,
    recordId: number | null,
    allowMissingGlyphs: boolean,
    details: ClosingPaperDetails | null = null,
  ): Promise<RenderedDocument> {
    const db = this.ledger.db();
    const now = this.ledger.now();
    const detail = getCaseDetail(db, caseId, chinaToday(now));
    if (!detail) throw new ApiError('NOT_FOUND', '找不到该案件，可能已被删除或编号有误');
    if (kind === 'ORAL_AGREEMENT_REGISTER') return this.storedOral(db, caseId, recordId);
    const { template, data, name, recordKey } = this.dataFor(
      db,
      detail,
      kind,
      recordId,
      chinaToday(now),
      details,
    );
    return renderFrozen(this.engine, this.register, {
      caseId,
      kind,
      recordKey,
      fileName: name,
      template,
      data,
      now,
      allowMissingGlyphs,
    });
  }

  private storedOral(db: Db, caseId: number, recordId: number | null): RenderedDocument {
    const row = recordId === null ? undefined : getAgreementRow(db, recordId);
    if (!row || row.case_id !== caseId || row.kind !== 'ORAL') {
      throw new ApiError('NOT_FOUND', '找不到该案件的口头协议登记表');
    }
    const pdf = getStoredPdf(db, row.id);
    if (pdf === null) throw new ApiError('NOT_FOUND', '找不到该案件的口头协议登记表');
    // Registered at registration; stored again here (a no-op) for registers older than the
    // print register.
    const printed = registerAgreementPdf(this.register, row, pdf);
    return {
      ...pdfFile(`口头协议登记表_${row.number}`, pdf, sha256Hex(pdf), row.verification_code ?? ''),
      issues: [],
      printed,
    };
  }

  private dataFor(
    db: Db,
    c: CaseDetail,
    kind: Exclude<CaseDocumentKind, 'ORAL_AGREEMENT_REGISTER'>,
    recordId: number | null,
    today: string,
    details: ClosingPaperDetails | null = null,
  ): { template: DocumentTemplateKind; data: DocumentData; name: string; recordKey: string } {
    const head = letterhead(db);
    const parties = [...casePartiesById(db, c.id).values()];
    // Interpreters recorded on the sessions; the first per language is named on the notice.
    const interpreters = c.sessions.flatMap((s) => (s.interpreter === null ? [] : [s.interpreter]));
    const number = c.caseNumber ?? c.title;
    const wrap = (
      template: DocumentTemplateKind,
      build: () => DocumentData,
      suffix = '',
      recordKey = recordKeyOf('case'),
    ) => {
      try {
        return {
          template,
          data: build(),
          name: `${CASE_DOCUMENT_LABELS[kind]}${suffix}_${number}`,
          recordKey,
        };
      } catch (error) {
        if (error instanceof RangeError) {
          throw new ApiError(
            'INVALID_STATE',
            `${CASE_DOCUMENT_LABELS[kind]}还不能打印：${error.message}`,
          );
        }
        throw error;
      }
    };
    switch (kind) {
      case 'ACCEPTANCE_REGISTER': {
        const accepted = requireAccepted(c);
        return wrap('ACCEPTANCE_REGISTER', () =>
          buildAcceptanceRegisterDocumentData({
            committeeName: head.committeeName,
            partyNames: c.parties.map((p) => p.name),
            acceptedDate: accepted,
            // The subtype where one was chosen (草场纠纷, 拖欠农民工工资纠纷), not its report row.
            disputeType:
              c.subtype === null
                ? disputeCategories.labelOf(c.category)
                : disputeCategories.subtypeLabelOf(c.subtype),
            source: c.source === 'PROACTIVE' ? 'COMMITTEE_INITIATIVE' : 'APPLICATION',
            disputeSummary: c.summary,
            // no mediator yet: the person at the desk registered it
            registrarName: this.caseMediatorNames(db, c) || currentPersonName(),
            registerDate: accepted,
            dateStyle: head.dateStyle,
            interpretation: documentInterpretation(
              parties.map((p) => p.row),
              interpreters,
              '登记表',
            ),
          }),
        );
      }
      case 'RIGHTS_NOTICE':
        return wrap('RIGHTS_NOTICE', () =>
          buildRightsNoticeDocumentData({
            committeeName: head.committeeName,
            parties: parties.map((p) => documentParty(db, p.row, today)),
            noticeDate: c.acceptedDate ?? today,
            dateStyle: head.dateStyle,
            interpretation: documentInterpretation(
              parties.map((p) => p.row),
              interpreters,
              '告知书',
            ),
          }),
        );
      case 'APPLICATION': {
        const byRole = (role: string): LedgerParty[] => parties.filter((p) => p.row.role === role);
        return wrap('APPLICATION', () =>
          buildApplicationDocumentData({
            committeeName: head.committeeName,
            applicants: byRole('APPLICANT').map((p) => documentParty(db, p.row, c.intakeDate)),
            respondents: byRole('RESPONDENT').map((p) => documentParty(db, p.row, c.intakeDate)),
            agents: ledgerAgents(parties),
            disputeSummary: c.summary,
            requests: [...c.requests],
            applicationDate: c.intakeDate,
            dateStyle: head.dateStyle,
            interpretation: documentInterpretation(
              [...byRole('APPLICANT'), ...byRole('RESPONDENT')].map((p) => p.row),
              interpreters,
              '申请书',
            ),
          }),
        );
      }
      case 'SESSION_RECORD': {
        const s = c.sessions.find((x) => x.id === recordId);
        if (!s) throw new ApiError('NOT_FOUND', '找不到该调解记录，请刷新后重试');
        const names = new Map(c.parties.map((p) => [p.id, p.name]));
        return wrap(
          'SESSION_RECORD',
          () =>
            buildSessionRecordDocumentData({
              committeeName: head.committeeName,
              sessionNumber: s.sessionNo,
              startAt: s.startAt,
              endAt: s.endAt,
              place: s.place,
              subject: s.subject,
              partyNames: s.partyIdsPresent.map((id) => names.get(id) ?? ''),
              participants: s.participants.map(participantText),
              mediatorNames: mediatorNames(db, s.mediatorIds, ['recordId']),
              recorderName: s.recorder,
              interpreter:
                s.interpreter === null
                  ? undefined
                  : {
                      name: s.interpreter.name,
                      language: languages.labelOf(s.interpreter.language),
                    },
              isPublic: s.isPublic,
              recordMode: s.recordMode === 'FULL' ? '全程笔录' : '简易记录',
              content: s.content,
              result: SESSION_RESULTS[s.result],
              readBack: s.readBackConfirmed ? 'READ_TO_PARTIES' : 'CHECKED_BY_PARTIES',
              dateStyle: head.dateStyle,
            }),
          `（第${s.sessionNo}次）`,
          recordKeyOf('session', s.id),
        );
      }
      case 'INVESTIGATION_RECORD': {
        const r = c.investigations.find((x) => x.id === recordId);
        if (!r) throw new ApiError('NOT_FOUND', '找不到该调查记录，请刷新后重试');
        return wrap(
          'INVESTIGATION_RECORD',
          () =>
            buildInvestigationRecordDocumentData({
              committeeName: head.committeeName,
              time: r.at,
              place: r.place,
              investigatedPersons: r.investigatedPersons.map((p) => ({
                name: p.name,
                detail: investigatedPersonDetail(p),
              })),
              participants: r.participants.map(participantText),
              investigatorNames: mediatorNames(db, r.investigatorIds, ['recordId']),
              recorderName: r.recorder,
              content: r.content,
              dateStyle: head.dateStyle,
            }),
          '',
          recordKeyOf('investigation', r.id),
        );
      }
      case 'REFUSAL_NOTICE':
      case 'TERMINATION_NOTICE':
      case 'MEDIATION_NOTICE':
      case 'CLOSING_REPORT':
      case 'MAJOR_DISPUTE_REPORT': {
        const paper = closingPaperData(db, c, kind, today, details, head);
        return wrap(paper.template, paper.build, paper.suffix, paper.recordKey);
      }
      case 'COURT_RESULT_LETTER': {
        const letter = courtResultLetterData(db, c, today, head);
        return wrap(letter.template, letter.build, '', letter.recordKey);
      }
      case 'CORRECTION_HISTORY': {
        const history = caseHistoryViews(db, c.id);
        const last = history[0];
        return wrap('CORRECTION_HISTORY', () =>
          buildCorrectionHistoryDocumentData({
            committeeName: head.committeeName,
            caseNumber: c.caseNumber,
            caseTitle: c.title,
            history,
            preparedBy: this.caseMediatorNames(db, c) || currentPersonName(),
            asOf: last ? chinaToday(new Date(last.at)) : c.intakeDate,
            dateStyle: head.dateStyle,
          }),
        );
      }
      default: {
        const unreachable: never = kind;
        throw new ApiError('BAD_INPUT', `未知的文书类型：${String(unreachable)}`);
      }
    }
  }

  private caseMediatorNames(db: Db, c: CaseDetail): string {
    return mediatorNames(db, c.mediatorIds, ['caseId']).join('、');
  }
}

function requireAccepted(c: CaseDetail): string {
  if (c.acceptedDate === null) {
    throw new ApiError('INVALID_STATE', '案件尚未受理，不能打印受理登记表');
  }
  return c.acceptedDate;
}

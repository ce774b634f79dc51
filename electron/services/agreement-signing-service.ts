import {
  bumpAgreementVersion,
  getAgreementRow,
  insertAgreement,
  liveAgreementsOfCase,
  storeGenerated,
  supersededByOf,
  updateSignatures,
  voidAgreement,
} from '../../db/agreements/agreement-queries.js';
import { getHolidayCalendar } from '../../db/agreements/holiday-calendar-queries.js';
import { getCaseRow } from '../../db/cases/case-reads.js';
import type {
  AgreementContent,
  OralRegisterValues,
  SignaturesValues,
} from '../../domain/agreements/agreement-input.js';
import type {
  Agreement,
  AgreementStatus,
  DraftCheck,
  DraftIssue,
  SavedAgreement,
} from '../../domain/agreements/agreement-views.js';
import { canonicalJson, type CanonicalValue } from '../../domain/agreements/canonical-json.js';
import {
  confusableTermIssues,
  oralWithMoneyIssue,
} from '../../domain/agreements/drafting-checks.js';
import { amendRefusal } from '../../domain/agreements/amend-rules.js';
import { signatureState } from '../../domain/agreements/signature-rules.js';
import { ApiError } from '../../domain/api/errors.js';
import type { CaseState } from '../../domain/case-lifecycle.js';
import { confirmationDeadline } from '../../domain/confirmation-deadline.js';
import { buildOralAgreementDocumentData } from '../documents/oral-agreement-data.js';
import type { DocumentData } from '../documents/document-data.js';
import { AgreementServiceBase, agreementMessages } from './agreement-common.js';
import { resolveOralRegister } from './agreement-oral-document.js';
import { agreementDateIssue } from '../../domain/cases/record-dates.js';
import { badInput, caseDatesOf, checkMediators } from './case-guards.js';
import type { CaseLifecycleService } from './case-lifecycle-service.js';
import { sha256Hex, type DocumentEngine } from './document-engine.js';
import { scheduleAgreementVisits } from './followup-scheduling.js';
import type { LedgerSession } from './ledger-session.js';

/** States whose visits follow the agreement in force; a closed case plans no more visits. */
const PLANS_VISITS: ReadonlySet<CaseState> = new Set([
  'SETTLED_WRITTEN',
  'PERFORMING',
  'FOLLOW_UP',
]);

const signState = (status: AgreementStatus): string =>
  status === 'DRAFT'
    ? '协议书尚未生成打印，不能登记签署情况。请先生成协议书'
    : status === 'SIGNED'
      ? '该协议已签署生效，签署情况不能再修改。如需变更请使用“变更协议”'
      : '该协议已作废，不能登记签署情况';

/**
 * Signing, oral registers, voiding and amendments: the steps that change what is in force.
 * Case transitions go through the lifecycle service inside the same transaction, so an
 * agreement is never SIGNED while its case is still MEDIATING, or the other way round.
 */
export class AgreementSigningService extends AgreementServiceBase {
  constructor(
    ledger: LedgerSession,
    engine: DocumentEngine,
    private readonly lifecycle: CaseLifecycleService,
  ) {
    super(ledger, engine);
  }

  recordSignatures(id: number, expectedVersion: number, s: SignaturesValues): Agreement {
    const db = this.db();
    const now = this.nowIso();
    const today = this.today();
    db.transaction(() => {
      const row = this.claimRow(id, expectedVersion, ['GENERATED'], signState);
      if (row.supersedes_id !== null) this.requireAmendable(row.case_id);
      const content = this.contentOf(row);
      const names = new Map<number, string>(
        content.partyIds.map((pid) => [pid, this.partyName(row.case_id, pid)]),
      );
      this.checkSignatureDates(s, content, names, today);
      const state = signatureState(s, names);
      const deadline =
        state.effectiveDate === null
          ? null
          : confirmationDeadline(state.effectiveDate, getHolidayCalendar(db));
      const ok = updateSignatures(
        db,
        id,
        expectedVersion,
        {
          signaturesJson: JSON.stringify(s),
          signed: state.complete,
          effectiveDate: state.effectiveDate,
          deadline: deadline?.deadline ?? null,
          nominalDeadline: deadline?.nominalDeadline ?? null,
        },
        now,
      );
      if (!ok) throw new ApiError('CONFLICT', agreementMessages.conflict);
      if (!state.complete) return;
      if (row.supersedes_id !== null) {
        const old = getAgreementRow(db, row.supersedes_id);
        voidAgreement(
          db,
          row.supersedes_id,
          null,
          `已由变更协议（${row.number}）取代`,
          ['SIGNED'],
          now,
        );
        if (!old) throw new ApiError('NOT_FOUND', agreementMessages.notFound);
        const reopened = getCaseRow(db, row.case_id);
        if (!reopened) throw new ApiError('NOT_FOUND', agreementMessages.caseNotFound);
        // Mediation reopened after a follow-up (回访未履行，重新调解) ends in this amendment: the
        // case is settled again, and the transition re-plans the visits.
        if (reopened.status === 'MEDIATING') {
          this.lifecycle.transition(
            row.case_id,
            reopened.version,
            { action: 'SETTLE_WRITTEN' },
            { agreementId: String(id), agreementNumber: row.number },
          );
        } else if (PLANS_VISITS.has(reopened.status)) {
          scheduleAgreementVisits(db, row.case_id, id, now);
        }
        return;
      }
      const c = getCaseRow(db, row.case_id);
      if (!c) throw new ApiError('NOT_FOUND', agreementMessages.caseNotFound);
      // Nested in this transaction (a savepoint): the case and the agreement change together.
      this.lifecycle.transition(
        row.case_id,
        c.version,
        { action: 'SETTLE_WRITTEN' },
        { agreementId: String(id), agreementNumber: row.number },
      );
    }).immediate();
    return this.view(id);
  }

  private partyName(caseId: number, partyId: number): string {
    const r = this.db()
      .prepare('SELECT name FROM party WHERE id = ? AND case_id = ?')
      .get(partyId, caseId) as { name: string } | undefined;
    return r?.name ?? '';
  }

  private checkSignatureDates(
    s: SignaturesValues,
    content: AgreementContent,
    names: ReadonlyMap<number, string>,
    today: string,
  ): void {
    const seen = new Set<number>();
    s.parties.forEach((p, i) => {
      if (!names.has(p.partyId)) {
        throw badInput('该当事人不是本协议的当事人', ['signatures', 'parties', i, 'partyId']);
      }
      if (seen.has(p.partyId)) {
        throw badInput('同一当事人的签署情况填写了两次', ['signatures', 'parties', i, 'partyId']);
      }
      seen.add(p.partyId);
      if ((p.date === null) !== (p.mode === null)) {
        throw badInput('请同时填写签署日期和签署方式', [
          'signatures',
          'parties',
          i,
          p.date === null ? 'date' : 'mode',
        ]);
      }
    });
    const dated: [string | null, (string | number)[]][] = [
      ...s.parties.map((p, i): [string | null, (string | number)[]] => [
        p.date,
        ['signatures', 'parties', i, 'date'],
      ]),
      [s.mediatorDate, ['signatures', 'mediatorDate']],
      [s.recorderDate, ['signatures', 'recorderDate']],
      [s.sealDate, ['signatures', 'sealDate']],
    ];
    for (const [date, path] of dated) {
      if (date === null) continue;
      if (date > today) throw badInput('签署日期不能晚于今天', path);
      if (date < content.agreementDate) throw badInput('签署日期不能早于协议书上的日期', path);
    }
  }

  /** Warnings and errors for an oral register, and its document data when printable. */
  private oralIssues(
    caseId: number,
    register: OralRegisterValues,
  ): { issues: DraftIssue[]; data: DocumentData | null } {
    const issues: DraftIssue[] = [];
    if ((register.amountFen ?? 0) > 0 || register.involvesProperty) {
      issues.push(oralWithMoneyIssue('confirmedOralDespiteMoney'));
    }
    const fields = [
      { field: 'register.facts', text: register.facts },
      { field: 'register.oralTerms', text: register.oralTerms },
      ...(register.performance === null
        ? []
        : [{ field: 'register.performance', text: register.performance }]),
    ];
    issues.push(...confusableTermIssues(fields));
    let data: DocumentData;
    try {
      data = buildOralAgreementDocumentData(resolveOralRegister(this.db(), caseId, register));
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      issues.push({
        code: 'INCOMPLETE',
        level: 'ERROR',
        field: 'register',
        message: error.message,
      });
      return { issues, data: null };
    }
    issues.push(...this.engine.check('ORAL_AGREEMENT_REGISTER', data));
    return { issues, data };
  }

  /** A Mongolian annex needs its font and HarfBuzz, which open asynchronously (once). */
  private async openFontsFor(register: OralRegisterValues): Promise<void> {
    if (register.translations.some((t) => t.language === 'mn')) await this.engine.openMongolian();
  }

  async checkOral(caseId: number, register: OralRegisterValues): Promise<DraftCheck> {
    this.requireCaseEditable(caseId);
    await this.openFontsFor(register);
    const { issues } = this.oralIssues(caseId, register);
    return { ok: !issues.some((i) => i.level === 'ERROR'), issues };
  }

  async registerOral(
    caseId: number,
    expectedCaseVersion: number,
    register: OralRegisterValues,
    confirmed: boolean,
  ): Promise<SavedAgreement> {
    const db = this.db();
    const dateIssue = agreementDateIssue(
      '达成协议日期',
      register.agreedDate,
      caseDatesOf(db, this.requireCaseEditable(caseId), this.today()),
    );
    if (dateIssue) throw badInput(dateIssue, ['register', 'agreedDate']);
    checkMediators(db, register.mediatorIds, ['register', 'mediatorIds'], true);
    await this.openFontsFor(register);
    const { issues, data } = this.oralIssues(caseId, register);
    const error = issues.find(
      (i) => i.level === 'ERROR' || (i.level === 'WARNING' && i.code === 'MISSING_GLYPHS'),
    );
    if (error || data === null) {
      throw new ApiError('BAD_INPUT', `口头协议登记表不能保存：${error?.message ?? '内容不完整'}`, [
        { path: error?.field.split('.') ?? ['register'], message: error?.message ?? '内容不完整' },
      ]);
    }
    const money = issues.find((i) => i.code === 'ORAL_WITH_MONEY');
    if (money && !confirmed) {
      throw new ApiError('BAD_INPUT', money.message, [
        { path: ['confirmedOralDespiteMoney'], message: money.message },
      ]);
    }
    const creationDate = new Date(Math.floor(this.ledger.now().getTime() / 1000) * 1000);
    const rendered = await this.engine.render('ORAL_AGREEMENT_REGISTER', data, {
      creationDate,
      allowMissingGlyphs: false,
    });
    const canonical = canonicalJson({
      templateId: rendered.templateId,
      templateVersion: rendered.templateVersion,
      creationDate: creationDate.toISOString(),
      pageEdgeSealMark: false,
      allowMissingGlyphs: false,
      document: resolveOralRegister(db, caseId, register) as unknown as CanonicalValue,
    });
    const now = this.nowIso();
    const id = db
      .transaction(() => {
        if (liveAgreementsOfCase(db, caseId).length > 0) {
          throw new ApiError('INVALID_STATE', '该案件已有未作废的调解协议，不能再登记口头协议');
        }
        const newId = insertAgreement(
          db,
          {
            caseId,
            kind: 'ORAL',
            status: 'SIGNED',
            number: register.registerNumber,
            supersedesId: null,
            amendReason: null,
            contentJson: JSON.stringify(register),
            signaturesJson: '{}',
            effectiveDate: register.agreedDate,
          },
          now,
        );
        storeGenerated(
          db,
          newId,
          1,
          'SIGNED',
          {
            canonicalJson: canonical,
            canonicalSha256: sha256Hex(canonical),
            templateId: rendered.templateId,
            templateVersion: rendered.templateVersion,
            pdf: rendered.bytes,
            pdfSha256: rendered.sha256,
            verificationCode: rendered.verificationCode,
            generatedAt: creationDate.toISOString(),
          },
          now,
        );
        this.lifecycle.transition(
          caseId,
          expectedCaseVersion,
          { action: 'SETTLE_ORAL' },
          { agreementId: String(newId), agreementNumber: register.registerNumber },
        );
        return newId;
      })
      .immediate();
    return { agreement: this.view(id), issues };
  }

  void(id: number, expectedVersion: number, reason: string): Agreement {
    const db = this.db();
    const now = this.nowIso();
    db.transaction(() => {
      this.claimRow(id, expectedVersion, ['DRAFT', 'GENERATED'], (status) =>
        status === 'SIGNED'
          ? '已签署生效的协议不能作废。如需变更，请使用“变更协议”制作新的协议'
          : '该协议已经作废',
      );
      if (!voidAgreement(db, id, expectedVersion, reason, ['DRAFT', 'GENERATED'], now)) {
        throw new ApiError('CONFLICT', agreementMessages.conflict);
      }
    }).immediate();
    return this.view(id);
  }

  /** An amendment is started and signed only while the case follows its agreement. */
  private requireAmendable(caseId: number): void {
    const refusal = amendRefusal(this.requireCaseEditable(caseId).status as CaseState);
    if (refusal !== null) throw new ApiError('INVALID_STATE', refusal);
  }

  amend(id: number, expectedVersion: number, reason: string): Agreement {
    const db = this.db();
    const now = this.nowIso();
    const newId = db
      .transaction(() => {
        const row = this.claimRow(
          id,
          expectedVersion,
          ['SIGNED'],
          () => '只有已签署生效的协议才能变更；未签署的协议请直接修改或作废',
        );
        if (row.kind !== 'WRITTEN') {
          throw new ApiError('INVALID_STATE', '口头协议不能变更，如需变更请制作书面调解协议书');
        }
        this.requireAmendable(row.case_id);
        if (supersededByOf(db, id) !== null) {
          throw new ApiError('INVALID_STATE', '该协议已有变更协议，请继续编辑那份变更协议');
        }
        if (!bumpAgreementVersion(db, id, expectedVersion, now)) {
          throw new ApiError('CONFLICT', agreementMessages.conflict);
        }
        const content = this.contentOf(row);
        const number = `${row.number}（变更）`.slice(0, 60);
        const draft: AgreementContent = {
          ...content,
          agreementNumber: number,
          agreementDate: this.today(),
        };
        return insertAgreement(
          db,
          {
            caseId: row.case_id,
            kind: 'WRITTEN',
            status: 'DRAFT',
            number,
            supersedesId: id,
            amendReason: reason,
            contentJson: JSON.stringify(draft),
            signaturesJson: '{}',
            effectiveDate: null,
          },
          now,
        );
      })
      .immediate();
    return this.view(newId);
  }
}

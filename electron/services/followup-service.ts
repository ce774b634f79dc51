import type { Db } from '../../db/connection.js';
import { getCaseRow } from '../../db/cases/case-reads.js';
import { recordHistory } from '../../db/cases/case-writes.js';
import {
  cancelFollowUp,
  followUpsOfCase,
  getFollowUpRow,
  getFollowUpSettings,
  getProof,
  insertFollowUp,
  insertProof,
  partyNamesOfCases,
  proofsOfFollowUps,
  saveFollowUpSettings,
  signedAgreementsOfCase,
  writeVisit,
} from '../../db/followups/followup-queries.js';
import { countBuckets, listFollowUpRows } from '../../db/followups/followup-list-query.js';
import {
  followUpFromRow,
  proofFromRow,
  type FollowUpRow,
} from '../../db/followups/followup-rows.js';
import { MAX_SCAN_BYTES } from '../../domain/agreements/agreement-input.js';
import type { ScanFile } from '../../domain/agreements/agreement-views.js';
import { ApiError } from '../../domain/api/errors.js';
import type { CaseState } from '../../domain/case-lifecycle.js';
import {
  NEXT_STEP_LABELS,
  PERFORMANCE_STATUS_LABELS,
} from '../../domain/followups/followup-codes.js';
import {
  type FollowUpListQuery,
  type FollowUpSettingsValues,
  type VisitValues,
} from '../../domain/followups/followup-input.js';
import { addDaysIso } from '../../domain/followups/followup-schedule.js';
import type {
  FollowUp,
  FollowUpPage,
  FollowUpProof,
  FollowUpSettings,
} from '../../domain/followups/followup-views.js';
import { checkProofFile } from '../../domain/followups/proof-file.js';
import { badInput, checkMediators } from './case-guards.js';
import type { CaseLifecycleService } from './case-lifecycle-service.js';
import { CaseService } from './case-service.js';
import { callerCaseScope, mediatorFilterOf } from './case-list-scope.js';
import { currentActor } from './desk-actor.js';
import { sha256Hex } from './document-engine.js';
import type { LedgerSession } from './ledger-session.js';

export const followUpMessages = {
  notFound: '找不到该回访安排，可能已被删除或编号有误',
  conflict: '该回访安排已被他人修改并保存。请刷新后重试',
  notScheduled: '该回访已登记或已取消，不能再修改。如需补充，请另行登记一次回访',
  settingsConflict: '回访设置已被他人修改并保存。请刷新后重新修改',
} as const;

/** States in which a case has an agreement to follow up (§4.2). */
const VISITABLE: ReadonlySet<CaseState> = new Set([
  'SETTLED_WRITTEN',
  'SETTLED_ORAL',
  'PERFORMING',
  'FOLLOW_UP',
]);

/** Visits (回访, PML 31): plans, records, proofs of performance, and the 回访 list. */
export class FollowUpService extends CaseService {
  constructor(
    ledger: LedgerSession,
    private readonly lifecycle: CaseLifecycleService,
  ) {
    super(ledger);
  }

  settings(): FollowUpSettings {
    return getFollowUpSettings(this.db());
  }

  saveSettings(v: FollowUpSettingsValues): FollowUpSettings {
    const db = this.db();
    db.transaction(() => {
      const { expectedVersion, ...values } = v;
      if (!saveFollowUpSettings(db, values, expectedVersion, this.nowIso())) {
        throw new ApiError('CONFLICT', followUpMessages.settingsConflict);
      }
    }).immediate();
    return this.settings();
  }

  private views(db: Db, rows: readonly FollowUpRow[]): FollowUp[] {
    const today = this.today();
    const names = partyNamesOfCases(db, [...new Set(rows.map((r) => r.case_id))]);
    const proofs = new Map<number, FollowUpProof[]>();
    for (const p of proofsOfFollowUps(
      db,
      rows.filter((r) => r.status === 'DONE').map((r) => r.id),
    )) {
      const list = proofs.get(p.followup_id) ?? [];
      list.push(proofFromRow(p));
      proofs.set(p.followup_id, list);
    }
    return rows.map((r) => followUpFromRow(r, today, names, proofs.get(r.id) ?? []));
  }

  list(q: FollowUpListQuery): FollowUpPage {
    const db = this.db();
    const today = this.today();
    const weekEnd = addDaysIso(today, 7);
    // A 调解员's own cases' visits only (case-scope.ts).
    const cases = mediatorFilterOf(callerCaseScope(db));
    const filter = { visitorId: q.visitorId, text: q.text, cases };
    const rows = listFollowUpRows(db, q.bucket, filter, today, weekEnd, q.offset, q.limit);
    const counts = countBuckets(db, filter, today, weekEnd);
    return { bucket: q.bucket, today, rows: this.views(db, rows), total: counts[q.bucket], counts };
  }

  ofCase(caseId: number): FollowUp[] {
    const db = this.db();
    if (!getCaseRow(db, caseId))
      throw new ApiError('NOT_FOUND', '找不到该案件，可能已被删除或编号有误');
    return this.views(db, followUpsOfCase(db, caseId));
  }

  one(id: number): FollowUp {
    const db = this.db();
    const row = getFollowUpRow(db, id);
    if (!row) throw new ApiError('NOT_FOUND', followUpMessages.notFound);
    const [view] = this.views(db, [row]);
    if (!view) throw new ApiError('NOT_FOUND', followUpMessages.notFound);
    return view;
  }

  /** A visit planned by hand (e.g. a complaint heard after the agreement). */
  schedule(caseId: number, dueDate: string, note: string): FollowUp {
    const db = this.db();
    const id = db
      .transaction(() => {
        const row = this.requireEditable(caseId);
        this.requireVisitable(row.status);
        if (dueDate < this.today()) {
          throw badInput('计划回访日期不能早于今天', ['dueDate']);
        }
        if (dueDate > addDaysIso(this.today(), 366)) {
          throw badInput('计划回访日期不能晚于一年以后', ['dueDate']);
        }
        const agreement = signedAgreementsOfCase(db, caseId).at(-1);
        return insertFollowUp(
          db,
          { caseId, agreementId: agreement?.id ?? null, origin: 'MANUAL', note, dueDate },
          this.nowIso(),
        );
      })
      .immediate();
    return this.one(id);
  }

  cancel(id: number, expectedVersion: number, reason: string): FollowUp {
    const db = this.db();
    db.transaction(() => {
      const row = getFollowUpRow(db, id);
      if (!row) throw new ApiError('NOT_FOUND', followUpMessages.notFound);
      this.requireEditable(row.case_id);
      if (row.status !== 'SCHEDULED')
        throw new ApiError('INVALID_STATE', followUpMessages.notScheduled);
      if (!cancelFollowUp(db, id, expectedVersion, reason, this.nowIso())) {
        throw new ApiError('CONFLICT', followUpMessages.conflict);
      }
    }).immediate();
    return this.one(id);
  }

  private requireVisitable(status: CaseState): void {
    if (!VISITABLE.has(status)) {
      throw new ApiError('INVALID_STATE', '只有已达成调解协议、尚未结案的案件才能安排或登记回访');
    }
  }

  /**
   * Records a visit. The case moves on with it: a settled case enters 履行中 and 回访中, a
   * 下次回访 date becomes a new plan, and the outcome is written to the case history.
   */
  recordVisit(
    caseId: number,
    followUpId: number | null,
    expectedVersion: number,
    v: VisitValues,
  ): FollowUp {
    const db = this.db();
    const now = this.nowIso();
    const today = this.today();
    const id = db
      .transaction(() => {
        const row = this.requireEditable(caseId);
        this.requireVisitable(row.status);
        const agreements = signedAgreementsOfCase(db, caseId);
        this.checkVisit(db, caseId, v, agreements, today);
        let planId = followUpId;
        let version = expectedVersion;
        if (planId === null) {
          planId = insertFollowUp(
            db,
            {
              caseId,
              agreementId: agreements.at(-1)?.id ?? null,
              origin: 'MANUAL',
              note: '回访',
              dueDate: v.visitDate,
            },
            now,
          );
          version = 1;
        } else {
          const plan = getFollowUpRow(db, planId);
          if (!plan || plan.case_id !== caseId) {
            throw new ApiError('NOT_FOUND', followUpMessages.notFound);
          }
          if (plan.status !== 'SCHEDULED') {
            throw new ApiError('INVALID_STATE', followUpMessages.notScheduled);
          }
        }
        if (!writeVisit(db, planId, version, v, now)) {
          throw new ApiError('CONFLICT', followUpMessages.conflict);
        }
        if (v.nextStep === 'NEXT_VISIT' && v.nextVisitDate !== null) {
          insertFollowUp(
            db,
            {
              caseId,
              agreementId: agreements.at(-1)?.id ?? null,
              origin: 'NEXT_VISIT',
              note: `上次回访（${v.visitDate}）${PERFORMANCE_STATUS_LABELS[v.performance]}，再次回访`,
              dueDate: v.nextVisitDate,
            },
            now,
          );
        }
        this.advanceCase(caseId);
        // The state changes are on file as their own transitions; this entry is the visit.
        const state = getCaseRow(db, caseId)?.status ?? row.status;
        recordHistory(db, {
          caseId,
          from: state,
          to: state,
          action: 'FOLLOW_UP_VISIT',
          data: {
            followUpId: planId,
            visitDate: v.visitDate,
            performance: PERFORMANCE_STATUS_LABELS[v.performance],
            nextStep: NEXT_STEP_LABELS[v.nextStep],
            nextStepNote: v.nextStepNote,
          },
          at: now,
          actor: currentActor(),
        });
        return planId;
      })
      .immediate();
    return this.one(id);
  }

  /** SETTLED_* → PERFORMING → FOLLOW_UP, through the lifecycle so each step is on file. */
  private advanceCase(caseId: number): void {
    for (const action of ['START_PERFORMANCE', 'START_FOLLOW_UP'] as const) {
      const row = getCaseRow(this.db(), caseId);
      if (!row) return;
      const fits =
        (action === 'START_PERFORMANCE' &&
          (row.status === 'SETTLED_WRITTEN' || row.status === 'SETTLED_ORAL')) ||
        (action === 'START_FOLLOW_UP' && row.status === 'PERFORMING');
      if (fits) this.lifecycle.transition(caseId, row.version, { action });
    }
  }

  private checkVisit(
    db: Db,
    caseId: number,
    v: VisitValues,
    agreements: readonly { effective_date: string | null; number: string }[],
    today: string,
  ): void {
    if (v.visitDate > today) {
      throw badInput('回访日期不能晚于今天：未发生的回访不能登记，可先安排回访计划', [
        'visit',
        'visitDate',
      ]);
    }
    const effective = agreements
      .map((a) => a.effective_date)
      .filter((d): d is string => d !== null)
      .sort()[0];
    if (effective !== undefined && v.visitDate < effective) {
      throw badInput(`回访日期不能早于调解协议生效日期（${effective}）`, ['visit', 'visitDate']);
    }
    const names = partyNamesOfCases(db, [caseId]);
    const ofCase = (
      db.prepare('SELECT id FROM party WHERE case_id = ?').all(caseId) as { id: number }[]
    ).map((p) => p.id);
    for (const pid of v.visitedPartyIds) {
      if (!ofCase.includes(pid) || !names.has(pid)) {
        throw badInput('被回访的当事人不是本案当事人，请重新选择', ['visit', 'visitedPartyIds']);
      }
    }
    // §2.11: 回访人 must be a mediator of the room, in post.
    checkMediators(db, [v.visitorId], ['visit', 'visitorId'], true);
  }

  attachProof(followUpId: number, fileName: string, dataBase64: string): FollowUpProof {
    const bytes = Buffer.from(dataBase64, 'base64');
    if (bytes.length > MAX_SCAN_BYTES) {
      throw badInput(
        `文件太大（${(bytes.length / 1024 / 1024).toFixed(1)} MB），履行凭证最大 20 MB`,
        ['proof', 'dataBase64'],
      );
    }
    const checked = checkProofFile(fileName, bytes);
    if (!checked.ok) throw badInput(checked.message, ['proof', checked.field]);
    const db = this.db();
    const id = db
      .transaction(() => {
        const row = getFollowUpRow(db, followUpId);
        if (!row) throw new ApiError('NOT_FOUND', followUpMessages.notFound);
        this.requireEditable(row.case_id);
        if (row.status !== 'DONE') {
          throw new ApiError('INVALID_STATE', '请先登记回访情况，再上传履行凭证');
        }
        return insertProof(
          db,
          { followUpId, fileName, mediaType: checked.mediaType, bytes, sha256: sha256Hex(bytes) },
          this.nowIso(),
        );
      })
      .immediate();
    const stored = getProof(db, id);
    if (!stored) throw new ApiError('NOT_FOUND', '找不到该履行凭证');
    return proofFromRow(stored);
  }

  proof(proofId: number): ScanFile {
    const p = getProof(this.db(), proofId);
    if (!p) throw new ApiError('NOT_FOUND', '找不到该履行凭证，可能已被删除或编号有误');
    return {
      fileName: p.file_name,
      mediaType: p.media_type as ScanFile['mediaType'],
      dataBase64: p.bytes.toString('base64'),
      sha256: p.sha256,
    };
  }
}

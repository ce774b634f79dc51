import type { Agreement } from '../../../domain/agreements/agreement-views.js';
import type { CaseDetail, SavedCase } from '../../../domain/cases/case-views.js';
import {
  intake,
  openTestLedger,
  setUpRoom,
  type TestLedger,
  type TestLedgerOptions,
} from '../services/case-fixtures.js';

/** A ledger with one case in MEDIATING (accepted 2026-03-05), as the agreement flow starts. */
export interface MediatingCase {
  readonly l: TestLedger;
  readonly mediatorId: number;
  readonly detail: CaseDetail;
  readonly partyIds: readonly number[];
}

export async function mediatingCase(
  now: () => Date = () => new Date('2026-03-10T02:00:00Z'),
  options: TestLedgerOptions = {},
): Promise<MediatingCase> {
  const l = await openTestLedger(now, options);
  const { mediatorId } = await setUpRoom(l);
  const saved = await l.call<SavedCase>('cases.create', intake({ mediatorIds: [mediatorId] }));
  const accepted = await l.call<CaseDetail>('cases.transition', {
    caseId: saved.case.id,
    expectedVersion: saved.case.version,
    input: { action: 'ACCEPT', acceptedDate: '2026-03-05' },
  });
  const detail = await l.call<CaseDetail>('cases.transition', {
    caseId: accepted.id,
    expectedVersion: accepted.version,
    input: { action: 'START_MEDIATION' },
  });
  return { l, mediatorId, detail, partyIds: detail.parties.map((p) => p.id) };
}

/** A complete draft content for the case's two parties. */
export function content(m: MediatingCase, overrides: Record<string, unknown> = {}) {
  const [applicant, respondent] = m.partyIds;
  return {
    agreementNumber: '（2026）金峰调字第001号',
    agreementDate: '2026-03-10',
    partyIds: [applicant, respondent],
    agents: [],
    facts: '双方因冬季草场边界发生争议，被申请人的牛羊多次越界放牧，造成申请人草场损失。',
    disputedMatters: '草场边界位置及损失赔偿数额。',
    responsibilities: [{ partyId: respondent, text: '对越界放牧造成的损失负主要责任。' }],
    terms: [
      { kind: 'TEXT', text: '双方确认以2019年承包合同附图所示界桩为草场边界。' },
      {
        kind: 'OBLIGATION',
        obligation: {
          kind: 'MONEY',
          obligorPartyId: respondent,
          obligeePartyId: applicant,
          description: '草场损失赔偿款',
          amountFen: 3_000_000,
          dueDate: '2026-03-31',
          method: '银行转账',
        },
      },
      {
        kind: 'OBLIGATION',
        obligation: {
          kind: 'APOLOGY',
          obligorPartyId: respondent,
          obligeePartyId: applicant,
          dueDate: '2026-03-10',
        },
      },
    ],
    mediatorIds: [m.mediatorId],
    recorderName: '李明',
    ...overrides,
  };
}

export async function draftWith(m: MediatingCase, overrides: Record<string, unknown> = {}) {
  const draft = await m.l.call<Agreement>('agreements.createDraft', { caseId: m.detail.id });
  return m.l.call<Agreement>('agreements.updateDraft', {
    agreementId: draft.id,
    expectedVersion: draft.version,
    content: content(m, overrides),
  });
}

export async function generated(m: MediatingCase, overrides: Record<string, unknown> = {}) {
  const draft = await draftWith(m, overrides);
  return m.l.call<Agreement>('agreements.generate', {
    agreementId: draft.id,
    expectedVersion: draft.version,
  });
}

/** Row counts of every table the agreement API writes, to prove a refusal wrote nothing. */
export function rowCounts(m: MediatingCase): Record<string, number> {
  const db = m.l.core.ledger.db();
  const count = (table: string) =>
    (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const versions = db.prepare('SELECT group_concat(version) AS v FROM agreement').get() as {
    v: string | null;
  };
  const caseVersions = db
    .prepare('SELECT group_concat(version || status) AS v FROM case_file')
    .get() as { v: string | null };
  return {
    agreement: count('agreement'),
    agreement_attachment: count('agreement_attachment'),
    status_history: count('status_history'),
    holiday_calendar: count('holiday_calendar'),
    agreementVersions: (versions.v ?? '').length,
    agreementVersionSum: Number(
      (db.prepare('SELECT coalesce(sum(version), 0) AS s FROM agreement').get() as { s: number }).s,
    ),
    caseVersions: (caseVersions.v ?? '').length,
  };
}

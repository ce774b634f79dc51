import type { Agreement } from '../../../domain/agreements/agreement-views.js';
import type { CaseDetail, SavedCase } from '../../../domain/cases/case-views.js';
import { content } from '../agreements/agreement-fixtures.js';
import {
  intake,
  openTestLedger,
  person,
  setUpRoom,
  type TestLedger,
} from '../services/case-fixtures.js';

/**
 * A March-2026 ledger with one case of every reportable kind, made through the API:
 * a written settlement of 30,000 元 (草场, 依申请), an oral one (邻里, 主动调解, performed on the
 * spot), a failed one (合同, 公安委托, three parties of whom two are the same person), an
 * open one (婚姻家庭) and an intake never accepted.
 */
export interface ReportLedger {
  readonly l: TestLedger;
  readonly mediatorId: number;
  readonly caseIds: {
    written: number;
    oral: number;
    failed: number;
    open: number;
    intake: number;
  };
}

/** A case of the mediator, accepted 2026-03-05 and in mediation. */
export async function mediating(l: TestLedger, mediatorId: number, over: Record<string, unknown>) {
  const saved = await l.call<SavedCase>(
    'cases.create',
    intake({ mediatorIds: [mediatorId], ...over }),
  );
  const accepted = await l.call<CaseDetail>('cases.transition', {
    caseId: saved.case.id,
    expectedVersion: saved.case.version,
    input: { action: 'ACCEPT', acceptedDate: '2026-03-05' },
  });
  return l.call<CaseDetail>('cases.transition', {
    caseId: accepted.id,
    expectedVersion: accepted.version,
    input: { action: 'START_MEDIATION' },
  });
}

/** `ticking`: the clock moves one second per reading (versions and deltas need time to pass). */
export async function reportLedger(ticking = false): Promise<ReportLedger> {
  let t = Date.parse('2026-03-20T02:00:00Z');
  const l = await openTestLedger(() => new Date(ticking ? (t += 1000) : t));
  const { mediatorId } = await setUpRoom(l);

  const w = await mediating(l, mediatorId, {});
  const m = { l, mediatorId, detail: w, partyIds: w.parties.map((p) => p.id) };
  const draft = await l.call<Agreement>('agreements.createDraft', { caseId: w.id });
  const filled = await l.call<Agreement>('agreements.updateDraft', {
    agreementId: draft.id,
    expectedVersion: draft.version,
    content: content(m),
  });
  const gen = await l.call<Agreement>('agreements.generate', {
    agreementId: filled.id,
    expectedVersion: filled.version,
  });
  await l.call('agreements.recordSignatures', {
    agreementId: gen.id,
    expectedVersion: gen.version,
    signatures: {
      parties: m.partyIds.map((partyId) => ({ partyId, date: '2026-03-12', mode: 'SIGN' })),
      mediatorDate: '2026-03-12',
      recorderDate: '2026-03-12',
      sealDate: '2026-03-12',
    },
  });

  const o = await mediating(l, mediatorId, {
    source: 'PROACTIVE',
    category: 'NEIGHBOUR',
    subtype: null,
    summary: '两户因院墙排水问题发生争执。',
    parties: [
      person({ name: '李桂英', phone: { phone: '13700001111' }, idDocument: null }),
      person({
        role: 'RESPONDENT',
        name: '巴特尔',
        phone: { phone: '13700002222' },
        idDocument: null,
      }),
    ],
  });
  await l.call('agreements.registerOral', {
    caseId: o.id,
    expectedCaseVersion: o.version,
    register: {
      registerNumber: '口字第001号',
      agreedDate: '2026-03-15',
      partyIds: o.parties.map((p) => p.id),
      facts: '院墙排水沟堵塞，雨水流入邻居院内。',
      oralTerms: '被申请人当场疏通排水沟并赔礼道歉。',
      performanceStatus: 'PERFORMED_ON_SPOT',
      mediatorIds: [mediatorId],
      recorderName: '李明',
    },
  });

  const f = await mediating(l, mediatorId, {
    source: 'ENTRUSTED_POLICE',
    category: 'CONTRACT',
    subtype: null,
    summary: '借款到期未还引发争执。',
    isDifficult: true,
    parties: [
      person({ name: '张建国', phone: { phone: '13900003333' }, idDocument: null }),
      person({
        role: 'RESPONDENT',
        name: '刘强',
        phone: { phone: '13900004444' },
        idDocument: null,
      }),
      person({
        role: 'RESPONDENT',
        name: '刘强',
        phone: { phone: '13900004444' },
        idDocument: null,
      }),
    ],
  });
  await l.call('cases.transition', {
    caseId: f.id,
    expectedVersion: f.version,
    input: {
      action: 'TERMINATE_FAILED',
      terminatedDate: '2026-03-18',
      advisedRoutes: ['LITIGATION'],
      note: '双方分歧过大',
    },
  });

  const open = await mediating(l, mediatorId, {
    category: 'MARRIAGE_FAMILY',
    subtype: null,
    summary: '赡养费分担问题。',
  });
  const never = await l.call<SavedCase>(
    'cases.create',
    intake({
      mediatorIds: [mediatorId],
      category: 'OTHER',
      subtype: null,
      parties: [
        person({ name: '冶秀英', address: '格尔木市郭勒木德镇红柳村5号', idDocument: null }),
        person({
          role: 'RESPONDENT',
          name: '祁德福',
          phone: { phone: '15800006666' },
          address: '格尔木市郭勒木德镇红柳村8号',
          idDocument: null,
        }),
      ],
    }),
  );
  return {
    l,
    mediatorId,
    caseIds: {
      written: w.id,
      oral: o.id,
      failed: f.id,
      open: open.id,
      intake: never.case.id,
    },
  };
}

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openConnection } from '../../../db/connection.js';
import { migrate } from '../../../db/migrate.js';
import { MIGRATIONS } from '../../../db/migrations/index.js';
import { ledgerExportCases } from '../../../db/reports/ledger-export-query.js';
import { ledgerRows } from '../../../electron/reports/ledger-rows.js';
import type { Agreement } from '../../../domain/agreements/agreement-views.js';
import type { CaseDetail } from '../../../domain/cases/case-views.js';
import type { CaseFollowUps, FollowUp } from '../../../domain/followups/followup-views.js';
import { content } from '../agreements/agreement-fixtures.js';
import {
  instalmentTerm,
  settledWithInstalments,
  visit,
  type SettledCase,
} from './followup-fixtures.js';

/**
 * An amended agreement (变更协议) re-plans the visits not yet made, and a visit that finds the
 * agreement unperformed can reopen mediation, which ends in such an amendment.
 * The grassland case: instalments due 2026-04-15 and 2026-05-15, visits planned 7 days later.
 */

let s: SettledCase;
beforeEach(async () => {
  s = await settledWithInstalments();
}, 60_000); // generating the agreement PDF parses the fonts: slow on a loaded machine
afterEach(() => s.m.l.close());

const caseId = () => s.m.detail.id;
const overview = () => s.m.l.call<CaseFollowUps>('followups.ofCase', { caseId: caseId() });
const detail = () => s.m.l.call<CaseDetail>('cases.get', { caseId: caseId() });
const rows = async () =>
  (await overview()).visits.map((v) => [v.dueDate, v.origin, v.status, v.agreementNumber]);

async function recordFirstVisit(overrides: Record<string, unknown>): Promise<FollowUp> {
  s.setClock('2026-04-23T02:00:00Z');
  const first = (await overview()).visits[0] as FollowUp;
  return s.m.l.call<FollowUp>('followups.record', {
    caseId: caseId(),
    followUpId: first.id,
    expectedVersion: first.version,
    visit: visit(s, overrides),
  });
}

/** Amends the signed agreement with new instalments and signs it on `signDate`. */
async function amendAndSign(
  instalments: { dueDate: string; amountFen: number }[],
  signDate: string,
): Promise<Agreement> {
  const current = await s.m.l.call<Agreement>('agreements.get', { agreementId: s.agreement.id });
  const draft = await s.m.l.call<Agreement>('agreements.amend', {
    agreementId: current.id,
    expectedVersion: current.version,
    reason: '被申请人经营困难，双方同意调整第二期赔偿款的履行期限',
  });
  const updated = await s.m.l.call<Agreement>('agreements.updateDraft', {
    agreementId: draft.id,
    expectedVersion: draft.version,
    content: content(s.m, {
      agreementNumber: draft.number,
      agreementDate: draft.content?.agreementDate,
      terms: [instalmentTerm(s.m.partyIds, instalments)],
    }),
  });
  const gen = await s.m.l.call<Agreement>('agreements.generate', {
    agreementId: updated.id,
    expectedVersion: updated.version,
  });
  return s.m.l.call<Agreement>('agreements.recordSignatures', {
    agreementId: gen.id,
    expectedVersion: gen.version,
    signatures: {
      parties: s.m.partyIds.map((partyId) => ({ partyId, date: signDate, mode: 'SIGN' })),
      mediatorDate: signDate,
      recorderDate: signDate,
      sealDate: signDate,
    },
  });
}

describe('an amended agreement re-plans its follow-up visits', () => {
  it('keeps done visits, cancels derived plans, re-derives the rest and keeps hand-set plans', async () => {
    await recordFirstVisit({}); // 部分履行, next visit 2026-05-25
    const original = s.agreement.number;
    s.setClock('2026-04-25T02:00:00Z');
    const amended = await amendAndSign(
      [
        // Already due before the visit of 04-23, which looked at it: no second visit.
        { dueDate: '2026-04-15', amountFen: 1_500_000 },
        { dueDate: '2026-06-15', amountFen: 1_000_000 },
        { dueDate: '2026-07-15', amountFen: 500_000 },
      ],
      '2026-04-25',
    );
    expect(amended.status).toBe('SIGNED');
    expect(amended.effectiveDate).toBe('2026-04-25');
    expect(await rows()).toEqual([
      ['2026-04-22', 'INSTALMENT', 'DONE', original],
      ['2026-05-22', 'INSTALMENT', 'CANCELLED', original],
      ['2026-05-25', 'NEXT_VISIT', 'SCHEDULED', amended.number],
      ['2026-06-22', 'INSTALMENT', 'SCHEDULED', amended.number],
      ['2026-07-22', 'INSTALMENT', 'SCHEDULED', amended.number],
    ]);
    const o = await overview();
    expect(o.visits[1]?.cancelReason).toBe(`已由变更协议（${amended.number}）重新安排回访`);
    expect(o.visits[3]?.note).toContain('第2期10000.00元');
    // The case stays where it was: the amendment needs no transition.
    expect((await detail()).status).toBe('FOLLOW_UP');
  }, 60_000);

  it('re-plans an amendment signed before any visit from all of its instalments', async () => {
    s.setClock('2026-04-01T02:00:00Z');
    const amended = await amendAndSign(
      [
        { dueDate: '2026-04-30', amountFen: 2_000_000 },
        { dueDate: '2026-05-15', amountFen: 1_000_000 },
      ],
      '2026-04-01',
    );
    expect(await rows()).toEqual([
      ['2026-04-22', 'INSTALMENT', 'CANCELLED', s.agreement.number],
      ['2026-05-07', 'INSTALMENT', 'SCHEDULED', amended.number],
      ['2026-05-22', 'INSTALMENT', 'CANCELLED', s.agreement.number],
      ['2026-05-22', 'INSTALMENT', 'SCHEDULED', amended.number],
    ]);
    expect((await detail()).status).toBe('SETTLED_WRITTEN');
  }, 60_000);
});

describe('回访未履行，重新调解 (FOLLOW_UP → MEDIATING)', () => {
  const reopen = (c: CaseDetail, input: Record<string, unknown>) =>
    s.m.l.raw('cases.transition', {
      caseId: caseId(),
      expectedVersion: c.version,
      input: {
        action: 'REOPEN_MEDIATION',
        reason: '被申请人拒付第二期，双方同意重新协商',
        ...input,
      },
    });

  it('reopens after an unperformed visit, cancels open plans, and an amendment settles again', async () => {
    await recordFirstVisit({
      performance: 'NOT_PERFORMED',
      nextStep: 'REOPEN_MEDIATION',
      nextVisitDate: null,
      findings: '被申请人未支付第一期赔偿款，称牛羊价格下跌，无力一次支付。',
    });
    let c = await detail();
    expect(c.status).toBe('FOLLOW_UP');
    expect(c.allowedActions).toContain('REOPEN_MEDIATION');

    // Before the visit that found it, or in the future: refused on the date field.
    for (const [date, text] of [
      ['2026-04-22', /不能早于发现未履行的回访日期（2026-04-23）/],
      ['2026-04-24', /不能晚于今天/],
    ] as const) {
      const res = await reopen(c, { reopenedDate: date });
      expect(res.ok).toBe(false);
      if (!res.ok) {
        expect(res.error.code).toBe('BAD_INPUT');
        expect(res.error.message).toMatch(text);
        expect(res.error.issues?.[0]?.path).toEqual(['input', 'reopenedDate']);
      }
    }
    expect((await detail()).version).toBe(c.version);

    const reopenedRes = await reopen(c, { reopenedDate: '2026-04-23' });
    expect(reopenedRes.ok).toBe(true);
    c = await detail();
    expect(c.status).toBe('MEDIATING');
    // The renewed mediation has its own month from the day it reopened (risk LOW → 30 days).
    expect(c.dueDate).toBe('2026-05-23');
    const entry = c.timeline.find((h) => h.action === 'REOPEN_MEDIATION');
    expect(entry?.fromState).toBe('FOLLOW_UP');
    expect(entry?.data).toMatchObject({
      reopenedDate: '2026-04-23',
      unperformedVisitDate: '2026-04-23',
    });
    expect(await rows()).toEqual([
      ['2026-04-22', 'INSTALMENT', 'DONE', s.agreement.number],
      ['2026-05-22', 'INSTALMENT', 'CANCELLED', s.agreement.number],
    ]);
    // No visits while mediating again.
    const res = await s.m.l.raw('followups.schedule', {
      caseId: caseId(),
      dueDate: '2026-05-01',
      note: '回访',
    });
    expect(res.ok ? null : res.error.code).toBe('INVALID_STATE');

    s.setClock('2026-04-27T02:00:00Z');
    const amended = await amendAndSign(
      [
        { dueDate: '2026-05-31', amountFen: 1_000_000 },
        { dueDate: '2026-06-30', amountFen: 2_000_000 },
      ],
      '2026-04-27',
    );
    c = await detail();
    expect(c.status).toBe('SETTLED_WRITTEN');
    expect(c.timeline.filter((h) => h.action === 'SETTLE_WRITTEN')).toHaveLength(2);
    expect((await rows()).slice(2)).toEqual([
      ['2026-06-07', 'INSTALMENT', 'SCHEDULED', amended.number],
      ['2026-07-07', 'INSTALMENT', 'SCHEDULED', amended.number],
    ]);
    // The county counts the case once, with the amended amount and date.
    const outcome = s.m.l.core.ledger
      .db()
      .prepare(
        'SELECT outcome, outcome_date, agreement_id, amount_fen FROM case_outcome WHERE case_id = ?',
      )
      .get(caseId());
    expect(outcome).toEqual({
      outcome: 'SUCCESS_WRITTEN',
      outcome_date: '2026-04-27',
      agreement_id: amended.id,
      amount_fen: 3_000_000,
    });
  }, 90_000);

  it('refuses to reopen without an unperformed visit', async () => {
    await recordFirstVisit({
      performance: 'PERFORMED',
      satisfaction: 'SATISFIED',
      risk: 'NONE',
      nextStep: 'NONE',
      nextVisitDate: null,
    });
    const c = await detail();
    const res = await reopen(c, { reopenedDate: '2026-04-23' });
    expect(res.ok ? null : res.error.code).toBe('INVALID_STATE');
    if (!res.ok) expect(res.error.message).toMatch(/已履行.*无须重新调解/);
    expect((await detail()).status).toBe('FOLLOW_UP');
    expect((await detail()).version).toBe(c.version);
  }, 60_000);

  it('is not offered before follow-up and is refused from other states', async () => {
    const c = await detail();
    expect(c.status).toBe('SETTLED_WRITTEN');
    expect(c.allowedActions).not.toContain('REOPEN_MEDIATION');
    const res = await reopen(c, { reopenedDate: '2026-03-21' });
    expect(res.ok ? null : res.error.code).toBe('INVALID_STATE');
  });
});

describe('a reopened mediation that fails (domain §3.7)', () => {
  it('keeps the counted success and records the renewed talks beside it', async () => {
    await recordFirstVisit({
      performance: 'NOT_PERFORMED',
      nextStep: 'REOPEN_MEDIATION',
      nextVisitDate: null,
      findings: '被申请人未支付第一期赔偿款。',
    });
    const db = s.m.l.core.ledger.db();
    const counted = () =>
      db
        .prepare(
          `SELECT outcome, outcome_date, agreement_id, amount_fen, reopened_result,
                  reopened_result_date FROM case_outcome WHERE case_id = ?`,
        )
        .get(caseId());
    const before = counted();
    expect(before).toEqual({
      outcome: 'SUCCESS_WRITTEN',
      outcome_date: '2026-03-20',
      agreement_id: s.agreement.id,
      amount_fen: 3_000_000,
      reopened_result: null,
      reopened_result_date: null,
    });
    let c = await detail();
    c = await s.m.l.call<CaseDetail>('cases.transition', {
      caseId: caseId(),
      expectedVersion: c.version,
      input: {
        action: 'REOPEN_MEDIATION',
        reopenedDate: '2026-04-23',
        reason: '被申请人拒付，双方同意重新协商',
      },
    });
    s.setClock('2026-05-06T02:00:00Z');
    c = await s.m.l.call<CaseDetail>('cases.transition', {
      caseId: caseId(),
      expectedVersion: c.version,
      input: {
        action: 'TERMINATE_FAILED',
        terminatedDate: '2026-05-06',
        advisedRoutes: ['LITIGATION'],
        note: '重新协商未果，已告知申请人可向人民法院起诉',
      },
    });
    expect(c.status).toBe('TERMINATED_FAILED');
    // The agreement was reached and counted; what failed is performance (履行数 shows it).
    expect(counted()).toEqual({
      ...(before as object),
      reopened_result: 'FAILED',
      reopened_result_date: '2026-05-06',
    });
    // The 台账 keeps 已化解 and tells the renewed talks in 回访情况.
    const rows = ledgerRows(
      ledgerExportCases(db, '2026-01-01', '2026-12-31', false),
      '金峰村',
      false,
    );
    const row = rows.find((r) => r[1] === c.caseNumber);
    expect(row?.[11]).toBe('调解达成书面协议');
    expect(row?.[12]).toBe('已化解');
    expect(row?.[14]).toBe('回访发现未履行，重新调解未达成协议（2026-05-06）');
  }, 90_000);

  it('a ledger the old trigger already changed is repaired by migration 020', async () => {
    const db = openConnection(':memory:');
    await migrate(db, {
      migrations: MIGRATIONS.filter((m) => m.version < 20),
      backupDir: null,
      now: () => new Date(),
    });
    db.pragma('foreign_keys = OFF');
    const history = db.prepare(
      `INSERT INTO status_history (case_id, from_state, to_state, action, data_json, at, actor)
       VALUES (?, 'X', 'Y', ?, '{}', '2026-03-20T02:00:00.000Z', 'x')`,
    );
    // Case 1 settled, reopened and failed; case 2 simply failed. The outcomes are written as the
    // old trigger left them.
    for (const action of ['SETTLE_WRITTEN', 'REOPEN_MEDIATION']) history.run(1, action);
    db.exec(`
      INSERT INTO agreement (id, case_id, kind, status, number, content_json, signatures_json,
        effective_date, pdf, version, created_at, updated_at)
        VALUES (7, 1, 'WRITTEN', 'SIGNED', 'A-1', '{"amountFen": 120000}', '{}', '2026-03-20',
          X'25504446', 1, 'x', 'x');
      INSERT OR REPLACE INTO case_outcome (case_id, outcome, outcome_date, agreement_id, amount_fen, persons)
        VALUES (1, 'FAILED', '2026-05-06', NULL, 0, 2), (2, 'FAILED', '2026-05-07', NULL, 0, 2);
    `);
    const migration = MIGRATIONS.find((m) => m.version === 20);
    migration?.up(db);
    expect(
      db
        .prepare(
          'SELECT case_id, outcome, outcome_date, agreement_id, amount_fen, reopened_result FROM case_outcome ORDER BY case_id',
        )
        .all(),
    ).toEqual([
      {
        case_id: 1,
        outcome: 'SUCCESS_WRITTEN',
        outcome_date: '2026-03-20',
        agreement_id: 7,
        amount_fen: 120000,
        reopened_result: 'FAILED',
      },
      {
        case_id: 2,
        outcome: 'FAILED',
        outcome_date: '2026-05-07',
        agreement_id: null,
        amount_fen: 0,
        reopened_result: null,
      },
    ]);
    db.close();
  });
});

describe('an amendment after the case is closed', () => {
  it('is refused, and so is signing one drafted before the case closed', async () => {
    const current = await s.m.l.call<Agreement>('agreements.get', { agreementId: s.agreement.id });
    const draft = await s.m.l.call<Agreement>('agreements.amend', {
      agreementId: current.id,
      expectedVersion: current.version,
      reason: '双方同意调整履行期限',
    });
    const updated = await s.m.l.call<Agreement>('agreements.updateDraft', {
      agreementId: draft.id,
      expectedVersion: draft.version,
      content: content(s.m, {
        agreementNumber: draft.number,
        agreementDate: draft.content?.agreementDate,
        terms: [instalmentTerm(s.m.partyIds, [{ dueDate: '2026-06-30', amountFen: 3_000_000 }])],
      }),
    });
    const gen = await s.m.l.call<Agreement>('agreements.generate', {
      agreementId: updated.id,
      expectedVersion: updated.version,
    });
    await recordFirstVisit({
      performance: 'PERFORMED',
      satisfaction: 'SATISFIED',
      risk: 'NONE',
      nextStep: 'NONE',
      nextVisitDate: null,
      findings: '两期赔偿款已全部付清。',
    });
    const c = await detail();
    const closed = await s.m.l.call<CaseDetail>('cases.transition', {
      caseId: caseId(),
      expectedVersion: c.version,
      input: { action: 'CLOSE', closedDate: '2026-04-23' },
    });
    expect(closed.status).toBe('CLOSED');
    const signing = await s.m.l.raw('agreements.recordSignatures', {
      agreementId: gen.id,
      expectedVersion: gen.version,
      signatures: {
        parties: s.m.partyIds.map((partyId) => ({ partyId, date: '2026-04-23', mode: 'SIGN' })),
        mediatorDate: '2026-04-23',
        recorderDate: '2026-04-23',
        sealDate: '2026-04-23',
      },
    });
    expect(signing.ok ? null : signing.error).toMatchObject({
      code: 'INVALID_STATE',
      message: expect.stringMatching(/案件已结案，不能再变更协议/),
    });
    const fresh = await s.m.l.call<Agreement>('agreements.get', { agreementId: s.agreement.id });
    const again = await s.m.l.raw('agreements.amend', {
      agreementId: fresh.id,
      expectedVersion: fresh.version,
      reason: '再次变更',
    });
    expect(again.ok ? null : again.error).toMatchObject({
      code: 'INVALID_STATE',
      message: expect.stringMatching(/请作为新的纠纷登记受理/),
    });
    // Nothing changed: the original agreement is still in force and no visit was planned.
    expect((await s.m.l.call<Agreement>('agreements.get', { agreementId: gen.id })).status).toBe(
      'GENERATED',
    );
    expect((await overview()).visits.filter((v) => v.status === 'SCHEDULED')).toEqual([]);
  }, 90_000);
});

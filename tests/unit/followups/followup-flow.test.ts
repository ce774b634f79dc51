import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../domain/cases/case-views.js';
import type {
  CaseFollowUps,
  FollowUp,
  FollowUpPage,
  FollowUpProof,
} from '../../../domain/followups/followup-views.js';
import { ledgerFingerprint } from '../support/db-fingerprint.js';
import path from 'node:path';
import {
  PDF_BYTES,
  PNG_BYTES,
  settledWithInstalments,
  visit,
  type SettledCase,
} from './followup-fixtures.js';

let s: SettledCase;
beforeEach(async () => {
  s = await settledWithInstalments();
}, 60_000); // generating the agreement PDF parses the fonts: slow on a loaded machine
afterEach(() => s.m.l.close());

const caseId = () => s.m.detail.id;
const overview = () => s.m.l.call<CaseFollowUps>('followups.ofCase', { caseId: caseId() });
const detail = () => s.m.l.call<CaseDetail>('cases.get', { caseId: caseId() });
const ledgerFile = () => path.join(s.m.l.dir, 'ledger', 'mediation-desk.sqlite');

async function expectError(method: string, input: unknown, code: string, text: RegExp) {
  const res = await s.m.l.raw(method, input);
  expect(res.ok).toBe(false);
  if (!res.ok) {
    expect(res.error.code).toBe(code);
    expect(res.error.message).toMatch(text);
  }
}

describe('follow-ups of an agreement with two instalments', () => {
  it('plans one visit per instalment, N days after each due date', async () => {
    const o = await overview();
    expect(o.visits.map((v) => [v.dueDate, v.origin, v.status])).toEqual([
      ['2026-04-22', 'INSTALMENT', 'SCHEDULED'],
      ['2026-05-22', 'INSTALMENT', 'SCHEDULED'],
    ]);
    expect(o.visits[0]?.note).toContain('第1期15000.00元');
    expect(o.visits[0]?.agreementNumber).toBe(s.agreement.number);
    expect(o.windows[0]?.deadline).toBe(s.agreement.confirmationDeadline?.deadline);
    expect(o.close.ok).toBe(false);
  });

  it('walks 部分履行 → second visit → 已履行 → close, refusing close without a good visit', async () => {
    // Close straight after settling is not even offered by the lifecycle.
    s.setClock('2026-04-23T02:00:00Z');
    let o = await overview();
    const first = o.visits[0] as FollowUp;
    const partly = await s.m.l.call<FollowUp>('followups.record', {
      caseId: caseId(),
      followUpId: first.id,
      expectedVersion: first.version,
      visit: visit(s),
    });
    expect(partly.status).toBe('DONE');
    expect(partly.visit?.performance).toBe('PARTLY');
    expect(partly.visit?.visitorName).toBe('才让');
    let c = await detail();
    expect(c.status).toBe('FOLLOW_UP');
    o = await overview();
    expect(o.visits.map((v) => [v.dueDate, v.origin, v.status])).toEqual([
      ['2026-04-22', 'INSTALMENT', 'DONE'],
      ['2026-05-22', 'INSTALMENT', 'SCHEDULED'],
      ['2026-05-25', 'NEXT_VISIT', 'SCHEDULED'],
    ]);
    expect(o.close).toMatchObject({ ok: false, needsReason: true });
    await expectError(
      'cases.transition',
      {
        caseId: caseId(),
        expectedVersion: c.version,
        input: { action: 'CLOSE', closedDate: '2026-04-23' },
      },
      'INVALID_STATE',
      /部分履行/,
    );

    // Proof of the first transfer: a PNG named .jpg is refused, a real PDF is kept with its hash.
    await expectError(
      'followups.attachProof',
      {
        followUpId: first.id,
        proof: { fileName: '转账凭证.jpg', dataBase64: PNG_BYTES.toString('base64') },
      },
      'BAD_INPUT',
      /名称与内容不符/,
    );
    const proof = await s.m.l.call<FollowUpProof>('followups.attachProof', {
      followUpId: first.id,
      proof: { fileName: '转账凭证.pdf', dataBase64: PDF_BYTES.toString('base64') },
    });
    expect(proof.sha256).toBe(createHash('sha256').update(PDF_BYTES).digest('hex'));
    expect(proof.mediaType).toBe('application/pdf');

    s.setClock('2026-05-23T02:00:00Z');
    o = await overview();
    const second = o.visits[1] as FollowUp;
    await s.m.l.call<FollowUp>('followups.record', {
      caseId: caseId(),
      followUpId: second.id,
      expectedVersion: second.version,
      visit: visit(s, {
        visitDate: '2026-05-23',
        performance: 'PERFORMED',
        satisfaction: 'SATISFIED',
        risk: 'NONE',
        nextStep: 'NONE',
        nextVisitDate: null,
        findings: '第二期赔偿款已于5月14日转账，协议全部履行完毕。',
      }),
    });
    o = await overview();
    expect(o.close.ok).toBe(true);
    c = await detail();
    const closed = await s.m.l.call<CaseDetail>('cases.transition', {
      caseId: caseId(),
      expectedVersion: c.version,
      input: { action: 'CLOSE', closedDate: '2026-05-23' },
    });
    expect(closed.status).toBe('CLOSED');
    o = await overview();
    // The plan left over (next visit of 05-25) is cancelled by the closing.
    expect(o.visits.find((v) => v.origin === 'NEXT_VISIT')?.status).toBe('CANCELLED');
  });

  it('closes a partly performed case only with a written reason', async () => {
    s.setClock('2026-04-23T02:00:00Z');
    const [first] = (await overview()).visits;
    await s.m.l.call('followups.record', {
      caseId: caseId(),
      followUpId: first?.id,
      expectedVersion: first?.version,
      visit: visit(s, {
        performance: 'NOT_PERFORMED',
        nextStep: 'ADVISE_LITIGATION',
        nextVisitDate: null,
      }),
    });
    const c = await detail();
    const closed = await s.m.l.call<CaseDetail>('cases.transition', {
      caseId: caseId(),
      expectedVersion: c.version,
      input: {
        action: 'CLOSE',
        closedDate: '2026-04-23',
        unperformedReason: '被申请人拒不履行，已告知申请人向人民法院起诉。',
      },
    });
    expect(closed.status).toBe('CLOSED');
  });

  it('refuses "回访完毕，结案" when no visit is on file', async () => {
    s.setClock('2026-04-01T02:00:00Z');
    let c = await detail();
    for (const action of ['START_PERFORMANCE', 'START_FOLLOW_UP'] as const) {
      c = await s.m.l.call<CaseDetail>('cases.transition', {
        caseId: caseId(),
        expectedVersion: c.version,
        input: { action },
      });
    }
    expect(c.status).toBe('FOLLOW_UP');
    const before = ledgerFingerprint(ledgerFile());
    await expectError(
      'cases.transition',
      {
        caseId: caseId(),
        expectedVersion: c.version,
        input: { action: 'CLOSE', closedDate: '2026-04-01' },
      },
      'INVALID_STATE',
      /尚未登记回访记录/,
    );
    expect(ledgerFingerprint(ledgerFile())).toBe(before);
  });
});

describe('bad visits are refused and write nothing', () => {
  it('refuses a visit before the agreement, in the future, by a non-mediator, or of a stranger', async () => {
    s.setClock('2026-04-23T02:00:00Z');
    const [first] = (await overview()).visits;
    const base = { caseId: caseId(), followUpId: first?.id, expectedVersion: first?.version };
    const helper = await s.m.l.call<{ id: number }>('mediators.save', {
      id: null,
      expectedVersion: 0,
      name: '网格员小王',
      isPeopleMediator: false,
      languages: ['zh'],
      active: true,
    });
    const before = ledgerFingerprint(ledgerFile());
    await expectError(
      'followups.record',
      { ...base, visit: visit(s, { visitDate: '2026-03-19', nextVisitDate: '2026-05-01' }) },
      'BAD_INPUT',
      /不能早于调解协议生效日期（2026-03-20）/,
    );
    await expectError(
      'followups.record',
      { ...base, visit: visit(s, { visitDate: '2026-04-24' }) },
      'BAD_INPUT',
      /不能晚于今天/,
    );
    await expectError(
      'followups.record',
      { ...base, visit: visit(s, { visitedPartyIds: [999_999] }) },
      'BAD_INPUT',
      /不是本案当事人/,
    );
    await expectError(
      'followups.record',
      { ...base, visit: visit(s, { visitorId: helper.id }) },
      'BAD_INPUT',
      /不是在岗的人民调解员/,
    );
    await expectError(
      'followups.record',
      { ...base, visit: visit(s, { nextStep: 'NONE', nextVisitDate: null }) },
      'BAD_INPUT',
      /请选择后续处理/,
    );
    await expectError(
      'followups.record',
      { ...base, visit: visit(s, { findings: 'a\u0000b' }) },
      'BAD_INPUT',
      /./,
    );
    await expectError(
      'followups.record',
      { ...base, visit: visit(s, { findings: '情'.repeat(6000) }) },
      'BAD_INPUT',
      /太长/,
    );
    expect(ledgerFingerprint(ledgerFile())).toBe(before);
  });

  it('refuses proofs that are not what they claim and a proof before the visit is recorded', async () => {
    const [first] = (await overview()).visits;
    await expectError(
      'followups.attachProof',
      {
        followUpId: first?.id,
        proof: { fileName: '收条.pdf', dataBase64: PDF_BYTES.toString('base64') },
      },
      'INVALID_STATE',
      /请先登记回访情况/,
    );
    await expectError(
      'followups.attachProof',
      {
        followUpId: first?.id,
        proof: {
          fileName: '收条.pdf',
          dataBase64: Buffer.from('MZ\x90\x00evil').toString('base64'),
        },
      },
      'BAD_INPUT',
      /可执行程序/,
    );
  });
});

describe('the 回访 list', () => {
  it('sorts plans into overdue / today / this week / later / done', async () => {
    s.setClock('2026-04-22T02:00:00Z');
    const page = await s.m.l.call<FollowUpPage>('followups.list', { bucket: 'TODAY' });
    expect(page.rows.map((r) => r.dueDate)).toEqual(['2026-04-22']);
    expect(page.counts).toEqual({ OVERDUE: 0, TODAY: 1, WEEK: 0, UPCOMING: 1, DONE: 0 });
    s.setClock('2026-05-20T02:00:00Z');
    const later = await s.m.l.call<FollowUpPage>('followups.list', { bucket: 'OVERDUE' });
    expect(later.rows[0]?.overdue).toBe(true);
    expect(later.counts).toMatchObject({ OVERDUE: 1, WEEK: 1 });
    const filtered = await s.m.l.call<FollowUpPage>('followups.list', {
      bucket: 'OVERDUE',
      text: '不存在的标题',
    });
    expect(filtered.total).toBe(0);
  });
});

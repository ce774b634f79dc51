import { afterEach, describe, expect, it } from 'vitest';
import type { RenderedDocument } from '../../../domain/agreements/agreement-views.js';
import type { CaseDetail, SavedCase } from '../../../domain/cases/case-views.js';
import { pdfText, qpdfCheck } from '../agreements/pdf-tools.js';
import { mediatingCase, type MediatingCase } from '../agreements/agreement-fixtures.js';
import { intake } from '../services/case-fixtures.js';

/**
 * The closing and refusal papers (issue 15) through `documents.render` on a real ledger: each
 * is offered only at its states, takes its facts from the ledger (and, for the notice and the
 * report, the mediator's typed details), and is frozen in the print register like every paper.
 */
let m: MediatingCase;
afterEach(() => m.l.close());

const render = (caseId: number, kind: string, details: unknown = null) =>
  m.l.call<RenderedDocument>('documents.render', { caseId, kind, details });
const raw = (caseId: number, kind: string, details: unknown = null) =>
  m.l.raw('documents.render', { caseId, kind, details });
const text = (doc: RenderedDocument) =>
  pdfText(Buffer.from(doc.pdfBase64, 'base64')).replace(/\s+/g, '');

async function expectRefused(caseId: number, kind: string, code: string, message: RegExp) {
  const res = await raw(caseId, kind);
  expect(res.ok).toBe(false);
  if (!res.ok) {
    expect(res.error.code).toBe(code);
    expect(res.error.message).toMatch(message);
  }
}

const notice = {
  kind: 'MEDIATION_NOTICE',
  sessionAt: '2026-03-12T09:30',
  place: '金峰村调解室',
  bring: '身份证原件；草场承包经营权证。',
};

describe('closing and refusal papers', () => {
  it('prints the 调解通知书 while mediating, then the 终止调解告知书 and the 结案报告', async () => {
    m = await mediatingCase();
    const id = m.detail.id;
    await expectRefused(id, 'TERMINATION_NOTICE', 'INVALID_STATE', /终止调解后/);
    await expectRefused(id, 'CLOSING_REPORT', 'INVALID_STATE', /调解结束后/);
    await expectRefused(id, 'REFUSAL_NOTICE', 'INVALID_STATE', /不予受理后/);
    await expectRefused(id, 'MEDIATION_NOTICE', 'BAD_INPUT', /调解时间、地点/);
    // A party of another case, template syntax in the typed text, an impossible time.
    const wrongParty = await raw(id, 'MEDIATION_NOTICE', { ...notice, partyId: 999_999 });
    expect(wrongParty.ok).toBe(false);
    const badTime = await raw(id, 'MEDIATION_NOTICE', {
      ...notice,
      partyId: m.partyIds[0],
      sessionAt: '2026-02-30T09:30',
    });
    expect(badTime.ok).toBe(false);
    const [first, second] = m.partyIds;
    const doc = await render(id, 'MEDIATION_NOTICE', {
      ...notice,
      partyId: second,
      bring: '{{committee.name}} 身份证原件',
    });
    const t = text(doc);
    expect(t).toContain('调解通知书');
    expect(t).toContain('扎西多杰：');
    expect(t).toContain('定于2026年3月12日9时30分在金峰村调解室进行调解');
    expect(t).toContain('{{committee.name}}身份证原件');
    expect(qpdfCheck(Buffer.from(doc.pdfBase64, 'base64'))).toContain('No syntax');
    expect(doc.printed).toMatchObject({ kind: 'MEDIATION_NOTICE', printVersion: 1 });
    // Frozen: the same details give the stored bytes back; another party is its own record.
    const again = await render(id, 'MEDIATION_NOTICE', {
      ...notice,
      partyId: second,
      bring: '{{committee.name}} 身份证原件',
    });
    expect(again.sha256).toBe(doc.sha256);
    expect(again.printed.id).toBe(doc.printed.id);
    const toFirst = await render(id, 'MEDIATION_NOTICE', { ...notice, partyId: first });
    expect(toFirst.printed.recordKey).not.toBe(doc.printed.recordKey);

    const ended = await m.l.call<CaseDetail>('cases.transition', {
      caseId: id,
      expectedVersion: (await m.l.call<CaseDetail>('cases.get', { caseId: id })).version,
      input: {
        action: 'TERMINATE_FAILED',
        terminatedDate: '2026-03-09',
        advisedRoutes: ['LITIGATION', 'ARBITRATION'],
        note: '被申请人坚持草场界线以1998年承包合同为准，双方分歧较大。',
      },
    });
    await expectRefused(id, 'MEDIATION_NOTICE', 'INVALID_STATE', /调解结束前/);
    const ending = text(await render(ended.id, 'TERMINATION_NOTICE'));
    expect(ending).toContain('终止调解告知书');
    expect(ending).toContain('王芳、扎西多杰：');
    expect(ending).toContain('经调解，双方当事人未能达成调解协议');
    expect(ending).toContain('决定自2026年3月9日起终止调解');
    expect(ending).toContain('依法通过诉讼、仲裁等途径维护自己的权利');
    const report = text(await render(ended.id, 'CLOSING_REPORT'));
    for (const s of ['人民调解结案报告', '才让', '2026年3月5日', '2026年3月9日', '调解不成']) {
      expect(report).toContain(s);
    }
    expect(report).toContain('申请人：王芳');
    const printed = await m.l.call<{ kind: string }[]>('documents.listPrinted', { caseId: id });
    expect(printed.map((p) => p.kind).sort()).toEqual([
      'CLOSING_REPORT',
      'MEDIATION_NOTICE',
      'MEDIATION_NOTICE',
      'TERMINATION_NOTICE',
    ]);
  }, 120_000);

  it('prints the 不予受理通知书 of a refused application with its reason and route', async () => {
    m = await mediatingCase();
    const saved = await m.l.call<SavedCase>(
      'cases.create',
      intake({ mediatorIds: [m.mediatorId] }),
    );
    const rejected = await m.l.call<CaseDetail>('cases.transition', {
      caseId: saved.case.id,
      expectedVersion: saved.case.version,
      input: {
        action: 'REJECT',
        reason: '该纠纷已由格尔木市人民法院立案受理。',
        advisedRoute: 'LITIGATION',
        advisedRouteNote: '继续参加格尔木市人民法院的诉讼',
      },
    });
    const t = text(await render(rejected.id, 'REFUSAL_NOTICE'));
    expect(t).toContain('不予受理通知书');
    expect(t).toContain('王芳：');
    expect(t).toContain('申请调解与扎西多杰之间的草场纠纷');
    expect(t).toContain('该纠纷已由格尔木市人民法院立案受理。');
    expect(t).toContain('第二十六条');
    expect(t).toContain('通过诉讼途径解决（继续参加格尔木市人民法院的诉讼）');
    await expectRefused(rejected.id, 'CLOSING_REPORT', 'INVALID_STATE', /调解结束后/);
  }, 120_000);

  it('prints the 重大纠纷信息报告 only for high-risk disputes, with what the mediator typed', async () => {
    m = await mediatingCase();
    await expectRefused(m.detail.id, 'MAJOR_DISPUTE_REPORT', 'INVALID_STATE', /“高”或“重大”/);
    const saved = await m.l.call<SavedCase>(
      'cases.create',
      intake({ mediatorIds: [m.mediatorId], riskLevel: 'CRITICAL' }),
    );
    const details = {
      kind: 'MAJOR_DISPUTE_REPORT',
      policeAttended: true,
      police: '唐古拉山镇派出所民警2名于3月2日到场。',
      measures: '已将双方隔开，暂停在争议草场放牧。',
      nextSteps: '3月6日组织双方现场勘界。',
    };
    await expectRefused(saved.case.id, 'MAJOR_DISPUTE_REPORT', 'BAD_INPUT', /公安到场情况/);
    const missing = await raw(saved.case.id, 'MAJOR_DISPUTE_REPORT', { ...details, measures: '' });
    expect(missing.ok).toBe(false);
    const t = text(await render(saved.case.id, 'MAJOR_DISPUTE_REPORT', details));
    for (const s of [
      '重大纠纷信息报告',
      '重大',
      '2人',
      '公安机关已到场：唐古拉山镇派出所民警2名于3月2日到场。',
      '已将双方隔开',
      '3月6日组织双方现场勘界。',
    ]) {
      expect(t).toContain(s);
    }
  }, 120_000);
});

import { afterEach, describe, expect, it } from 'vitest';
import type { RenderedDocument } from '../../../domain/agreements/agreement-views.js';
import type { CaseDetail, SavedCase } from '../../../domain/cases/case-views.js';
import { pdfText, qpdfCheck } from '../agreements/pdf-tools.js';
import { mediatingCase, type MediatingCase } from '../agreements/agreement-fixtures.js';
import { intake } from '../services/case-fixtures.js';

/**
 * The 委派（委托）调解结果告知函 (issue 15, must-have 7) through `documents.render` on a real
 * ledger: only for a case the court sent, only once mediation has ended, with the court's
 * lines as typed (template syntax included) and frozen in the print register.
 */
let m: MediatingCase;
afterEach(() => m.l.close());

const raw = (caseId: number) =>
  m.l.raw('documents.render', { caseId, kind: 'COURT_RESULT_LETTER' });
const render = (caseId: number) =>
  m.l.call<RenderedDocument>('documents.render', { caseId, kind: 'COURT_RESULT_LETTER' });
const text = (doc: RenderedDocument) =>
  pdfText(Buffer.from(doc.pdfBase64, 'base64')).replace(/\s+/g, '');

async function courtCase(): Promise<CaseDetail> {
  const saved = await m.l.call<SavedCase>(
    'cases.create',
    intake({
      mediatorIds: [m.mediatorId],
      source: 'ENTRUSTED_COURT',
      courtKind: 'DELEGATED',
      courtName: '格尔木市人民法院',
      courtReference: '（2026）青2801民诉前调{{case.reference}}号',
      courtReceivedOn: '2026-03-01',
    }),
  );
  const accepted = await m.l.call<CaseDetail>('cases.transition', {
    caseId: saved.case.id,
    expectedVersion: saved.case.version,
    input: { action: 'ACCEPT', acceptedDate: '2026-03-05' },
  });
  return m.l.call<CaseDetail>('cases.transition', {
    caseId: accepted.id,
    expectedVersion: accepted.version,
    input: { action: 'START_MEDIATION' },
  });
}

const expectRefused = async (caseId: number) => {
  const res = await raw(caseId);
  expect(res.ok).toBe(false);
  if (!res.ok) {
    expect(res.error.code).toBe('INVALID_STATE');
    expect(res.error.message).toContain('法院委派（委托）的案件');
  }
};

describe('调解结果告知函 to the court', () => {
  it('is refused before the end and for a case the court did not send', async () => {
    m = await mediatingCase();
    await expectRefused(m.detail.id);
    const ended = await m.l.call<CaseDetail>('cases.transition', {
      caseId: m.detail.id,
      expectedVersion: m.detail.version,
      input: {
        action: 'TERMINATE_FAILED',
        terminatedDate: '2026-03-09',
        advisedRoutes: ['LITIGATION'],
        note: '双方分歧较大。',
      },
    });
    await expectRefused(ended.id);
    const court = await courtCase();
    await expectRefused(court.id);
  }, 120_000);

  it('reports a failed mediation with the extension, prints typed text as typed, frozen', async () => {
    m = await mediatingCase();
    const c = await courtCase();
    const extended = await m.l.call<CaseDetail>('cases.extendCourtDeadline', {
      caseId: c.id,
      expectedVersion: c.version,
      consentDate: '2026-03-08',
      note: '电话征得承办法官同意',
    });
    const ended = await m.l.call<CaseDetail>('cases.transition', {
      caseId: c.id,
      expectedVersion: extended.version,
      input: {
        action: 'TERMINATE_FAILED',
        terminatedDate: '2026-03-09',
        advisedRoutes: ['LITIGATION'],
        note: '双方分歧较大。',
      },
    });
    const doc = await render(ended.id);
    const t = text(doc);
    for (const s of [
      '委派调解结果告知函',
      '格尔木市人民法院：',
      '贵院于2026年3月1日委派本委员会调解的王芳、扎西多杰之间的草场纠纷',
      '（贵院案号：（2026）青2801民诉前调{{case.reference}}号）',
      '本委员会于2026年3月5日受理，由才让主持调解',
      '经贵院于2026年3月8日同意，调解期限延长三十日',
      '调解结果：经调解，双方当事人未能达成调解协议，本委员会于2026年3月9日终止调解。',
      '现将本案退回贵院，请依法处理。',
      '特此函告。',
      '金峰村人民调解委员会（印）',
    ]) {
      expect(t).toContain(s);
    }
    expect(qpdfCheck(Buffer.from(doc.pdfBase64, 'base64'))).toContain('No syntax');
    expect(doc.printed).toMatchObject({ kind: 'COURT_RESULT_LETTER', printVersion: 1 });
    const again = await render(ended.id);
    expect(again.sha256).toBe(doc.sha256);
    expect(again.printed.id).toBe(doc.printed.id);
    const printed = await m.l.call<{ kind: string }[]>('documents.listPrinted', { caseId: c.id });
    expect(printed.map((p) => p.kind)).toEqual(['COURT_RESULT_LETTER']);
  }, 120_000);
});

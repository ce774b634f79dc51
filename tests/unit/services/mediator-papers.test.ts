import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mediator } from '../../../domain/cases/case-views.js';
import type { MediatorWorkload } from '../../../domain/cases/mediator-workload.js';
import type { StatisticsReport } from '../../../domain/statistics/compute-report.js';
import type { MediatorPaper } from '../../../electron/services/mediator-papers-service.js';
import { pdfText, qpdfCheck } from '../agreements/pdf-tools.js';
import { reportLedger, type ReportLedger } from '../reports/report-fixtures.js';

/**
 * Issue 15, must-have 4 on a real ledger: a mediator's workload and outcomes for a period
 * (agreeing with the statistics table where one mediator handles every case) and the
 * 人民调解员登记表, frozen in the mediator print register.
 */
let r: ReportLedger;
beforeAll(async () => {
  r = await reportLedger();
}, 60_000);
afterAll(() => r.l.close());

const workload = (mediatorId: number, period: string) =>
  r.l.call<MediatorWorkload>('mediators.workload', { mediatorId, period });
const indicator = (rep: StatisticsReport, id: string) =>
  rep.indicators.find((i) => i.id === id)?.value;

const profile = {
  grade: 'GRADE_2',
  filingNumber: '青司调备2026-0815',
  filingStatus: 'FILED',
  employment: 'FULL_TIME',
  gender: 'MALE',
  birthDate: '1978-06-01',
  phone: '13909791234',
  education: '大专',
  politicalStatus: '中共党员',
  workUnit: '金峰村村民委员会',
  title: '调委会主任',
  trainings: [
    {
      date: '2026-04-12',
      title: '人民调解业务培训（{{committee.name}}）',
      hours: 8,
      organiser: '格尔木市司法局',
    },
    { date: '2025-10-20', title: '矛盾纠纷排查化解专题', hours: 3.5, organiser: null },
  ],
};

describe('mediator workload', () => {
  it('counts accepted, mediated, success, agreements and open cases as the statistics do', async () => {
    const [w, rep] = await Promise.all([
      workload(r.mediatorId, '2026-03'),
      r.l.call<StatisticsReport>('statistics.get', { period: '2026-03' }),
    ]);
    expect(w.mediatorName).toBe('才让');
    expect(w.period.label).toBe('2026年3月');
    // The seed: four cases accepted on 2026-03-05 (the fifth never was).
    expect(w.accepted).toBe(4);
    expect(w.mediated - w.referred).toBe(rep.totals.cases);
    expect(w.success).toBe(rep.totals.success);
    expect(w.writtenAgreements).toBe(indicator(rep, 'written_agreements'));
    expect(w.oralAgreements).toBe(indicator(rep, 'oral_agreements'));
    expect(w.openAtEnd).toBe(rep.totals.open);
    expect(w.failed).toBe(1);
    expect(w.successRate).toBeCloseTo((w.success / w.mediated) * 100, 2);
    expect(w.amountFen).toBe(3_000_000);
    expect(w.outcomes.map((o) => o.caseId).sort()).toEqual(
      [r.caseIds.written, r.caseIds.oral, r.caseIds.failed].sort(),
    );
    // A half-year and a year hold the same; February holds nothing.
    expect((await workload(r.mediatorId, '2026-H1')).success).toBe(w.success);
    const feb = await workload(r.mediatorId, '2026-02');
    expect([feb.accepted, feb.mediated, feb.openAtEnd, feb.outcomes.length]).toEqual([0, 0, 0, 0]);
    expect(feb.successRate).toBeNull();
  });

  it('a mediator with no cases has zeros; bad periods and unknown mediators are refused', async () => {
    const other = await r.l.call<Mediator>('mediators.save', {
      id: null,
      expectedVersion: 0,
      name: '李明',
      isPeopleMediator: true,
      languages: ['zh'],
      active: true,
    });
    const w = await workload(other.id, '2026');
    expect([w.accepted, w.mediated, w.success, w.followUps, w.openAtEnd]).toEqual([0, 0, 0, 0, 0]);
    for (const period of ['2026-13', '2026-H3', '2099', "2026'; DROP TABLE case_file;--"]) {
      const res = await r.l.raw('mediators.workload', { mediatorId: other.id, period });
      expect(res.ok, period).toBe(false);
      if (!res.ok) expect(res.error.code).toBe('BAD_INPUT');
    }
    const missing = await r.l.raw('mediators.workload', { mediatorId: 999_999, period: '2026' });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.code).toBe('NOT_FOUND');
  });
});

describe('人民调解员登记表', () => {
  it('prints the profile, keeps typed text as typed, and is frozen per profile version', async () => {
    const [m] = await r.l.call<Mediator[]>('mediators.list', {});
    const saved = await r.l.call<Mediator>('mediators.save', {
      id: m!.id,
      expectedVersion: m!.version,
      name: m!.name,
      isPeopleMediator: true,
      languages: ['zh', 'bo'],
      active: true,
      profile,
    });
    const first = await r.l.call<MediatorPaper>('mediators.registerForm', {
      mediatorId: saved.id,
    });
    const bytes = Buffer.from(first.pdfBase64, 'base64');
    expect(qpdfCheck(bytes)).toContain('No syntax');
    const text = pdfText(bytes).replace(/\s+/g, '');
    for (const s of [
      '人民调解员登记表',
      '才让',
      '二级人民调解员',
      '已备案',
      '青司调备2026-0815',
      '专职',
      '汉语、藏语',
      '金峰村人民调解委员会',
      '共参加培训2次，合计11.5学时',
      '人民调解业务培训',
      '（{{committee.name}}）',
      '格尔木市司法局',
      '备案意见',
      '本人签名',
    ]) {
      expect(text).toContain(s);
    }
    // Trainings print oldest first.
    expect(text.indexOf('2025年10月20日')).toBeLessThan(text.indexOf('2026年4月12日'));
    expect(first.printVersion).toBe(1);
    expect(first.fileName).toBe('人民调解员登记表_才让.pdf');

    const again = await r.l.call<MediatorPaper>('mediators.registerForm', {
      mediatorId: saved.id,
    });
    expect(again.sha256).toBe(first.sha256);
    expect(again.printVersion).toBe(1);

    const regraded = await r.l.call<Mediator>('mediators.save', {
      id: saved.id,
      expectedVersion: saved.version,
      name: saved.name,
      isPeopleMediator: true,
      languages: ['zh', 'bo'],
      active: true,
      profile: { ...profile, grade: 'GRADE_1' },
    });
    const second = await r.l.call<MediatorPaper>('mediators.registerForm', {
      mediatorId: regraded.id,
    });
    expect(second.printVersion).toBe(2);
    expect(pdfText(Buffer.from(second.pdfBase64, 'base64'))).toContain('一级人民调解员');
    // The register refuses to rewrite a stored print.
    const db = r.l.core.ledger.db();
    expect(() => db.prepare('DELETE FROM mediator_printed_document').run()).toThrow(/immutable/);
    expect(() => db.prepare("UPDATE mediator_printed_document SET file_name = 'x'").run()).toThrow(
      /immutable/,
    );
  }, 120_000);

  it('prints a mediator never profiled with blank lines, and refuses unknown ids', async () => {
    const blank = await r.l.call<Mediator>('mediators.save', {
      id: null,
      expectedVersion: 0,
      name: '马海龙',
      isPeopleMediator: false,
      languages: ['zh'],
      active: false,
    });
    const paper = await r.l.call<MediatorPaper>('mediators.registerForm', {
      mediatorId: blank.id,
    });
    const text = pdfText(Buffer.from(paper.pdfBase64, 'base64')).replace(/\s+/g, '');
    for (const s of [
      '马海龙',
      '未评定',
      '未备案',
      '兼职',
      '其他工作人员',
      '不在岗',
      '暂无培训记录',
    ]) {
      expect(text).toContain(s);
    }
    expect(text).not.toContain('null');
    const missing = await r.l.raw('mediators.registerForm', { mediatorId: 999_999 });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.code).toBe('NOT_FOUND');
    const bad = await r.l.raw('mediators.registerForm', { mediatorId: 'x' });
    expect(bad.ok).toBe(false);
  }, 120_000);
});
